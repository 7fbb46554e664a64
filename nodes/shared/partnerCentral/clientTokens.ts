import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { deterministicClientToken } from '../sync/clientToken';

/**
 * ClientToken for the 10 Partner Central operations that take one.
 *
 * Default (deterministic): token = first 64 hex characters of
 *   SHA-256( "<Operation>:<identity>" + "\n" + canonical JSON of the request without ClientToken )
 * where <identity> is the "Idempotency Key" the user gives (e.g. the HubSpot deal id), or, when empty, the
 * operation's natural key taken from the request (table below). The same request re-run (workflow retry, crash
 * recovery, duplicate event) gets the same token, so Partner Central answers with the first result instead of
 * creating a second record; a request whose body changed gets a new token, so it never hits "Conflicting client
 * token submitted for a new request body".
 * 'random': a fresh UUID per execution (every run creates a new record). 'custom': the user's own token.
 */

export type ClientTokenMode = 'deterministic' | 'random' | 'custom';

/** Request members that name what a token operation acts on (its natural identity). */
export const NATURAL_KEYS: Record<string, string[]> = {
	CreateOpportunity: ['PartnerOpportunityIdentifier'],
	CreateEngagement: ['Title'],
	CreateEngagementInvitation: ['EngagementIdentifier'],
	CreateEngagementContext: ['EngagementIdentifier', 'Type'],
	CreateResourceSnapshot: [
		'EngagementIdentifier',
		'ResourceType',
		'ResourceIdentifier',
		'ResourceSnapshotTemplateIdentifier',
	],
	CreateResourceSnapshotJob: [
		'EngagementIdentifier',
		'ResourceType',
		'ResourceIdentifier',
		'ResourceSnapshotTemplateIdentifier',
	],
	StartEngagementByAcceptingInvitationTask: ['Identifier'],
	StartEngagementFromOpportunityTask: ['Identifier'],
	StartOpportunityFromEngagementTask: ['Identifier', 'ContextIdentifier'],
	StartProspectingFromEngagementTask: ['TaskName'],
};

export function naturalKey(operation: string, request: IDataObject): string {
	return (NATURAL_KEYS[operation] ?? [])
		.map((k) => request[k])
		.filter((v) => v !== undefined && v !== null && v !== '')
		.map(String)
		.join('/');
}

/** The intent string hashed into a deterministic token. */
export function tokenIntent(operation: string, request: IDataObject, idempotencyKey?: string): string {
	const identity = idempotencyKey?.trim() || naturalKey(operation, request);
	return `${operation}:${identity}`;
}

export function resolveClientToken(
	operation: string,
	request: IDataObject,
	options: { mode?: ClientTokenMode; idempotencyKey?: string; customToken?: string } = {},
): string {
	switch (options.mode ?? 'deterministic') {
		case 'random':
			return randomUUID();
		case 'custom':
			if (!options.customToken?.trim()) throw new Error('Client Token is empty');
			return options.customToken.trim();
		default:
			return deterministicClientToken(tokenIntent(operation, request, options.idempotencyKey), request);
	}
}
