import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { hubspotRequest } from '../shared/hubspot/transport';
import { splitList } from '../shared/hubspot/webhookEvents';
import { DEAL_PROPERTY_NAMES } from '../shared/sync/hubspotProperties';
import type { DealFilters, DealRecord, EmittedDeal, SearchFn } from './cursor';
import {
	forgetFirstCheck,
	initialState,
	pollDealChanges,
	propertiesToRead,
	recentDeals,
	rememberFirstCheck,
	usableState,
} from './cursor';
import { pollProperties } from './properties';

/** Standard deal fields always read, besides the cursor's own and the aws_* sync properties. */
const STANDARD_PROPERTIES = ['amount', 'closedate', 'hubspot_owner_id', 'description', 'deal_currency_code'];

/** Without n8n's poll budget (hosts before 2.x budgets), stop reading new pages after this long. */
const DEFAULT_BUDGET_MS = 50_000;
const MANUAL_SAMPLE_SIZE = 5;

interface PollOptions {
	properties?: string;
	maxDealsPerPoll?: number;
	overlapSeconds?: number;
}

function toItem(deal: DealRecord, extra: IDataObject = {}): INodeExecutionData {
	return {
		json: {
			dealId: deal.id,
			...extra,
			properties: deal.properties as IDataObject,
			createdAt: deal.createdAt,
			updatedAt: deal.updatedAt,
		},
	};
}

function emittedToItem(e: EmittedDeal): INodeExecutionData {
	return toItem(e.deal, { change: e.isNew ? 'created' : 'updated', lastModifiedAt: new Date(e.lastModifiedMs).toISOString() });
}

function parseBackfill(ctx: IPollFunctions, value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const ms = Date.parse(String(value));
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(ctx.getNode(), `Backfill Start "${String(value)}" is not a date`);
	}
	return ms;
}

export class HubSpotDealChangesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HubSpot Deal Changes Trigger',
		name: 'hubSpotDealChangesTrigger',
		icon: { light: 'file:hubspotPoll.svg', dark: 'file:hubspotPoll.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["nameTag"] ? "Deals named *" + $parameter["nameTag"] + "*" : "All deals"}}',
		description: 'Starts the workflow for HubSpot deals created or changed since the last check (polling)',
		defaults: { name: 'HubSpot Deal Changes Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hubSpotPartnerCentralApi', required: true }],
		properties: pollProperties,
	};

	methods = {
		loadOptions: {
			async getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const response = (await hubspotRequest(this, { method: 'GET', path: '/crm/v3/pipelines/deals' })) as {
					results?: Array<{ id: string; label?: string }>;
				};
				const pipelines = (response.results ?? [])
					.map((p) => ({ name: p.label ? `${p.label} (${p.id})` : p.id, value: p.id }))
					.sort((a, b) => a.name.localeCompare(b.name));
				return [{ name: 'Any Pipeline', value: '' }, ...pipelines];
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as PollOptions;
		const filters: DealFilters = {
			pipeline: (this.getNodeParameter('pipeline', '') as string) || undefined,
			nameTag: (this.getNodeParameter('nameTag', '') as string) || undefined,
			hasProperty: (this.getNodeParameter('hasProperty', '') as string) || undefined,
		};
		const properties = propertiesToRead(filters, [
			...STANDARD_PROPERTIES,
			...DEAL_PROPERTY_NAMES,
			...splitList(options.properties),
		]);
		const search: SearchFn = async (body) => {
			const page = (await hubspotRequest(this, {
				method: 'POST',
				path: '/crm/v3/objects/deals/search',
				body: body as IDataObject,
			})) as { results?: DealRecord[] };
			return { results: (page.results ?? []).map((r) => ({ ...r, id: String(r.id), properties: r.properties ?? {} })) };
		};

		if (this.getMode() === 'manual') {
			// A test run shows real recent deals and leaves the cursor alone.
			const deals = await recentDeals(search, filters, properties, MANUAL_SAMPLE_SIZE);
			if (deals.length === 0) return null;
			return [deals.map((deal) => toItem(deal, { change: 'sample' }))];
		}

		const backfillFrom = parseBackfill(this, this.getNodeParameter('backfillFrom', ''));
		const staticData = this.getWorkflowStaticData('node');
		let state = usableState(staticData.cursor, backfillFrom);
		if (state) forgetFirstCheck(this.getWorkflowStaticData('global'), this.getNode().id);
		if (!state) {
			if (backfillFrom !== null) {
				state = initialState(Date.now(), backfillFrom);
			} else {
				// First check: start from the first time this node was checked (normally the publish-time check).
				// n8n runs that check with its cursor staged and, in durable-cursor mode, drops it when nothing is
				// emitted; the workflow-wide static data is saved with the activation, so the start survives there.
				const startedAt = rememberFirstCheck(this.getWorkflowStaticData('global'), this.getNode().id, Date.now());
				state = initialState(startedAt, null);
				if (startedAt >= Date.now() - 1000) {
					// Nothing can have changed since: save the cursor and read nothing yet.
					staticData.cursor = state as unknown as IDataObject;
					return null;
				}
			}
		}

		const withBudget = this as IPollFunctions & { getPollBudgetMs?: () => number };
		const budgetMs =
			typeof withBudget.getPollBudgetMs === 'function' ? withBudget.getPollBudgetMs() : DEFAULT_BUDGET_MS;
		const result = await pollDealChanges({
			state,
			search,
			filters,
			properties,
			overlapMs: Math.max(0, options.overlapSeconds ?? 120) * 1000,
			maxDeals: Math.max(1, options.maxDealsPerPoll ?? 1000),
			now: () => Date.now(),
			deadline: Date.now() + Math.max(1000, budgetMs * 0.8),
		});
		// Saved even when nothing is emitted, so the cursor advance persists.
		staticData.cursor = result.state as unknown as IDataObject;
		if (!result.drained) {
			this.logger.info(
				`HubSpot Deal Changes Trigger: backlog not finished after ${result.requests} searches; the next check continues from the same position`,
			);
		}
		if (result.emitted.length === 0) return null;
		return [result.emitted.map(emittedToItem)];
	}
}
