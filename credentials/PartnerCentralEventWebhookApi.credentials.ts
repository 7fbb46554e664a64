import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret an Amazon EventBridge connection sends when it delivers Partner Central events to the n8n webhook of
 * the "AWS Partner Central Event Trigger" (API destination route). Enter the same values as in the EventBridge
 * connection (the CloudFormation template in infra/ creates the connection from them).
 *
 * This secret is inbound: n8n checks it, it never sends it anywhere, so there is no remote endpoint to test against.
 * The trigger node tests it instead (`testedBy`): the test checks the values are ones EventBridge can send and are
 * long enough to protect a public URL.
 */
export class PartnerCentralEventWebhookApi implements ICredentialType {
	name = 'partnerCentralEventWebhookApi';

	displayName = 'AWS Partner Central Event Webhook API';

	documentationUrl = 'https://github.com/n8n-nodes-aws-partner-central/n8n-nodes-aws-partner-central/blob/main/docs/events.md';

	icon = 'file:../nodes/AwsPartnerCentralEventTrigger/awsPartnerCentralEvent.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Key (Header)',
					value: 'apiKey',
					description: 'EventBridge connection with API key authorization',
				},
				{
					name: 'Basic Auth',
					value: 'basicAuth',
					description: 'EventBridge connection with basic authorization (user and password)',
				},
			],
			default: 'apiKey',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Api-Key',
			description: 'The API key name set in the EventBridge connection; EventBridge sends the key in this header',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API key value set in the EventBridge connection (at least 16 characters)',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'At least 16 characters',
			displayOptions: { show: { authType: ['basicAuth'] } },
		},
	];
}
