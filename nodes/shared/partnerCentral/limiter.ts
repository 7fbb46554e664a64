import { sleep } from 'n8n-workflow';

import type { PartnerCentralCredentials } from './credentials';
import { identityKey } from './credentials';
import { operationInfo, type QuotaClass } from './operations';
import { sharedSlotsFor, type SharedSlots } from './sharedLimiter';

/**
 * Request pacing per AWS identity, one bucket per quota class (partner-central.md C7). A bucket hands out one
 * request slot every 1/rate seconds (no burst), so N requests of a class take at least (N-1)/rate seconds and never
 * exceed the per-second quota even when several executions in this n8n process share a credential. Acquiring
 * waits for the next slot; it never fails. Each retry attempt takes a new slot.
 *
 * Limits: the pace is per n8n process. Several queue-mode workers each pace on their own; ThrottlingException
 * retries in the transport absorb the overlap.
 */
export class PacedBucket {
	private nextSlot = 0;

	/** `margin`: the interval is stretched by this fraction (0.03 = 3 % under the quota). */
	constructor(
		public ratePerSecond: number,
		public margin = 0,
	) {}

	get intervalMs(): number {
		return (1000 / this.ratePerSecond) * (1 + this.margin);
	}

	/** Milliseconds the caller must wait for its slot (the slot is reserved). */
	reserve(now: number = Date.now()): number {
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		return slot - now;
	}

	/** The service said "too fast" (another client shares the quota, or timing drifted): skip one slot. */
	penalize(now: number = Date.now()): void {
		this.nextSlot = Math.max(now, this.nextSlot) + this.intervalMs;
	}

	async acquire(): Promise<void> {
		const wait = this.reserve();
		if (wait > 0) await sleep(wait);
	}
}

/** Fixed rates of the classes whose quota AWS documents separately (per second). */
export const FIXED_RATES: Partial<Record<QuotaClass, number>> = {
	prospectingRead: 100,
	prospectingList: 50,
	prospectingWrite: 2,
	engagementWrite: 15,
};

/**
 * Pace this much under the quota. Requests leave with a few milliseconds of jitter; pacing at exactly the quota
 * made about every second write arrive less than 1 s after the previous one and get throttled (measured:
 * 0.67 of the write quota with 490 throttles for 1,000 creates; docs/benchmarks.md).
 */
export const SAFETY_MARGIN = 0.03;

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
	 * After a ThrottlingException for a paced operation: push the class's next slot back by one interval and
	 * report true, so the retry waits for a slot instead of an exponential backoff (which wasted a third of the
	 * quota). Unpaced operations report false and keep the backoff.
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
