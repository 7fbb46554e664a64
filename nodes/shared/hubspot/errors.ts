import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** HubSpot's error body ("treat all fields as optional"). */
export interface HubSpotErrorBody {
	status?: string;
	message?: string;
	correlationId?: string;
	category?: string;
	subCategory?: string;
	errorType?: string;
	policyName?: string;
	context?: Record<string, unknown>;
	errors?: Array<{
		message?: string;
		in?: string;
		code?: string;
		subCategory?: string;
		context?: Record<string, unknown>;
	}>;
}

export function asErrorBody(body: unknown): HubSpotErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as HubSpotErrorBody;
	if (typeof body === 'string' && body.trim().startsWith('{')) {
		try {
			return JSON.parse(body) as HubSpotErrorBody;
		} catch {
			return { message: body.slice(0, 500) };
		}
	}
	// A proxy or gateway page (HTML) is no message for a person: the status says more.
	if (typeof body === 'string' && body.trim().startsWith('<')) return {};
	return typeof body === 'string' && body.trim() ? { message: body.trim().slice(0, 500) } : {};
}

/** The two 429 body shapes HubSpot sends: `errorType: RATE_LIMIT` + `policyName`, or `category: RATE_LIMITS`. */
export type RateLimitPolicy = 'DAILY' | 'SECONDLY' | 'TEN_SECONDLY_ROLLING' | 'UNKNOWN';

export function rateLimitPolicy(body: HubSpotErrorBody): RateLimitPolicy {
	const policy = (body.policyName ?? '').toUpperCase();
	if (policy === 'DAILY' || policy === 'SECONDLY' || policy === 'TEN_SECONDLY_ROLLING') return policy;
	const message = (body.message ?? '').toLowerCase();
	if (message.includes('daily limit')) return 'DAILY';
	if (message.includes('secondly limit')) return 'SECONDLY';
	if (message.includes('ten_secondly') || message.includes('10 second')) return 'TEN_SECONDLY_ROLLING';
	return 'UNKNOWN';
}

export function isRateLimitBody(body: HubSpotErrorBody): boolean {
	return body.errorType === 'RATE_LIMIT' || body.category === 'RATE_LIMITS';
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(parseFloat(text) * 1000);
	// An HTTP date names its weekday and month; a bare "-1" or "2026" is not one.
	const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
	if (!Number.isNaN(date)) return Math.max(0, date - now);
	return undefined;
}

/** "email: Property values were not valid" lines from `errors[]`, in words a person can act on. */
export function fieldErrors(body: HubSpotErrorBody): string[] {
	const lines: string[] = [];
	for (const detail of body.errors ?? []) {
		if (!detail || typeof detail !== 'object') continue;
		const where =
			detail.in ??
			(typeof detail.context?.propertyName === 'string' ? detail.context.propertyName : undefined) ??
			(Array.isArray(detail.context?.propertyName) ? String(detail.context?.propertyName) : undefined);
		let message = detail.message ?? detail.code ?? 'invalid';
		// A 403 names the scopes it wants in context.requiredGranularScopes (hubspot.md 4; the message alone does not).
		const scopes = detail.context?.requiredGranularScopes;
		if (Array.isArray(scopes) && scopes.length) message = `${message} ${scopes.map(String).join(', ')}`;
		lines.push(where ? `${where}: ${message}` : message);
	}
	return lines;
}

const HINTS: Record<string, string> = {
	INVALID_AUTHENTICATION:
		'HubSpot did not accept the access token. Copy the token of the service key or app into the credential again.',
	MISSING_SCOPES:
		'The token lacks a scope this operation needs (HubSpot names it above). Add it to the service key or app; docs/hubspot-node.md lists the scopes per operation.',
	OBJECT_NOT_FOUND: 'Check the ID: the record may have been deleted or merged into another one.',
	RATE_LIMITS: 'HubSpot is rate limiting this account. Lower the rate limit tier in the credential or spread the work.',
};

export interface HubSpotErrorContext {
	status: number;
	method: string;
	path: string;
	itemIndex?: number;
	/** Retry-After of the answer, when HubSpot sent one (a 429 that was not waited out says how long it asked). */
	retryAfterMs?: number;
}

/** A NodeApiError carrying HubSpot's message, category, correlation ID and per-field errors. */
export function hubspotApiError(node: INode, rawBody: unknown, ctx: HubSpotErrorContext): NodeApiError {
	const body = asErrorBody(rawBody);
	const category = body.category ?? (body.errorType === 'RATE_LIMIT' ? 'RATE_LIMITS' : undefined);
	const fallback =
		ctx.status === 401 ? 'INVALID_AUTHENTICATION' : ctx.status === 403 ? 'MISSING_SCOPES' : ctx.status === 404 ? 'OBJECT_NOT_FOUND' : undefined;
	const fields = fieldErrors(body);
	const message = `HubSpot: ${body.message ?? `request failed with HTTP ${ctx.status}`}`;
	const retryAfter =
		ctx.retryAfterMs !== undefined && (ctx.status === 429 || category === 'RATE_LIMITS')
			? `HubSpot asked to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s before retrying (Retry-After).`
			: undefined;
	const description = [
		fields.length ? `${ctx.status === 403 ? 'Details' : 'Field errors'}: ${fields.join('; ')}` : undefined,
		HINTS[category ?? fallback ?? ''],
		retryAfter,
		`HTTP ${ctx.status} on ${ctx.method} ${ctx.path}`,
		category ? `Category: ${category}${body.subCategory ? ` (${body.subCategory})` : ''}` : undefined,
		body.correlationId ? `Correlation ID (quote it to HubSpot support): ${body.correlationId}` : undefined,
	]
		.filter(Boolean)
		.join('\n');
	const error = new NodeApiError(node, (Object.keys(body).length ? body : { message }) as JsonObject, {
		message,
		description,
		httpCode: String(ctx.status),
		itemIndex: ctx.itemIndex,
	});
	error.context.hubspot = {
		status: ctx.status,
		category: category ?? null,
		subCategory: body.subCategory ?? null,
		correlationId: body.correlationId ?? null,
		fieldErrors: fields,
		policyName: body.policyName ?? null,
	};
	return error;
}
