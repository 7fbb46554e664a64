import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { awsPartnerCentralApiTest } from '../../../nodes/AwsPartnerCentral/methods/credentialTest';
import { normaliseCredentials } from '../../../nodes/shared/partnerCentral/credentials';
import type { PartnerCentralError } from '../../../nodes/shared/partnerCentral/errors';
import {
	partnerCentralCall,
	partnerCentralPaginate,
	sendPartnerCentral,
} from '../../../nodes/shared/partnerCentral/transport';
import { awsError, startAwsJsonServer, type AwsJsonServer } from './helpers/awsJsonServer';
import { createExecuteContext } from './helpers/fakeContext';
import { localCredentials, resetPartnerCentralCaches, useFastTiming } from './helpers/setup';

/** Transport behaviour through the real SDK client against a scripted AWS JSON endpoint. */
describe('Partner Central transport (real SDK client, scripted endpoint)', () => {
	let server: AwsJsonServer;
	let restore: () => void;

	beforeAll(async () => {
		restore = useFastTiming();
		server = await startAwsJsonServer(() => ({ body: {} }));
	});
	afterAll(async () => {
		restore();
		await server.close();
	});
	beforeEach(() => {
		resetPartnerCentralCaches();
		server.requests.length = 0;
	});

	const ctx = (extra: ICredentialDataDecryptedObject = {}) =>
		createExecuteContext({ parameters: {}, credentials: localCredentials(server.url, extra) });

	it('signs, fills Catalog from the credential and returns dates as ISO strings', async () => {
		server.setHandler(() => ({
			body: { Id: 'O1', LastModifiedDate: '2026-01-02T03:04:05.678Z', Customer: { Account: { CompanyName: 'Acme' } } },
		}));
		const out = await partnerCentralCall(ctx(), 'GetOpportunity', { Identifier: 'O1' });
		expect(out).toEqual({
			Id: 'O1',
			LastModifiedDate: '2026-01-02T03:04:05.678Z',
			Customer: { Account: { CompanyName: 'Acme' } },
		});
		const req = server.requests[0];
		expect(req.operation).toBe('GetOpportunity');
		expect(req.body).toEqual({ Catalog: 'Sandbox', Identifier: 'O1' });
		expect(String(req.headers.authorization)).toMatch(
			/^AWS4-HMAC-SHA256 Credential=AKIAPCSIMULATOR00001\/\d{8}\/us-east-1\/partnercentral-selling\/aws4_request/,
		);
		expect(req.headers['x-amz-target']).toBe('AWSPartnerCentralSelling.GetOpportunity');
	});

	it('keeps an explicit Catalog and sends none for tag operations', async () => {
		server.setHandler(() => ({ body: { Tags: [] } }));
		await partnerCentralCall(ctx(), 'ListSolutions', { Catalog: 'AWS' });
		await partnerCentralCall(ctx(), 'ListTagsForResource', { ResourceArn: 'arn:x' });
		expect(server.requests[0].body.Catalog).toBe('AWS');
		expect(server.requests[1].body).toEqual({ ResourceArn: 'arn:x' });
	});

	it('keeps one ClientToken across retries when the caller gives none', async () => {
		server.setHandler((_op, _body, n) =>
			n < 3 ? awsError('ThrottlingException', 'Rate exceeded') : { body: { Id: 'O9' } },
		);
		await partnerCentralCall(ctx(), 'CreateOpportunity', {});
		const tokens = server.requests.map((r) => r.body.ClientToken);
		expect(tokens).toHaveLength(3);
		expect(new Set(tokens).size).toBe(1);
	});

	it('hides ThrottlingException and 5xx bursts while attempts remain', async () => {
		server.setHandler((op, _body, n) => {
			if (n === 1) return awsError('ThrottlingException', 'Rate exceeded');
			if (n === 2) return awsError('InternalServerException', 'oops', {}, 500);
			if (n === 3) return { status: 503, body: {} };
			return { body: { SolutionSummaries: [] } };
		});
		const out = await partnerCentralCall(ctx(), 'ListSolutions', {});
		expect(out).toEqual({ SolutionSummaries: [] });
		expect(server.requests).toHaveLength(4);
	});

	it('is bounded: after 6 throttled attempts the error says so', async () => {
		server.setHandler(() => awsError('ThrottlingException', 'Rate exceeded'));
		const error = await partnerCentralCall(ctx(), 'ListSolutions', {}, { itemIndex: 2 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('ListSolutions failed: ThrottlingException: Rate exceeded');
		expect((error as NodeApiError).description).toMatch(/after 6 attempts/);
		expect((error as NodeApiError).context.itemIndex).toBe(2);
		expect(server.requests).toHaveLength(6);
	});

	it('does not retry validation errors and lists the fields', async () => {
		server.setHandler(() =>
			awsError('ValidationException', 'Invalid input', {
				Reason: 'REQUEST_VALIDATION_FAILED',
				ErrorList: [
					{ FieldName: 'Customer.Account.Industry', Message: 'not a valid value', Code: 'INVALID_ENUM_VALUE' },
				],
			}),
		);
		const error = (await partnerCentralCall(ctx(), 'CreateOpportunity', { ClientToken: 't' }).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(server.requests).toHaveLength(1);
		expect(error.message).toContain('Customer.Account.Industry: not a valid value (INVALID_ENUM_VALUE)');
		expect(error.description).toContain('Reason: REQUEST_VALIDATION_FAILED');
		expect(error.httpCode).toBe('400');
	});

	it('retries network failures and names the endpoint when they persist', async () => {
		server.setHandler(() => ({ drop: true }));
		const c = normaliseCredentials(localCredentials(server.url));
		const error = await sendPartnerCentral(
			c,
			'ListSolutions',
			{},
			{
				retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
			},
		).then(
			() => undefined,
			(e: unknown) => e as PartnerCentralError,
		);
		expect(server.requests).toHaveLength(3);
		expect(String(error?.rendered.details.hint)).toContain(server.url);
	});

	it('paces writes per credential: N writes take at least (N-1)/rate seconds', async () => {
		server.setHandler(() => ({ body: { Id: 'O1', LastModifiedDate: '2026-01-01T00:00:00Z' } }));
		const context = ctx({ writesPerSecond: 20 });
		const started = Date.now();
		await Promise.all(
			[1, 2, 3, 4, 5, 6].map((i) =>
				partnerCentralCall(context, 'UpdateOpportunity', {
					Identifier: `O${i}`,
					LastModifiedDate: '2026-01-01T00:00:00Z',
				}),
			),
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 50 - 5);
		// (Arrival times at the server are not checked: the first request's connection setup skews them.)
		expect(server.requests.filter((r) => r.operation === 'UpdateOpportunity')).toHaveLength(6);
	});

	it('paginates with NextToken: all pages, or stops at the limit with a smaller page size', async () => {
		const all = Array.from({ length: 7 }, (_, i) => ({ Id: `S-${i}` }));
		server.setHandler((_op, body) => {
			const start = body.NextToken ? Number(body.NextToken) : 0;
			const size = Math.min(Number(body.MaxResults ?? 3), 3);
			const page = all.slice(start, start + size);
			const next = start + size < all.length ? String(start + size) : undefined;
			return { body: { SolutionSummaries: page, ...(next ? { NextToken: next } : {}) } };
		});
		const everything = await partnerCentralPaginate(ctx(), 'ListSolutions', {}, 'SolutionSummaries');
		expect(everything.map((s) => s.Id)).toEqual(all.map((s) => s.Id));
		expect(server.requests[0].body.MaxResults).toBe(100);
		server.requests.length = 0;
		const four = await partnerCentralPaginate(ctx(), 'ListSolutions', {}, 'SolutionSummaries', { limit: 4 });
		expect(four.map((s) => s.Id)).toEqual(['S-0', 'S-1', 'S-2', 'S-3']);
		expect(server.requests.map((r) => r.body.MaxResults)).toEqual([4, 1]);
	});

	it('refuses an unusable credential before calling AWS', async () => {
		const context = createExecuteContext({
			parameters: {},
			credentials: { authentication: 'accessKeys', endpointUrl: server.url },
		});
		await expect(partnerCentralCall(context, 'ListSolutions', {})).rejects.toThrow(/InvalidCredentialSettings/);
		expect(server.requests).toHaveLength(0);
	});
});

describe('credential test (ListSolutions MaxResults 1)', () => {
	let server: AwsJsonServer;
	beforeAll(async () => {
		server = await startAwsJsonServer(() => ({ body: { SolutionSummaries: [{ Id: 'S-1' }] } }));
	});
	afterAll(async () => server.close());
	beforeEach(() => resetPartnerCentralCaches());

	const test = async (data: ICredentialDataDecryptedObject) =>
		await awsPartnerCentralApiTest.call({} as never, { id: '1', name: 'c', type: 'awsPartnerCentralApi', data });

	it('passes with working keys and calls ListSolutions in the credential catalog', async () => {
		server.requests.length = 0;
		const r = await test(localCredentials(server.url, { catalog: 'AWS' }));
		expect(r).toEqual({ status: 'OK', message: 'Connected to Partner Central (catalog AWS)' });
		expect(server.requests[0]).toMatchObject({ operation: 'ListSolutions', body: { Catalog: 'AWS', MaxResults: 1 } });
	});

	it('says the keys are invalid', async () => {
		server.setHandler(() =>
			awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
		);
		const r = await test(localCredentials(server.url));
		expect(r.status).toBe('Error');
		expect(r.message).toMatch(/^Invalid AWS keys: The security token included in the request is invalid\./);
	});

	it('says access was denied in which catalog', async () => {
		server.setHandler(() => awsError('AccessDeniedException', 'User is not authorized'));
		const r = await test(localCredentials(server.url, { catalog: 'AWS' }));
		expect(r.message).toMatch(/^Access denied in catalog AWS/);
		expect(r.message).toMatch(/Sandbox/);
	});

	it('says the endpoint cannot be reached', async () => {
		const r = await test(localCredentials('http://127.0.0.1:9'));
		expect(r.status).toBe('Error');
		expect(r.message).toMatch(/^Cannot reach http:\/\/127\.0\.0\.1:9/);
	});

	it('names missing fields', async () => {
		const r = await test({ authentication: 'accessKeys' });
		expect(r.status).toBe('Error');
		expect(r.message).toMatch(/Access Key ID is empty/);
	});
});
