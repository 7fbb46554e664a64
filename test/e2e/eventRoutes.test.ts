/**
 * Partner Central events reach real n8n by all three routes (docs/events.md), against the simulators:
 *  1. polling: "AWS Partner Central Trigger" (n8n polls once when the workflow is published, then every minute);
 *  2. webhook: "AWS Partner Central Event Trigger" called by the Partner Central simulator's HTTP event sink, the way
 *     an EventBridge API destination calls it (API key header);
 *  3. SQS: the same trigger long-polling an SQS simulator queue that the Partner Central simulator fills; the
 *     workflow's "Event Queue > Acknowledge Event" deletes the message, without it the message comes back and ends in
 *     the dead-letter queue.
 * The fixture workflows are in test/e2e/eventRoutes/ (test material, not shipped templates).
 *
 * Wall time: the polling workflow is published first and its "next poll" assertion runs last, so the up-to-one-minute
 * wait for n8n's next poll overlaps the other routes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSimulators, type Simulators } from '../simulators';
import {
	importAndPublish,
	startN8n,
	waitFor,
	webhookUrl,
	withCredentials,
	type Execution,
	type N8nEnvironment,
	type NodeTypeInfo,
	type WorkflowJson,
} from './harness';
import { Admin, SIM_PC_ACCESS_KEY, SIM_PC_SECRET, waitForWebhook } from './harness/stack';

jest.setTimeout(5 * 60 * 1000);

const EVENT_API_KEY = 'e2e-event-routes-key-0123456789';
const TRIGGER = 'AWS Partner Central Trigger';
const EVENT_TRIGGER = 'AWS Partner Central Event Trigger';

type Json = Record<string, unknown>;

function fixture(file: string, replace: Record<string, string> = {}): WorkflowJson {
	let text = fs.readFileSync(path.join(__dirname, 'eventRoutes', file), 'utf8');
	for (const [k, v] of Object.entries(replace)) text = text.split(k).join(v);
	return JSON.parse(text) as WorkflowJson;
}

/** Output items of one node in one execution. */
function itemsOf(execution: Execution, nodeName: string): Json[] {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((r) => (r.data?.main?.[0] ?? []).map((i) => i.json));
}

interface SqsQueueView {
	name: string;
	url: string;
	arn: string;
	approximateNumberOfMessages: number;
	approximateNumberOfMessagesNotVisible: number;
	messages: Array<{ MessageId: string; Body: string; receiveCount: number }>;
}

describe('Partner Central events reach n8n by polling, webhook and SQS', () => {
	let sims: Simulators;
	let n8n: N8nEnvironment;
	let types: NodeTypeInfo[];
	let pc: Admin;
	let sqs: Admin;
	const creds: Record<string, { id: string; name: string }> = {};
	const started = Date.now();

	const executionsOf = async (workflowId: string): Promise<Execution[]> => await n8n.api.executions(workflowId, true);
	/** Finished executions whose trigger output carries this opportunity id (one entry per item). */
	const triggerItemsFor = async (workflowId: string, trigger: string, opportunityId: string) => {
		const out: Array<{ execution: Execution; item: Json }> = [];
		for (const e of await executionsOf(workflowId)) {
			for (const item of itemsOf(e, trigger)) if (item.opportunityId === opportunityId) out.push({ execution: e, item });
		}
		return out;
	};
	/** Waits until `count` finished executions carry this opportunity id in the trigger's output. */
	const finishedHits = async (workflowId: string, trigger: string, opportunityId: string, count: number, timeoutMs = 60_000) =>
		await waitFor(
			async () => {
				const h = await triggerItemsFor(workflowId, trigger, opportunityId);
				return h.length >= count && h.every((x) => x.execution.finished) ? h : undefined;
			},
			{ what: `${count} finished execution(s) with ${opportunityId}`, timeoutMs, intervalMs: 500 },
		);
	const createOpportunity = async (title: string): Promise<string> => {
		const r = await pc.post<{ opportunityIds: string[] }>('seed', {
			opportunities: [{ Catalog: 'AWS', Project: { Title: title } }],
		});
		return r.opportunityIds[0];
	};
	const queue = async (name: string): Promise<SqsQueueView> => {
		const state = await sqs.get<{ queues: SqsQueueView[] }>('state');
		const q = state.queues.find((x) => x.name === name);
		if (!q) throw new Error(`no queue ${name}`);
		return q;
	};
	const messagesFor = (q: SqsQueueView, opportunityId: string) =>
		q.messages.filter((m) => m.Body.includes(`"identifier":"${opportunityId}"`));
	const import_ = async (wf: WorkflowJson) => await importAndPublish(n8n.api, withCredentials(wf, types, creds));

	// Polling route, published first (see the file comment).
	let polling: { id: string };
	let polledBefore: string; // created before publishing, picked up by the poll at publish time (Backfill From)
	let polledAfter: string; // created after that first poll, picked up by the next one

	beforeAll(async () => {
		sims = await startSimulators({ timeScale: 1 });
		pc = new Admin(sims.partnerCentral.url);
		sqs = new Admin(sims.sqs.url);
		n8n = await startN8n({ log: (m) => console.log(m) });
		types = await n8n.api.nodeTypes();
		creds.awsPartnerCentralApi = await n8n.api.createCredential('AWS Partner Central (simulator)', 'awsPartnerCentralApi', {
			authentication: 'accessKeys',
			accessKeyId: SIM_PC_ACCESS_KEY,
			secretAccessKey: SIM_PC_SECRET,
			catalog: 'AWS',
			region: 'us-east-1',
			endpointUrl: sims.partnerCentral.url,
		});
		creds.partnerCentralEventWebhookApi = await n8n.api.createCredential(
			'Partner Central events (simulator)',
			'partnerCentralEventWebhookApi',
			{ authType: 'apiKey', headerName: 'X-Api-Key', apiKey: EVENT_API_KEY },
		);

		polledBefore = await createOpportunity('Polled: created before publishing');
		polling = await import_(
			fixture('polling.json', { __BACKFILL_FROM__: new Date(Date.now() - 10 * 60_000).toISOString() }),
		);
		// n8n runs the poll once when the workflow is published.
		await waitFor(async () => (await triggerItemsFor(polling.id, TRIGGER, polledBefore)).length > 0, {
			what: 'the publish-time poll to emit the first opportunity',
			timeoutMs: 30_000,
		});
		polledAfter = await createOpportunity('Polled: created after the first poll');
		console.log(`Event routes: set-up done in ${Math.round((Date.now() - started) / 1000)} s`);
	});

	afterAll(async () => {
		await n8n?.stop();
		await sims?.close();
		console.log(`Event routes: ${Math.round((Date.now() - started) / 1000)} s in all`);
	});

	describe('webhook (EventBridge API destination)', () => {
		let workflow: { id: string; json: WorkflowJson };
		let url: string;
		let sinkId: string | undefined;

		beforeAll(async () => {
			workflow = await import_(fixture('webhook.json'));
			url = webhookUrl(n8n.baseUrl, workflow.json, EVENT_TRIGGER, types);
			await waitForWebhook(url);
		});
		afterEach(async () => {
			if (sinkId) await pc.del(`events/sinks?id=${sinkId}`);
			sinkId = undefined;
		});

		const post = async (body: string, key = EVENT_API_KEY) => {
			const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body });
			return { status: r.status, body: await r.text() };
		};

		it('refuses a wrong key (401) and a bad envelope (400) without an execution', async () => {
			// The simulator's sink with a wrong key, as a misconfigured EventBridge connection.
			const sink = await pc.post<{ id: string }>('events/sinks', {
				type: 'http',
				url,
				headers: { 'X-Api-Key': 'not-the-right-key-0000' },
				maxAttempts: 1,
			});
			sinkId = sink.id;
			const id = await createOpportunity('Webhook: wrong key');
			const refused = await waitFor(
				async () => {
					const ev = await pc.get<{ deliveries: Array<{ sinkId: string; eventId: string; status?: number; ok: boolean }> }>('events');
					return ev.deliveries.find((d) => d.sinkId === sink.id);
				},
				{ what: 'the wrong-key delivery' },
			);
			expect(refused).toMatchObject({ ok: false, status: 401 });
			// Refused (4xx): not retried, kept in the sink's dead-letter list.
			const { deadLetters } = await pc.get<{ deadLetters: Array<{ sinkId: string; event: Json }> }>('events/dlq');
			expect(deadLetters.filter((d) => d.sinkId === sink.id).map((d) => d.event.id)).toEqual([refused.eventId]);

			const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			expect(missing.status).toBe(401);

			const event = {
				version: '1',
				id: 'e2e-bad-envelope',
				'detail-type': 'Opportunity Created',
				source: 'aws.partnercentral-selling',
				account: '111122223333',
				time: new Date().toISOString(),
				region: 'us-east-1',
				resources: [],
				detail: { schemaVersion: '1', catalog: 'AWS', opportunity: { identifier: 'O9999999' } },
			};
			const notJson = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'text/plain', 'x-api-key': EVENT_API_KEY },
				body: 'not json',
			});
			expect(notJson.status).toBe(400);
			expect((await post(JSON.stringify({ ...event, source: 'aws.ec2' }))).status).toBe(400);
			expect((await post(JSON.stringify({ ...event, detail: undefined }))).status).toBe(400);
			expect((await post(JSON.stringify({ ...event, 'detail-type': 'Something Else' }))).status).toBe(400);
			expect((await post(JSON.stringify({ ...event, detail: { ...event.detail, catalog: 'Sandbox' } }))).status).toBe(400);

			// Answers come after the workflow would have run (Respond: When the Workflow Finishes), so none started.
			expect(await executionsOf(workflow.id)).toHaveLength(0);
			expect(await triggerItemsFor(workflow.id, EVENT_TRIGGER, id)).toHaveLength(0);
		});

		it('starts one execution with the normalised event; a repeated delivery is a second execution (events may repeat)', async () => {
			const sink = await pc.post<{ id: string }>('events/sinks', {
				type: 'http',
				url,
				headers: { 'X-Api-Key': EVENT_API_KEY },
				maxAttempts: 1,
			});
			sinkId = sink.id;
			const id = await createOpportunity('Webhook: delivered');
			const delivered = await waitFor(
				async () => {
					const ev = await pc.get<{ deliveries: Array<{ sinkId: string; eventId: string; status?: number; ok: boolean }> }>(
						'events',
					);
					return ev.deliveries.find((d) => d.sinkId === sink.id);
				},
				{ what: 'the delivery to n8n' },
			);
			expect(delivered).toMatchObject({ ok: true, status: 200 });

			const hits = await finishedHits(workflow.id, EVENT_TRIGGER, id, 1);
			expect(hits).toHaveLength(1);
			expect(hits[0].execution.status).toBe('success');
			expect(hits[0].item).toMatchObject({
				eventId: delivered.eventId,
				detailType: 'Opportunity Created',
				catalog: 'AWS',
				opportunityId: id,
				region: 'us-east-1',
			});
			expect((hits[0].item.raw as Json).source).toBe('aws.partnercentral-selling');
			expect(itemsOf(hits[0].execution, 'Handle Event')).toHaveLength(1);
			expect(await executionsOf(workflow.id)).toHaveLength(1);

			// EventBridge retries a delivery it thinks failed: the same event again is accepted and runs again.
			const { events } = await pc.get<{ events: Json[] }>('events');
			const envelope = events.find((e) => e.id === delivered.eventId);
			expect(envelope).toBeDefined();
			const again = await post(JSON.stringify(envelope));
			expect(again.status).toBe(200);
			const repeated = await finishedHits(workflow.id, EVENT_TRIGGER, id, 2);
			expect(repeated.map((h) => h.item.eventId)).toEqual([delivered.eventId, delivered.eventId]);
			expect(await executionsOf(workflow.id)).toHaveLength(2);
		});
	});

	/** A queue with its dead-letter queue (2 s visibility, 2 receives), filled by a Partner Central SQS sink, and the fixture workflow reading it. */
	const queueRoute = async (name: string, file: string) => {
		const dlq = await sqs.post<SqsQueueView>('queues', { name: `${name}-dlq` });
		const q = await sqs.post<SqsQueueView>('queues', {
			name,
			attributes: {
				VisibilityTimeout: '2',
				RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
			},
		});
		const sink = await pc.post<{ id: string }>('events/sinks', { type: 'sqs', queue: q.url });
		const workflow = await import_(fixture(file, { __QUEUE_URL__: q.url }));
		return {
			url: q.url,
			workflow,
			async close() {
				await pc.del(`events/sinks?id=${sink.id}`);
				await n8n.api.unpublishWorkflow(workflow.id);
			},
		};
	};

	describe('SQS queue', () => {
		it('Acknowledge Event at the end of the workflow deletes the message', async () => {
			const route = await queueRoute('pc-events-ack', 'sqsAcknowledge.json');
			const { workflow } = route;
			try {
				const id = await createOpportunity('SQS: acknowledged');
				const hits = await finishedHits(workflow.id, EVENT_TRIGGER, id, 1);
				expect(hits).toHaveLength(1);
				expect(hits[0].execution.status).toBe('success');
				expect(hits[0].item).toMatchObject({
					detailType: 'Opportunity Created',
					catalog: 'AWS',
					opportunityId: id,
					queueUrl: route.url,
					receiveCount: 1,
				});
				expect(itemsOf(hits[0].execution, 'Acknowledge Event')).toEqual([{ acknowledged: true, queueUrl: route.url }]);
				// Deleted: neither visible nor in flight, and nothing in the dead-letter queue.
				const after = await queue('pc-events-ack');
				expect(messagesFor(after, id)).toHaveLength(0);
				expect(after.approximateNumberOfMessages + after.approximateNumberOfMessagesNotVisible).toBe(0);
				expect((await queue('pc-events-ack-dlq')).messages).toHaveLength(0);
			} finally {
				await route.close();
			}
		});

		it('without Acknowledge the message comes back after the visibility timeout, then goes to the dead-letter queue', async () => {
			const route = await queueRoute('pc-events-noack', 'sqsNoAcknowledge.json');
			const { workflow } = route;
			try {
				const id = await createOpportunity('SQS: never acknowledged');
				const dead = await waitFor(
					async () => {
						const m = messagesFor(await queue('pc-events-noack-dlq'), id);
						return m.length ? m : undefined;
					},
					{ what: 'the message in the dead-letter queue', timeoutMs: 30_000 },
				);
				expect(dead).toHaveLength(1);
				expect(dead[0].receiveCount).toBeGreaterThanOrEqual(2);
				expect(messagesFor(await queue('pc-events-noack'), id)).toHaveLength(0);

				const hits = await finishedHits(workflow.id, EVENT_TRIGGER, id, 2);
				expect(hits).toHaveLength(2); // the dead-letter queue ended the redeliveries
				const [first, second] = [...hits].sort((a, b) => Number(a.item.receiveCount) - Number(b.item.receiveCount));
				expect([first.item.receiveCount, second.item.receiveCount]).toEqual([1, 2]);
				expect(second.item.messageId).toBe(first.item.messageId);
				expect(second.item.eventId).toBe(first.item.eventId);
				expect(hits.every((h) => h.execution.status === 'success')).toBe(true);
			} finally {
				await route.close();
			}
		});
	});

	describe('polling', () => {
		it('emits an opportunity exactly once: at publish time (Backfill From), not again on the next poll', async () => {
			// The next scheduled poll (every minute) is the one that picks up the opportunity created after the first.
			const next = await finishedHits(polling.id, TRIGGER, polledAfter, 1, 90_000);
			expect(next).toHaveLength(1);
			expect(next[0].item).toMatchObject({ opportunityId: polledAfter, isNew: true });

			const first = await triggerItemsFor(polling.id, TRIGGER, polledBefore);
			expect(first).toHaveLength(1);
			expect(first[0].item).toMatchObject({ opportunityId: polledBefore });
			expect(first[0].execution.id).not.toBe(next[0].execution.id);
			expect(first[0].execution.status).toBe('success');
			expect(next[0].execution.status).toBe('success');
		});
	});
});
