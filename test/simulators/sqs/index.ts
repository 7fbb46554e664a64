/**
 * In-process SQS simulator speaking AWS JSON 1.0 as @aws-sdk/client-sqs 3.1124.0 does (X-Amz-Target AmazonSQS.<Op>),
 * SigV4 required. Admin API under /__admin/ (state, reset, queues, faults).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SimClock, type RunningSimulator } from '../common/clock';
import { FaultInjector } from '../common/faults';
import { closeServer, listen, readBody, requestId, sendJson, sendSlowly } from '../common/http';
import { verifySigV4 } from '../common/sigv4';
import { type MessageAttributeValue, type Queue, QueueStore, SqsError } from './queues';

export { QueueStore, SqsError, md5OfMessageAttributes } from './queues';

const CT = 'application/x-amz-json-1.0';
const DEFAULT_KEYS: Record<string, string> = { AKIAPCSIMULATOR00001: 'pc-simulator-secret' };

export interface SqsSimulatorOptions {
	port?: number;
	host?: string;
	clock?: SimClock;
	/** Secret lookup for SigV4 (default: the Partner Central simulator default key pair). */
	lookupSecret?: (accessKeyId: string) => string | undefined;
	/** Queues to create at start (name -> attributes). */
	queues?: Record<string, Record<string, string>>;
}

export interface SqsSimulatorHandle extends RunningSimulator {
	store: QueueStore;
	clock: SimClock;
	faults: FaultInjector;
	/** Puts a message on a queue by name or URL (used by the Partner Central simulator's SQS event sinks). */
	enqueue(queueNameOrUrl: string, body: string): void;
	createQueue(name: string, attributes?: Record<string, string>): Queue;
	requestLog: { operation: string; status: number; errorType?: string; time: string }[];
}

function queueView(store: QueueStore, q: Queue) {
	const c = store.counts(q);
	return {
		name: q.name,
		url: q.url,
		arn: q.arn,
		attributes: q.attributes,
		approximateNumberOfMessages: c.visible,
		approximateNumberOfMessagesNotVisible: c.inFlight,
		approximateNumberOfMessagesDelayed: c.delayed,
		messages: q.messages.map((m) => ({ MessageId: m.MessageId, Body: m.Body, receiveCount: m.receiveCount, visibleAt: new Date(m.visibleAt).toISOString() })),
	};
}

type Op = (store: QueueStore, input: Record<string, unknown>) => unknown;

const OPS: Record<string, Op> = {
	CreateQueue: (s, i) => ({ QueueUrl: s.create(String(i.QueueName ?? ''), (i.Attributes as Record<string, string>) ?? {}).url }),
	GetQueueUrl: (s, i) => ({ QueueUrl: s.get(String(i.QueueName ?? '')).url }),
	ListQueues: (s, i) => ({ QueueUrls: [...s.queues.values()].filter((q) => !i.QueueNamePrefix || q.name.startsWith(String(i.QueueNamePrefix))).map((q) => q.url) }),
	DeleteQueue: (s, i) => {
		s.queues.delete(s.get(String(i.QueueUrl)).name);
		return {};
	},
	PurgeQueue: (s, i) => {
		s.get(String(i.QueueUrl)).messages = [];
		return {};
	},
	GetQueueAttributes: (s, i) => {
		const q = s.get(String(i.QueueUrl));
		const c = s.counts(q);
		const all: Record<string, string> = {
			...q.attributes,
			QueueArn: q.arn,
			ApproximateNumberOfMessages: String(c.visible),
			ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
			ApproximateNumberOfMessagesDelayed: String(c.delayed),
			CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
		};
		const names = (i.AttributeNames as string[] | undefined) ?? ['All'];
		return { Attributes: names.includes('All') ? all : Object.fromEntries(names.filter((n) => all[n] !== undefined).map((n) => [n, all[n]])) };
	},
	SetQueueAttributes: (s, i) => {
		Object.assign(s.get(String(i.QueueUrl)).attributes, (i.Attributes as Record<string, string>) ?? {});
		return {};
	},
	SendMessage: (s, i) => {
		const m = s.send(String(i.QueueUrl), String(i.MessageBody ?? ''), i.DelaySeconds as number | undefined, i.MessageAttributes as Record<string, MessageAttributeValue> | undefined);
		return { MessageId: m.MessageId, MD5OfMessageBody: m.MD5OfBody, ...(m.MD5OfMessageAttributes ? { MD5OfMessageAttributes: m.MD5OfMessageAttributes } : {}) };
	},
	DeleteMessage: (s, i) => {
		s.delete(String(i.QueueUrl), String(i.ReceiptHandle ?? ''));
		return {};
	},
	ChangeMessageVisibility: (s, i) => {
		s.changeVisibility(String(i.QueueUrl), String(i.ReceiptHandle ?? ''), Number(i.VisibilityTimeout));
		return {};
	},
};

async function receiveMessage(s: QueueStore, i: Record<string, unknown>) {
	const q = s.get(String(i.QueueUrl));
	const max = (i.MaxNumberOfMessages as number | undefined) ?? 1;
	if (max < 1 || max > 10) throw new SqsError('InvalidParameterValue', 'Value for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10.', 'InvalidParameterValue');
	const wait = (i.WaitTimeSeconds as number | undefined) ?? Number(q.attributes.ReceiveMessageWaitTimeSeconds);
	if (wait < 0 || wait > 20) throw new SqsError('InvalidParameterValue', 'Value for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20.', 'InvalidParameterValue');
	const msgs = await s.receive(q.url, max, wait, i.VisibilityTimeout as number | undefined);
	const wanted = [...((i.AttributeNames as string[] | undefined) ?? []), ...((i.MessageSystemAttributeNames as string[] | undefined) ?? [])];
	const attrNames = (i.MessageAttributeNames as string[] | undefined) ?? [];
	const messages = msgs.map((m) => {
		const all: Record<string, string> = {
			ApproximateReceiveCount: String(m.receiveCount),
			SentTimestamp: String(m.sentAt),
			ApproximateFirstReceiveTimestamp: String(m.firstReceiveAt ?? m.sentAt),
			SenderId: 'AIDASIMULATOR',
		};
		const attributes = wanted.includes('All') ? all : Object.fromEntries(wanted.filter((n) => all[n] !== undefined).map((n) => [n, all[n]]));
		const out: Record<string, unknown> = { MessageId: m.MessageId, ReceiptHandle: m.receiptHandle, MD5OfBody: m.MD5OfBody, Body: m.Body };
		if (Object.keys(attributes).length) out.Attributes = attributes;
		if (m.MessageAttributes && attrNames.length) {
			const sel = attrNames.includes('All') || attrNames.includes('.*') ? m.MessageAttributes : Object.fromEntries(Object.entries(m.MessageAttributes).filter(([k]) => attrNames.includes(k)));
			if (Object.keys(sel).length) {
				out.MessageAttributes = sel;
				out.MD5OfMessageAttributes = m.MD5OfMessageAttributes;
			}
		}
		return out;
	});
	return messages.length ? { Messages: messages } : {};
}

export async function startSqsSimulator(opts: SqsSimulatorOptions = {}): Promise<SqsSimulatorHandle> {
	const clock = opts.clock ?? new SimClock();
	const lookup = opts.lookupSecret ?? ((id: string) => DEFAULT_KEYS[id]);
	const faults = new FaultInjector();
	const store = new QueueStore(clock, 'http://127.0.0.1');
	const requestLog: SqsSimulatorHandle['requestLog'] = [];
	const initialQueues = opts.queues ?? {};

	const admin = async (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const path = url.pathname.replace(/^\/__admin/u, '').replace(/\/$/u, '') || '/';
		const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
		const key = `${req.method} ${path}`;
		try {
			if (key === 'GET /state' || key === 'GET /queues') return sendJson(res, 200, { queues: [...store.queues.values()].map((q) => queueView(store, q)), faults: faults.list(), requests: requestLog.length });
			if (key === 'POST /queues') return sendJson(res, 200, queueView(store, store.create(String(body.name ?? body.QueueName), (body.attributes ?? body.Attributes ?? {}) as Record<string, string>)));
			if (key === 'POST /reset') {
				store.queues.clear();
				faults.remove();
				requestLog.length = 0;
				for (const [n, a] of Object.entries(initialQueues)) store.create(n, a);
				return sendJson(res, 200, { ok: true });
			}
			if (key === 'GET /requests') return sendJson(res, 200, { requests: requestLog });
			if (key === 'GET /faults') return sendJson(res, 200, { faults: faults.list() });
			if (key === 'POST /faults') return sendJson(res, 200, faults.add(body as never));
			if (key === 'DELETE /faults') {
				faults.remove((body.id as string | undefined) ?? url.searchParams.get('id') ?? undefined);
				return sendJson(res, 200, { faults: faults.list() });
			}
			if (key === 'POST /clock/advance') {
				clock.advance(Number(body.ms ?? 0) + Number(body.seconds ?? 0) * 1000);
				return sendJson(res, 200, { now: new Date(clock.now()).toISOString() });
			}
			return sendJson(res, 404, { error: `No admin route ${key}` });
		} catch (e) {
			return sendJson(res, 400, { error: (e as Error).message });
		}
	};

	const server = createServer((req, res) => {
		void (async () => {
			const raw = await readBody(req);
			if ((req.url ?? '').startsWith('/__admin')) return admin(req, res, raw);
			const target = String(req.headers['x-amz-target'] ?? '');
			const op = target.startsWith('AmazonSQS.') ? target.slice('AmazonSQS.'.length) : target;
			const rid = requestId();
			const fail = (status: number, type: string, message: string, query?: string) => {
				requestLog.push({ operation: op, status, errorType: type, time: new Date(clock.now()).toISOString() });
				const headers: Record<string, string> = { 'x-amzn-requestid': rid };
				if (query) headers['x-amzn-query-error'] = `${query};Sender`;
				sendJson(res, status, { __type: `com.amazonaws.sqs#${type}`, message }, headers, CT);
			};
			const v = verifySigV4({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body: raw }, lookup);
			if (!v.ok) {
				const t = v.code === 'UnrecognizedClient' ? 'InvalidClientTokenId' : v.code === 'InvalidSignature' ? 'SignatureDoesNotMatch' : v.code;
				return fail(403, t, v.message, t);
			}
			if (op !== 'ReceiveMessage' && !OPS[op]) return fail(400, 'InvalidAction', `The action ${op} is not valid for this endpoint.`, 'InvalidAction');
			const fault = faults.decide(op);
			if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
			if (fault.reset) {
				req.socket.destroy();
				return;
			}
			if (fault.error === 'internal') return fail(fault.status ?? 500, 'InternalError', 'We encountered an internal error. Please try again. (injected fault)', 'InternalError');
			if (fault.error === 'throttle') return fail(400, 'RequestThrottled', 'Request is throttled. (injected fault)', 'RequestThrottled');
			let input: Record<string, unknown>;
			try {
				input = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
			} catch {
				return fail(400, 'SerializationException', 'Request body is not valid JSON.');
			}
			try {
				const out = op === 'ReceiveMessage' ? await receiveMessage(store, input) : OPS[op](store, input);
				requestLog.push({ operation: op, status: 200, time: new Date(clock.now()).toISOString() });
				if (fault.slowBodyMs) return sendSlowly(res, 200, JSON.stringify(out), { 'content-type': CT, 'x-amzn-requestid': rid }, fault.slowBodyMs);
				sendJson(res, 200, out, { 'x-amzn-requestid': rid }, CT);
			} catch (e) {
				if (e instanceof SqsError) return fail(e.status, e.code, e.message, e.queryCode);
				return fail(500, 'InternalError', (e as Error).message);
			}
		})().catch((e: unknown) => {
			if (!res.headersSent) sendJson(res, 500, { __type: 'com.amazonaws.sqs#InternalError', message: String(e) }, {}, CT);
		});
	});
	server.keepAliveTimeout = 1000;
	const host = opts.host ?? '127.0.0.1';
	const port = await listen(server, opts.port ?? 0, host);
	store.baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
	for (const [n, a] of Object.entries(initialQueues)) store.create(n, a);
	return {
		url: store.baseUrl,
		port,
		store,
		clock,
		faults,
		requestLog,
		enqueue: (ref, body) => void store.send(ref, body),
		createQueue: (name, attributes) => store.create(name, attributes),
		close: () => closeServer(server),
	};
}
