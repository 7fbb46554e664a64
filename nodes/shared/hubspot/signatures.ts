import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * HubSpot webhook request validation (pure functions, no n8n types).
 *
 * v3 (current): base64(HMAC-SHA256(clientSecret, method + uri + rawBody + timestamp)), headers
 *   `X-HubSpot-Signature-v3` and `X-HubSpot-Request-Timestamp` (milliseconds); requests older than 5 minutes are refused.
 * v2 (legacy):  hex(SHA-256(clientSecret + method + uri + rawBody)), header `X-HubSpot-Signature`, version `v2`.
 * v1 (legacy):  hex(SHA-256(clientSecret + rawBody)), header `X-HubSpot-Signature`, version `v1`.
 *
 * v1 and v2 carry no timestamp, so a captured request can be replayed forever: callers accept them only when the
 * user explicitly allows it. The URI is the full URL HubSpot called (scheme, host, path and query).
 */

export type SignatureVersion = 'v1' | 'v2' | 'v3';

/** HubSpot refuses to sign anything older than this; so do we. */
export const MAX_TIMESTAMP_AGE_MS = 5 * 60 * 1000;

/**
 * Percent-encodings HubSpot decodes in the request URI before computing a v3 signature (its "Validating requests"
 * page). The `?` that starts the query string is left alone; a `%3F` inside the URI becomes `?`.
 * Applied the same way to every URI we build, so a URL-encoded target URL verifies whichever way it was written.
 */
export const V3_URI_DECODE_TABLE: ReadonlyArray<readonly [encoded: string, decoded: string]> = [
	['%3A', ':'],
	['%2F', '/'],
	['%3F', '?'],
	['%40', '@'],
	['%21', '!'],
	['%24', '$'],
	['%27', "'"],
	['%28', '('],
	['%29', ')'],
	['%2A', '*'],
	['%2C', ','],
	['%3B', ';'],
];

const DECODE_MAP = new Map(V3_URI_DECODE_TABLE.map(([enc, dec]) => [enc, dec]));

/** Decodes exactly the characters of {@link V3_URI_DECODE_TABLE} (hex digits in either case); nothing else. */
export function decodeUriForV3(uri: string): string {
	return uri.replace(/%[0-9A-Fa-f]{2}/g, (match) => DECODE_MAP.get(match.toUpperCase()) ?? match);
}

type Body = Buffer | string;

const toBuffer = (body: Body): Buffer => (Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));

export function computeV1Signature(clientSecret: string, rawBody: Body): string {
	return createHash('sha256')
		.update(Buffer.concat([Buffer.from(clientSecret, 'utf8'), toBuffer(rawBody)]))
		.digest('hex');
}

export function computeV2Signature(clientSecret: string, method: string, uri: string, rawBody: Body): string {
	return createHash('sha256')
		.update(Buffer.concat([Buffer.from(clientSecret + method.toUpperCase() + uri, 'utf8'), toBuffer(rawBody)]))
		.digest('hex');
}

/** `uri` is used as given; pass it through {@link decodeUriForV3} first (verifyHubSpotSignature does). */
export function computeV3Signature(
	clientSecret: string,
	method: string,
	uri: string,
	rawBody: Body,
	timestamp: string,
): string {
	return createHmac('sha256', clientSecret)
		.update(
			Buffer.concat([
				Buffer.from(method.toUpperCase() + uri, 'utf8'),
				toBuffer(rawBody),
				Buffer.from(timestamp, 'utf8'),
			]),
		)
		.digest('base64');
}

/** Constant-time string comparison; different lengths compare unequal without leaking where they differ. */
export function safeEqual(expected: string, received: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(received, 'utf8');
	if (a.length !== b.length) {
		// Still spend the same time as a real comparison so the length is the only thing revealed.
		timingSafeEqual(a, a);
		return false;
	}
	return timingSafeEqual(a, b);
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** Case-insensitive header lookup (Node lower-cases names, tests and proxies may not); first value of a list. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return first === undefined ? undefined : first.trim();
	}
	return undefined;
}

export interface VerifyInput {
	headers: HeaderBag;
	method: string;
	/**
	 * Every URL HubSpot may have called (see {@link candidateRequestUrls}); the signature must match one of them.
	 * All candidates are built from configuration and the request itself; a match still requires the secret.
	 */
	urls: string[];
	rawBody: Body;
	clientSecret: string;
	/** Versions the user accepts. Default: v3 only. */
	allowedVersions?: SignatureVersion[];
	/** Current time in ms (injectable for tests). */
	now?: number;
	maxAgeMs?: number;
}

export type VerifyResult =
	| { ok: true; version: SignatureVersion; url?: string }
	| { ok: false; reason: string; /** For the log only (not for the caller): the URLs the signature was checked against. */ urlsTried?: string[] };

/**
 * Checks a HubSpot webhook request. v3 wins when its header is present; the legacy header is consulted only when
 * v3 is absent and the legacy version is allowed. Every failure has a reason a person can act on.
 */
export function verifyHubSpotSignature(input: VerifyInput): VerifyResult {
	const allowed = new Set<SignatureVersion>(input.allowedVersions ?? ['v3']);
	const now = input.now ?? Date.now();
	const maxAge = input.maxAgeMs ?? MAX_TIMESTAMP_AGE_MS;
	if (!input.clientSecret) return { ok: false, reason: 'No client secret is configured in the credential' };

	const v3 = headerValue(input.headers, 'x-hubspot-signature-v3');
	if (v3 !== undefined && v3 !== '') {
		if (!allowed.has('v3')) {
			return { ok: false, reason: 'Signature version v3 is not in the accepted versions of this trigger' };
		}
		const timestamp = headerValue(input.headers, 'x-hubspot-request-timestamp');
		if (!timestamp) return { ok: false, reason: 'Missing X-HubSpot-Request-Timestamp header' };
		if (!/^\d{1,16}$/.test(timestamp)) {
			return { ok: false, reason: 'X-HubSpot-Request-Timestamp is not a millisecond Unix time' };
		}
		const age = now - Number(timestamp);
		if (age > maxAge) {
			return { ok: false, reason: `Request timestamp is ${Math.round(age / 1000)} s old (limit ${maxAge / 1000} s)` };
		}
		if (-age > maxAge) {
			return { ok: false, reason: 'Request timestamp lies more than 5 minutes in the future (check the server clock)' };
		}
		for (const url of input.urls) {
			// The decoded form is what HubSpot documents; the URL as received is also tried, since HubSpot's official
			// clients sign it undecoded. Either way a match needs the client secret.
			for (const uri of new Set([decodeUriForV3(url), url])) {
				const expected = computeV3Signature(input.clientSecret, input.method, uri, input.rawBody, timestamp);
				if (safeEqual(expected, v3)) return { ok: true, version: 'v3', url };
			}
		}
		return { ok: false, reason: signatureMismatch('v3'), urlsTried: input.urls };
	}

	const legacy = headerValue(input.headers, 'x-hubspot-signature');
	if (legacy === undefined || legacy === '') {
		return { ok: false, reason: 'Missing X-HubSpot-Signature-v3 header (the request is not signed by HubSpot)' };
	}
	const version = (headerValue(input.headers, 'x-hubspot-signature-version') ?? 'v1').toLowerCase();
	if (version !== 'v1' && version !== 'v2') {
		return { ok: false, reason: `Unknown X-HubSpot-Signature-Version "${version}"` };
	}
	if (!allowed.has(version)) {
		return {
			ok: false,
			reason: `Signature version ${version} is not accepted (it has no timestamp and can be replayed); allow it in the trigger's options if your HubSpot app only sends ${version}`,
		};
	}
	const received = legacy.toLowerCase();
	if (version === 'v1') {
		return safeEqual(computeV1Signature(input.clientSecret, input.rawBody), received)
			? { ok: true, version: 'v1' }
			: { ok: false, reason: 'Signature v1 does not match: check the client secret' };
	}
	for (const url of input.urls) {
		if (safeEqual(computeV2Signature(input.clientSecret, input.method, url, input.rawBody), received)) {
			return { ok: true, version: 'v2', url };
		}
	}
	return { ok: false, reason: signatureMismatch('v2'), urlsTried: input.urls };
}

function signatureMismatch(version: SignatureVersion): string {
	return `Signature ${version} does not match: check the client secret, and that the URL HubSpot calls is the one n8n sees (see the n8n log for the URLs tried)`;
}

export interface UrlInput {
	/** Raw path and query as received (express `req.originalUrl`, e.g. `/webhook/abc/hubspot?x=1`). */
	originalUrl: string;
	headers: HeaderBag;
	/** What n8n says the production (or test) URL of this webhook is (`getNodeWebhookUrl('default')`). */
	nodeWebhookUrl?: string;
	/** The "Public Webhook URL" option: when set, the only URL considered. */
	publicUrlOverride?: string;
	/** Whether to trust X-Forwarded-Proto/Host and Forwarded headers (a reverse proxy sets them). */
	trustForwardedHeaders?: boolean;
	/** Protocol the request reached n8n with (`req.protocol`), used with the Host header. */
	requestProtocol?: string;
}

function splitQuery(url: string): { base: string; query: string } {
	const q = url.indexOf('?');
	return q === -1 ? { base: url, query: '' } : { base: url.slice(0, q), query: url.slice(q) };
}

function firstListValue(value: string | undefined): string | undefined {
	const first = value?.split(',')[0]?.trim();
	return first ? first : undefined;
}

/** Parses RFC 7239 `Forwarded: for=...;proto=https;host=example.com` (first hop). */
function parseForwarded(value: string | undefined): { proto?: string; host?: string } {
	const first = firstListValue(value);
	if (!first) return {};
	const out: { proto?: string; host?: string } = {};
	for (const pair of first.split(';')) {
		const [rawKey, ...rest] = pair.split('=');
		const key = rawKey.trim().toLowerCase();
		const val = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
		if (key === 'proto') out.proto = val;
		if (key === 'host') out.host = val;
	}
	return out;
}

/**
 * The URLs HubSpot may have called, most specific first:
 * 1. the "Public Webhook URL" override (+ the received query string when the override has none): only this one;
 * 2. n8n's own webhook URL (built from WEBHOOK_URL) + the received query string;
 * 3. WEBHOOK_URL's origin and path prefix + the received path (covers /webhook-test/ and custom endpoint names);
 * 4. X-Forwarded-Proto/X-Forwarded-Host (or Forwarded) + the received path, behind a reverse proxy;
 * 5. the Host header with the protocol the request reached n8n with.
 */
export function candidateRequestUrls(input: UrlInput): string[] {
	const received = input.originalUrl.startsWith('/') ? input.originalUrl : `/${input.originalUrl}`;
	const { base: receivedPath, query } = splitQuery(received);
	const override = input.publicUrlOverride?.trim();
	if (override) {
		return [splitQuery(override).query ? override : override + query];
	}

	const urls: string[] = [];
	const nodeUrl = input.nodeWebhookUrl?.trim();
	if (nodeUrl) {
		urls.push(splitQuery(nodeUrl).base + query);
		try {
			const parsed = new URL(nodeUrl);
			// n8n's URL is <WEBHOOK_URL><endpoint>/<id>/<path>; the prefix is what a proxy may strip before n8n.
			const nodePath = parsed.pathname;
			const endpointStart = findEndpointStart(nodePath, receivedPath);
			const prefix = endpointStart > 0 ? nodePath.slice(0, endpointStart) : '';
			urls.push(`${parsed.origin}${prefix}${received}`);
		} catch {
			// Not a URL: nothing more to derive from it.
		}
	}

	const forwarded = parseForwarded(headerValue(input.headers, 'forwarded'));
	const proto = firstListValue(headerValue(input.headers, 'x-forwarded-proto')) ?? forwarded.proto;
	const fHost = firstListValue(headerValue(input.headers, 'x-forwarded-host')) ?? forwarded.host;
	const host = headerValue(input.headers, 'host');
	if (input.trustForwardedHeaders !== false && (proto || fHost)) {
		urls.push(`${proto ?? input.requestProtocol ?? 'https'}://${fHost ?? host ?? 'localhost'}${received}`);
	}
	if (host) urls.push(`${input.requestProtocol ?? 'http'}://${host}${received}`);
	return [...new Set(urls)];
}

/**
 * Index in `nodePath` where the part that n8n received starts, matching on the webhook id and path, which both URLs
 * share (`/<endpoint>/<webhookId>/<path>`). -1 when they share nothing.
 */
function findEndpointStart(nodePath: string, receivedPath: string): number {
	if (nodePath.endsWith(receivedPath)) return nodePath.length - receivedPath.length;
	const receivedTail = receivedPath.split('/').slice(2).join('/'); // drop '' and the endpoint name
	if (!receivedTail) return -1;
	const at = nodePath.lastIndexOf(`/${receivedTail}`);
	if (at <= 0) return -1;
	return nodePath.lastIndexOf('/', at - 1);
}
