/**
 * EventBridge events the real service emits (reference partner-central.md section C8), with the full EventBridge
 * envelope, delivered to admin-configured sinks: HTTP targets (like an API destination: POST JSON with a
 * configured auth header, retried with backoff, then kept in a dead-letter list) and SQS simulator queues.
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from '../common/clock';
import type { SimScheduler } from '../common/scheduler';
import { PARTNER_ACCOUNT_ID, REGION } from './state';

export interface EventEnvelope {
	version: string;
	id: string;
	'detail-type': string;
	source: 'aws.partnercentral-selling';
	account: string;
	time: string;
	region: string;
	resources: string[];
	detail: Record<string, unknown>;
}

export interface HttpSink {
	id: string;
	type: 'http';
	url: string;
	/** Extra headers, e.g. {"x-api-key": "..."} or {"Authorization": "Bearer ..."} (API destination connection). */
	headers?: Record<string, string>;
	maxAttempts?: number;
	/** Simulated ms before the first retry (doubles each time). */
	retryDelayMs?: number;
	/** Optional EventBridge-like filter: only these detail-types / catalogs. */
	detailTypes?: string[];
	catalogs?: string[];
}

export interface SqsSink {
	id: string;
	type: 'sqs';
	/** Queue name or URL in the SQS simulator. */
	queue: string;
	detailTypes?: string[];
	catalogs?: string[];
}

export type EventSink = HttpSink | SqsSink;

export interface SqsEnqueuer {
	enqueue(queueNameOrUrl: string, body: string): void;
}

export interface DeadLetter {
	sinkId: string;
	event: EventEnvelope;
	attempts: number;
	lastError: string;
	failedAt: string;
}

export interface Delivery {
	sinkId: string;
	eventId: string;
	attempt: number;
	ok: boolean;
	status?: number;
	error?: string;
	at: string;
}

export class EventBus {
	readonly emitted: EventEnvelope[] = [];
	readonly deadLetters: DeadLetter[] = [];
	readonly deliveries: Delivery[] = [];
	sinks: EventSink[] = [];
	private nextSink = 1;

	constructor(
		private readonly clock: SimClock,
		private readonly scheduler: SimScheduler,
		public sqs?: SqsEnqueuer,
	) {}

	addSink(input: Omit<HttpSink, 'id'> | Omit<SqsSink, 'id'>): EventSink {
		const sink = { ...input, id: `sink-${this.nextSink++}` } as EventSink;
		if (sink.type === 'http' && !sink.url) throw new Error('http sink needs url');
		if (sink.type === 'sqs' && !sink.queue) throw new Error('sqs sink needs queue');
		if (sink.type !== 'http' && sink.type !== 'sqs') throw new Error("sink type must be 'http' or 'sqs'");
		this.sinks.push(sink);
		return sink;
	}

	removeSink(id?: string): void {
		this.sinks = id ? this.sinks.filter((s) => s.id !== id) : [];
	}

	reset(): void {
		this.emitted.length = 0;
		this.deadLetters.length = 0;
		this.deliveries.length = 0;
	}

	emit(detailType: string, catalog: string, detail: Record<string, unknown>, resources: string[] = [], version = '0'): EventEnvelope {
		const event: EventEnvelope = {
			version,
			id: randomUUID(),
			'detail-type': detailType,
			source: 'aws.partnercentral-selling',
			account: PARTNER_ACCOUNT_ID,
			time: new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/u, 'Z'),
			region: REGION,
			resources,
			detail: { catalog, ...detail },
		};
		this.emitted.push(event);
		for (const sink of this.sinks) {
			if (sink.detailTypes && !sink.detailTypes.includes(detailType)) continue;
			if (sink.catalogs && !sink.catalogs.includes(catalog)) continue;
			if (sink.type === 'sqs') {
				try {
					if (!this.sqs) throw new Error('no SQS simulator attached');
					this.sqs.enqueue(sink.queue, JSON.stringify(event));
					this.deliveries.push({ sinkId: sink.id, eventId: event.id, attempt: 1, ok: true, at: new Date().toISOString() });
				} catch (e) {
					this.deadLetters.push({ sinkId: sink.id, event, attempts: 1, lastError: (e as Error).message, failedAt: new Date(this.clock.now()).toISOString() });
				}
			} else {
				this.scheduler.after(0, () => this.deliverHttp(sink, event, 1));
			}
		}
		return event;
	}

	/** Opportunity Created / Updated ("version": "1"; detail.opportunity.identifier + url). */
	opportunity(kind: 'Created' | 'Updated', catalog: string, id: string, arn: string): void {
		this.emit(
			`Opportunity ${kind}`,
			catalog,
			{ schemaVersion: '1', opportunity: { identifier: id, url: `https://partnercentral.awspartner.com/partnercentral2/s/opportunity/${id}` } },
			[arn],
			'1',
		);
	}

	private async deliverHttp(sink: HttpSink, event: EventEnvelope, attempt: number): Promise<void> {
		const max = sink.maxAttempts ?? 3;
		let error: string | undefined;
		let status: number | undefined;
		try {
			const res = await fetch(sink.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(sink.headers ?? {}) },
				body: JSON.stringify(event),
				signal: AbortSignal.timeout(5000),
			});
			status = res.status;
			await res.arrayBuffer().catch(() => undefined);
			if (res.status >= 200 && res.status < 300) {
				this.deliveries.push({ sinkId: sink.id, eventId: event.id, attempt, ok: true, status, at: new Date().toISOString() });
				return;
			}
			error = `HTTP ${res.status}`;
		} catch (e) {
			error = (e as Error).message;
		}
		this.deliveries.push({ sinkId: sink.id, eventId: event.id, attempt, ok: false, status, error, at: new Date().toISOString() });
		if (attempt >= max) {
			this.deadLetters.push({ sinkId: sink.id, event, attempts: attempt, lastError: error ?? 'unknown', failedAt: new Date(this.clock.now()).toISOString() });
			return;
		}
		const delay = (sink.retryDelayMs ?? 1000) * 2 ** (attempt - 1);
		this.scheduler.after(delay, () => this.deliverHttp(sink, event, attempt + 1));
	}
}
