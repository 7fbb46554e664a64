/**
 * Private-app token auth (hubspot.md 4 "General error body": INVALID_AUTHENTICATION 401, MISSING_SCOPES 403).
 * Tokens come from opts/env (`HUBSPOT_SIM_TOKEN`, default `demo-token`, all scopes); admin adds scoped tokens.
 */
import { errorBody, HsError } from './errors';

export interface TokenInfo {
	token: string;
	/** '*' = every scope. */
	scopes: string[] | '*';
	appId: string;
	/** changeSource of webhook events for writes made with this token (default `API`). */
	changeSource?: string;
}

export const AUTH_MESSAGE =
	'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export class TokenStore {
	readonly tokens = new Map<string, TokenInfo>();

	constructor(
		readonly defaultToken: string,
		readonly defaultAppId: string,
	) {
		this.reset();
	}

	reset(): void {
		this.tokens.clear();
		this.tokens.set(this.defaultToken, { token: this.defaultToken, scopes: '*', appId: this.defaultAppId });
	}

	add(info: TokenInfo): void {
		this.tokens.set(info.token, info);
	}

	authenticate(header: string | undefined): TokenInfo {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
		const info = m ? this.tokens.get(m[1]) : undefined;
		if (!info) throw new HsError(401, errorBody('INVALID_AUTHENTICATION', AUTH_MESSAGE));
		return info;
	}
}

/** 403 MISSING_SCOPES naming the scopes the call needs (all of `required`). */
export function requireScopes(token: TokenInfo, required: string[]): void {
	if (token.scopes === '*') return;
	const granted = token.scopes;
	const missing = required.filter((s) => !granted.includes(s));
	if (!missing.length) return;
	throw new HsError(
		403,
		errorBody('MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
			errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: required } }],
			links: { scopes: 'https://developers.hubspot.com/scopes' },
		}),
	);
}

/** Developer API key of the webhooks management API (`?hapikey=`); HubSpot answers a wrong key with 401. */
export function authenticateDeveloperKey(expected: string, given: string | null, appId: string): TokenInfo {
	if (!given || given !== expected) throw new HsError(401, errorBody('INVALID_AUTHENTICATION', AUTH_MESSAGE));
	return { token: `hapikey:${given}`, scopes: '*', appId };
}
