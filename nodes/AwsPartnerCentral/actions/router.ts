import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { awsOpportunitySummary } from './awsOpportunitySummary/AwsOpportunitySummary.resource';
import type { ResourceModule } from './common/resource';
import { engagement } from './engagement/Engagement.resource';
import { engagementInvitation } from './engagementInvitation/EngagementInvitation.resource';
import { engagementTask } from './engagementTask/EngagementTask.resource';
import { eventQueueDescription, eventQueueOperations } from './eventQueue';
import { opportunity } from './opportunity/Opportunity.resource';
import { prospecting } from './prospecting/Prospecting.resource';
import { resourceSnapshot } from './resourceSnapshot/ResourceSnapshot.resource';
import { resourceSnapshotJob } from './resourceSnapshotJob/ResourceSnapshotJob.resource';
import { sellingSystemSettings } from './sellingSystemSettings/SellingSystemSettings.resource';
import { solution } from './solution/Solution.resource';
import { tag } from './tag/Tag.resource';

/** Event Queue (SQS messages of the AWS Partner Central Event Trigger): written by the event intake, not an SDK call. */
const eventQueue: ResourceModule = {
	description: eventQueueDescription,
	operations: Object.fromEntries(Object.entries(eventQueueOperations).map(([name, op]) => [name, op.execute])),
	sdkOperations: {},
};

export const RESOURCES: Record<string, ResourceModule> = {
	opportunity,
	awsOpportunitySummary,
	engagementInvitation,
	engagement,
	engagementTask,
	prospecting,
	resourceSnapshot,
	resourceSnapshotJob,
	solution,
	sellingSystemSettings,
	tag,
	eventQueue,
};

function errorJson(error: Error & { description?: string | null; context?: IDataObject }): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
	};
}

/** Runs the chosen operation once per input item; a failing item stops the node unless "Continue on Fail" is on. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const execute = RESOURCES[resource]?.operations[operation];
			if (!execute) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
					itemIndex,
				});
			}
			returnData.push(...(await execute.call(this, itemIndex)));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({
					json: errorJson(error as Error),
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex,
				});
			}
			// Already an n8n error (NodeApiError / NodeOperationError): keep it as it is.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw error;
		}
	}
	return [returnData];
}
