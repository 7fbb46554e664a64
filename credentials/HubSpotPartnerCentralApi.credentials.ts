import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A HubSpot access token (service key, legacy private app token or a project app's static token), the app's client
 * secret (to check webhook signatures), where HubSpot lives and how fast we may call it.
 *
 * Why no OAuth2 option: n8n's built-in `hubspotOAuth2Api` belongs to n8n-nodes-base, and community nodes may only
 * reference credentials declared in their own package (lint rule `no-credential-reuse`). A package-local OAuth2
 * credential would need a HubSpot public app registered per user; one HubSpot account talking to one n8n needs none
 * of that. See docs/hubspot-node.md.
 */
export class HubSpotPartnerCentralApi implements ICredentialType {
	name = 'hubSpotPartnerCentralApi';

	displayName = 'HubSpot for Partner Central API';

	icon: Icon = { light: 'file:hubspot.svg', dark: 'file:hubspot.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-aws-partner-central/n8n-nodes-aws-partner-central/blob/main/docs/hubspot-node.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'pat-na1-...',
			description:
				'The token HubSpot shows for your service key or private app (Development > Keys > Service keys, or Development > Legacy apps > your app > Auth > Show token). It needs the scopes listed in the package docs.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The app's client secret (Auth tab of the app). Only the HubSpot webhook trigger uses it, to check that a webhook really came from HubSpot. Leave empty if you only poll.",
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.hubapi.com',
			placeholder: 'e.g. https://api.hubapi.com',
			description:
				"Keep the default unless HubSpot told you to use another data centre's address, or you point n8n at the HubSpot simulator for testing",
		},
		{
			displayName: 'Rate Limit Tier',
			name: 'rateLimitPer10s',
			type: 'options',
			default: 100,
			options: [
				{
					name: '100 Requests per 10 Seconds (Free and Starter)',
					value: 100,
				},
				{
					name: '190 Requests per 10 Seconds (Professional and Enterprise)',
					value: 190,
				},
			],
			description:
				'How many calls per 10 seconds n8n may make with this token. HubSpot shares the limit across all apps of the account, so pick the lower tier if other integrations are busy.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/crm/v3/objects/deals',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HubSpot did not accept the access token. Copy it again from HubSpot (service key or app > Auth > Show token); a rotated token stops working.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works but lacks the scope crm.objects.deals.read. Add the scopes listed in docs/hubspot-node.md to the key or app, then copy the token again.',
				},
			},
		],
	};
}
