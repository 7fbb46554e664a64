import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

import { credentialFingerprint, type PartnerCentralCredentials } from './credentials';

/**
 * Where the AWS identity of a Partner Central credential comes from:
 * - accessKeys: the keys typed into the credential (optionally with a session token);
 * - assumeRole: STS AssumeRole (with the External ID) from the credential's keys or from the n8n host's default
 *   chain; the session is cached in this process and renewed about 5 minutes before it expires, never per request;
 * - defaultChain: the n8n host's own AWS identity (environment variables, ECS/EC2 instance role, EKS IRSA web
 *   identity, shared config files), resolved by the AWS SDK's default provider chain.
 *
 * The default chain comes from the SDK client itself (`client.config.credentials` of a client built without
 * credentials), not from a direct import of @aws-sdk/credential-provider-node: that package is a dependency of the
 * SDK clients, not of this package, and n8n's community-package install does not hoist it next to our code.
 */

/** Renew an assumed-role session this long before it expires. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Time source for session expiry decisions (tests move it). */
export const identityClock = { now: (): number => Date.now() };

interface SessionEntry {
	identity?: AwsCredentialIdentity & { expiration: Date };
	pending?: Promise<AwsCredentialIdentity & { expiration: Date }>;
}

const sessions = new Map<string, SessionEntry>();
const defaultChains = new Map<string, AwsCredentialIdentityProvider>();
let assumeRoleCalls = 0;

/** How many AssumeRole requests this process made (for diagnostics and tests). */
export function assumeRoleCallCount(): number {
	return assumeRoleCalls;
}

/** Forget cached sessions and default-chain providers (tests; credential rotation is handled by fingerprints). */
export function clearIdentityCaches(): void {
	sessions.clear();
	defaultChains.clear();
	assumeRoleCalls = 0;
}

/** Forget the assumed-role session of a credential (AWS said it expired earlier than announced). */
export function invalidateSession(c: PartnerCentralCredentials): void {
	sessions.delete(credentialFingerprint(c));
}

/** The n8n host's default AWS credential chain, memoised per region. */
export function defaultChainProvider(region: string): AwsCredentialIdentityProvider {
	let provider = defaultChains.get(region);
	if (!provider) {
		const probe = new STSClient({ region });
		provider = probe.config.credentials as AwsCredentialIdentityProvider;
		defaultChains.set(region, provider);
	}
	return provider;
}

function staticKeys(c: PartnerCentralCredentials): AwsCredentialIdentity {
	return {
		accessKeyId: c.accessKeyId ?? '',
		secretAccessKey: c.secretAccessKey ?? '',
		...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
	};
}

async function assumeRole(c: PartnerCentralCredentials): Promise<AwsCredentialIdentity & { expiration: Date }> {
	const sts = new STSClient({
		region: c.region,
		...(c.stsEndpointUrl ? { endpoint: c.stsEndpointUrl } : {}),
		credentials: c.sourceCredentials === 'accessKeys' ? staticKeys(c) : defaultChainProvider(c.region),
		maxAttempts: 3,
	});
	try {
		assumeRoleCalls++;
		const out = await sts.send(
			new AssumeRoleCommand({
				RoleArn: c.roleArn,
				RoleSessionName: c.roleSessionName,
				ExternalId: c.externalId,
				DurationSeconds: c.durationSeconds,
			}),
		);
		const cr = out.Credentials;
		if (!cr?.AccessKeyId || !cr.SecretAccessKey) {
			throw new Error('STS AssumeRole returned no credentials');
		}
		const expiration = cr.Expiration
			? new Date(cr.Expiration)
			: new Date(identityClock.now() + c.durationSeconds * 1000);
		return {
			accessKeyId: cr.AccessKeyId,
			secretAccessKey: cr.SecretAccessKey,
			sessionToken: cr.SessionToken,
			expiration,
		};
	} catch (error) {
		const e = error as Error & { name?: string };
		const wrapped = new Error(
			`Could not assume role ${c.roleArn} (${e.name ?? 'Error'}: ${e.message}). Check that the role's trust policy ` +
				'allows the source identity to call sts:AssumeRole with this External ID, and that the source keys are valid.',
		) as Error & { name: string; cause?: unknown; assumeRoleFailure: true };
		wrapped.name = 'AssumeRoleFailed';
		wrapped.cause = error;
		wrapped.assumeRoleFailure = true;
		throw wrapped;
	} finally {
		sts.destroy();
	}
}

function fresh(entry: SessionEntry): boolean {
	return !!entry.identity && entry.identity.expiration.getTime() - identityClock.now() > REFRESH_MARGIN_MS;
}

/** Assumed-role session provider: one AssumeRole per session lifetime, concurrent callers share it. */
export function assumedRoleProvider(c: PartnerCentralCredentials): AwsCredentialIdentityProvider {
	const key = credentialFingerprint(c);
	return async () => {
		let entry = sessions.get(key);
		if (!entry) {
			entry = {};
			sessions.set(key, entry);
		}
		if (fresh(entry)) return entry.identity!;
		let pending = entry.pending;
		if (!pending) {
			const current = entry;
			pending = assumeRole(c)
				.then((identity) => {
					current.identity = identity;
					return identity;
				})
				.finally(() => {
					current.pending = undefined;
				});
			current.pending = pending;
		}
		return await pending;
	};
}

/**
 * The AWS identity of a Partner Central credential, as an SDK credential provider. Used for the Partner Central
 * client and for any other AWS client acting as the same identity (the SQS event queue).
 */
export function getAwsCredentialsProvider(c: PartnerCentralCredentials): AwsCredentialIdentityProvider {
	switch (c.authentication) {
		case 'accessKeys': {
			const keys = staticKeys(c);
			return async () => keys;
		}
		case 'assumeRole':
			return assumedRoleProvider(c);
		case 'defaultChain':
			return defaultChainProvider(c.region);
	}
}
