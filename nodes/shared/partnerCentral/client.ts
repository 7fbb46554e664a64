import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';

import { getAwsCredentialsProvider } from './awsIdentity';
import { credentialFingerprint, type PartnerCentralCredentials } from './credentials';

const MAX_CACHED_CLIENTS = 32;
const clients = new Map<string, PartnerCentralSellingClient>();

/**
 * The SDK client for a credential, built once per distinct credential content (fingerprint) and reused by every
 * node, trigger and execution in this process. `maxAttempts: 1` turns the SDK's own retries off: the transport is
 * the single retry layer (with the quota limiter in front of every attempt).
 */
export function getPartnerCentralClient(c: PartnerCentralCredentials): PartnerCentralSellingClient {
	const key = credentialFingerprint(c);
	const cached = clients.get(key);
	if (cached) {
		// Keep recently used clients at the end of the map (least recently used first).
		clients.delete(key);
		clients.set(key, cached);
		return cached;
	}
	const client = new PartnerCentralSellingClient({
		region: c.region,
		maxAttempts: 1,
		...(c.endpointUrl ? { endpoint: c.endpointUrl } : {}),
		// defaultChain: leave credentials unset so the SDK resolves the host's chain itself.
		...(c.authentication === 'defaultChain' ? {} : { credentials: getAwsCredentialsProvider(c) }),
	});
	clients.set(key, client);
	while (clients.size > MAX_CACHED_CLIENTS) {
		const oldest = clients.keys().next().value as string;
		clients.get(oldest)?.destroy();
		clients.delete(oldest);
	}
	return client;
}

/** Drop the cached client of a credential (its identity must be resolved again). */
export function dropClient(c: PartnerCentralCredentials): void {
	const key = credentialFingerprint(c);
	clients.get(key)?.destroy();
	clients.delete(key);
}

export function clearClientCache(): void {
	for (const client of clients.values()) client.destroy();
	clients.clear();
}
