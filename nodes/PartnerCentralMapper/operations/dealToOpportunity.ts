import type { INodeProperties } from 'n8n-workflow';

import { dealToOpportunity } from '../../shared/mapping/dealToOpportunity';
import type { DealBundle } from '../../shared/mapping/types';
import { invalidInput, jsonInput, readObject, toResult, type OperationContext, type OperationResult } from './common';

export const description: INodeProperties[] = [
	jsonInput('bundle', 'Deal Bundle', 'dealToOpportunity', 'The deal with its primary company and contacts, as the HubSpot node\'s "Get Deal Bundles" returns it'),
];

export function run(op: OperationContext): OperationResult {
	const bundle = readObject<DealBundle>(op, 'bundle', 'Deal Bundle');
	if (!bundle.ok) return invalidInput(bundle.problem);
	return toResult(dealToOpportunity(bundle.value as DealBundle, op.config, { now: op.now }));
}
