/**
 * When to try a HubSpot call again, as a pure function of what happened (tests drive it with tables).
 *
 * - 429: always safe to repeat (HubSpot refused the request). Wait Retry-After when given, else back off by policy
 *   (secondly/search limit: about 1 s; ten-secondly: up to 10 s). The daily limit is not retried: it resets at
 *   midnight in the account's time zone, so waiting inside an execution is pointless.
 * - 477 (migration in progress), 500, 502, 503, 504, 521-524, timeouts and connection resets: retried with
 *   exponential backoff and jitter, but only for idempotent requests: a create that timed out may have been
 *   applied, and repeating it could make a duplicate record.
 */

export const MAX_RATE_LIMIT_RETRIES = 6;
export const MAX_TRANSIENT_RETRIES = 3;
/** Longer waits than this are not worth holding an execution for: the error tells the user instead. */
export const MAX_RETRY_WAIT_MS = 120_000;

export type Outcome =
	| { kind: 'rateLimited'; policy: 'DAILY' | 'SECONDLY' | 'TEN_SECONDLY_ROLLING' | 'UNKNOWN'; retryAfterMs?: number }
	| { kind: 'serverError'; status: number; retryAfterMs?: number }
	| { kind: 'network'; code: string };

export interface RetryDecision {
	retry: boolean;
	delayMs: number;
	reason: string;
}

const TRANSIENT_STATUS = new Set([477, 500, 502, 503, 504, 521, 522, 523, 524]);
const TRANSIENT_NETWORK = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
	'TIMEOUT',
]);

export function isTransientStatus(status: number): boolean {
	return TRANSIENT_STATUS.has(status);
}

export function isTransientNetworkCode(code: string): boolean {
	return TRANSIENT_NETWORK.has(code.toUpperCase());
}

export function backoffMs(retriesSoFar: number, baseMs: number, capMs: number, random: () => number): number {
	const exp = Math.min(capMs, baseMs * 2 ** retriesSoFar);
	// "Equal jitter": half fixed, half random, so concurrent callers spread out but never retry instantly.
	return Math.round(exp / 2 + (random() * exp) / 2);
}

export function decideRetry(
	outcome: Outcome,
	retriesSoFar: number,
	idempotent: boolean,
	random: () => number = Math.random,
): RetryDecision {
	if (outcome.kind === 'rateLimited') {
		if (outcome.policy === 'DAILY') return { retry: false, delayMs: 0, reason: 'daily limit reached' };
		if (retriesSoFar >= MAX_RATE_LIMIT_RETRIES) return { retry: false, delayMs: 0, reason: 'still rate limited after retries' };
		const fallback =
			outcome.policy === 'SECONDLY'
				? backoffMs(retriesSoFar, 1_000, 4_000, random)
				: backoffMs(retriesSoFar, 1_000, 10_000, random);
		const delayMs = outcome.retryAfterMs !== undefined ? outcome.retryAfterMs + Math.round(random() * 250) : fallback;
		if (delayMs > MAX_RETRY_WAIT_MS) return { retry: false, delayMs, reason: 'Retry-After too long to wait' };
		return { retry: true, delayMs, reason: `rate limited (${outcome.policy})` };
	}
	if (!idempotent) return { retry: false, delayMs: 0, reason: 'not safe to repeat a write that may have been applied' };
	if (retriesSoFar >= MAX_TRANSIENT_RETRIES) return { retry: false, delayMs: 0, reason: 'still failing after retries' };
	if (outcome.kind === 'serverError') {
		if (!isTransientStatus(outcome.status)) return { retry: false, delayMs: 0, reason: `HTTP ${outcome.status}` };
		const delayMs = outcome.retryAfterMs ?? backoffMs(retriesSoFar, 500, 8_000, random);
		if (delayMs > MAX_RETRY_WAIT_MS) return { retry: false, delayMs, reason: 'Retry-After too long to wait' };
		return { retry: true, delayMs, reason: `HTTP ${outcome.status}` };
	}
	if (!isTransientNetworkCode(outcome.code)) return { retry: false, delayMs: 0, reason: outcome.code };
	return { retry: true, delayMs: backoffMs(retriesSoFar, 500, 8_000, random), reason: outcome.code };
}
