/**
 * Webhook request signatures exactly as HubSpot computes them (hubspot.md 3.1, 3.2):
 * v1 = hex(sha256(clientSecret + body)); v2 = hex(sha256(clientSecret + method + uri + body));
 * v3 = base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)), timestamp in ms.
 */
import { createHash, createHmac } from 'crypto';

export function signatureV1(clientSecret: string, body: string): string {
	return createHash('sha256').update(clientSecret + body, 'utf8').digest('hex');
}

export function signatureV2(clientSecret: string, method: string, uri: string, body: string): string {
	return createHash('sha256').update(clientSecret + method + uri + body, 'utf8').digest('hex');
}

export function signatureV3(clientSecret: string, method: string, uri: string, body: string, timestamp: number | string): string {
	return createHmac('sha256', clientSecret).update(`${method}${uri}${body}${timestamp}`, 'utf8').digest('base64');
}

/** Headers of one webhook POST: v1 signature + version header and the v3 signature + timestamp. */
export function signedHeaders(clientSecret: string, uri: string, body: string, timestamp: number): Record<string, string> {
	return {
		'X-HubSpot-Signature': signatureV1(clientSecret, body),
		'X-HubSpot-Signature-Version': 'v1',
		'X-HubSpot-Signature-v3': signatureV3(clientSecret, 'POST', uri, body, timestamp),
		'X-HubSpot-Request-Timestamp': String(timestamp),
	};
}
