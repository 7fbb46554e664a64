/** SigV4, STS AssumeRole, quotas, EventBridge sinks, faults and the admin API of the Partner Central simulator. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as sdk from '@aws-sdk/client-partnercentral-selling';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startSimulators, type Simulators } from '../index';
import { admin, clientFor, fullOpportunity, rawCall, waitFor } from './testUtil';

let sims: Simulators;
const list = (c: sdk.PartnerCentralSellingClient) => c.send(new sdk.ListOpportunitiesCommand({ Catalog: 'AWS' }));

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
	try {
		await p;
	} catch (e) {
		return e as { name: string; message: string; $metadata: { httpStatusCode?: number } };
	}
	throw new Error('expected failure');
}

beforeAll(async () => {
	sims = await startSimulators({ timeScale: 1000 });
});
afterAll(async () => {
	await sims.close();
});
beforeEach(async () => {
	await admin(sims.partnerCentral, 'POST', '/reset');
});

describe('authentication (SigV4) and STS', () => {
	it('accepts the default key pair and logs the request with its validation result', async () => {
		const c = clientFor(sims.partnerCentral);
		expect((await list(c)).OpportunitySummaries).toEqual([]);
		const log = await admin<{ requests: { operation: string; status: number; validation: string }[] }>(sims.partnerCentral, 'GET', '/requests');
		expect(log.requests.at(-1)).toMatchObject({ operation: 'ListOpportunities', status: 200, validation: 'ok' });
	});

	it('unknown key -> UnrecognizedClientException (403); bad signature -> InvalidSignatureException (403)', async () => {
		const unknown = clientFor(sims.partnerCentral, { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }, 1);
		const e1 = await errorOf(list(unknown));
		expect(e1.name).toBe('UnrecognizedClientException');
		expect(e1.$metadata.httpStatusCode).toBe(403);
		const bad = clientFor(sims.partnerCentral, { accessKeyId: 'AKIAPCSIMULATOR00001', secretAccessKey: 'wrong' }, 1);
		const e2 = await errorOf(list(bad));
		expect(e2.name).toBe('InvalidSignatureException');
		expect(e2.$metadata.httpStatusCode).toBe(403);
	});

	it('requests without an Authorization header are refused', async () => {
		const res = await fetch(`${sims.partnerCentral.url}/`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSPartnerCentralSelling.ListOpportunities' },
			body: '{"Catalog":"AWS"}',
		});
		expect(res.status).toBe(403);
		expect(((await res.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
	});

	it('admin can add keys and deny a key -> AccessDeniedException', async () => {
		await admin(sims.partnerCentral, 'POST', '/keys', { accessKeyId: 'AKIASECONDKEY0000001', secretAccessKey: 'second-secret' });
		const c = clientFor(sims.partnerCentral, { accessKeyId: 'AKIASECONDKEY0000001', secretAccessKey: 'second-secret' }, 1);
		await list(c);
		await admin(sims.partnerCentral, 'POST', '/keys', { accessKeyId: 'AKIASECONDKEY0000001', denied: true });
		expect((await errorOf(list(c))).name).toBe('AccessDeniedException');
	});

	it('STS AssumeRole (awsQuery) with the required ExternalId returns temporary keys Partner Central and SQS accept; calls are counted', async () => {
		const roleArn = 'arn:aws:iam::111122223333:role/PartnerCentralSync';
		await admin(sims.partnerCentral, 'POST', '/roles', { roleArn, externalId: 'ext-123' });
		const sts = new STSClient({ endpoint: sims.partnerCentral.url, region: 'us-east-1', credentials: sims.partnerCentral.credentials, maxAttempts: 1 });
		const denied = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'n8n', ExternalId: 'wrong' })));
		expect(denied.name).toBe('AccessDenied');
		const r = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'n8n', ExternalId: 'ext-123' }));
		expect(r.Credentials?.AccessKeyId).toMatch(/^ASIA/u);
		expect(r.Credentials?.Expiration).toBeInstanceOf(Date);
		expect(r.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111122223333:assumed-role/PartnerCentralSync/n8n');
		const temp = { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken! };
		await list(clientFor(sims.partnerCentral, temp, 1));
		const withoutToken = await errorOf(list(clientFor(sims.partnerCentral, { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey }, 1)));
		expect(withoutToken.name).toBe('UnrecognizedClientException');
		const sqs = new SQSClient({ endpoint: sims.sqs.url, region: 'us-east-1', credentials: temp, maxAttempts: 1 });
		sims.sqs.createQueue('assumed');
		await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${sims.sqs.url}/111122223333/assumed` }));
		const who = await new STSClient({ endpoint: sims.partnerCentral.url, region: 'us-east-1', credentials: temp }).send(new GetCallerIdentityCommand({}));
		expect(who.Account).toBe('111122223333');
		const state = await admin<{ state: { counters: { assumeRole: number } } }>(sims.partnerCentral, 'GET', '/state');
		expect(state.state.counters.assumeRole).toBe(2);
		await admin(sims.partnerCentral, 'POST', '/clock/advance', { hours: 2 });
		expect((await errorOf(list(clientFor(sims.partnerCentral, temp, 1)))).name).toBe('ExpiredTokenException');
	});
});

describe('quotas (C7)', () => {
	it('writes: 1 per second shared across write operations -> ThrottlingException (HTTP 400)', async () => {
		const slow = await startSimulators({ timeScale: 1 });
		try {
			const c = clientFor(slow.partnerCentral, slow.partnerCentral.credentials, 1);
			await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'q1' }));
			const e = await errorOf(c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'q2' })));
			expect(e.name).toBe('ThrottlingException');
			expect(e.$metadata.httpStatusCode).toBe(400);
			// reads have their own budget
			await list(c);
			slow.clock.advance(1000);
			await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'q3' }));
		} finally {
			await slow.close();
		}
	});

	it('reads: 10 per second; quotas are configurable via admin (e.g. daily budget)', async () => {
		const slow = await startSimulators({ timeScale: 1 });
		try {
			const c = clientFor(slow.partnerCentral, slow.partnerCentral.credentials, 1);
			for (let i = 0; i < 10; i++) await list(c);
			expect((await errorOf(list(c))).name).toBe('ThrottlingException');
			await admin(slow.partnerCentral, 'POST', '/quotas', { groups: { read: { perSecond: 1000, perDay: 11 } } });
			await list(c);
			expect((await errorOf(list(c))).message).toContain('24 hours');
			slow.clock.advance(86_400_000);
			await list(c);
		} finally {
			await slow.close();
		}
	});
});

describe('EventBridge events (C8) delivered to sinks', () => {
	it('HTTP target receives the full envelope with the configured auth header; failures are retried then dead-lettered', async () => {
		const received: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
		let failNext = 0;
		const target = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				if (failNext > 0) {
					failNext--;
					res.writeHead(500).end();
					return;
				}
				received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown> });
				res.writeHead(200).end('{}');
			});
		});
		await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
		const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/webhook`;
		try {
			await admin(sims.partnerCentral, 'POST', '/events/sinks', { type: 'http', url, headers: { 'x-api-key': 'secret-key' }, maxAttempts: 2, retryDelayMs: 1000 });
			failNext = 1;
			const c = clientFor(sims.partnerCentral);
			const o = await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'ev1', ...fullOpportunity(sims.partnerCentral) }));
			const got = await waitFor(() => received.find((r) => r.body['detail-type'] === 'Opportunity Created'), 5000, 'delivery after retry');
			expect(got.headers['x-api-key']).toBe('secret-key');
			expect(got.body).toMatchObject({ version: '1', source: 'aws.partnercentral-selling', account: '111122223333', region: 'us-east-1', detail: { catalog: 'AWS', opportunity: { identifier: o.Id } } });
			expect(typeof got.body.id).toBe('string');
			expect(got.body.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/u);
			failNext = 10;
			await admin(sims.partnerCentral, 'POST', '/opportunities/edit', { identifier: o.Id, changes: { LifeCycle: { NextSteps: 'x' } } });
			const dlq = await waitFor(async () => {
				const d = await admin<{ deadLetters: { event: { 'detail-type': string }; attempts: number }[] }>(sims.partnerCentral, 'GET', '/events/dlq');
				return d.deadLetters.length ? d.deadLetters : undefined;
			}, 5000, 'dead letter');
			expect(dlq[0]).toMatchObject({ attempts: 2, event: { 'detail-type': 'Opportunity Updated' } });
		} finally {
			await new Promise<void>((r) => target.close(() => r()));
		}
	});

	it('SQS sink: events land in an SQS simulator queue', async () => {
		sims.sqs.createQueue('pc-events');
		await admin(sims.partnerCentral, 'POST', '/events/sinks', { type: 'sqs', queue: 'pc-events', detailTypes: ['Opportunity Created'] });
		const c = clientFor(sims.partnerCentral);
		const o = await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'Sandbox', ClientToken: 'ev2', ...fullOpportunity(sims.partnerCentral) }));
		const sqs = new SQSClient({ endpoint: sims.sqs.url, region: 'us-east-1', credentials: sims.partnerCentral.credentials });
		const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${sims.sqs.url}/111122223333/pc-events`, WaitTimeSeconds: 1 }));
		const event = JSON.parse(r.Messages![0].Body!) as { 'detail-type': string; detail: { catalog: string; opportunity: { identifier: string } } };
		expect(event['detail-type']).toBe('Opportunity Created');
		expect(event.detail).toMatchObject({ catalog: 'Sandbox', opportunity: { identifier: o.Id } });
	});
});

describe('faults (admin)', () => {
	it('InternalServerException (5xx), ThrottlingException bursts by count, connection reset, latency', async () => {
		const c = clientFor(sims.partnerCentral, sims.partnerCentral.credentials, 1);
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'internal', count: 1 });
		const e = await errorOf(list(c));
		expect(e.name).toBe('InternalServerException');
		expect(e.$metadata.httpStatusCode).toBe(500);
		await list(c);
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'throttle', count: 2 });
		expect((await errorOf(list(c))).name).toBe('ThrottlingException');
		expect((await errorOf(list(c))).name).toBe('ThrottlingException');
		await list(c);
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'reset', count: 1 });
		await expect(list(c)).rejects.toBeDefined();
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'latency', latencyMs: 300, count: 1 });
		const t = Date.now();
		await list(c);
		expect(Date.now() - t).toBeGreaterThanOrEqual(290);
		const retrying = clientFor(sims.partnerCentral, sims.partnerCentral.credentials, 3);
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'internal', count: 2 });
		const ok = await list(retrying);
		expect(ok.$metadata.attempts).toBe(3);
	});
});

describe('wire format', () => {
	it('timestamps are ISO-8601 strings on the wire (model DateTime has timestampFormat iso8601); errors carry __type + message', async () => {
		const c = clientFor(sims.partnerCentral);
		const o = await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'wire', ...fullOpportunity(sims.partnerCentral) }));
		const raw = await rawCall(sims.partnerCentral, 'GetOpportunity', JSON.stringify({ Catalog: 'AWS', Identifier: o.Id }));
		expect(raw.json.LastModifiedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u);
		const bad = await rawCall(sims.partnerCentral, 'GetOpportunity', JSON.stringify({ Catalog: 'AWS', Identifier: 'nope' }));
		expect(bad.status).toBe(400);
		expect(bad.json).toMatchObject({ __type: 'ValidationException', Reason: 'REQUEST_VALIDATION_FAILED', ErrorList: [{ FieldName: 'Identifier', Code: 'INVALID_STRING_FORMAT' }] });
		expect(typeof bad.json.message).toBe('string');
		const missing = await rawCall(sims.partnerCentral, 'GetOpportunity', JSON.stringify({ Catalog: 'AWS', Identifier: 'O999' }));
		expect(missing).toMatchObject({ status: 400, json: { __type: 'ResourceNotFoundException' } });
	});

	it('slowBody fault dribbles the response out but the SDK still gets it', async () => {
		await admin(sims.partnerCentral, 'POST', '/faults', { operation: 'ListOpportunities', kind: 'slowBody', slowBodyMs: 250, count: 1 });
		const t = Date.now();
		const r = await list(clientFor(sims.partnerCentral, sims.partnerCentral.credentials, 1));
		expect(r.OpportunitySummaries).toEqual([]);
		expect(Date.now() - t).toBeGreaterThanOrEqual(200);
	});
});

describe('admin snapshot', () => {
	it('GET /__admin/snapshot then POST it back restores the opportunities', async () => {
		const c = clientFor(sims.partnerCentral);
		const o = await c.send(new sdk.CreateOpportunityCommand({ Catalog: 'AWS', ClientToken: 'snap', ...fullOpportunity(sims.partnerCentral) }));
		const snap = await admin(sims.partnerCentral, 'GET', '/snapshot');
		await admin(sims.partnerCentral, 'POST', '/reset');
		expect((await errorOf(c.send(new sdk.GetOpportunityCommand({ Catalog: 'AWS', Identifier: o.Id! })))).name).toBe('ResourceNotFoundException');
		await admin(sims.partnerCentral, 'POST', '/snapshot', snap);
		expect((await c.send(new sdk.GetOpportunityCommand({ Catalog: 'AWS', Identifier: o.Id! }))).Id).toBe(o.Id);
	});
});
