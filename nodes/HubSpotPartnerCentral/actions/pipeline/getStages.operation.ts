import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { hubspotRequest } from '../../../shared/hubspot/transport';
import { optionalString, perItem } from '../common';

const show = { resource: ['pipeline'], operation: ['getStages'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '',
		placeholder: 'e.g. default',
		displayOptions: { show },
		description: 'Deal pipeline to list; every deal pipeline when empty. Use the stage IDs in the mapper\'s stage table.',
	},
];

/** One output item per stage, in pipeline and display order. */
export function flattenStages(pipelines: IDataObject[]): IDataObject[] {
	const out: IDataObject[] = [];
	for (const p of pipelines) {
		const stages = ((p.stages as IDataObject[]) ?? []).slice().sort((a, b) => Number(a.displayOrder ?? 0) - Number(b.displayOrder ?? 0));
		for (const s of stages) {
			const metadata = (s.metadata as IDataObject) ?? {};
			out.push({
				pipelineId: String(p.id),
				pipelineLabel: p.label ?? null,
				stageId: String(s.id),
				stageLabel: s.label ?? null,
				displayOrder: s.displayOrder ?? null,
				probability: metadata.probability !== undefined ? Number(metadata.probability) : null,
				isClosed: metadata.isClosed !== undefined ? String(metadata.isClosed) === 'true' : null,
				archived: s.archived === true,
			});
		}
	}
	return out;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const pipelineId = optionalString(this, 'pipelineId', i);
		if (pipelineId) {
			const pipeline = (await hubspotRequest(
				this,
				{ method: 'GET', path: `/crm/v3/pipelines/deals/${encodeURIComponent(pipelineId)}` },
				{ itemIndex: i },
			)) as IDataObject;
			return flattenStages([pipeline]);
		}
		const response = (await hubspotRequest(this, { method: 'GET', path: '/crm/v3/pipelines/deals' }, { itemIndex: i })) as IDataObject;
		return flattenStages((response.results as IDataObject[]) ?? []);
	});
}
