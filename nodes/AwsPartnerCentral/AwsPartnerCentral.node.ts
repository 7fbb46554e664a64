import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { credentialTest, loadOptions } from './methods';
import { routeErrorItems } from '../shared/errorOutput';

export class AwsPartnerCentral implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
		icon: {
			light: 'file:awsPartnerCentral.svg',
			dark: 'file:awsPartnerCentral.dark.svg',
		},
		credentials: [
			{
				name: 'awsPartnerCentralApi',
				required: true,
				testedBy: 'awsPartnerCentralApiTest',
			},
		],
	};

	methods = { credentialTest, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return routeErrorItems(this, await router.call(this));
	}
}
