/**
 * Client-side rate limiting for HubSpot, per credential, within this n8n process.
 *
 * HubSpot limits a private app / service key to 100 or 190 requests per rolling 10 seconds (shared by every app of
 * the account) and CRM search to about 5 requests per second on its own. A sliding-window limiter per limit keeps
 * a busy workflow under those numbers; 429 answers still happen (other integrations share the budget) and the
 * transport honours them, pausing the limiter so concurrent calls wait too.
 */

export type Clock = () => number;

/**
 * Reservation-based sliding-window limiter: at most `capacity` sends in any `windowMs`, like HubSpot's rolling
 * 10-second window (a token bucket would allow twice the limit across a window boundary). take() reserves the
 * next free slot, first come first served, and says how long to wait for it.
 */
export class WindowLimiter {
	/** Scheduled send times, ascending; only the last `capacity` matter. */
	private slots: number[] = [];
	private pausedUntil = 0;

	constructor(
		readonly capacity: number,
		readonly windowMs: number,
		private readonly now: Clock = Date.now,
	) {}

	/** Reserve one request; returns the milliseconds to wait before sending it (0 = now). */
	take(): number {
		const t = this.now();
		let slot = Math.max(t, this.pausedUntil);
		const last = this.slots[this.slots.length - 1];
		if (last !== undefined && last > slot) slot = last;
		if (this.slots.length >= this.capacity) {
			slot = Math.max(slot, this.slots[this.slots.length - this.capacity] + this.windowMs);
		}
		this.slots.push(slot);
		if (this.slots.length > this.capacity) this.slots.splice(0, this.slots.length - this.capacity);
		return slot - t;
	}

	/** Hand out no slot before `ms` from now (HubSpot said Retry-After); later reservations queue behind it. */
	pause(ms: number): void {
		const until = this.now() + ms;
		if (until > this.pausedUntil) this.pausedUntil = until;
	}
}

export interface HubSpotLimiter {
	general: WindowLimiter;
	search: WindowLimiter;
}

export const SEARCH_REQUESTS_PER_SECOND = 5;
/**
 * HubSpot counts a request when it arrives, the limiter when it is sent: network jitter can make two sends 1,000 ms
 * apart arrive closer together (seen against the simulator under load: one 429 every few seconds of paging). Both
 * windows therefore keep a small margin.
 */
export const WINDOW_MARGIN_MS = { search: 100, general: 250 } as const;

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
		general: new WindowLimiter(per10s, 10_000 + WINDOW_MARGIN_MS.general, now),
		search: new WindowLimiter(SEARCH_REQUESTS_PER_SECOND, 1_000 + WINDOW_MARGIN_MS.search, now),
	};
	limiters.set(key, created);
	return created;
}

/** For tests: forget every limiter (a fresh process). */
export function resetLimiters(): void {
	limiters.clear();
}
