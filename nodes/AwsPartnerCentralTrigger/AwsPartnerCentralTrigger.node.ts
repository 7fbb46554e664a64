import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { awsPartnerCentralApiTest } from '../AwsPartnerCentral/methods/credentialTest';
import { pollTriggerProperties } from './description';
import { pollPartnerCentral } from './poll';

/**
 * Polls the Partner Central Selling API: new and changed opportunities, received invitations and their status
 * changes, finished async tasks, and (opt-in) AWS opportunity summary changes. Lossless cursors in the workflow's
 * static data; the route for n8n instances that EventBridge cannot reach and that have no queue.
 */
export class AwsPartnerCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AWS Partner Central Trigger',
		name: 'awsPartnerCentralTrigger',
		icon: {
			light: 'file:awsPartnerCentralTrigger.svg',
			dark: 'file:awsPartnerCentralTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when opportunities, invitations or tasks change in AWS Partner Central (polling)',
		defaults: { name: 'AWS Partner Central Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'awsPartnerCentralApi', required: true, testedBy: 'awsPartnerCentralApiTest' }],
		properties: pollTriggerProperties,
	};

	methods = { credentialTest: { awsPartnerCentralApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPartnerCentral.call(this);
	}
}
