import type { INodeProperties } from 'n8n-workflow';

import { dealToUpdate } from '../../shared/mapping/dealToUpdate';
import type { DealBundle, Opportunity } from '../../shared/mapping/types';
import { invalidInput, jsonInput, readObject, toResult, type OperationContext, type OperationResult } from './common';

export const description: INodeProperties[] = [
	jsonInput('bundle', 'Deal Bundle', 'dealToUpdate', 'The deal with its primary company and contacts, as the HubSpot node\'s "Get Deal Bundles" returns it'),
	jsonInput(
		'opportunity',
		'Current Opportunity',
		'dealToUpdate',
		'The opportunity as Partner Central has it now (output of Get Opportunity). Its values are kept, and its LastModifiedDate is sent for the conflict check.',
		'={{ $json.opportunity }}',
	),
	{
		displayName: 'Keep Current Values Of',
		name: 'keepCurrent',
		type: 'string',
		default: '',
		placeholder: 'e.g. LifeCycle.TargetCloseDate, LifeCycle.Stage',
		description:
			'Comma-separated opportunity fields the update must leave as they are (shared fields Partner Central won: output "keepInPartnerCentral" of Resolve Shared Fields)',
		displayOptions: { show: { operation: ['dealToUpdate'] } },
	},
];

export function run(op: OperationContext): OperationResult {
	const bundle = readObject<DealBundle>(op, 'bundle', 'Deal Bundle');
	if (!bundle.ok) return invalidInput(bundle.problem);
	const current = readObject<Opportunity>(op, 'opportunity', 'Current Opportunity');
	if (!current.ok) return invalidInput(current.problem, { dealId: (bundle.value as DealBundle).dealId ?? '' });
	const keep = op.ctx.getNodeParameter('keepCurrent', op.itemIndex, '') as unknown;
	const keepCurrent = (Array.isArray(keep) ? keep.map(String) : String(keep ?? '').split(','))
		.map((p) => p.trim())
		.filter(Boolean);
	return toResult(dealToUpdate(bundle.value as DealBundle, current.value as Opportunity, op.config, { now: op.now, keepCurrent }));
}
