import { NodeApiError } from 'n8n-workflow';

import {
	credentialFingerprint,
	credentialProblems,
	identityKey,
	normaliseCredentials,
} from '../../../nodes/shared/partnerCentral/credentials';
import {
	PartnerCentralError,
	renderPartnerCentralError,
	toNodeApiError,
} from '../../../nodes/shared/partnerCentral/errors';
import { toJsonSafe } from '../../../nodes/shared/partnerCentral/json';
import { TEST_NODE } from './helpers/fakeContext';

describe('error rendering', () => {
	it('shows name, message, Reason and each ErrorList entry as "FieldName: Message (Code)"', () => {
		const r = renderPartnerCentralError(
			{
				name: 'ValidationException',
				message: 'Validation failed',
				Reason: 'BUSINESS_VALIDATION_FAILED',
				ErrorList: [
					{ FieldName: 'LifeCycle.TargetCloseDate', Message: 'must not be in the past', Code: 'INVALID_VALUE' },
					{ FieldName: 'Customer.Account.WebsiteUrl', Message: 'is required', Code: 'REQUIRED_FIELD_MISSING' },
				],
				$metadata: { httpStatusCode: 400, requestId: 'req-1' },
			},
			{ operation: 'CreateOpportunity', catalog: 'Sandbox' },
		);
		expect(r.message).toContain('CreateOpportunity failed: ValidationException: Validation failed');
		expect(r.message).toContain('LifeCycle.TargetCloseDate: must not be in the past (INVALID_VALUE)');
		expect(r.description).toContain('Reason: BUSINESS_VALIDATION_FAILED');
		expect(r.description).toContain('- Customer.Account.WebsiteUrl: is required (REQUIRED_FIELD_MISSING)');
		expect(r.description).toMatch(/What to do: Partner Central refused the values/);
		expect(r.description).toContain('Request id: req-1');
		expect(r.httpCode).toBe('400');
	});

	it('gives a hint for each kind of failure', () => {
		const hint = (e: object) =>
			renderPartnerCentralError(e, { operation: 'GetOpportunity', catalog: 'AWS' }).details.hint;
		expect(hint({ name: 'AccessDeniedException', message: 'no' })).toMatch(
			/partnercentral:GetOpportunity in catalog "AWS"/,
		);
		expect(hint({ name: 'UnrecognizedClientException', message: 'bad token' })).toMatch(/Access Key ID/);
		expect(hint({ name: 'ResourceNotFoundException', message: 'x' })).toMatch(/catalog/);
		expect(hint({ name: 'ConflictException', message: 'x' })).toMatch(/Fetch it again/);
		expect(hint({ name: 'ThrottlingException', message: 'x', attempts: 6 })).toMatch(/after 6 attempts/);
		expect(hint({ name: 'ServiceQuotaExceededException', message: 'x' })).toMatch(/24-hour/);
		expect(hint({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toMatch(/could not reach/);
	});

	it('keeps its own message in the NodeApiError, even for network errors', () => {
		const pcError = new PartnerCentralError(
			renderPartnerCentralError(
				{ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
				{ operation: 'ListSolutions', endpoint: 'http://127.0.0.1:9' },
			),
			undefined,
		);
		const nodeError = toNodeApiError(TEST_NODE, pcError, 3);
		expect(nodeError).toBeInstanceOf(NodeApiError);
		expect(nodeError.message).toBe('ListSolutions failed: NetworkError: connect ECONNREFUSED 127.0.0.1:9');
		expect(nodeError.description).toContain('http://127.0.0.1:9');
		expect(nodeError.context.itemIndex).toBe(3);
	});
});

describe('JSON-safe output', () => {
	it('turns dates into ISO strings and drops undefined and $metadata', () => {
		expect(
			toJsonSafe({
				$metadata: { httpStatusCode: 200 },
				LastModifiedDate: new Date('2026-01-02T03:04:05.678Z'),
				List: [{ At: new Date(0), Missing: undefined }],
				Missing: undefined,
			}),
		).toEqual({ LastModifiedDate: '2026-01-02T03:04:05.678Z', List: [{ At: '1970-01-01T00:00:00.000Z' }] });
	});
});

describe('credential normalisation', () => {
	it('applies defaults and trims', () => {
		const c = normaliseCredentials({ accessKeyId: ' AKIA1 ', secretAccessKey: 's', endpointUrl: 'http://x:1/' });
		expect(c).toMatchObject({
			authentication: 'accessKeys',
			accessKeyId: 'AKIA1',
			catalog: 'AWS',
			region: 'us-east-1',
			endpointUrl: 'http://x:1',
			writesPerSecond: 1,
			readsPerSecond: 10,
			roleSessionName: 'n8n-partner-central',
			durationSeconds: 3600,
		});
	});

	it('names what is missing', () => {
		expect(credentialProblems(normaliseCredentials({}))).toEqual([
			'Access Key ID is empty',
			'Secret Access Key is empty',
		]);
		expect(
			credentialProblems(
				normaliseCredentials({ authentication: 'assumeRole', sourceCredentials: 'defaultChain', roleArn: 'nope' }),
			),
		).toEqual([
			'Role ARN "nope" does not look like arn:aws:iam::<12-digit account>:role/<name>',
			'External ID is empty (the role trust policy should require it)',
		]);
		expect(credentialProblems(normaliseCredentials({ authentication: 'defaultChain' }))).toEqual([]);
	});

	it('fingerprints content (secrets included) while the limiter key ignores rates and secrets', () => {
		const a = normaliseCredentials({ accessKeyId: 'A', secretAccessKey: 's1' });
		const b = normaliseCredentials({ accessKeyId: 'A', secretAccessKey: 's2', writesPerSecond: 5 });
		expect(credentialFingerprint(a)).not.toBe(credentialFingerprint(b));
		expect(identityKey(a)).toBe(identityKey(b));
	});
});
