import type {
	IWebhookFunctions,
	IWebhookResponseData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleHubSpotWebhook } from './handleWebhook';
import { triggerProperties } from './properties';

/**
 * Receives HubSpot webhook batches (subscriptions are configured in the HubSpot app), checks the v3 signature on the
 * raw body, and starts one execution per batch with one item per event that passes the filters.
 *
 * Why no webhookMethods: HubSpot offers no API to register a private app's webhook subscriptions (they are created on
 * the app's Webhooks page, or in a project app's webhooks-hsmeta.json at deploy time), so there is nothing to create,
 * check or delete from n8n. The setup notice and docs/hubspot-triggers.md tell the user what to configure.
 */
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete -- subscriptions live in HubSpot's UI
export class HubSpotPartnerCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HubSpot Partner Central Trigger',
		name: 'hubSpotPartnerCentralTrigger',
		icon: { light: 'file:hubspotTrigger.svg', dark: 'file:hubspotTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["objectTypes"] || []).join(", ") || "all objects"}}',
		description: 'Starts the workflow when HubSpot reports deal, company or contact changes (signed webhooks)',
		defaults: { name: 'HubSpot Partner Central Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hubSpotPartnerCentralApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty on purpose: n8n then answers with the webhook's own summary (webhookResponse) instead of
				// its default 'firstEntryJson' text.
				responseData: '',
				path: 'hubspot',
			},
		],
		properties: triggerProperties,
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleHubSpotWebhook(this);
	}
}
