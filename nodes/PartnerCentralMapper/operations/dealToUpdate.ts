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
];

export function run(op: OperationContext): OperationResult {
	const bundle = readObject<DealBundle>(op, 'bundle', 'Deal Bundle');
	if (!bundle.ok) return invalidInput(bundle.problem);
	const current = readObject<Opportunity>(op, 'opportunity', 'Current Opportunity');
	if (!current.ok) return invalidInput(current.problem, { dealId: (bundle.value as DealBundle).dealId ?? '' });
	return toResult(dealToUpdate(bundle.value as DealBundle, current.value as Opportunity, op.config, { now: op.now }));
}
