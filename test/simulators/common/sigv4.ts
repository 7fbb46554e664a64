/**
 * Server-side AWS Signature Version 4 verification (header-based signing, as the AWS SDK for JavaScript does it).
 * Recomputes the signature from the received request and the known secret key of the access key id.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SigV4Request {
	method: string;
	/** Raw request target, e.g. "/" or "/queue?x=1". */
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface ParsedAuthorization {
	accessKeyId: string;
	date: string;
	region: string;
	service: string;
	signedHeaders: string[];
	signature: string;
}

export type SigV4Result =
	| { ok: true; auth: ParsedAuthorization; sessionToken?: string }
	| { ok: false; code: 'MissingAuthenticationToken' | 'IncompleteSignature' | 'UnrecognizedClient' | 'InvalidSignature'; message: string; auth?: ParsedAuthorization };

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
	if (!header || !header.startsWith('AWS4-HMAC-SHA256 ')) return undefined;
	const parts: Record<string, string> = {};
	for (const piece of header.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
		const idx = piece.indexOf('=');
		if (idx > 0) parts[piece.slice(0, idx).trim()] = piece.slice(idx + 1).trim();
	}
	const cred = (parts.Credential ?? '').split('/');
	if (cred.length !== 5 || !parts.SignedHeaders || !parts.Signature) return undefined;
	return {
		accessKeyId: cred[0],
		date: cred[1],
		region: cred[2],
		service: cred[3],
		signedHeaders: parts.SignedHeaders.split(';'),
		signature: parts.Signature,
	};
}

function sha256Hex(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

function uriEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(search: string): string {
	if (!search) return '';
	const pairs = search
		.replace(/^\?/, '')
		.split('&')
		.filter(Boolean)
		.map((kv) => {
			const idx = kv.indexOf('=');
			const k = decodeURIComponent((idx >= 0 ? kv.slice(0, idx) : kv).replace(/\+/g, ' '));
			const v = idx >= 0 ? decodeURIComponent(kv.slice(idx + 1).replace(/\+/g, ' ')) : '';
			return [uriEncode(k), uriEncode(v)] as const;
		});
	pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
	return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function canonicalPath(path: string): string {
	return path
		.split('/')
		.map((seg) => uriEncode(decodeURIComponent(seg)))
		.join('/');
}

export function computeSignature(req: SigV4Request, auth: ParsedAuthorization, secretAccessKey: string): string {
	const qIdx = req.url.indexOf('?');
	const path = qIdx >= 0 ? req.url.slice(0, qIdx) : req.url;
	const search = qIdx >= 0 ? req.url.slice(qIdx + 1) : '';
	const headerLines = auth.signedHeaders.map((h) => {
		const raw = req.headers[h];
		const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
		return `${h}:${String(value).trim().replace(/\s+/g, ' ')}\n`;
	});
	const amzDate = String(req.headers['x-amz-date'] ?? '');
	const payloadHash = (req.headers['x-amz-content-sha256'] as string | undefined) ?? sha256Hex(req.body);
	const canonicalRequest = [
		req.method.toUpperCase(),
		canonicalPath(path || '/'),
		canonicalQuery(search),
		headerLines.join(''),
		auth.signedHeaders.join(';'),
		payloadHash,
	].join('\n');
	const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
	const kDate = hmac(`AWS4${secretAccessKey}`, auth.date);
	const kRegion = hmac(kDate, auth.region);
	const kService = hmac(kRegion, auth.service);
	const kSigning = hmac(kService, 'aws4_request');
	return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

/**
 * Verifies the request. `lookupSecret` returns the secret for a known access key id (undefined = unknown key).
 * Also checks that a signed x-amz-content-sha256 (when present) matches the body.
 */
export function verifySigV4(req: SigV4Request, lookupSecret: (accessKeyId: string) => string | undefined): SigV4Result {
	const header = req.headers.authorization;
	if (!header) return { ok: false, code: 'MissingAuthenticationToken', message: 'Missing Authentication Token' };
	const auth = parseAuthorization(header);
	if (!auth) {
		return {
			ok: false,
			code: 'IncompleteSignature',
			message: 'Authorization header requires Credential, SignedHeaders and Signature parameters (AWS4-HMAC-SHA256).',
		};
	}
	const secret = lookupSecret(auth.accessKeyId);
	if (secret === undefined) {
		return { ok: false, code: 'UnrecognizedClient', message: 'The security token included in the request is invalid.', auth };
	}
	const declared = req.headers['x-amz-content-sha256'];
	if (typeof declared === 'string' && declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256Hex(req.body)) {
		return { ok: false, code: 'InvalidSignature', message: 'The request body does not match x-amz-content-sha256.', auth };
	}
	const expected = computeSignature(req, auth, secret);
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(auth.signature, 'utf8');
	if (a.length !== b.length || !timingSafeEqual(a, b)) {
		return {
			ok: false,
			code: 'InvalidSignature',
			message:
				'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
			auth,
		};
	}
	const token = req.headers['x-amz-security-token'];
	return { ok: true, auth, sessionToken: typeof token === 'string' ? token : undefined };
}
