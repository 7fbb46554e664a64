import type { INodeProperties } from 'n8n-workflow';

import { opportunityToDeal } from '../../shared/mapping/opportunityToDeal';
import type { AwsOpportunitySummary, Opportunity } from '../../shared/mapping/types';
import { invalidInput, jsonInput, readObject, toResult, type OperationContext, type OperationResult } from './common';

export const description: INodeProperties[] = [
	jsonInput('opportunity', 'Opportunity', 'opportunityToDeal', 'Output of Get Opportunity'),
	jsonInput('summary', 'AWS Opportunity Summary', 'opportunityToDeal', 'Optional output of Get AWS Opportunity Summary (AWS seller, AWS stage, engagement score, next steps)', '', false),
	{
		displayName: 'Deal Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '',
		description: 'Pipeline of the deal, for the stage mapping. Empty: the "New Deal Pipeline ID" option (default pipeline).',
		displayOptions: { show: { operation: ['opportunityToDeal'] } },
	},
];

export function run(op: OperationContext): OperationResult {
	const opportunity = readObject<Opportunity>(op, 'opportunity', 'Opportunity');
	if (!opportunity.ok) return invalidInput(opportunity.problem);
	const summary = readObject<AwsOpportunitySummary>(op, 'summary', 'AWS Opportunity Summary', true);
	if (!summary.ok) return invalidInput(summary.problem);
	const pipelineId = String(op.ctx.getNodeParameter('pipelineId', op.itemIndex, '') ?? '');
	return toResult(opportunityToDeal(opportunity.value as Opportunity, summary.value, op.config, { pipelineId }));
}
