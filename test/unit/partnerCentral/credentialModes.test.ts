import type { IDataObject } from 'n8n-workflow';

import {
	assumedRoleProvider,
	assumeRoleCallCount,
	identityClock,
	REFRESH_MARGIN_MS,
} from '../../../nodes/shared/partnerCentral/awsIdentity';
import { normaliseCredentials } from '../../../nodes/shared/partnerCentral/credentials';
import { partnerCentralCall } from '../../../nodes/shared/partnerCentral/transport';
import { assumeRoleXml, awsError, startAwsJsonServer, type AwsJsonServer } from './helpers/awsJsonServer';
import { createExecuteContext } from './helpers/fakeContext';
import { resetPartnerCentralCaches, useFastTiming } from './helpers/setup';

/**
 * Credential modes through the real SDK clients (Partner Central and STS) against a scripted endpoint that also
 * answers STS AssumeRole. The Authorization header shows which identity signed each request.
 */
describe('credential modes', () => {
	let server: AwsJsonServer;
	let restore: () => void;
	let sessions = 0;
	let sessionLifetimeMs = 3600_000;

	beforeAll(async () => {
		restore = useFastTiming();
		server = await startAwsJsonServer((op) => {
			if (op === 'AssumeRole') {
				sessions++;
				return { xml: assumeRoleXml(sessions, new Date(Date.now() + sessionLifetimeMs)) };
			}
			return { body: { SolutionSummaries: [] } };
		});
	});
	afterAll(async () => {
		restore();
		await server.close();
	});
	beforeEach(() => {
		resetPartnerCentralCaches();
		server.requests.length = 0;
		sessions = 0;
		sessionLifetimeMs = 3600_000;
	});

	const keyOf = (r: { headers: IDataObject }) => /Credential=([^/]+)\//.exec(String(r.headers.authorization))?.[1];
	const pcRequests = () => server.requests.filter((r) => r.operation !== 'AssumeRole');

	const roleCredentials = (extra: IDataObject = {}) => ({
		authentication: 'assumeRole',
		roleArn: 'arn:aws:iam::111122223333:role/pc',
		externalId: 'ext-secret-1',
		sourceCredentials: 'accessKeys',
		accessKeyId: 'AKIASOURCE0000000001',
		secretAccessKey: 'source-secret',
		catalog: 'Sandbox',
		endpointUrl: server.url,
		stsEndpointUrl: server.url,
		readsPerSecond: 1000,
		...extra,
	});

	it('access keys sign with the given key and session token', async () => {
		const ctx = createExecuteContext({
			parameters: {},
			credentials: {
				authentication: 'accessKeys',
				accessKeyId: 'AKIASTATIC0000000001',
				secretAccessKey: 's',
				sessionToken: 'tok-1',
				endpointUrl: server.url,
			},
		});
		await partnerCentralCall(ctx, 'ListSolutions', {});
		expect(keyOf(pcRequests()[0])).toBe('AKIASTATIC0000000001');
		expect(pcRequests()[0].headers['x-amz-security-token']).toBe('tok-1');
	});

	it('assume role: AssumeRole once with the External ID, then many requests with the session', async () => {
		const ctx = createExecuteContext({ parameters: {}, credentials: roleCredentials() });
		await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => partnerCentralCall(ctx, 'ListSolutions', {})));
		const assumes = server.requests.filter((r) => r.operation === 'AssumeRole');
		expect(assumes).toHaveLength(1);
		expect(assumes[0].body).toMatchObject({
			RoleArn: 'arn:aws:iam::111122223333:role/pc',
			ExternalId: 'ext-secret-1',
			RoleSessionName: 'n8n-partner-central',
			DurationSeconds: '3600',
		});
		expect(keyOf(assumes[0])).toBe('AKIASOURCE0000000001');
		expect(pcRequests()).toHaveLength(8);
		expect(pcRequests().every((r) => keyOf(r) === 'ASIATESTSESSION00001')).toBe(true);
		expect(pcRequests()[0].headers['x-amz-security-token']).toBe('session-token-1');
		expect(assumeRoleCallCount()).toBe(1);
	});

	it('assume role: renews the session about 5 minutes before it expires, not before', async () => {
		const provider = assumedRoleProvider(normaliseCredentials(roleCredentials()));
		const realNow = identityClock.now;
		try {
			let now = Date.now();
			identityClock.now = () => now;
			const first = await provider();
			expect(first.accessKeyId).toBe('ASIATESTSESSION00001');
			const expiry = first.expiration!.getTime();
			now = expiry - REFRESH_MARGIN_MS - 1000;
			expect((await provider()).accessKeyId).toBe('ASIATESTSESSION00001');
			now = expiry - REFRESH_MARGIN_MS + 1000;
			expect((await provider()).accessKeyId).toBe('ASIATESTSESSION00002');
			expect(sessions).toBe(2);
		} finally {
			identityClock.now = realNow;
		}
	});

	it('assume role failure explains the trust policy and is not retried', async () => {
		server.setHandler((op) =>
			op === 'AssumeRole'
				? {
						status: 403,
						xml: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error></ErrorResponse>',
					}
				: { body: {} },
		);
		try {
			const ctx = createExecuteContext({ parameters: {}, credentials: roleCredentials() });
			const error = await partnerCentralCall(ctx, 'ListSolutions', {}).then(
				() => undefined,
				(e: Error & { description?: string }) => e,
			);
			expect(error?.message).toMatch(/AssumeRoleFailed: Could not assume role arn:aws:iam::111122223333:role\/pc/);
			expect(error?.description).toMatch(/trust policy/);
			expect(pcRequests()).toHaveLength(0);
		} finally {
			server.setHandler((op) =>
				op === 'AssumeRole'
					? { xml: assumeRoleXml(++sessions, new Date(Date.now() + sessionLifetimeMs)) }
					: { body: { SolutionSummaries: [] } },
			);
		}
	});

	describe('host credentials (default chain) from environment variables', () => {
		const saved: Record<string, string | undefined> = {};
		const vars = {
			AWS_ACCESS_KEY_ID: 'AKIAHOSTENV000000001',
			AWS_SECRET_ACCESS_KEY: 'host-secret',
			AWS_SESSION_TOKEN: undefined,
			AWS_PROFILE: undefined,
		};
		beforeAll(() => {
			for (const [k, v] of Object.entries(vars)) {
				saved[k] = process.env[k];
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
			}
		});
		afterAll(() => {
			for (const [k, v] of Object.entries(saved)) {
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
			}
		});

		it('signs Partner Central calls with the host identity', async () => {
			const ctx = createExecuteContext({
				parameters: {},
				credentials: { authentication: 'defaultChain', endpointUrl: server.url },
			});
			await partnerCentralCall(ctx, 'ListSolutions', {});
			expect(keyOf(pcRequests()[0])).toBe('AKIAHOSTENV000000001');
		});

		it('assumes the role from the host identity', async () => {
			const ctx = createExecuteContext({
				parameters: {},
				credentials: roleCredentials({ sourceCredentials: 'defaultChain', accessKeyId: '', secretAccessKey: '' }),
			});
			await partnerCentralCall(ctx, 'ListSolutions', {});
			const assume = server.requests.find((r) => r.operation === 'AssumeRole')!;
			expect(keyOf(assume)).toBe('AKIAHOSTENV000000001');
			expect(keyOf(pcRequests()[0])).toMatch(/^ASIATESTSESSION/);
		});
	});

	it('renders an invalid access key in words', async () => {
		server.setHandler(() =>
			awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
		);
		const ctx = createExecuteContext({
			parameters: {},
			credentials: { accessKeyId: 'AKIABAD', secretAccessKey: 'x', endpointUrl: server.url },
		});
		await expect(partnerCentralCall(ctx, 'ListSolutions', {})).rejects.toMatchObject({
			message:
				'ListSolutions failed: UnrecognizedClientException: The security token included in the request is invalid.',
			description: expect.stringMatching(/check the Access Key ID and Secret Access Key/),
		});
	});
});
