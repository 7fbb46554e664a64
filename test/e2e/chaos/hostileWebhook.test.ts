/**
 * Hostile input at the HubSpot webhook (issue 9, "Chaos and hostile input"): fuzzed bodies and headers, oversized
 * payloads, unicode and injection-like strings. The trigger must answer a clean 4xx (or 200 with nothing accepted),
 * never throw, and never start an execution for anything it cannot trust. Property-based (fast-check) on the node's
 * own webhook() with a minimal n8n webhook context; the real-n8n version is in hostileInput.e2e.test.ts.
 */
import fc from 'fast-check';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { HubSpotPartnerCentralTrigger } from '../../../nodes/HubSpotPartnerCentralTrigger/HubSpotPartnerCentralTrigger.node';
import { computeV3Signature, decodeUriForV3 } from '../../../nodes/shared/hubspot/signatures';
import { HOSTILE_STRINGS } from './hostileStrings';

const SECRET = 'chaos-client-secret';
const URL_ = 'https://n8n.example.com/webhook/chaos/hubspot';
const trigger = new HubSpotPartnerCentralTrigger();

interface Outcome {
	result?: IWebhookResponseData;
	thrown?: Error;
	status?: number;
}

async function deliver(body: Buffer | string, headers: Record<string, string>): Promise<Outcome> {
	const out: Outcome = {};
	const res = {
		status(code: number) {
			out.status = code;
			return res;
		},
		json() {
			return res;
		},
	};
	const params: Record<string, unknown> = {
		objectTypes: ['deal'],
		actions: ['creation', 'propertyChange'],
		propertyNames: '',
		ignoreOwnWrites: true,
		ownAppIds: '1234567',
		options: {},
	};
	const staticData: IDataObject = {};
	const ctx = {
		getRequestObject: () => ({
			method: 'POST',
			originalUrl: '/webhook/chaos/hubspot',
			protocol: 'http',
			headers: { host: 'localhost:5678', 'content-type': 'application/json', ...headers },
			rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
			body: {},
		}),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getCredentials: async () => ({ clientSecret: SECRET, accessToken: 'x' }),
		getNodeWebhookUrl: () => URL_,
		getWorkflowStaticData: () => staticData,
		getNode: () => ({ id: 'n1', name: 'HubSpot Deal Webhook', type: 'hubSpotPartnerCentralTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => 'webhook',
		logger: { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} },
	} as unknown as IWebhookFunctions;
	try {
		out.result = await trigger.webhook.call(ctx);
	} catch (error) {
		out.thrown = error as Error;
	}
	return out;
}

const sign = (body: Buffer | string, timestamp = Date.now(), secret = SECRET) => ({
	'x-hubspot-signature-v3': computeV3Signature(secret, 'POST', decodeUriForV3(URL_), body, String(timestamp)),
	'x-hubspot-request-timestamp': String(timestamp),
});

/** Items the trigger would hand to the workflow. */
const items = (o: Outcome) => (o.result?.workflowData ?? []).flat().map((i) => i.json);

const headerValue = fc.oneof(
	fc.string({ maxLength: 200 }),
	fc.constantFrom(...HOSTILE_STRINGS),
	fc.constantFrom('', ' ', 'v3', 'NaN', '-1', '1e309', '9'.repeat(400), String(Date.now())),
);

describe('hostile input at the HubSpot webhook trigger', () => {
	it('answers 401 and starts nothing for any unsigned or wrongly signed request (fuzzed bodies and headers)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.string({ maxLength: 2000 }), fc.json(), fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a))),
				fc.dictionary(
					fc.constantFrom('x-hubspot-signature-v3', 'x-hubspot-request-timestamp', 'x-hubspot-signature', 'x-hubspot-signature-version', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'host'),
					headerValue,
				),
				async (body, headers) => {
					const o = await deliver(body, headers);
					expect(o.thrown).toBeUndefined();
					expect(o.status).toBe(401);
					expect(items(o)).toEqual([]);
				},
			),
			{ numRuns: 150 },
		);
	});

	it('answers 401 for a valid signature with a wrong secret or a timestamp outside five minutes', async () => {
		const body = JSON.stringify([{ eventId: 1, subscriptionType: 'deal.creation', objectId: 5, occurredAt: Date.now() }]);
		for (const headers of [sign(body, Date.now(), 'not-the-secret'), sign(body, Date.now() - 6 * 60_000), sign(body, Date.now() + 6 * 60_000)]) {
			const o = await deliver(body, headers);
			expect(o.thrown).toBeUndefined();
			expect(o.status).toBe(401);
		}
	});

	it('answers 400 (never throws) for any signed body that is not a JSON array of events', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ maxLength: 1000 }).filter((s) => !isEventArray(s)),
					fc.json().filter((s) => !isEventArray(s)),
					fc.constantFrom('', '[', '{}', 'null', '[null]', '[1]', '[[]]', '"x"', '\uFEFF', '[{"objectId":"1; DROP TABLE deals"}]'),
				),
				async (body) => {
					const o = await deliver(body, sign(body));
					expect(o.thrown).toBeUndefined();
					expect(o.status).toBe(400);
					expect(items(o)).toEqual([]);
				},
			),
			{ numRuns: 150 },
		);
	});

	it('passes signed events with hostile strings in any field as data only: each item keeps a numeric deal id', async () => {
		const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 300, unit: 'binary' }));
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						eventId: fc.integer({ min: 0 }),
						subscriptionType: fc.constantFrom('deal.creation', 'deal.propertyChange'),
						objectId: fc.oneof(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }).map(String)),
						occurredAt: fc.integer({ min: Date.now() - 86_400_000, max: Date.now() }),
						propertyName: hostile,
						propertyValue: hostile,
						changeSource: hostile,
						sourceId: hostile,
					}),
					{ minLength: 1, maxLength: 20 },
				),
				async (events) => {
					const body = JSON.stringify(events);
					const o = await deliver(body, sign(body));
					expect(o.thrown).toBeUndefined();
					expect(o.status).toBeUndefined();
					for (const item of items(o)) expect(String(item.dealId)).toMatch(/^\d+$/);
				},
			),
			{ numRuns: 60 },
		);
	});

	it('handles an oversized signed batch (5 MB, 20,000 events) without throwing, in bounded time', async () => {
		const now = Date.now();
		const events = Array.from({ length: 20_000 }, (_, i) => ({
			eventId: i,
			subscriptionType: 'deal.propertyChange',
			objectId: 1000 + (i % 50),
			occurredAt: now,
			propertyName: 'description',
			propertyValue: 'x'.repeat(200),
		}));
		const body = JSON.stringify(events);
		expect(body.length).toBeGreaterThan(4_000_000);
		const started = Date.now();
		const o = await deliver(body, sign(body));
		expect(o.thrown).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(items(o).length).toBe(20_000);
		expect(new Set(items(o).map((i) => i.dealId)).size).toBe(50);
	});

	// Found by this fuzzing (issue 9) and fixed in nodes/shared/hubspot/webhookEvents.ts (commit 2707153): the event
	// checks used to accept any finite number.
	it('a signed event with occurredAt beyond the Date range (1e20) is answered 400, not a throw', async () => {
		const body = JSON.stringify([{ eventId: 1, subscriptionType: 'deal.creation', objectId: 5, occurredAt: 1e20 }]);
		const o = await deliver(body, sign(body));
		expect(o.thrown).toBeUndefined();
		expect(o.status).toBe(400);
	});

	it('a signed event with a negative, fractional or huge objectId is answered 400, not passed on as a deal id', async () => {
		for (const objectId of [-5, 1.5, 1e21]) {
			const body = JSON.stringify([{ eventId: 1, subscriptionType: 'deal.creation', objectId, occurredAt: Date.now() }]);
			const o = await deliver(body, sign(body));
			expect(o.thrown).toBeUndefined();
			expect(o.status).toBe(400);
		}
	});
});

function isEventArray(text: string): boolean {
	try {
		const v = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
		return Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null && 'subscriptionType' in e);
	} catch {
		return false;
	}
}
