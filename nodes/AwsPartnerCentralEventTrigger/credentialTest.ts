import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { settingsProblems, type WebhookAuthSettings } from '../shared/events/webhookAuth';

/**
 * "Test" button of the AWS Partner Central Event Webhook credential. The secret is inbound (EventBridge sends it,
 * n8n checks it), so there is nothing remote to call: the test checks the values are ones an EventBridge connection
 * can send and strong enough for a public URL.
 */
export async function partnerCentralEventWebhookTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const settings = (credential.data ?? {}) as unknown as WebhookAuthSettings;
	const problems = settingsProblems({ ...settings, authType: settings.authType ?? 'apiKey' });
	if (problems.length) return { status: 'Error', message: problems.join(' ') };
	return {
		status: 'OK',
		message:
			settings.authType === 'basicAuth'
				? 'Usable: set the same user and password in the EventBridge connection (basic authorization)'
				: `Usable: set API key name "${settings.headerName}" and this value in the EventBridge connection`,
	};
}
