import { createHash } from 'crypto';

import { stableStringify } from './stableJson';

/**
 * A ClientToken that is the same for the same intent and the same request body, so re-running a workflow (or a
 * retry after a crash) never creates a second record, and a changed body never collides with an earlier token
 * ("Conflicting client token submitted for a new request body").
 *
 * `intent` names what is being done to what, e.g. `CreateOpportunity:hubspot-deal:123`. The token is the first
 * 64 hex characters of SHA-256(intent + "\n" + canonical JSON of the body without ClientToken): 64 alphanumerics
 * fits every operation (CreateEngagement allows at most 64 alphanumeric characters, the others 255).
 */
export function deterministicClientToken(intent: string, body: unknown): string {
	const withoutToken =
		body && typeof body === 'object' && !Array.isArray(body)
			? { ...(body as Record<string, unknown>), ClientToken: undefined }
			: body;
	return createHash('sha256')
		.update(`${intent}\n${stableStringify(withoutToken)}`)
		.digest('hex')
		.slice(0, 64);
}
