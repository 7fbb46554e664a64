import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { awsPartnerCentralApiTest } from '../AwsPartnerCentral/methods/credentialTest';
import { partnerCentralEventWebhookTest } from './credentialTest';
import { eventTriggerProperties } from './description';
import { startSqsTrigger } from './sqsTrigger';
import { handleEventWebhook } from './webhook';

/**
 * AWS Partner Central events from Amazon EventBridge, by either route: an EventBridge API destination calling this
 * node's webhook, or an SQS queue that an EventBridge rule fills and this node long-polls. One normalised item per
 * event. The webhook is only registered in webhook mode (its HTTP method is empty otherwise).
 *
 * No `webhookMethods`: the webhook is not registered with a third-party service by n8n. The EventBridge connection,
 * API destination and rule that call it are AWS resources created with CloudFormation (infra/), under the user's
 * AWS account and review; a trigger node must not create IAM-relevant AWS resources on activation.
 */
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete -- registration is done by CloudFormation (see above)
export class AwsPartnerCentralEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AWS Partner Central Event Trigger',
		name: 'awsPartnerCentralEventTrigger',
		icon: {
			light: 'file:awsPartnerCentralEvent.svg',
			dark: 'file:awsPartnerCentralEvent.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "webhook" ? "EventBridge webhook" : "SQS queue" }}',
		description:
			'Starts the workflow on AWS Partner Central events (opportunities, invitations, engagements) delivered by EventBridge',
		defaults: { name: 'AWS Partner Central Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'partnerCentralEventWebhookApi',
				required: true,
				testedBy: 'partnerCentralEventWebhookTest',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				name: 'awsPartnerCentralApi',
				required: true,
				testedBy: 'awsPartnerCentralApiTest',
				displayOptions: { show: { mode: ['sqs'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{ $parameter["mode"] === "webhook" ? "POST" : "" }}',
				responseMode: '={{ $parameter["responseMode"] || "lastNode" }}',
				path: 'partner-central-events',
			},
		],
		properties: eventTriggerProperties,
	};

	methods = {
		credentialTest: { partnerCentralEventWebhookTest, awsPartnerCentralApiTest },
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleEventWebhook.call(this);
	}

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		if (this.getNodeParameter('mode', 'sqs') !== 'sqs') return {};
		return await startSqsTrigger.call(this);
	}
}
