import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { stableStringify } from '../sync/stableJson';

/** n8n credential type name (unique across n8n: the built-in AWS credentials are `aws`, `awsAssumeRole`, ...). */
export const PARTNER_CENTRAL_CREDENTIAL_TYPE = 'awsPartnerCentralApi';

export type AuthenticationMode = 'accessKeys' | 'assumeRole' | 'defaultChain';
export type SourceCredentials = 'accessKeys' | 'defaultChain';
export type Catalog = 'AWS' | 'Sandbox';

/** The credential's fields after defaults are applied (see credentials/AwsPartnerCentralApi.credentials.ts). */
export interface PartnerCentralCredentials {
	authentication: AuthenticationMode;
	accessKeyId?: string;
	secretAccessKey?: string;
	sessionToken?: string;
	roleArn?: string;
	externalId?: string;
	roleSessionName: string;
	durationSeconds: number;
	sourceCredentials: SourceCredentials;
	catalog: Catalog;
	region: string;
	endpointUrl?: string;
	stsEndpointUrl?: string;
	writesPerSecond: number;
	readsPerSecond: number;
	/** Redis URL of the pacing shared by several n8n processes (queue mode); see sharedLimiter.ts. */
	sharedRateLimitUrl?: string;
}

export const CREDENTIAL_DEFAULTS = {
	roleSessionName: 'n8n-partner-central',
	durationSeconds: 3600,
	catalog: 'AWS' as Catalog,
	region: 'us-east-1',
	writesPerSecond: 1,
	readsPerSecond: 10,
};

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const s = String(value).trim();
	return s === '' ? undefined : s;
}

function positiveNumber(value: unknown, fallback: number): number {
	const n = typeof value === 'number' ? value : Number(text(value));
	return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Credential data as n8n hands it over -> typed, trimmed, defaults applied. */
export function normaliseCredentials(raw: ICredentialDataDecryptedObject): PartnerCentralCredentials {
	const authentication = (text(raw.authentication) ?? 'accessKeys') as AuthenticationMode;
	if (!['accessKeys', 'assumeRole', 'defaultChain'].includes(authentication)) {
		throw new Error(`Unknown authentication "${authentication}" in the AWS Partner Central credential`);
	}
	const sourceCredentials = (text(raw.sourceCredentials) ?? 'accessKeys') as SourceCredentials;
	const catalog = (text(raw.catalog) ?? CREDENTIAL_DEFAULTS.catalog) as Catalog;
	return {
		authentication,
		accessKeyId: text(raw.accessKeyId),
		secretAccessKey: text(raw.secretAccessKey),
		sessionToken: text(raw.sessionToken),
		roleArn: text(raw.roleArn),
		externalId: text(raw.externalId),
		roleSessionName: text(raw.roleSessionName) ?? CREDENTIAL_DEFAULTS.roleSessionName,
		durationSeconds: positiveNumber(raw.durationSeconds, CREDENTIAL_DEFAULTS.durationSeconds),
		sourceCredentials: sourceCredentials === 'defaultChain' ? 'defaultChain' : 'accessKeys',
		catalog,
		region: text(raw.region) ?? CREDENTIAL_DEFAULTS.region,
		endpointUrl: text(raw.endpointUrl)?.replace(/\/+$/, ''),
		stsEndpointUrl: text(raw.stsEndpointUrl)?.replace(/\/+$/, ''),
		writesPerSecond: positiveNumber(raw.writesPerSecond, CREDENTIAL_DEFAULTS.writesPerSecond),
		readsPerSecond: positiveNumber(raw.readsPerSecond, CREDENTIAL_DEFAULTS.readsPerSecond),
		// Only when set, so credentials without it keep their fingerprint.
		...(text(raw.sharedRateLimitUrl) ? { sharedRateLimitUrl: text(raw.sharedRateLimitUrl) } : {}),
	};
}

/** Whether access keys are needed (directly, or as the source identity of an assumed role). */
export function usesAccessKeys(c: PartnerCentralCredentials): boolean {
	return (
		c.authentication === 'accessKeys' || (c.authentication === 'assumeRole' && c.sourceCredentials === 'accessKeys')
	);
}

/** Plain-language problems with a credential's fields, or [] when it looks usable. */
export function credentialProblems(c: PartnerCentralCredentials): string[] {
	const problems: string[] = [];
	if (usesAccessKeys(c)) {
		if (!c.accessKeyId) problems.push('Access Key ID is empty');
		if (!c.secretAccessKey) problems.push('Secret Access Key is empty');
	}
	if (c.authentication === 'assumeRole') {
		if (!c.roleArn) problems.push('Role ARN is empty');
		else if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(c.roleArn)) {
			problems.push(`Role ARN "${c.roleArn}" does not look like arn:aws:iam::<12-digit account>:role/<name>`);
		}
		if (!c.externalId) problems.push('External ID is empty (the role trust policy should require it)');
		if (c.durationSeconds < 900 || c.durationSeconds > 43200) {
			problems.push('Session Duration must be between 900 and 43200 seconds');
		}
	}
	if (!['AWS', 'Sandbox'].includes(c.catalog)) problems.push(`Catalog must be AWS or Sandbox, not "${c.catalog}"`);
	for (const [label, url] of [
		['Endpoint URL', c.endpointUrl],
		['STS Endpoint URL', c.stsEndpointUrl],
	] as const) {
		if (url && !/^https?:\/\/[^\s/]+/.test(url)) problems.push(`${label} "${url}" must start with https:// or http://`);
	}
	return problems;
}

function sha(value: unknown): string {
	return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/**
 * One value per distinct credential content (secrets included, but only as part of a hash): the key under which
 * SDK clients and assumed-role sessions are cached. Editing any field gives a new fingerprint.
 */
export function credentialFingerprint(c: PartnerCentralCredentials): string {
	return sha(c);
}

/**
 * One value per AWS identity and endpoint (what AWS counts quotas against), independent of the rates and of
 * secret rotation: the key of the request limiter, so two n8n credentials for the same identity share one pace.
 */
export function identityKey(c: PartnerCentralCredentials): string {
	return sha({
		authentication: c.authentication,
		accessKeyId: usesAccessKeys(c) ? c.accessKeyId : undefined,
		roleArn: c.authentication === 'assumeRole' ? c.roleArn : undefined,
		endpointUrl: c.endpointUrl ?? null,
		region: c.region,
	});
}
