import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AwsPartnerCentral } from '../../../nodes/AwsPartnerCentral/AwsPartnerCentral.node';
import { AwsPartnerCentralEventTrigger } from '../../../nodes/AwsPartnerCentralEventTrigger/AwsPartnerCentralEventTrigger.node';
import { SimClock } from '../../simulators/common/clock';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { seedOpportunities, uiEdit } from '../../simulators/partnerCentral/awsSide';
import { startSqsSimulator, type SqsSimulatorHandle } from '../../simulators/sqs';
import { executeContext, pcCredentials, resetCaches, triggerContext, waitUntil, webhookContext } from './helpers';

const API_KEY = 'a-long-eventbridge-connection-key';
const webhookCredential = { authType: 'apiKey', headerName: 'X-Api-Key', apiKey: API_KEY };

function event(overrides: IDataObject = {}, detail: IDataObject = {}): IDataObject {
	return {
		version: '1',
		id: 'evt-1',
		'detail-type': 'Opportunity Updated',
		source: 'aws.partnercentral-selling',
		account: '111122223333',
		time: '2026-11-24T10:00:00Z',
		region: 'us-east-1',
		resources: [],
		detail: { schemaVersion: '1', catalog: 'AWS', opportunity: { identifier: 'O1234567' }, ...detail },
		...overrides,
	};
}

describe('AWS Partner Central Event Trigger', () => {
	const trigger = new AwsPartnerCentralEventTrigger();

	describe('webhook mode (EventBridge API destination)', () => {
		const parameters = { mode: 'webhook', catalog: 'AWS', detailTypes: [] };
		async function call(headers: Record<string, string>, body: unknown, extra: IDataObject = {}) {
			const { ctx, response } = webhookContext({
				parameters: { ...parameters, ...extra },
				credentials: { partnerCentralEventWebhookApi: webhookCredential },
				headers,
				body,
			});
			const result = await trigger.webhook.call(ctx);
			return { result, response };
		}

		it('accepts a valid event with the right key and outputs one normalised item', async () => {
			const { result } = await call({ 'x-api-key': API_KEY }, event());
			const item = result.workflowData?.[0][0].json as IDataObject;
			expect(item).toMatchObject({
				eventId: 'evt-1',
				detailType: 'Opportunity Updated',
				catalog: 'AWS',
				opportunityId: 'O1234567',
				invitationId: null,
				time: '2026-11-24T10:00:00Z',
			});
			expect(item.raw).toEqual(event());
		});

		it.each([
			['no key', {}],
			['wrong key', { 'x-api-key': 'a-long-eventbridge-connection-kez' }],
			['key in another header', { authorization: API_KEY }],
		])('refuses %s with 401 and no execution', async (_label, headers) => {
			const { result, response } = await call(headers as Record<string, string>, event());
			expect(response.status).toBe(401);
			expect(result.workflowData).toBeUndefined();
			expect(result.noWebhookResponse).toBe(true);
		});

		it.each([
			['another source', event({ source: 'aws.ec2' })],
			['unknown detail-type', event({ 'detail-type': 'Opportunity Deleted' })],
			['wrong catalog', event({}, { catalog: 'Sandbox' })],
			['no detail', event({ detail: 'x' })],
			['not an object', 'hello'],
		])('refuses %s with 400 and no execution', async (_label, body) => {
			const { result, response } = await call({ 'X-API-KEY': API_KEY }, body);
			expect(response.status).toBe(400);
			expect(result.workflowData).toBeUndefined();
		});

		it('checks basic auth in constant time and accepts only the exact pair', async () => {
			const basic = { authType: 'basicAuth', user: 'eventbridge', password: 'a-long-password-123' };
			const run = async (authorization: string) => {
				const { ctx, response } = webhookContext({
					parameters,
					credentials: { partnerCentralEventWebhookApi: basic },
					headers: { authorization },
					body: event(),
				});
				const result = await trigger.webhook.call(ctx);
				return result.workflowData ? 200 : response.status;
			};
			const b64 = (s: string) => Buffer.from(s).toString('base64');
			expect(await run(`Basic ${b64('eventbridge:a-long-password-123')}`)).toBe(200);
			expect(await run(`Basic ${b64('eventbridge:a-long-password-124')}`)).toBe(401);
			expect(await run(`Bearer ${b64('eventbridge:a-long-password-123')}`)).toBe(401);
		});

		it('events from the Partner Central simulator reach n8n through an API destination; a bad key ends in the dead-letter queue', async () => {
			const executions: IDataObject[] = [];
			const server: Server = createServer((req, res) => {
				let raw = '';
				req.on('data', (c) => (raw += c));
				req.on('end', () => {
					void (async () => {
						let body: unknown = raw;
						try {
							body = JSON.parse(raw);
						} catch {
							// left as text: the envelope check refuses it
						}
						const { result, response } = await call(req.headers as Record<string, string>, body);
						if (result.workflowData) {
							executions.push(result.workflowData[0][0].json);
							res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
						} else {
							res.writeHead(response.status, { 'content-type': 'application/json' }).end(JSON.stringify(response.body));
						}
					})();
				});
			}).listen(0, '127.0.0.1');
			await new Promise((r) => server.once('listening', r));
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/partner-central-events`;
			const pc = await startPartnerCentralSimulator({ port: 0 });
			try {
				pc.sim.events.addSink({ type: 'http', url, headers: { 'X-Api-Key': API_KEY }, maxAttempts: 2, retryDelayMs: 1 });
				const bad = pc.sim.events.addSink({ type: 'http', url, headers: { 'X-Api-Key': 'wrong-key-wrong-key' }, maxAttempts: 2, retryDelayMs: 1 });
				const [id] = seedOpportunities(pc.sim, [{ Project: { Title: 'Webhook route' } }]);
				uiEdit(pc.sim, { identifier: id, changes: { Project: { Title: 'Edited' } } });
				for (let i = 0; i < 50 && (executions.length < 1 || pc.sim.events.deadLetters.length < 1); i++) {
					await pc.tick();
					await new Promise((r) => setTimeout(r, 20));
				}
				expect(executions.map((e) => [e.detailType, e.opportunityId])).toContainEqual(['Opportunity Updated', id]);
				const dead = pc.sim.events.deadLetters.filter((d) => d.sinkId === bad.id);
				expect(dead.length).toBeGreaterThanOrEqual(1);
				expect(dead[0].lastError).toMatch(/401/);
			} finally {
				await pc.close();
				await new Promise((r) => server.close(r));
			}
		});

		it('answers 200 without an execution for a valid event of a type not selected', async () => {
			const { result, response } = await call({ 'x-api-key': API_KEY }, event(), { detailTypes: ['Engagement Invitation Created'] });
			expect(response.status).toBe(200);
			expect(response.body).toMatchObject({ accepted: false, ignored: true });
			expect(result.workflowData).toBeUndefined();
		});

		it('is silent (404, no execution) when the node is in SQS mode', async () => {
			const { result, response } = await call({ 'x-api-key': API_KEY }, event(), { mode: 'sqs' });
			expect(response.status).toBe(404);
			expect(result.workflowData).toBeUndefined();
		});
	});

	describe('SQS mode (EventBridge rule -> queue, acknowledged by the workflow)', () => {
		let sqs: SqsSimulatorHandle;
		let pc: PartnerCentralSimulator;
		let queueUrl: string;
		let dlqUrl: string;
		const clock = new SimClock(20); // 20 simulated seconds per real second
		const actionNode = new AwsPartnerCentral();

		beforeAll(async () => {
			sqs = await startSqsSimulator({ port: 0, clock });
			pc = await startPartnerCentralSimulator({ port: 0, sqs });
		});
		afterAll(async () => {
			await pc.close();
			await sqs.close();
		});
		beforeEach(() => {
			resetCaches();
			pc.sim.reset();
			pc.sim.events.removeSink();
			const suffix = Math.random().toString(36).slice(2, 8);
			const dlq = sqs.createQueue(`pc-events-dlq-${suffix}`);
			dlqUrl = dlq.url;
			queueUrl = sqs.createQueue(`pc-events-${suffix}`, {
				VisibilityTimeout: '10',
				RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
			}).url;
			pc.sim.events.addSink({ type: 'sqs', queue: queueUrl, catalogs: ['AWS'] });
		});

		const credentials = () => ({ awsPartnerCentralApi: pcCredentials(pc.url) });
		const start = async (extra: IDataObject = {}) => {
			const h = triggerContext({
				parameters: { mode: 'sqs', queueUrl, catalog: 'AWS', detailTypes: [], options: { waitTimeSeconds: 2 }, ...extra },
				credentials: credentials(),
			});
			const response = await trigger.trigger.call(h.ctx);
			return { ...h, close: response.closeFunction! };
		};
		const json = (emitted: INodeExecutionData[][][]) => emitted.map((e) => e[0][0].json);
		const acknowledge = async (item: IDataObject) =>
			await actionNode.execute.call(
				executeContext({
					parameters: { resource: 'eventQueue', operation: 'acknowledge', queueUrl: item.queueUrl, receiptHandle: item.receiptHandle },
					credentials: credentials(),
				}),
			);
		const queueState = (url: string) => {
			const q = [...sqs.store.queues.values()].find((x) => x.url === url)!;
			return q.messages;
		};

		it('emits one execution per event with the queue fields; Acknowledge deletes it', async () => {
			const t = await start();
			try {
				const [id] = seedOpportunities(pc.sim, [{ Project: { Title: 'Queued' } }]);
				await waitUntil(() => t.emitted.length >= 1, 5000, 'an emitted event');
				const [item] = json(t.emitted);
				expect(item).toMatchObject({ detailType: 'Opportunity Created', catalog: 'AWS', opportunityId: id, queueUrl, receiveCount: 1 });
				expect(typeof item.receiptHandle).toBe('string');
				const out = await acknowledge(item);
				expect(out[0][0]).toEqual({ json: { acknowledged: true, queueUrl }, pairedItem: { item: 0 } });
				expect(queueState(queueUrl)).toHaveLength(0);
			} finally {
				await t.close();
			}
		});

		it('redelivers an unacknowledged message after the visibility timeout, then moves it to the dead-letter queue', async () => {
			const t = await start();
			try {
				seedOpportunities(pc.sim, [{ Project: { Title: 'Never acknowledged' } }]); // one "Opportunity Created" event
				await waitUntil(() => t.emitted.length >= 2, 8000, 'a redelivery');
				const [first, second] = json(t.emitted);
				expect(second.messageId).toBe(first.messageId);
				expect(second.eventId).toBe(first.eventId);
				expect([first.receiveCount, second.receiveCount]).toEqual([1, 2]);
				await waitUntil(() => queueState(dlqUrl).length === 1, 8000, 'the dead-letter queue');
				expect(queueState(queueUrl)).toHaveLength(0);
				expect(t.emitted).toHaveLength(2);
			} finally {
				await t.close();
			}
		});

		it('tolerates duplicates and reordering (each delivery is emitted with its eventId) and leaves invalid messages for the DLQ', async () => {
			const t = await start();
			try {
				const later = JSON.stringify(event({ id: 'evt-2', time: '2026-11-24T10:05:00Z' }));
				const earlier = JSON.stringify(event({ id: 'evt-1', time: '2026-11-24T10:00:00Z' }));
				sqs.enqueue(queueUrl, later);
				sqs.enqueue(queueUrl, earlier);
				sqs.enqueue(queueUrl, later); // duplicate delivery
				sqs.enqueue(queueUrl, JSON.stringify(event({ source: 'aws.ec2' })));
				sqs.enqueue(queueUrl, JSON.stringify(event({}, { catalog: 'Sandbox' })));
				await waitUntil(() => t.emitted.length >= 3, 5000, 'three events');
				const items = json(t.emitted);
				expect(items.map((i) => i.eventId).sort()).toEqual(['evt-1', 'evt-2', 'evt-2']);
				for (const item of items) await acknowledge(item);
				await waitUntil(() => queueState(dlqUrl).length === 2, 8000, 'invalid messages in the DLQ');
				expect(t.warnings.some((w) => /not a Partner Central event/.test(w))).toBe(true);
				expect(t.emitted).toHaveLength(3);
			} finally {
				await t.close();
			}
		});

		it('deletes valid events of a type not selected, without an execution', async () => {
			const t = await start({ detailTypes: ['Engagement Invitation Created'] });
			try {
				sqs.enqueue(queueUrl, JSON.stringify(event({ id: 'evt-skip' })));
				sqs.enqueue(
					queueUrl,
					JSON.stringify(
						event(
							{ id: 'evt-keep', 'detail-type': 'Engagement Invitation Created', version: '0' },
							{ opportunity: undefined, engagementInvitation: { id: 'engi-1234567890abc', engagementId: 'eng-1' } },
						),
					),
				);
				await waitUntil(() => t.emitted.length >= 1 && queueState(queueUrl).length === 1, 5000, 'one kept, one deleted');
				expect(json(t.emitted).map((i) => [i.eventId, i.invitationId, i.engagementId])).toEqual([
					['evt-keep', 'engi-1234567890abc', 'eng-1'],
				]);
				await acknowledge(json(t.emitted)[0]);
				expect(queueState(queueUrl)).toHaveLength(0);
				expect(queueState(dlqUrl)).toHaveLength(0);
			} finally {
				await t.close();
			}
		});

		it('Extend Visibility keeps a message hidden longer; a stale receipt handle gives a clear error', async () => {
			const t = await start();
			try {
				sqs.enqueue(queueUrl, JSON.stringify(event()));
				await waitUntil(() => t.emitted.length >= 1, 5000, 'an event');
				const [item] = json(t.emitted);
				const out = await actionNode.execute.call(
					executeContext({
						parameters: {
							resource: 'eventQueue',
							operation: 'extendVisibility',
							queueUrl,
							receiptHandle: item.receiptHandle,
							visibilityTimeout: 600,
						},
						credentials: credentials(),
					}),
				);
				expect(out[0][0].json.visibilityTimeout).toBe(600);
				await new Promise((r) => setTimeout(r, 1200)); // 24 simulated seconds: past the queue's 10 s timeout
				expect(t.emitted).toHaveLength(1);
				await acknowledge(item);
				await expect(acknowledge({ queueUrl, receiptHandle: 'not-a-receipt-handle' })).rejects.toThrow(/acknowledge/);
			} finally {
				await t.close();
			}
		});

		it('a manual test run shows the next event without deleting it', async () => {
			const h = triggerContext({
				parameters: { mode: 'sqs', queueUrl, catalog: 'AWS', detailTypes: [], options: { waitTimeSeconds: 2 } },
				credentials: credentials(),
				mode: 'manual',
			});
			const response = await trigger.trigger.call(h.ctx);
			sqs.enqueue(queueUrl, JSON.stringify(event()));
			await response.manualTriggerFunction!();
			expect(h.emitted[0][0][0].json.eventId).toBe('evt-1');
			expect(queueState(queueUrl)).toHaveLength(1);
			await response.closeFunction!();
		});
	});
});
