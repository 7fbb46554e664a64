import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { nodeProperties } from './actions/versionDescription';
import { routeErrorItems } from '../shared/errorOutput';

export class HubSpotPartnerCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HubSpot for Partner Central',
		name: 'hubSpotPartnerCentral',
		icon: { light: 'file:hubspot.svg', dark: 'file:hubspot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write the HubSpot deals, companies, contacts, notes and tasks that mirror AWS Partner Central',
		defaults: { name: 'HubSpot for Partner Central' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hubSpotPartnerCentralApi', required: true }],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeErrorItems(this, await router.call(this));
	}
}
