/**
 * Webhook subscriptions and deliveries (hubspot.md 3.3): events are batched into JSON arrays (at most 100 per
 * request), signed v1 + v3, retried with backoff on 5xx, 429, timeouts and connection errors (not on other
 * 4xx), attemptNumber counting from 0. Batch window and backoff are in simulated ms; the request timeout in real ms.
 */
import * as http from 'http';
import * as https from 'https';
import type { SimClock } from '../common/clock';
import { objectType } from './schema/objectTypes';
import { signedHeaders } from './signing';
import type { ChangeEvent } from './world';

export interface WebhookSettings {
	targetUrl?: string;
	clientSecret: string;
	appId: string;
	portalId: number;
	/** Simulated ms between the first queued event and its batch being sent. */
	batchWindowMs: number;
	maxBatchSize: number;
	/** Real ms to wait for the target's answer. */
	timeoutMs: number;
	maxRetries: number;
	/** Simulated ms; retry n waits retryBaseMs * 2^(n-1), capped by retryMaxMs. */
	retryBaseMs: number;
	retryMaxMs: number;
	paused: boolean;
	/** X-HubSpot-Request-Timestamp from real time (what receivers compare with) or from the SimClock. */
	timestampClock: 'real' | 'sim';
}

export interface Subscription {
	id: number;
	eventType: string;
	propertyName?: string;
	/** For generic `object.*` subscriptions: the object type id (0-3 ...); unset = every type. */
	objectTypeId?: string;
	active: boolean;
	targetUrl?: string;
	clientSecret?: string;
	appId?: string;
	createdAt: string;
}

export type WebhookEvent = Record<string, unknown> & { eventId: number; subscriptionId: number; attemptNumber: number };

export interface DeliveryLogEntry {
	deliveryId: number;
	attemptNumber: number;
	targetUrl: string;
	eventIds: number[];
	eventCount: number;
	at: string;
	status?: number;
	error?: string;
	outcome: 'delivered' | 'retrying' | 'failed';
	durationMs: number;
	body: string;
	headers: Record<string, string>;
}

interface Target {
	url: string;
	secret: string;
	appId: string;
}

interface Delivery {
	id: number;
	target: Target;
	events: WebhookEvent[];
	attempt: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
	clientSecret: 'hubspot-sim-client-secret',
	appId: '1234567',
	portalId: 62515,
	batchWindowMs: 1000,
	maxBatchSize: 100,
	timeoutMs: 5000,
	maxRetries: 10,
	retryBaseMs: 1000,
	retryMaxMs: 3_600_000,
	paused: false,
	timestampClock: 'real',
};

const LEGACY_TYPES = new Set(['deal', 'contact', 'company', 'line_item', 'product', 'ticket']);
const KINDS = ['creation', 'deletion', 'propertyChange', 'merge', 'restore', 'associationChange'];

export function validateSubscription(input: Record<string, unknown>): string | undefined {
	const eventType = String(input.eventType ?? input.subscriptionType ?? '');
	const [prefix, kind] = eventType.split('.');
	if (!KINDS.includes(kind) || !(LEGACY_TYPES.has(prefix) || prefix === 'object')) {
		return `Unknown eventType ${eventType}: use {deal|contact|company|line_item|product|object}.{${KINDS.join('|')}}`;
	}
	if (kind === 'propertyChange' && typeof input.propertyName !== 'string') return 'propertyChange subscriptions need a propertyName';
	return undefined;
}

export class WebhookDispatcher {
	settings: WebhookSettings;
	subscriptions: Subscription[] = [];
	log: DeliveryLogEntry[] = [];
	private nextSubId = 1;
	private nextEventId = 100;
	private nextDeliveryId = 1;
	private pending = new Map<string, { target: Target; events: WebhookEvent[]; timer?: NodeJS.Timeout }>();
	private retries = new Map<number, { delivery: Delivery; timer: NodeJS.Timeout }>();
	private inFlight = new Set<Promise<void>>();
	private closed = false;

	constructor(
		private readonly clock: SimClock,
		settings: Partial<WebhookSettings> = {},
	) {
		this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...settings };
	}

	reset(settings: Partial<WebhookSettings> = {}): void {
		this.cancelTimers();
		this.pending.clear();
		this.subscriptions = [];
		this.log = [];
		this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...settings };
	}

	configure(patch: Partial<WebhookSettings>): WebhookSettings {
		this.settings = { ...this.settings, ...patch };
		if (!this.settings.paused) for (const key of this.pending.keys()) this.schedule(key);
		return this.settings;
	}

	subscribe(input: Record<string, unknown>): Subscription {
		const sub: Subscription = {
			id: this.nextSubId++,
			eventType: String(input.eventType ?? input.subscriptionType),
			propertyName: typeof input.propertyName === 'string' ? input.propertyName : undefined,
			objectTypeId: typeof input.objectTypeId === 'string' ? input.objectTypeId : undefined,
			active: input.active !== false,
			targetUrl: typeof input.targetUrl === 'string' ? input.targetUrl : undefined,
			clientSecret: typeof input.clientSecret === 'string' ? input.clientSecret : undefined,
			appId: input.appId !== undefined ? String(input.appId) : undefined,
			createdAt: this.clock.date().toISOString(),
		};
		this.subscriptions.push(sub);
		return sub;
	}

	unsubscribe(id: number): boolean {
		const before = this.subscriptions.length;
		this.subscriptions = this.subscriptions.filter((s) => s.id !== id);
		return this.subscriptions.length !== before;
	}

	pendingEvents(): WebhookEvent[] {
		return [...this.pending.values()].flatMap((p) => p.events);
	}

	/** Turns one world change into the events of every matching subscription and queues them. */
	onChange(e: ChangeEvent): void {
		if (this.closed) return;
		const def = objectType(e.objectType);
		for (const sub of this.subscriptions) {
			if (!sub.active) continue;
			const [prefix, kind] = sub.eventType.split('.');
			if (kind !== e.kind) continue;
			if (prefix === 'object') {
				if (sub.objectTypeId && sub.objectTypeId !== def.typeId) continue;
			} else if (prefix !== def.singular) continue;
			if (e.kind === 'propertyChange' && sub.propertyName !== e.propertyName) continue;
			const target = this.targetOf(sub);
			if (!target) continue;
			this.enqueue(target, this.payload(sub, e, prefix === 'object' ? def.typeId : undefined));
		}
	}

	private targetOf(sub: Subscription): Target | undefined {
		const url = sub.targetUrl ?? this.settings.targetUrl;
		if (!url) return undefined;
		return { url, secret: sub.clientSecret ?? this.settings.clientSecret, appId: sub.appId ?? this.settings.appId };
	}

	private payload(sub: Subscription, e: ChangeEvent, objectTypeId: string | undefined): WebhookEvent {
		const base: WebhookEvent = {
			eventId: this.nextEventId++,
			subscriptionId: sub.id,
			portalId: this.settings.portalId,
			appId: Number(sub.appId ?? this.settings.appId),
			occurredAt: e.occurredAt,
			subscriptionType: sub.eventType,
			attemptNumber: 0,
		};
		if (objectTypeId) base.objectTypeId = objectTypeId;
		const source: Record<string, unknown> = { changeSource: e.source.changeSource };
		if (e.source.sourceId !== undefined) source.sourceId = e.source.sourceId;
		switch (e.kind) {
			case 'creation':
				return { ...base, objectId: Number(e.objectId), ...source, changeFlag: 'CREATED' };
			case 'deletion':
				return { ...base, objectId: Number(e.objectId), ...source, changeFlag: 'DELETED' };
			case 'restore':
				return { ...base, objectId: Number(e.objectId), ...source, changeFlag: 'RESTORED' };
			case 'propertyChange':
				return { ...base, objectId: Number(e.objectId), propertyName: e.propertyName, propertyValue: e.propertyValue, ...source };
			case 'merge':
				return {
					...base,
					objectId: Number(e.objectId),
					...source,
					changeFlag: 'MERGED',
					primaryObjectId: Number(e.primaryObjectId),
					mergedObjectIds: e.mergedObjectIds.map(Number),
					newObjectId: Number(e.newObjectId),
					numberOfPropertiesMoved: e.numberOfPropertiesMoved,
				};
			case 'associationChange':
				return {
					...base,
					...source,
					associationType: `${objectType(e.objectType).singular}_TO_${objectType(e.toObjectType).singular}`.toUpperCase(),
					associationCategory: 'HUBSPOT_DEFINED',
					associationTypeId: e.associationTypeId,
					fromObjectTypeId: objectType(e.objectType).typeId,
					toObjectTypeId: objectType(e.toObjectType).typeId,
					fromObjectId: Number(e.fromObjectId),
					toObjectId: Number(e.toObjectId),
					associationRemoved: e.associationRemoved,
					isPrimaryAssociation: e.isPrimaryAssociation,
				};
		}
	}

	private enqueue(target: Target, event: WebhookEvent): void {
		const key = `${target.url}\n${target.secret}\n${target.appId}`;
		let bucket = this.pending.get(key);
		if (!bucket) {
			bucket = { target, events: [] };
			this.pending.set(key, bucket);
		}
		bucket.events.push(event);
		if (!this.settings.paused) this.schedule(key);
	}

	private schedule(key: string): void {
		const bucket = this.pending.get(key);
		if (!bucket || bucket.timer || !bucket.events.length) return;
		bucket.timer = setTimeout(() => this.dispatch(key), this.realDelay(this.settings.batchWindowMs));
		bucket.timer.unref?.();
	}

	/** Simulated ms -> real timer ms; a frozen clock (timeScale 0) does not wait. */
	private realDelay(simMs: number): number {
		const real = this.clock.toRealMs(simMs);
		return Number.isFinite(real) ? Math.min(Math.max(0, real), 2 ** 31 - 1) : 0;
	}

	private dispatch(key: string): void {
		const bucket = this.pending.get(key);
		if (!bucket) return;
		if (bucket.timer) clearTimeout(bucket.timer);
		this.pending.delete(key);
		const { target, events } = bucket;
		for (let i = 0; i < events.length; i += this.settings.maxBatchSize) {
			this.send({ id: this.nextDeliveryId++, target, events: events.slice(i, i + this.settings.maxBatchSize), attempt: 0 });
		}
	}

	private send(delivery: Delivery): void {
		const p = this.attempt(delivery).finally(() => this.inFlight.delete(p));
		this.inFlight.add(p);
	}

	private async attempt(delivery: Delivery): Promise<void> {
		const events = delivery.events.map((e) => ({ ...e, attemptNumber: delivery.attempt }));
		const body = JSON.stringify(events);
		const timestamp = this.settings.timestampClock === 'sim' ? this.clock.now() : Date.now();
		const headers = {
			'Content-Type': 'application/json',
			'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon (hubspot-sim)',
			'X-HubSpot-Timeout-Millis': String(this.settings.timeoutMs),
			...signedHeaders(delivery.target.secret, delivery.target.url, body, timestamp),
		};
		const started = Date.now();
		const result = await post(delivery.target.url, body, headers, this.settings.timeoutMs);
		const retryable = result.status === undefined || result.status >= 500 || result.status === 429;
		const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
		const canRetry = !ok && retryable && delivery.attempt < this.settings.maxRetries && !this.closed;
		this.log.push({
			deliveryId: delivery.id,
			attemptNumber: delivery.attempt,
			targetUrl: delivery.target.url,
			eventIds: events.map((e) => e.eventId),
			eventCount: events.length,
			at: this.clock.date().toISOString(),
			status: result.status,
			error: result.error,
			outcome: ok ? 'delivered' : canRetry ? 'retrying' : 'failed',
			durationMs: Date.now() - started,
			body,
			headers,
		});
		if (!canRetry) return;
		const next: Delivery = { ...delivery, attempt: delivery.attempt + 1 };
		// 429 answers are retried no sooner than their Retry-After (hubspot.md 3.3).
		const backoff = Math.max(Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** delivery.attempt), result.retryAfterMs ?? 0);
		const timer = setTimeout(() => {
			this.retries.delete(next.id);
			this.send(next);
		}, this.realDelay(backoff));
		timer.unref?.();
		this.retries.set(next.id, { delivery: next, timer });
	}

	/** Sends every queued batch and due retry now and waits for the answers; returns the new log entries. */
	async flush(): Promise<DeliveryLogEntry[]> {
		const before = this.log.length;
		for (const key of [...this.pending.keys()]) this.dispatch(key);
		for (const [id, { delivery, timer }] of [...this.retries]) {
			clearTimeout(timer);
			this.retries.delete(id);
			this.send(delivery);
		}
		while (this.inFlight.size) await Promise.all([...this.inFlight]);
		return this.log.slice(before);
	}

	/** Waits until nothing is queued, retrying or in flight (or the real-time limit passes). */
	async idle(limitMs = 10_000): Promise<boolean> {
		const end = Date.now() + limitMs;
		while (Date.now() < end) {
			if (!this.pending.size && !this.retries.size && !this.inFlight.size) return true;
			await new Promise((r) => setTimeout(r, 10));
		}
		return false;
	}

	private cancelTimers(): void {
		for (const b of this.pending.values()) if (b.timer) clearTimeout(b.timer);
		for (const r of this.retries.values()) clearTimeout(r.timer);
		this.retries.clear();
	}

	async close(): Promise<void> {
		this.closed = true;
		this.cancelTimers();
		this.pending.clear();
		await Promise.all([...this.inFlight]);
	}
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status?: number; error?: string; retryAfterMs?: number }> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ error: `invalid target URL ${url}` });
			return;
		}
		const lib = target.protocol === 'https:' ? https : http;
		const req = lib.request(target, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
			res.resume();
			const retryAfter = Number(res.headers['retry-after']);
			const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
			res.on('end', () => resolve({ status: res.statusCode, retryAfterMs }));
			res.on('error', (e) => resolve({ status: res.statusCode, error: e.message }));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
		req.on('error', (e) => resolve({ error: e.message }));
		req.end(body);
	});
}
