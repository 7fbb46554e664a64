/**
 * Rate limits (hubspot.md 4): 100 or 190 requests per rolling 10 s (TEN_SECONDLY_ROLLING, body with
 * `errorType: RATE_LIMIT` + `policyName`), a daily quota (DAILY), and the CRM search limit of 5 requests/s
 * (its own bucket, body with `category: RATE_LIMITS`, "You have reached your secondly limit."). 429s carry
 * Retry-After; non-search responses carry X-HubSpot-RateLimit-* headers. Windows run on the SimClock.
 */
import type { SimClock } from '../common/clock';
import { errorBody, HsError } from './errors';

export interface RateLimitConfig {
	per10s: number;
	searchPerSecond: number;
	daily: number;
}

export class RateLimiter {
	private tenSecond: number[] = [];
	private searchSecond: number[] = [];
	private dailyCount = 0;
	private dailyDay = -1;

	constructor(
		private readonly clock: SimClock,
		public config: RateLimitConfig,
	) {}

	reset(config?: Partial<RateLimitConfig>): void {
		this.tenSecond = [];
		this.searchSecond = [];
		this.dailyCount = 0;
		if (config) this.config = { ...this.config, ...config };
	}

	/** Counts one request or throws the 429 HubSpot sends. Returns headers to add to the response. */
	take(search: boolean): Record<string, string> {
		const now = this.clock.now();
		const day = Math.floor(now / 86_400_000);
		if (day !== this.dailyDay) {
			this.dailyDay = day;
			this.dailyCount = 0;
		}
		if (search) {
			this.searchSecond = this.searchSecond.filter((t) => t > now - 1000);
			if (this.searchSecond.length >= this.config.searchPerSecond) {
				const wait = Math.max(1, Math.ceil((this.searchSecond[0] + 1000 - now) / 1000));
				throw new HsError(429, errorBody('RATE_LIMITS', 'You have reached your secondly limit.'), { 'Retry-After': String(wait) });
			}
			this.searchSecond.push(now);
			return {};
		}
		if (this.dailyCount >= this.config.daily) {
			const wait = Math.ceil(((day + 1) * 86_400_000 - now) / 1000);
			throw this.rateLimitError('You have reached your daily limit.', 'DAILY', wait);
		}
		this.tenSecond = this.tenSecond.filter((t) => t > now - 10_000);
		if (this.tenSecond.length >= this.config.per10s) {
			const wait = Math.max(1, Math.ceil((this.tenSecond[0] + 10_000 - now) / 1000));
			throw this.rateLimitError('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING', wait);
		}
		this.tenSecond.push(now);
		this.dailyCount += 1;
		return this.headers();
	}

	headers(): Record<string, string> {
		return {
			'X-HubSpot-RateLimit-Daily': String(this.config.daily),
			'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.config.daily - this.dailyCount)),
			'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
			'X-HubSpot-RateLimit-Max': String(this.config.per10s),
			'X-HubSpot-RateLimit-Remaining': String(Math.max(0, this.config.per10s - this.tenSecond.length)),
		};
	}

	private rateLimitError(message: string, policyName: string, retryAfter: number): HsError {
		return new HsError(429, rateLimitBody(message, policyName), { 'Retry-After': String(retryAfter), ...this.headers() });
	}
}

/** The `errorType: RATE_LIMIT` + `policyName` 429 body (no `category`), as documented (hubspot.md 4). */
export function rateLimitBody(message: string, policyName: string): Record<string, unknown> {
	const body: Record<string, unknown> = { ...errorBody('RATE_LIMIT', message), errorType: 'RATE_LIMIT', policyName };
	delete body.category;
	return body;
}
