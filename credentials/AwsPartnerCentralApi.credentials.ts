import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * AWS identity for the Partner Central Selling API. No `authenticate`/`test` here: requests are signed by the AWS
 * SDK in nodes/shared/partnerCentral, and the "Test" button runs the AWS Partner Central node's credential test
 * method (`awsPartnerCentralApiTest`, a real ListSolutions call in the chosen catalog).
 */
const accessKeyFields = (show: Record<string, string[]>): INodeProperties[] => [
	{
		displayName: 'Access Key ID',
		name: 'accessKeyId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		description: 'Access key of an IAM user (or the source identity of the role) allowed to call Partner Central',
	},
	{
		displayName: 'Secret Access Key',
		name: 'secretAccessKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show },
		description: 'Only for temporary keys (they expire; prefer Assume Role for long-running workflows)',
	},
];

export class AwsPartnerCentralApi implements ICredentialType {
	name = 'awsPartnerCentralApi';

	displayName = 'AWS Partner Central';

	icon: Icon = { light: 'file:icons/awsPartnerCentral.svg', dark: 'file:icons/awsPartnerCentral.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-aws-partner-central/n8n-nodes-aws-partner-central/blob/main/docs/partner-central-node.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'accessKeys',
			options: [
				{
					name: 'Access Keys',
					value: 'accessKeys',
					description: 'An IAM user access key pair',
				},
				{
					name: 'Assume Role',
					value: 'assumeRole',
					description: 'Assume an IAM role (cross-account, with an External ID); n8n renews the session itself',
				},
				{
					name: 'N8n Host Credentials',
					value: 'defaultChain',
					description:
						'The AWS identity of the machine running n8n (environment variables, EC2/ECS role, EKS service account)',
				},
			],
		},
		...accessKeyFields({ authentication: ['accessKeys'] }),
		{
			displayName: 'Role ARN',
			name: 'roleArn',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'arn:aws:iam::123456789012:role/n8n-partner-central',
			displayOptions: { show: { authentication: ['assumeRole'] } },
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['assumeRole'] } },
			description: "The secret the role's trust policy requires (condition sts:ExternalId)",
		},
		{
			displayName: 'Role Session Name',
			name: 'roleSessionName',
			type: 'string',
			default: 'n8n-partner-central',
			displayOptions: { show: { authentication: ['assumeRole'] } },
			description: 'Shown in CloudTrail for every call made with this credential',
		},
		{
			displayName: 'Session Duration (Seconds)',
			name: 'durationSeconds',
			type: 'number',
			default: 3600,
			typeOptions: { minValue: 900, maxValue: 43200 },
			displayOptions: { show: { authentication: ['assumeRole'] } },
			description: "How long each assumed-role session lasts (at most the role's maximum session duration)",
		},
		{
			displayName: 'Assume the Role From',
			name: 'sourceCredentials',
			type: 'options',
			default: 'accessKeys',
			displayOptions: { show: { authentication: ['assumeRole'] } },
			options: [
				{ name: 'Access Keys', value: 'accessKeys', description: 'Keys entered below' },
				{
					name: 'N8n Host Credentials',
					value: 'defaultChain',
					description: 'The AWS identity of the machine running n8n',
				},
			],
		},
		...accessKeyFields({ authentication: ['assumeRole'], sourceCredentials: ['accessKeys'] }),
		{
			displayName: 'Catalog',
			name: 'catalog',
			type: 'options',
			default: 'AWS',
			options: [
				{ name: 'AWS (Production)', value: 'AWS' },
				{ name: 'Sandbox (Test Data)', value: 'Sandbox' },
			],
			description: 'Which Partner Central data nodes use unless a node overrides it',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			default: 'us-east-1',
			description: 'Partner Central runs in us-east-1 only; change this only for a simulator or a special endpoint',
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpointUrl',
			type: 'string',
			default: '',
			placeholder: 'https://partnercentral-selling.us-east-1.api.aws',
			description:
				'Leave empty for the public AWS endpoint. Set it for a VPC endpoint, a FIPS endpoint or a local simulator.',
		},
		{
			displayName: 'STS Endpoint URL',
			name: 'stsEndpointUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['assumeRole'] } },
			description: 'Leave empty for the regional AWS STS endpoint; set it for a VPC endpoint or a simulator',
		},
		{
			displayName: 'Writes per Second',
			name: 'writesPerSecond',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			description:
				'Pace of create/update/associate/submit calls. AWS allows 1 per second unless your account has a raised quota.',
		},
		{
			displayName: 'Reads per Second',
			name: 'readsPerSecond',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			description: 'Pace of get/list calls. AWS allows 10 per second unless your account has a raised quota.',
		},
		{
			displayName: 'Shared Rate Limit (Redis URL)',
			name: 'sharedRateLimitUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'redis://127.0.0.1:6379/0',
			description:
				'Set this only when n8n runs in queue mode with several workers: AWS counts the quota per account, so the workers must share one pace. Any Redis they all reach works (e.g. the one queue mode uses; a password goes in the URL: redis://:password@host:6379/0). If Redis is unreachable, each worker paces on its own and logs a warning. Leave empty for a single n8n process.',
		},
	];
}
