/* eslint-disable n8n-nodes-base/node-filename-against-convention -- the node's description lives next to its
   actions, as in n8n's Airtable v2 layout; AwsPartnerCentral.node.ts adds icon, credentials and tool use. */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

/** Everything of the node description but its icon, subtitle, tool use and credentials (declared in AwsPartnerCentral.node.ts). */
export type VersionDescription = Omit<INodeTypeDescription, 'icon' | 'credentials' | 'subtitle' | 'usableAsTool'>;

import { RESOURCES } from './router';

export const versionDescription: VersionDescription = {
	displayName: 'AWS Partner Central',
	name: 'awsPartnerCentral',
	group: ['transform'],
	version: 1,
	description:
		'Work with the AWS Partner Central (ACE) co-sell pipeline: opportunities, AWS referrals, engagements, snapshots and solutions',
	defaults: { name: 'AWS Partner Central' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'AWS Opportunity Summary', value: 'awsOpportunitySummary' },
				{ name: 'Engagement', value: 'engagement' },
				{ name: 'Engagement Invitation', value: 'engagementInvitation' },
				{ name: 'Engagement Task', value: 'engagementTask' },
				{ name: 'Event Queue', value: 'eventQueue' },
				{ name: 'Opportunity', value: 'opportunity' },
				{ name: 'Prospecting', value: 'prospecting' },
				{ name: 'Resource Snapshot', value: 'resourceSnapshot' },
				{ name: 'Resource Snapshot Job', value: 'resourceSnapshotJob' },
				{ name: 'Selling System Setting', value: 'sellingSystemSettings' },
				{ name: 'Solution', value: 'solution' },
				{ name: 'Tag', value: 'tag' },
			],
			default: 'opportunity',
		},
		{
			displayName: 'Catalog',
			name: 'catalog',
			type: 'options',
			default: '',
			options: [
				{ name: 'From Credential', value: '' },
				{ name: 'AWS (Production)', value: 'AWS' },
				{ name: 'Sandbox (Test Data)', value: 'Sandbox' },
			],
			displayOptions: { hide: { resource: ['tag', 'eventQueue'] } },
			description: 'Which Partner Central data to use; "From Credential" uses the catalog set in the credential',
		},
		...Object.values(RESOURCES).flatMap((r) => r.description),
	],
};
