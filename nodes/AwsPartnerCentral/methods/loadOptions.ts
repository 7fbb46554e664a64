import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { partnerCentralPaginate } from '../../shared/partnerCentral/transport';

/** Active and draft solutions of the partner, for the Associate/Disassociate dropdown. */
export async function getSolutions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const catalog = (this.getCurrentNodeParameter('catalog') as string | undefined) || undefined;
	const solutions = await partnerCentralPaginate(
		this,
		'ListSolutions',
		{
			...(catalog ? { Catalog: catalog } : {}),
			Sort: { SortBy: 'Name', SortOrder: 'ASCENDING' },
		},
		'SolutionSummaries',
		{ limit: 500 },
	);
	return solutions.map((s) => ({
		name: `${String(s.Name ?? s.Id)} (${String(s.Id)}${s.Status && s.Status !== 'Active' ? `, ${String(s.Status)}` : ''})`,
		value: String(s.Id),
	}));
}
