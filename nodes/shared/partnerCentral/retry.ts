import { sleep } from 'n8n-workflow';

/**
 * The single retry layer of the Partner Central transport (the SDK's own retries are off). Transient failures are
 * retried with exponential backoff and full jitter (delay = random(0, min(maxDelay, baseDelay x 2^attempt))),
 * at most `maxAttempts` attempts in total; while attempts remain, nothing is reported.
 */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

/** Defaults used by every call; tests shrink the delays. */
export const retryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 20_000 };

const RETRYABLE_NAMES = new Set([
	'ThrottlingException',
	'InternalServerException',
	'ServiceUnavailableException',
	'ServiceUnavailable',
	'RequestTimeout',
	'RequestTimeoutException',
	'TimeoutError',
]);

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNABORTED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_SOCKET',
]);

export interface AwsLikeError {
	name?: string;
	message?: string;
	code?: string;
	$metadata?: { httpStatusCode?: number; requestId?: string };
	$fault?: 'client' | 'server';
	$retryable?: { throttling?: boolean };
	cause?: unknown;
}

const NETWORK_MESSAGE =
	/\b(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ECONNABORTED|EHOSTUNREACH|ENETUNREACH)\b|socket hang up/;

/**
 * The network error code of a failure, if it is one. The SDK sometimes wraps a socket error into a plain Error
 * whose message is all that is left ("AWS SDK error wrapper for Error: connect ECONNREFUSED ..."), so the
 * message is read too.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const e = error as AwsLikeError | undefined;
	if (!e) return undefined;
	if (e.code && NETWORK_CODES.has(e.code)) return e.code;
	const cause = e.cause as AwsLikeError | undefined;
	if (cause?.code && NETWORK_CODES.has(cause.code)) return cause.code;
	if (e.$metadata?.httpStatusCode) return undefined;
	const match = NETWORK_MESSAGE.exec(e.message ?? '');
	if (!match) return undefined;
	return match[1] ?? 'ECONNRESET';
}

export function isNetworkError(error: unknown): boolean {
	return networkErrorCode(error) !== undefined;
}

export function isThrottling(error: unknown): boolean {
	const e = error as AwsLikeError | undefined;
	return e?.name === 'ThrottlingException' || !!e?.$retryable?.throttling || e?.$metadata?.httpStatusCode === 429;
}

/** Throttling, server-side (5xx) failures and network errors are worth another attempt; nothing else is. */
export function isRetryable(error: unknown): boolean {
	const e = error as AwsLikeError | undefined;
	if (!e) return false;
	if ((e as { assumeRoleFailure?: boolean }).assumeRoleFailure) return false;
	if (isThrottling(e) || (e.name && RETRYABLE_NAMES.has(e.name))) return true;
	const status = e.$metadata?.httpStatusCode;
	if (status !== undefined && status >= 500) return true;
	return isNetworkError(e);
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.floor(random() * ceiling);
}

/**
 * Run `attempt` until it succeeds, fails with a non-retryable error (rethrown as is), or runs out of attempts
 * (the last error is rethrown with `attempts` set on it).
 */
export async function withRetries<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	policy: RetryPolicy = retryPolicy,
	/** Returns the delay before the next attempt instead of the backoff (e.g. 0 when a limiter paces it). */
	delayFor?: (error: unknown, attemptNumber: number) => number | undefined,
): Promise<{ result: T; attempts: number }> {
	for (let n = 1; ; n++) {
		try {
			return { result: await attempt(n), attempts: n };
		} catch (error) {
			if (error && typeof error === 'object') (error as { attempts?: number }).attempts = n;
			// The caller (transport core) renders the error; n8n errors are built where a node is known.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (!isRetryable(error) || n >= policy.maxAttempts) throw error;
			const delay = delayFor?.(error, n) ?? backoffDelay(n - 1, policy);
			if (delay > 0) await sleep(delay);
		}
	}
}
