import { sleep } from 'n8n-workflow';

import type { PartnerCentralCredentials } from './credentials';
import { identityKey } from './credentials';
import { operationInfo, type QuotaClass } from './operations';
import { sharedSlotsFor, type SharedSlots } from './sharedLimiter';

/**
 * Request pacing per AWS identity, one bucket per quota class (partner-central.md C7). A bucket lets one request
 * through every 1/rate seconds (no burst), so N requests of a class take at least (N-1)/rate seconds and stay under
 * the per-second quota even when several executions in this n8n process share a credential.
 *
 * Three things keep the pace close to the quota without being throttled (docs/benchmarks.md, backfill):
 * - Callers take turns (a queue): each waits one interval after the previous caller was actually let through, so
 *   a caller that woke up late (a busy n8n) does not shorten the gap to the next one.
 * - The interval carries a margin under the quota that adapts: it grows when the service throttles anyway (requests
 *   reach AWS with some jitter; another client may share the quota) and shrinks back to the base margin.
 * - A throttled request costs half an interval, not a whole one, when its retry can safely go sooner (penalize).
 *
 * Limits: the pace is per n8n process (see sharedLimiter.ts for several queue-mode workers).
 */
export class PacedBucket {
	private nextSlot = 0;
	private lastGrantAt = Number.NEGATIVE_INFINITY;
	/** Callers queued or sleeping for their turn. */
	private waiting = 0;
	private turn: Promise<void> = Promise.resolve();
	/** Current margin under the quota (fraction of the interval); starts at `baseMargin`, adapts to throttles. */
	margin: number;

	/** `baseMargin`: the interval is stretched by at least this fraction (0.02 = 2 % under the quota). */
	constructor(
		public ratePerSecond: number,
		public baseMargin = 0,
	) {
		this.margin = baseMargin;
	}

	get intervalMs(): number {
		return (1000 / this.ratePerSecond) * (1 + this.margin);
	}

	/** Milliseconds the caller must wait for its slot (the slot is reserved). */
	reserve(now: number = Date.now()): number {
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		return slot - now;
	}

	/** Records that a caller was let through at `at`: the next one waits a full interval from then. */
	granted(at: number = Date.now()): void {
		this.lastGrantAt = at;
		this.nextSlot = Math.max(this.nextSlot, at + this.intervalMs);
		this.margin = Math.max(this.baseMargin, this.margin - MARGIN_DECAY);
	}

	/**
	 * The service said "too fast" (arrival jitter, or another client shares the quota): widen the margin. When the
	 * throttled request is evidently the last one let through (nobody waits, and it was let through less than half an
	 * interval ago: its answer came back that fast), the next request (its retry) may go half an interval after it:
	 * the throttled request did not count, and the one the service counted last was let through a full interval
	 * before it. Otherwise the retry takes its turn like any request.
	 */
	penalize(now: number = Date.now()): void {
		this.margin = Math.min(MAX_MARGIN, this.margin + MARGIN_STEP);
		const half = this.intervalMs / 2;
		if (this.waiting === 0 && now - this.lastGrantAt < half) this.nextSlot = this.lastGrantAt + half;
	}

	/** Waits for this caller's turn. */
	async acquire(): Promise<void> {
		this.waiting++;
		const mine = this.turn.then(async () => {
			const wait = this.reserve();
			if (wait > 0) await sleep(wait);
			this.waiting--;
			this.granted();
		});
		this.turn = mine;
		await mine;
	}
}

/**
 * Margin added per throttle, taken off again per request let through (back to the base after 10 requests), and its
 * ceiling (half the quota). Measured (benchmark, 1,000 creates at x5): throttles are rare, isolated stalls; with a
 * slow decay (+4 %, -0.04 %) the margin piled up to 23 % and the write rate fell to 0.81 of the quota. Sustained
 * throttling (another client on the quota) keeps it up, and the transport backs off from a second throttle.
 */
export const MARGIN_STEP = 0.02;
export const MARGIN_DECAY = 0.002;
export const MAX_MARGIN = 1;

/** Fixed rates of the classes whose quota AWS documents separately (per second). */
export const FIXED_RATES: Partial<Record<QuotaClass, number>> = {
	prospectingRead: 100,
	prospectingList: 50,
	prospectingWrite: 2,
	engagementWrite: 15,
};

/**
 * Pace at least this much under the quota. Requests reach AWS with a few milliseconds of jitter; pacing at exactly
 * the quota made about every second write arrive less than 1 s after the previous one and get throttled (measured:
 * 0.67 of the write quota with 490 throttles for 1,000 creates; docs/benchmarks.md). The margin grows by itself
 * when throttles still happen (PacedBucket).
 */
export const SAFETY_MARGIN = 0.02;

export class PartnerCentralLimiter {
	private readonly buckets = new Map<QuotaClass, PacedBucket>();

	/** Hook (sharedLimiter.ts): set when the credential names a shared Redis; slots are then reserved there. */
	shared: SharedSlots | undefined;

	constructor(
		public writesPerSecond: number,
		public readsPerSecond: number,
	) {}

	rateFor(quota: QuotaClass): number | undefined {
		if (quota === 'write') return this.writesPerSecond;
		if (quota === 'read') return this.readsPerSecond;
		return FIXED_RATES[quota];
	}

	private bucketFor(operation: string): PacedBucket | undefined {
		const quota = operationInfo(operation)?.quota ?? 'unlisted';
		const rate = this.rateFor(quota);
		if (!rate) return undefined;
		let bucket = this.buckets.get(quota);
		if (!bucket) {
			bucket = new PacedBucket(rate, SAFETY_MARGIN);
			this.buckets.set(quota, bucket);
		}
		bucket.ratePerSecond = rate;
		return bucket;
	}

	/** Wait until `operation` may be sent. Operations without a documented quota pass straight through. */
	async acquire(operation: string): Promise<void> {
		const bucket = this.bucketFor(operation);
		if (bucket && this.shared) return await this.shared.acquire(operationInfo(operation)?.quota ?? 'unlisted', bucket);
		await bucket?.acquire();
	}

	/**
	 * After a ThrottlingException for a paced operation: widen the class's margin and report true, so the retry
	 * waits for its turn instead of an exponential backoff (which wasted a third of the quota). Unpaced operations
	 * report false and keep the backoff.
	 */
	throttled(operation: string): boolean {
		const bucket = this.bucketFor(operation);
		if (!bucket) return false;
		if (this.shared) void this.shared.penalize(operationInfo(operation)?.quota ?? 'unlisted', bucket);
		else bucket.penalize();
		return true;
	}
}

const limiters = new Map<string, PartnerCentralLimiter>();

/** The limiter shared by every use of this AWS identity in this process; rates follow the latest credential. */
export function limiterFor(c: PartnerCentralCredentials): PartnerCentralLimiter {
	const key = identityKey(c);
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new PartnerCentralLimiter(c.writesPerSecond, c.readsPerSecond);
		limiters.set(key, limiter);
	}
	limiter.writesPerSecond = c.writesPerSecond;
	limiter.readsPerSecond = c.readsPerSecond;
	limiter.shared = sharedSlotsFor(c.sharedRateLimitUrl, key);
	return limiter;
}

export function clearLimiters(): void {
	limiters.clear();
}
