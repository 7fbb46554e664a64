import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import { HubSpotPartnerCentralTrigger } from '../../../nodes/HubSpotPartnerCentralTrigger/HubSpotPartnerCentralTrigger.node';
import { computeV1Signature, computeV3Signature, decodeUriForV3 } from '../../../nodes/shared/hubspot/signatures';

const SECRET = 'test-client-secret';
const PUBLIC_URL = 'https://n8n.example.com/webhook/3f1c/hubspot';

interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
}

interface FakeOptions {
	body: string | Buffer;
	headers?: Record<string, string>;
	params?: Record<string, unknown>;
	staticData?: IDataObject;
	secret?: string;
	originalUrl?: string;
	nodeWebhookUrl?: string;
}

function fakeContext(o: FakeOptions) {
	const response: RecordedResponse = {};
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const params: Record<string, unknown> = {
		objectTypes: ['deal'],
		actions: ['creation', 'propertyChange', 'deletion', 'merge', 'restore'],
		propertyNames: '',
		ignoreOwnWrites: false,
		ownAppIds: '',
		options: {},
		...o.params,
	};
	const staticData = o.staticData ?? {};
	const warnings: string[] = [];
	const ctx = {
		getRequestObject: () => ({
			method: 'POST',
			originalUrl: o.originalUrl ?? '/webhook/3f1c/hubspot',
			protocol: 'http',
			headers: { host: 'localhost:5678', 'content-type': 'application/json', ...o.headers },
			rawBody: Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, 'utf8'),
			body: {},
		}),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getCredentials: async () => ({ clientSecret: o.secret ?? SECRET, accessToken: 'x' }),
		getNodeWebhookUrl: () => o.nodeWebhookUrl ?? PUBLIC_URL,
		getWorkflowStaticData: () => staticData,
		getNode: () => ({ id: 'n1', name: 'HubSpot Trigger', type: 'hubSpotPartnerCentralTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => 'webhook',
		logger: { warn: (m: string) => warnings.push(m), info: () => {}, debug: () => {}, error: () => {} },
	} as unknown as IWebhookFunctions;
	return { ctx, response, staticData, warnings };
}

function signedHeaders(body: string | Buffer, url = PUBLIC_URL, timestamp = Date.now(), secret = SECRET) {
	return {
		'x-hubspot-signature-v3': computeV3Signature(secret, 'POST', decodeUriForV3(url), body, String(timestamp)),
		'x-hubspot-request-timestamp': String(timestamp),
	};
}

const event = (over: Record<string, unknown> = {}) => ({
	eventId: 1,
	subscriptionId: 11,
	portalId: 62515,
	appId: 54321,
	occurredAt: 1700000000000,
	subscriptionType: 'deal.propertyChange',
	attemptNumber: 0,
	objectId: 501,
	changeSource: 'CRM_UI',
	propertyName: 'dealstage',
	propertyValue: 'contractsent',
	...over,
});

const trigger = new HubSpotPartnerCentralTrigger();
const run = async (ctx: IWebhookFunctions) => await trigger.webhook.call(ctx);

describe('HubSpot Partner Central Trigger webhook()', () => {
	it('is a trigger with a POST webhook that answers on receipt', () => {
		expect(trigger.description.name).toBe('hubSpotPartnerCentralTrigger');
		expect(trigger.description.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', responseMode: 'onReceived' });
		expect(trigger.description.usableAsTool).toBeUndefined();
	});

	it('starts one execution with one item per event of a valid batch', async () => {
		const body = JSON.stringify([event(), event({ eventId: 2, objectId: 502, subscriptionType: 'deal.creation' })]);
		const { ctx, response } = fakeContext({ body, headers: signedHeaders(body) });
		const result = await run(ctx);
		expect(response.statusCode).toBeUndefined();
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData![0].map((i) => i.json.dealId)).toEqual(['501', '502']);
		expect(result.webhookResponse).toMatchObject({ received: 2, accepted: 2, signature: 'v3' });
	});

	it('answers 401 and starts nothing when the signature header is missing', async () => {
		const body = JSON.stringify([event()]);
		const { ctx, response, warnings } = fakeContext({ body });
		const result = await run(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		expect(JSON.stringify(response.body)).toMatch(/Missing X-HubSpot-Signature-v3/);
		expect(warnings[0]).toMatch(/401/);
	});

	it('answers 401 for a wrong secret, a stale timestamp or a tampered body', async () => {
		const body = JSON.stringify([event()]);
		for (const headers of [
			signedHeaders(body, PUBLIC_URL, Date.now(), 'wrong-secret'),
			signedHeaders(body, PUBLIC_URL, Date.now() - 6 * 60 * 1000),
			signedHeaders(body.replace('contractsent', 'closedwon')),
		]) {
			const { ctx, response, warnings } = fakeContext({ body, headers });
			const result = await run(ctx);
			expect(result.workflowData).toBeUndefined();
			expect(result.noWebhookResponse).toBe(true);
			expect(response.statusCode).toBe(401);
			expect(JSON.stringify(response.body)).not.toContain('localhost');
			if (!JSON.stringify(response.body).includes('old')) expect(warnings[0]).toContain(`URLs tried: ${PUBLIC_URL}`);
		}
	});

	it('refuses v1 unless enabled in the options', async () => {
		const body = JSON.stringify([event()]);
		const headers = { 'x-hubspot-signature': computeV1Signature(SECRET, body), 'x-hubspot-signature-version': 'v1' };
		const refused = fakeContext({ body, headers });
		expect((await run(refused.ctx)).noWebhookResponse).toBe(true);
		expect(refused.response.statusCode).toBe(401);
		const allowed = fakeContext({ body, headers, params: { options: { signatureVersions: ['v1', 'v3'] } } });
		expect((await run(allowed.ctx)).workflowData?.[0]).toHaveLength(1);
	});

	it('answers 400 and starts nothing for a signed but malformed body', async () => {
		const body = '[{"objectId": 5,';
		const { ctx, response } = fakeContext({ body, headers: signedHeaders(body) });
		const result = await run(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(400);
		const notArray = '{"objectId":5}';
		const second = fakeContext({ body: notArray, headers: signedHeaders(notArray) });
		await run(second.ctx);
		expect(second.response.statusCode).toBe(400);
	});

	it('fails loudly (HubSpot retries) when n8n gives no raw body to check the signature against', async () => {
		const body = JSON.stringify([event()]);
		const { ctx } = fakeContext({ body, headers: signedHeaders(body) });
		const original = ctx.getRequestObject;
		(ctx as unknown as { getRequestObject: () => unknown }).getRequestObject = () => ({
			...(original() as object),
			rawBody: undefined,
			body: JSON.parse(body),
		});
		await expect(run(ctx)).rejects.toThrow(/raw request body/);
	});

	it('fails loudly (HubSpot retries) when the credential has no client secret', async () => {
		const body = JSON.stringify([event()]);
		const { ctx } = fakeContext({ body, headers: signedHeaders(body), secret: '' });
		await expect(run(ctx)).rejects.toThrow(/no client secret/);
	});

	it('verifies behind a proxy through X-Forwarded headers, and with a configured public URL', async () => {
		const body = JSON.stringify([event()]);
		const proxied = 'https://crm-hooks.example.org/webhook/3f1c/hubspot?src=hs';
		const viaHeaders = fakeContext({
			body,
			originalUrl: '/webhook/3f1c/hubspot?src=hs',
			nodeWebhookUrl: 'http://localhost:5678/webhook/3f1c/hubspot',
			headers: { ...signedHeaders(body, proxied), 'x-forwarded-proto': 'https', 'x-forwarded-host': 'crm-hooks.example.org' },
		});
		expect((await run(viaHeaders.ctx)).workflowData?.[0]).toHaveLength(1);

		const tunnel = 'https://abc.tunnel.example.net/hs';
		const viaOverride = fakeContext({
			body,
			nodeWebhookUrl: 'http://localhost:5678/webhook/3f1c/hubspot',
			headers: signedHeaders(body, tunnel),
			params: { options: { publicWebhookUrl: tunnel } },
		});
		expect((await run(viaOverride.ctx)).workflowData?.[0]).toHaveLength(1);
	});

	it('verifies a URL-encoded query string and a unicode body', async () => {
		const body = Buffer.from(JSON.stringify([event({ propertyName: 'dealname', propertyValue: 'Müller GmbH — 東京 #AWS' })]), 'utf8');
		const raw = `${PUBLIC_URL}?next=https%3A%2F%2Fexample.com%2Fa%28b%29&q=a%20b`;
		const { ctx } = fakeContext({
			body,
			originalUrl: '/webhook/3f1c/hubspot?next=https%3A%2F%2Fexample.com%2Fa%28b%29&q=a%20b',
			headers: signedHeaders(body, raw),
		});
		const result = await run(ctx);
		expect(result.workflowData?.[0][0].json.propertyValue).toBe('Müller GmbH — 東京 #AWS');
	});

	it('filters by object type, event kind and property, and answers 200 without an execution when nothing is left', async () => {
		const body = JSON.stringify([
			event({ eventId: 1, propertyName: 'amount' }),
			event({ eventId: 2, subscriptionType: 'company.propertyChange', propertyName: 'dealstage' }),
			event({ eventId: 3, subscriptionType: 'deal.associationChange', propertyName: undefined }),
		]);
		const { ctx, response } = fakeContext({
			body,
			headers: signedHeaders(body),
			params: { propertyNames: 'dealstage, closedate' },
		});
		const result = await run(ctx);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBeUndefined();
		expect(response.statusCode).toBeUndefined();
		expect(result.webhookResponse).toMatchObject({ received: 3, filteredOut: 3, accepted: 0 });
	});

	it('can emit one item per record instead of one per event', async () => {
		const body = JSON.stringify([
			event({ eventId: 1, subscriptionType: 'deal.creation', propertyName: undefined }),
			event({ eventId: 2, propertyName: 'dealstage' }),
			event({ eventId: 3, objectId: 777, propertyName: 'dealstage' }),
		]);
		const { ctx } = fakeContext({ body, headers: signedHeaders(body), params: { options: { groupByRecord: true } } });
		const result = await run(ctx);
		expect(result.workflowData![0].map((i) => [i.json.dealId, i.json.actions])).toEqual([
			['501', ['creation', 'propertyChange']],
			['777', ['propertyChange']],
		]);
		expect(result.webhookResponse).toMatchObject({ accepted: 3 });
	});

	it('drops our own writes when asked', async () => {
		const body = JSON.stringify([
			event({ eventId: 1, changeSource: 'API', sourceId: '777' }),
			event({ eventId: 2, changeSource: 'INTEGRATION', sourceId: 'appId:777' }),
			event({ eventId: 3, changeSource: 'API', sourceId: '888' }),
			event({ eventId: 4, changeSource: 'CRM_UI', sourceId: 'userId:1' }),
		]);
		const { ctx } = fakeContext({
			body,
			headers: signedHeaders(body),
			params: { ignoreOwnWrites: true, ownAppIds: '777' },
		});
		const result = await run(ctx);
		expect(result.workflowData![0].map((i) => i.json.eventId)).toEqual([3, 4]);
		expect(result.webhookResponse).toMatchObject({ ownWrites: 2, accepted: 2 });
	});

	it('drops redelivered events using the workflow static data, and keeps it bounded', async () => {
		const staticData: IDataObject = {};
		const body = JSON.stringify([event({ eventId: 1 }), event({ eventId: 2, objectId: 9 })]);
		const first = fakeContext({ body, headers: signedHeaders(body), staticData });
		expect((await run(first.ctx)).workflowData![0]).toHaveLength(2);

		// HubSpot retries the same batch (attemptNumber changes) plus one new event.
		const retry = JSON.stringify([event({ eventId: 1, attemptNumber: 1 }), event({ eventId: 2, objectId: 9, attemptNumber: 1 }), event({ eventId: 3 })]);
		const second = fakeContext({ body: retry, headers: signedHeaders(retry), staticData });
		const result = await run(second.ctx);
		expect(result.workflowData![0].map((i) => i.json.eventId)).toEqual([3]);
		expect(result.webhookResponse).toMatchObject({ duplicates: 2, accepted: 1 });

		const third = fakeContext({ body: retry, headers: signedHeaders(retry), staticData });
		const none = await run(third.ctx);
		expect(none.workflowData).toBeUndefined();
		expect(none.webhookResponse).toMatchObject({ duplicates: 3, accepted: 0 });

		const bounded = fakeContext({
			body: retry,
			headers: signedHeaders(retry),
			staticData: {},
			params: { options: { dedupMaxEntries: 100 } },
		});
		await run(bounded.ctx);
		expect(Object.keys((bounded.staticData.dedup as { seen: object }).seen)).toHaveLength(3);
	});

	it('marks the static data as changed again after n8n re-wraps it for the new execution (n8n 2.40)', async () => {
		// What n8n does: the workflow's static data is an ObservableObject; starting the execution wraps the same object
		// again, which clears the "changed" mark that decides whether the webhook's static data is saved.
		const target: IDataObject = { 'node:HubSpot Trigger': { dedup: { seen: {} } } };
		const root = ObservableObject.create(target, undefined, { ignoreEmptyOnFirstChild: true }) as IDataObject & { __dataChanged?: boolean };
		const nodeData = root['node:HubSpot Trigger'] as IDataObject;
		const body = JSON.stringify([event()]);
		const result = await run(fakeContext({ body, headers: signedHeaders(body), staticData: nodeData }).ctx);
		expect(result.workflowData).toBeDefined();
		expect(root.__dataChanged).toBe(true);
		ObservableObject.create(target, undefined, { ignoreEmptyOnFirstChild: true }); // the execution's re-wrap
		expect(root.__dataChanged).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(root.__dataChanged).toBe(true);
		expect(Object.keys(((root['node:HubSpot Trigger'] as IDataObject).dedup as { seen: object }).seen)).toHaveLength(1);
	});

	it('passes redeliveries through when dedup is off', async () => {
		const staticData: IDataObject = {};
		const body = JSON.stringify([event()]);
		const params = { options: { deduplicate: false } };
		await run(fakeContext({ body, headers: signedHeaders(body), staticData, params }).ctx);
		const again = await run(fakeContext({ body, headers: signedHeaders(body), staticData, params }).ctx);
		expect(again.workflowData![0]).toHaveLength(1);
		expect(staticData.dedup).toBeUndefined();
	});
});
