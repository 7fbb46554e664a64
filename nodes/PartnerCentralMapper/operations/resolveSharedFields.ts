import type { INodeProperties } from 'n8n-workflow';

import { resolveSharedFields } from '../../shared/mapping/sharedFields';
import type { Opportunity } from '../../shared/mapping/types';
import { isConflictPolicy } from '../../shared/sync/fieldOwnership';
import { invalidInput, jsonInput, readObject, type OperationContext, type OperationResult } from './common';

const show = { operation: ['resolveSharedFields'] };

export const description: INodeProperties[] = [
	jsonInput('bundle', 'Deal', 'resolveSharedFields', 'The deal (a deal bundle from "Get Deal Bundles", or a deal with its properties)'),
	jsonInput('opportunity', 'Current Opportunity', 'resolveSharedFields', 'The opportunity as Partner Central has it now (output of Get Opportunity)', '={{ $json.opportunity }}'),
	{
		displayName: 'Conflict Policy',
		name: 'conflictPolicy',
		type: 'options',
		default: 'lastWriterWins',
		displayOptions: { show },
		options: [
			{ name: 'Last Writer Wins', value: 'lastWriterWins', description: 'A field changed on both sides keeps the later change' },
			{ name: 'HubSpot Wins', value: 'hubspotWins', description: 'A field changed on both sides keeps HubSpot\'s value' },
			{ name: 'Partner Central Wins', value: 'partnerCentralWins', description: 'A field changed on both sides keeps Partner Central\'s value' },
		],
		description: 'For expected spend, stage and close date changed on both sides since the last sync. A field changed on one side only always goes to the other side.',
	},
];

type DealInput = { dealId?: string; id?: string; deal?: { id?: string; properties?: Record<string, string | null> }; properties?: Record<string, string | null> };

export function run(op: OperationContext): OperationResult {
	const input = readObject<DealInput>(op, 'bundle', 'Deal');
	if (!input.ok) return invalidInput(input.problem);
	const deal = input.value as DealInput;
	const properties = deal.deal?.properties ?? deal.properties;
	const dealId = String(deal.dealId ?? deal.deal?.id ?? deal.id ?? '');
	if (!properties || typeof properties !== 'object') {
		return invalidInput({ severity: 'error', field: 'bundle', code: 'missing', message: 'The deal has no properties: pass a deal bundle or a HubSpot deal' }, { dealId });
	}
	const current = readObject<Opportunity>(op, 'opportunity', 'Current Opportunity');
	if (!current.ok) return invalidInput(current.problem, { dealId });
	const policy = op.ctx.getNodeParameter('conflictPolicy', op.itemIndex, 'lastWriterWins') as unknown;
	if (!isConflictPolicy(policy)) {
		return invalidInput({ severity: 'error', field: 'conflictPolicy', code: 'invalid_value', message: `"${String(policy)}" is not a conflict policy: use lastWriterWins, hubspotWins or partnerCentralWins` }, { dealId });
	}
	const opportunity = current.value as Opportunity;
	const result = resolveSharedFields({ deal: properties, opportunity, policy }, op.config);
	return { valid: true, json: { dealId, opportunityId: opportunity?.Id ?? '', ...result } as unknown as OperationResult['json'] };
}
