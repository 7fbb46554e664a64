import * as http from 'http';
import type { AddressInfo } from 'net';
import { signatureV1, signatureV2, signatureV3, type HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

const VECTOR_SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('webhook signatures (hubspot.md 3.1, 3.2 test vectors)', () => {
	test('v1 official vector: hex sha256(secret + body)', () => {
		const body =
			'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
		expect(signatureV1(VECTOR_SECRET, body)).toBe('232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de');
	});
	test('v2 vectors: hex sha256(secret + method + uri + body)', () => {
		expect(signatureV2(VECTOR_SECRET, 'GET', 'https://www.example.com/webhook_uri', '')).toBe('eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e');
		expect(signatureV2(VECTOR_SECRET, 'POST', 'https://www.example.com/webhook_uri', '{"example_field":"example_value"}')).toBe(
			'9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
		);
	});
	test('v3 vector: base64 HMAC-SHA256(secret, method + uri + body + timestamp)', () => {
		expect(signatureV3(VECTOR_SECRET, 'POST', 'https://www.example.com/webhook_uri', '{"example_field":"example_value"}', 1700000000000)).toBe(
			'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=',
		);
	});
});

interface Received {
	headers: http.IncomingHttpHeaders;
	body: string;
	events: Json[];
}

describe('webhook deliveries (hubspot.md 3.3)', () => {
	let sim: HubSpotSimulator;
	let receiver: http.Server;
	let target: string;
	let received: Received[] = [];
	let answers: number[] = [];

	beforeAll(async () => {
		sim = await startForTest();
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				received.push({ headers: req.headers, body, events: JSON.parse(body) });
				res.writeHead(answers.shift() ?? 200).end();
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
		target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/hubspot?x=1`;
	});
	afterAll(async () => {
		await sim.close();
		await new Promise<void>((r) => receiver.close(() => r()));
	});
	beforeEach(() => {
		sim.reset();
		received = [];
		answers = [];
		sim.webhooks.configure({ targetUrl: target, clientSecret: 'app-secret', appId: '777', paused: true, retryBaseMs: 5, batchWindowMs: 5 });
	});

	const createDeal = (properties: Record<string, unknown>) => call(sim, 'POST', '/crm/v3/objects/deals', { properties });

	test('deliveries are JSON arrays signed v1 and v3 exactly as HubSpot signs them', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		await createDeal({ dealname: 'Signed' });
		await sim.webhooks.flush();
		expect(received).toHaveLength(1);
		const { headers, body } = received[0];
		expect(headers['x-hubspot-signature-version']).toBe('v1');
		expect(headers['x-hubspot-signature']).toBe(signatureV1('app-secret', body));
		const ts = String(headers['x-hubspot-request-timestamp']);
		expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(60_000);
		expect(headers['x-hubspot-signature-v3']).toBe(signatureV3('app-secret', 'POST', target, body, ts));
		expect(Array.isArray(JSON.parse(body))).toBe(true);
	});

	test('events carry HubSpot fields; API writes are changeSource API with the app id as sourceId', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		sim.webhooks.subscribe({ eventType: 'deal.propertyChange', propertyName: 'dealstage' });
		const deal = await createDeal({ dealname: 'D', dealstage: 'qualifiedtobuy' });
		await call(sim, 'PATCH', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { dealname: 'renamed' } });
		await call(sim, 'PATCH', `/crm/v3/objects/deals/${deal.body.id}`, { properties: { dealstage: 'closedwon' } });
		await sim.webhooks.flush();
		const events = received.flatMap((r) => r.events);
		expect(events.map((e) => e.subscriptionType)).toEqual(['deal.creation', 'deal.propertyChange', 'deal.propertyChange']);
		expect(events[0]).toMatchObject({ portalId: 62515, appId: 777, attemptNumber: 0, objectId: Number(deal.body.id), changeSource: 'API', sourceId: '1234567', changeFlag: 'CREATED' });
		expect(typeof events[0].eventId).toBe('number');
		expect(typeof events[0].occurredAt).toBe('number');
		expect(events.slice(1).map((e) => e.propertyValue)).toEqual(['qualifiedtobuy', 'closedwon']);
		expect(events[1].propertyName).toBe('dealstage');
	});

	test('a token can be set to report changeSource INTEGRATION (seen in captured app payloads) with its app id', async () => {
		sim.addToken('app-token', '*', '9318066', 'INTEGRATION');
		sim.webhooks.subscribe({ eventType: 'contact.creation' });
		await call(sim, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'i@x.io' } }, 'app-token');
		await sim.webhooks.flush();
		expect(received[0].events[0]).toMatchObject({ changeSource: 'INTEGRATION', sourceId: '9318066', changeFlag: 'CREATED' });
	});

	test('UI edits through the admin API are changeSource CRM_UI with sourceId userId:<n>', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.propertyChange', propertyName: 'amount' });
		sim.webhooks.subscribe({ eventType: 'deal.deletion' });
		const deal = await createDeal({ dealname: 'D' });
		const res = await fetch(`${sim.url}/__admin/ui/deals/${deal.body.id}/update`, { method: 'POST', body: JSON.stringify({ properties: { amount: '99' }, userId: 4242 }) });
		expect(res.status).toBe(200);
		sim.ui.delete('deals', deal.body.id);
		await sim.webhooks.flush();
		const events = received.flatMap((r) => r.events);
		expect(events[0]).toMatchObject({ subscriptionType: 'deal.propertyChange', propertyValue: '99', changeSource: 'CRM_UI', sourceId: 'userId:4242' });
		expect(events[1]).toMatchObject({ subscriptionType: 'deal.deletion', changeSource: 'CRM_UI', changeFlag: 'DELETED' });
		expect(events[1].sourceId).toMatch(/^userId:\d+$/);
	});

	test('a UI restore of a deleted record sends a restore event', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.restore' });
		const deal = await createDeal({ dealname: 'Back' });
		await call(sim, 'DELETE', `/crm/v3/objects/deals/${deal.body.id}`);
		const res = await fetch(`${sim.url}/__admin/ui/deals/${deal.body.id}/restore`, { method: 'POST', body: '{}' });
		expect(res.status).toBe(200);
		expect((await call(sim, 'GET', `/crm/v3/objects/deals/${deal.body.id}`)).status).toBe(200);
		await sim.webhooks.flush();
		expect(received.flatMap((r) => r.events)[0]).toMatchObject({ subscriptionType: 'deal.restore', changeFlag: 'RESTORED', changeSource: 'CRM_UI' });
	});

	test('merge and association events carry their fields (changelog "New subscription types for webhooks")', async () => {
		sim.webhooks.subscribe({ eventType: 'company.merge' });
		sim.webhooks.subscribe({ eventType: 'deal.associationChange' });
		const a = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'A' } });
		const b = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'B', domain: 'b.io' } });
		const deal = await createDeal({ dealname: 'D' });
		await call(sim, 'PUT', `/crm/v4/objects/deals/${deal.body.id}/associations/companies/${a.body.id}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }]);
		sim.ui.merge('companies', a.body.id, b.body.id);
		await sim.webhooks.flush();
		const events = received.flatMap((r) => r.events);
		const assoc = events.find((e) => e.subscriptionType === 'deal.associationChange');
		expect(assoc).toMatchObject({ associationType: 'DEAL_TO_COMPANY', fromObjectTypeId: '0-3', toObjectTypeId: '0-2', fromObjectId: Number(deal.body.id), toObjectId: Number(a.body.id), associationRemoved: false, isPrimaryAssociation: true });
		const merge = events.find((e) => e.subscriptionType === 'company.merge');
		expect(merge).toMatchObject({ primaryObjectId: Number(a.body.id), mergedObjectIds: [Number(b.body.id)], newObjectId: Number(a.body.id), numberOfPropertiesMoved: 1, changeSource: 'CRM_UI' });
	});

	test('events are batched, at most maxBatchSize per request', async () => {
		sim.webhooks.configure({ maxBatchSize: 2 });
		sim.webhooks.subscribe({ eventType: 'contact.creation' });
		await call(sim, 'POST', '/crm/v3/objects/contacts/batch/create', { inputs: [1, 2, 3].map((i) => ({ properties: { email: `c${i}@x.io` } })) });
		await sim.webhooks.flush();
		expect(received.map((r) => r.events.length)).toEqual([2, 1]);
	});

	test('the batch window sends without a flush when not paused', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		sim.webhooks.configure({ paused: false, batchWindowMs: 20 });
		// In-process edits in the same tick: both events certainly fall in one window, however loaded the machine.
		sim.ui.create('deals', { dealname: 'A' });
		sim.ui.create('deals', { dealname: 'B' });
		expect(await sim.webhooks.idle(2000)).toBe(true);
		expect(received).toHaveLength(1);
		expect(received[0].events).toHaveLength(2);
	});

	test('5xx is retried with the same events and attemptNumber + 1; 4xx is not retried', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		answers = [503, 200];
		sim.webhooks.configure({ paused: false });
		await createDeal({ dealname: 'A' });
		expect(await sim.webhooks.idle(3000)).toBe(true);
		expect(received.map((r) => r.events[0].attemptNumber)).toEqual([0, 1]);
		expect(received[1].events[0].eventId).toBe(received[0].events[0].eventId);
		expect(sim.webhooks.deliveries().map((d) => d.outcome)).toEqual(['retrying', 'delivered']);
		answers = [400];
		await createDeal({ dealname: 'B' });
		expect(await sim.webhooks.idle(3000)).toBe(true);
		expect(received).toHaveLength(3);
		expect(sim.webhooks.deliveries()[2]).toMatchObject({ status: 400, outcome: 'failed' });
	});

	test('a target that does not answer within timeoutMs is retried (timeout)', async () => {
		const silent = http.createServer(() => undefined);
		await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
		try {
			sim.webhooks.configure({ targetUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/slow`, timeoutMs: 50, maxRetries: 1, paused: false });
			sim.webhooks.subscribe({ eventType: 'deal.creation' });
			await createDeal({ dealname: 'A' });
			expect(await sim.webhooks.idle(3000)).toBe(true);
			const log = sim.webhooks.deliveries();
			expect(log.map((d) => [d.attemptNumber, d.outcome])).toEqual([
				[0, 'retrying'],
				[1, 'failed'],
			]);
			expect(log[0].error).toMatch(/timeout/);
		} finally {
			silent.closeAllConnections();
			await new Promise<void>((r) => silent.close(() => r()));
		}
	});

	test('connection errors are retried up to maxRetries; deliveries are logged in admin state', async () => {
		sim.webhooks.configure({ targetUrl: 'http://127.0.0.1:1/closed', maxRetries: 2, paused: false });
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		await createDeal({ dealname: 'A' });
		expect(await sim.webhooks.idle(3000)).toBe(true);
		const log = (await (await fetch(`${sim.url}/__admin/webhooks/deliveries`)).json()) as Json;
		expect(log.deliveries.map((d: Json) => [d.attemptNumber, d.outcome])).toEqual([
			[0, 'retrying'],
			[1, 'retrying'],
			[2, 'failed'],
		]);
		expect(log.deliveries[0].error).toBeTruthy();
	});

	test('pause holds events; resume delivers them', async () => {
		sim.webhooks.subscribe({ eventType: 'deal.creation' });
		await createDeal({ dealname: 'A' });
		await new Promise((r) => setTimeout(r, 30));
		expect(received).toHaveLength(0);
		expect(((await (await fetch(`${sim.url}/__admin/webhooks/pending`)).json()) as Json).events).toHaveLength(1);
		await fetch(`${sim.url}/__admin/webhooks/resume`, { method: 'POST' });
		expect(await sim.webhooks.idle(2000)).toBe(true);
		expect(received).toHaveLength(1);
	});
});

describe('webhooks management API (hubspot.md 2.1 /webhooks/v3/{appId}/settings|subscriptions)', () => {
	let sim: HubSpotSimulator;
	beforeAll(async () => {
		sim = await startForTest();
	});
	afterAll(async () => sim.close());

	const dev = (method: string, path: string, body?: unknown, key = 'demo-developer-key') =>
		fetch(`${sim.url}/webhooks/v3/1234567/${path}?hapikey=${key}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

	test('settings and subscriptions through the developer API key; wrong key -> 401', async () => {
		expect((await dev('GET', 'subscriptions', undefined, 'wrong')).status).toBe(401);
		expect((await dev('PUT', 'settings', { targetUrl: 'https://example.com/hook' })).status).toBe(200);
		const created = await dev('POST', 'subscriptions', { eventType: 'deal.propertyChange', propertyName: 'dealstage', active: true });
		expect(created.status).toBe(201);
		const sub = (await created.json()) as Json;
		expect(sub).toMatchObject({ eventType: 'deal.propertyChange', propertyName: 'dealstage', active: true });
		expect((await dev('POST', 'subscriptions', { eventType: 'deal.propertyChange' })).status).toBe(400);
		expect(sim.state().webhooks.settings.targetUrl).toBe('https://example.com/hook');
		expect(sim.state().webhooks.subscriptions).toHaveLength(1);
		expect((await dev('PATCH', `subscriptions/${sub.id}`, { active: false })).status).toBe(200);
		expect(sim.state().webhooks.subscriptions[0].active).toBe(false);
		expect((await dev('DELETE', `subscriptions/${sub.id}`)).status).toBe(204);
		expect(((await (await dev('GET', 'subscriptions')).json()) as Json).results).toEqual([]);
	});
});
