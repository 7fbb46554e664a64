/**
 * Client-side rate limiting for HubSpot, per credential, within this n8n process.
 *
 * HubSpot limits a private app / service key to 100 or 190 requests per rolling 10 seconds (shared by every app of
 * the account) and CRM search to about 5 requests per second on its own. A token bucket per limit keeps a busy
 * workflow under those numbers; 429 answers still happen (other integrations share the budget) and the transport
 * honours them, pausing the whole bucket so concurrent calls wait too.
 */

export type Clock = () => number;

/** Reservation-based token bucket: each take() reserves a slot and tells the caller how long to wait for it. */
export class TokenBucket {
	private tokens: number;
	private last: number;
	private pausedUntil = 0;

	constructor(
		readonly capacity: number,
		readonly windowMs: number,
		private readonly now: Clock = Date.now,
	) {
		this.tokens = capacity;
		this.last = now();
	}

	private refill(): void {
		const t = this.now();
		const elapsed = t - this.last;
		if (elapsed > 0) {
			this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.capacity) / this.windowMs);
			this.last = t;
		}
	}

	/** Reserve one request; returns the milliseconds to wait before sending it (0 = now). */
	take(): number {
		this.refill();
		this.tokens -= 1;
		const t = this.now();
		const pauseWait = Math.max(0, this.pausedUntil - t);
		const tokenWait = this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * this.windowMs) / this.capacity);
		return Math.max(pauseWait, tokenWait);
	}

	/** Stop handing out immediate slots until `ms` from now (HubSpot said Retry-After), and drain the bucket. */
	pause(ms: number): void {
		const until = this.now() + ms;
		if (until > this.pausedUntil) this.pausedUntil = until;
		this.refill();
		this.tokens = Math.min(this.tokens, 0);
	}
}

export interface HubSpotLimiter {
	general: TokenBucket;
	search: TokenBucket;
}

export const SEARCH_REQUESTS_PER_SECOND = 5;

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search\/?$/;

export function isSearchPath(path: string): boolean {
	return SEARCH_PATH.test(path.split('?')[0]);
}

const limiters = new Map<string, HubSpotLimiter>();

/**
 * The limiter for one credential (keyed by a hash of base URL + token, never the token itself), created on first
 * use and shared by every node in this process that uses the same token.
 */
export function limiterFor(key: string, per10s: number, now: Clock = Date.now): HubSpotLimiter {
	const existing = limiters.get(key);
	if (existing && existing.general.capacity === per10s) return existing;
	const created: HubSpotLimiter = {
		general: new TokenBucket(per10s, 10_000, now),
		search: new TokenBucket(SEARCH_REQUESTS_PER_SECOND, 1_000, now),
	};
	limiters.set(key, created);
	return created;
}

/** For tests: forget every limiter (a fresh process). */
export function resetLimiters(): void {
	limiters.clear();
}
