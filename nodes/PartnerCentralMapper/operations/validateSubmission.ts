import type { INodeProperties } from 'n8n-workflow';

import { dealToOpportunity } from '../../shared/mapping/dealToOpportunity';
import type { DealBundle, Opportunity } from '../../shared/mapping/types';
import { validateForSubmission } from '../../shared/mapping/validateSubmission';
import { invalidInput, jsonInput, readObject, toResult, type OperationContext, type OperationResult } from './common';

const show = { show: { operation: ['validateSubmission'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Check',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Opportunity (Get Opportunity Output)', value: 'opportunity', description: 'Check the opportunity as Partner Central has it' },
			{ name: 'Deal Bundle', value: 'deal', description: 'Map the deal first, then check the result (solutions from the deal\'s solution IDs property)' },
		],
		default: 'opportunity',
		displayOptions: show,
	},
	{ ...jsonInput('opportunity', 'Opportunity', 'validateSubmission', 'Output of Get Opportunity'), displayOptions: { show: { operation: ['validateSubmission'], source: ['opportunity'] } } },
	{ ...jsonInput('bundle', 'Deal Bundle', 'validateSubmission', 'Output of the HubSpot node\'s "Get Deal Bundles"'), displayOptions: { show: { operation: ['validateSubmission'], source: ['deal'] } } },
	{
		displayName: 'Solutions to Associate',
		name: 'solutionIds',
		type: 'string',
		default: '',
		placeholder: 'S-1234567; S-7654321',
		description: 'Solution IDs or AWS Marketplace ARNs you will associate before submitting, besides those already on the opportunity',
		displayOptions: show,
	},
];

export function run(op: OperationContext): OperationResult {
	const source = op.ctx.getNodeParameter('source', op.itemIndex, 'opportunity') as string;
	const extra = String(op.ctx.getNodeParameter('solutionIds', op.itemIndex, '') ?? '')
		.split(/[\s;,]+/u)
		.filter(Boolean);
	if (source === 'deal') {
		const bundle = readObject<DealBundle>(op, 'bundle', 'Deal Bundle');
		if (!bundle.ok) return invalidInput(bundle.problem);
		const mapped = dealToOpportunity(bundle.value as DealBundle, op.config, { now: op.now });
		const result = validateForSubmission(mapped.request as Opportunity, op.config, {
			now: op.now,
			solutions: [...mapped.solutionIds, ...extra],
			extraProblems: mapped.problems,
		});
		return toResult({ ...result, dealId: mapped.dealId, request: mapped.request, fingerprints: mapped.fingerprints });
	}
	const opportunity = readObject<Opportunity>(op, 'opportunity', 'Opportunity');
	if (!opportunity.ok) return invalidInput(opportunity.problem);
	return toResult(validateForSubmission(opportunity.value as Opportunity, op.config, { now: op.now, solutions: extra }));
}
