import { createHash } from 'crypto';
import type {
	IAllExecuteFunctions,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asErrorBody, hubspotApiError, isRateLimitBody, parseRetryAfter, rateLimitPolicy } from './errors';
import { isSearchPath, limiterFor } from './limiter';
import type { Outcome } from './retryPolicy';
import { decideRetry, MAX_RETRY_WAIT_MS } from './retryPolicy';

export const HUBSPOT_CREDENTIAL_TYPE = 'hubSpotPartnerCentralApi';
export const DEFAULT_HUBSPOT_BASE_URL = 'https://api.hubapi.com';
const REQUEST_TIMEOUT_MS = 60_000;

/** Any n8n functions context with credentials and HTTP helpers (execute, poll, webhook, hook, load-options). */
export type HubSpotContext = IAllExecuteFunctions;

export interface HubSpotCredentials {
	accessToken: string;
	clientSecret?: string;
	baseUrl?: string;
	rateLimitPer10s?: number | string;
}

export interface HubSpotRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. `/crm/v3/objects/deals/batch/read`. */
	path: string;
	body?: IDataObject | IDataObject[];
	/** Query string; pass lists as comma-separated strings (HubSpot's `properties=a,b`). */
	qs?: IDataObject;
	/**
	 * Whether repeating the request after a timeout or 5xx is harmless. Defaults: GET/PUT/PATCH/DELETE yes; POST only
	 * for reads and upserts (search, batch/read, batch/upsert, batch/update, association reads/creates).
	 */
	idempotent?: boolean;
}

export interface HubSpotRequestOptions {
	itemIndex?: number;
}

const IDEMPOTENT_POST =
	/\/(search|batch\/read|batch\/upsert|batch\/update|batch\/create|batch\/associate\/default|batch\/archive)\/?$/;

export function isIdempotent(req: Pick<HubSpotRequest, 'method' | 'path' | 'idempotent'>): boolean {
	if (req.idempotent !== undefined) return req.idempotent;
	if (req.method !== 'POST') return true;
	const path = req.path.split('?')[0];
	// Association batch creates are idempotent (an existing association is left as is); object batch creates are not.
	if (/\/batch\/create\/?$/.test(path)) return path.startsWith('/crm/v4/associations/');
	return IDEMPOTENT_POST.test(path);
}

export function normalizeBaseUrl(baseUrl: unknown): string {
	const text = typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : DEFAULT_HUBSPOT_BASE_URL;
	return text.replace(/\/+$/, '');
}

export function rateTier(value: unknown): number {
	const n = Number(value);
	return n === 190 ? 190 : 100;
}

function limiterKey(baseUrl: string, token: string): string {
	return createHash('sha256').update(`${baseUrl}\n${token}`).digest('hex').slice(0, 32);
}

function header(headers: unknown, name: string): unknown {
	if (!headers || typeof headers !== 'object') return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (key.toLowerCase() === wanted) return value;
	}
	return undefined;
}

/** The network error code behind an exception (axios/undici/NodeApiError wrappers), or undefined. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const e = current as { code?: unknown; httpCode?: unknown; name?: unknown; message?: unknown; messages?: unknown; cause?: unknown };
		if (e.name === 'AbortError') return 'ABORTED';
		if (e.name === 'TimeoutError') return 'TIMEOUT';
		if (typeof e.code === 'string' && /^[A-Z][A-Z_]+$/.test(e.code)) return e.code;
		// NodeApiError (what httpRequestWithAuthentication throws) keeps the axios code in httpCode and the
		// original text in messages, not in cause.
		if (typeof e.httpCode === 'string' && /^[A-Z][A-Z_]+$/.test(e.httpCode)) return e.httpCode;
		const texts = Array.isArray(e.messages) ? e.messages.filter((m): m is string => typeof m === 'string') : [];
		const message = [typeof e.message === 'string' ? e.message : '', ...texts].join(' | ');
		if (/timeout of \d+ms exceeded|timed out/i.test(message)) return 'ETIMEDOUT';
		if (/socket hang up|ECONNRESET/i.test(message)) return 'ECONNRESET';
		current = e.cause;
	}
	return undefined;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/**
 * One HubSpot API call with the credential `hubSpotPartnerCentralApi`: client-side rate limiting per credential
 * (the tier's calls per 10 s; searches 5/s in their own bucket), 429 handling with Retry-After (both body shapes), bounded retries with backoff and
 * jitter for 5xx/timeouts/resets on idempotent requests, and NodeApiError with HubSpot's message, category,
 * correlation ID and field errors. Returns the parsed response body (`{}` for 204).
 */
export async function hubspotRequest(
	ctx: HubSpotContext,
	req: HubSpotRequest,
	options: HubSpotRequestOptions = {},
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- contract 2: HubSpot bodies vary per endpoint; callers narrow
): Promise<any> {
	const credentials = (await ctx.getCredentials(HUBSPOT_CREDENTIAL_TYPE, options.itemIndex)) as unknown as HubSpotCredentials;
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const limiter = limiterFor(limiterKey(baseUrl, credentials.accessToken ?? ''), rateTier(credentials.rateLimitPer10s));
	const search = isSearchPath(req.path);
	const idempotent = isIdempotent(req);
	const node = ctx.getNode();
	const requestOptions: IHttpRequestOptions = {
		method: req.method,
		url: `${baseUrl}${req.path}`,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
		headers: { Accept: 'application/json' },
	};
	if (req.qs && Object.keys(req.qs).length) requestOptions.qs = req.qs;
	if (req.body !== undefined) requestOptions.body = req.body;

	// Waits (limiter, Retry-After, backoff) end early when the execution is cancelled.
	const cancel = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	const wait = async (ms: number) => await abortableSleep(ms, cancel);
	let rateRetries = 0;
	let transientRetries = 0;
	// CRM search has its own bucket and is exempt from the ten-secondly one (hubspot.md 4: the spec marks search
	// `x-hubspot-rate-limit-exemptions: ["ten-secondly"]`), so a search takes a search slot only.
	const bucket = search ? limiter.search : limiter.general;
	for (;;) {
		const delay = bucket.take();
		if (delay > 0) await wait(delay);

		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				HUBSPOT_CREDENTIAL_TYPE,
				{ ...requestOptions },
			)) as FullResponse;
		} catch (error) {
			const code = networkErrorCode(error) ?? 'UNKNOWN';
			const decision = code === 'ABORTED' ? { retry: false, delayMs: 0, reason: code } : decideRetry({ kind: 'network', code }, transientRetries, idempotent);
			if (decision.retry) {
				transientRetries++;
				ctx.logger?.warn(`HubSpot ${req.method} ${req.path}: ${decision.reason}; retrying in ${decision.delayMs} ms`);
				await wait(decision.delayMs);
				continue;
			}
			// A fresh error (not the NodeApiError n8n-core threw, which NodeApiError would return unchanged), without
			// the code so n8n keeps our wording.
			const original = (error as { message?: string })?.message ?? String(error);
			throw new NodeApiError(node, { message: original } as JsonObject, {
				message: `Could not reach HubSpot at ${baseUrl}`,
				description: idempotent
					? `The ${req.method} ${req.path} request failed ${transientRetries + 1} time(s) (${code}: ${original}). Check the API base URL in the credential and the network.`
					: `The ${req.method} ${req.path} request failed (${code}: ${original}) and may or may not have been applied; it was not repeated to avoid a duplicate. Check HubSpot before running it again.`,
				itemIndex: options.itemIndex,
			});
		}

		const status = Number(response.statusCode);
		if (status >= 200 && status < 300) return response.body === '' || response.body === undefined ? {} : response.body;

		const body = asErrorBody(response.body);
		const retryAfterMs = parseRetryAfter(header(response.headers, 'retry-after'));
		let outcome: Outcome | undefined;
		if (status === 429 || isRateLimitBody(body)) {
			outcome = { kind: 'rateLimited', policy: rateLimitPolicy(body), retryAfterMs };
		} else if (status >= 500 || status === 477) {
			outcome = { kind: 'serverError', status, retryAfterMs };
		}
		if (outcome) {
			const retries = outcome.kind === 'rateLimited' ? rateRetries : transientRetries;
			const decision = decideRetry(outcome, retries, idempotent);
			// The bucket HubSpot refused waits for everyone; a wait too long to hold an execution for is not imposed on
			// later calls (they get their own answer from HubSpot).
			if (outcome.kind === 'rateLimited' && decision.delayMs > 0 && decision.delayMs <= MAX_RETRY_WAIT_MS) bucket.pause(decision.delayMs);
			if (decision.retry) {
				if (outcome.kind === 'rateLimited') rateRetries++;
				else transientRetries++;
				ctx.logger?.warn(`HubSpot ${req.method} ${req.path}: ${decision.reason}; retrying in ${decision.delayMs} ms`);
				await wait(decision.delayMs);
				continue;
			}
		}
		throw hubspotApiError(node, response.body, {
			status,
			method: req.method,
			path: req.path,
			itemIndex: options.itemIndex,
			retryAfterMs,
		});
	}
}

/**
 * Waits `ms`, or less when the execution is cancelled. Local on purpose: n8n-workflow's `sleepWithAbort` is not
 * exported by every supported host (n8n 2.40 ships n8n-workflow 2.40.1 without it), and importing a missing name
 * would crash the node on the first wait.
 */
async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0 || signal?.aborted) return;
	await new Promise<void>((resolve) => {
		const onAbort = () => {
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
