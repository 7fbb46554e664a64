import { createHash, timingSafeEqual } from 'crypto';

/**
 * Checks the secret an EventBridge connection sends with every call to an API destination. The connection holds
 * either an API key (sent as a header of your choosing) or a user and password (sent as HTTP basic auth). The same
 * values are kept in the `partnerCentralEventWebhookApi` credential.
 */

export type WebhookAuthType = 'apiKey' | 'basicAuth';

export interface WebhookAuthSettings {
	authType: WebhookAuthType;
	headerName?: string;
	apiKey?: string;
	user?: string;
	password?: string;
}

/** Header names EventBridge accepts for API key auth (RFC 7230 token characters). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,512}$/;
/** Secrets shorter than this are refused by the credential test: the webhook URL is on the internet. */
export const MIN_SECRET_LENGTH = 16;

/** Compare two secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given.length === expected.length;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
		return typeof value === 'string' ? value : undefined;
	}
	return undefined;
}

/** True when the request carries the configured secret. Never throws for a bad request. */
export function isAuthorised(headers: Record<string, unknown>, settings: WebhookAuthSettings): boolean {
	if (settings.authType === 'apiKey') {
		const name = settings.headerName ?? '';
		const expected = settings.apiKey ?? '';
		if (!name || !expected) return false;
		const given = headerValue(headers, name);
		return given !== undefined && secretsEqual(given, expected);
	}
	const user = settings.user ?? '';
	const password = settings.password ?? '';
	if (!user || !password) return false;
	const header = headerValue(headers, 'authorization');
	if (!header) return false;
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	return secretsEqual(decoded, `${user}:${password}`);
}

/** Problems with the stored settings (used by the credential test); empty when usable. */
export function settingsProblems(settings: WebhookAuthSettings): string[] {
	const problems: string[] = [];
	if (settings.authType === 'apiKey') {
		if (!settings.headerName || !HEADER_NAME.test(settings.headerName)) {
			problems.push('Header Name must be a valid HTTP header name (letters, digits and - _ . etc., no spaces).');
		} else if (/^(authorization|content-type|content-length|host)$/i.test(settings.headerName)) {
			problems.push(`Header Name "${settings.headerName}" is reserved; use a custom name such as X-Api-Key.`);
		}
		if ((settings.apiKey ?? '').length < MIN_SECRET_LENGTH) {
			problems.push(`API Key must be at least ${MIN_SECRET_LENGTH} characters long.`);
		}
		if ((settings.apiKey ?? '').length > 512) problems.push('API Key can be at most 512 characters (EventBridge limit).');
	} else {
		if (!settings.user) problems.push('User is required.');
		if ((settings.user ?? '').includes(':')) problems.push('User must not contain ":" (basic auth separator).');
		if ((settings.password ?? '').length < MIN_SECRET_LENGTH) {
			problems.push(`Password must be at least ${MIN_SECRET_LENGTH} characters long.`);
		}
	}
	return problems;
}
