import type { INodeProperties } from 'n8n-workflow';

import type { OperationContext, OperationResult } from './common';
import * as dealToOpportunity from './dealToOpportunity';
import * as dealToUpdate from './dealToUpdate';
import * as opportunityToDeal from './opportunityToDeal';
import * as referralToDeal from './referralToDeal';
import * as resolveSharedFields from './resolveSharedFields';
import * as validateSubmission from './validateSubmission';

export const OPERATIONS: Record<string, { description: INodeProperties[]; run: (op: OperationContext) => OperationResult }> = {
	dealToOpportunity,
	dealToUpdate,
	opportunityToDeal,
	referralToDeal,
	resolveSharedFields,
	validateSubmission,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Deal to New Opportunity', value: 'dealToOpportunity', action: 'Map a deal to a new opportunity', description: 'Build a complete CreateOpportunity request from a HubSpot deal bundle' },
		{ name: 'Deal to Opportunity Update', value: 'dealToUpdate', action: 'Map a deal to an opportunity update', description: 'Build a complete UpdateOpportunity request: current values kept, deal values laid over them' },
		{ name: 'Opportunity to Deal', value: 'opportunityToDeal', action: 'Map an opportunity to a deal', description: 'HubSpot deal, company and contact properties from a Partner Central opportunity' },
		{ name: 'Referral to Deal', value: 'referralToDeal', action: 'Map an AWS referral to a deal', description: 'HubSpot deal and company properties from a pending AWS referral (engagement invitation)' },
		{ name: 'Resolve Shared Fields', value: 'resolveSharedFields', action: 'Decide which way shared fields go', description: 'For expected spend, stage and close date: which side changed since the last sync, what to write to HubSpot, what an update must keep' },
		{ name: 'Validate for Submission', value: 'validateSubmission', action: 'Check an opportunity is ready to submit', description: 'Everything AWS requires before the opportunity is submitted for co-sell' },
	],
	default: 'dealToOpportunity',
};
