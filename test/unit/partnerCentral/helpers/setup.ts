import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { clearIdentityCaches } from '../../../../nodes/shared/partnerCentral/awsIdentity';
import { clearClientCache } from '../../../../nodes/shared/partnerCentral/client';
import { clearLimiters } from '../../../../nodes/shared/partnerCentral/limiter';
import { retryPolicy } from '../../../../nodes/shared/partnerCentral/retry';
import { taskPolling } from '../../../../nodes/shared/partnerCentral/waitForTask';

/** Fast retry and polling delays for tests, and fresh caches. Returns a function restoring the defaults. */
export function useFastTiming(): () => void {
	const savedRetry = { ...retryPolicy };
	const savedPolling = { ...taskPolling };
	Object.assign(retryPolicy, { baseDelayMs: 5, maxDelayMs: 40 });
	Object.assign(taskPolling, { initialDelayMs: 10, maxDelayMs: 40 });
	return () => {
		Object.assign(retryPolicy, savedRetry);
		Object.assign(taskPolling, savedPolling);
	};
}

export function resetPartnerCentralCaches(): void {
	clearClientCache();
	clearLimiters();
	clearIdentityCaches();
}

/** Credential data for a local endpoint with static keys. */
export function localCredentials(
	url: string,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		authentication: 'accessKeys',
		accessKeyId: 'AKIAPCSIMULATOR00001',
		secretAccessKey: 'pc-simulator-secret',
		catalog: 'Sandbox',
		region: 'us-east-1',
		endpointUrl: url,
		writesPerSecond: 1000,
		readsPerSecond: 1000,
		...extra,
	};
}
