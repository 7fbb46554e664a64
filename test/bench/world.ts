/**
 * Test data for the benchmarks: tagged deals that map to valid opportunities (each with its own company and contact),
 * and read access to the simulators' state without counting as API calls.
 */
import type { BenchSims } from './stack';

export interface DealRecord {
	id: string;
	properties: Record<string, string | null>;
}

/** Properties of a tagged deal that maps to a valid opportunity ("<tag> <label> <i>"). */
export function taggedDealProperties(label: string, i: number, tag = '#AWS'): Record<string, string> {
	return {
		dealname: `${tag} ${label} ${i}`,
		dealstage: 'qualifiedtobuy',
		pipeline: 'default',
		amount: String(50_000 + i),
		closedate: '2027-06-30',
		description: `${label} ${i}: the customer moves its reporting warehouse and nightly batch jobs to a managed analytics platform on AWS.`,
		aws_use_case: 'Migration / Database Migration',
		aws_delivery_models: 'Professional Services',
	};
}

/** HubSpot seed spec for `n` tagged co-sell deals, numbered from `from`. */
export function taggedDealsSeed(n: number, from = 0, tag = '#AWS'): Record<string, unknown> {
	const companies = [];
	const contacts = [];
	const deals = [];
	for (let i = from; i < from + n; i++) {
		companies.push({
			ref: `c${i}`,
			properties: {
				name: `Bench Customer ${i}`,
				domain: `bench-customer-${i}.example`,
				country: 'United States',
				state: 'Washington',
				city: 'Seattle',
				zip: '98101',
				address: `${100 + i} Pine St`,
				industry: 'COMPUTER_SOFTWARE',
			},
		});
		contacts.push({
			ref: `p${i}`,
			properties: {
				firstname: 'Casey',
				lastname: `Buyer ${i}`,
				email: `casey.buyer.${i}@bench-customer-${i}.example`,
				phone: '+1 206 555 0100',
				jobtitle: 'CTO',
			},
			associations: [{ to: `c${i}`, primary: true }],
		});
		deals.push({
			ref: `d${i}`,
			properties: taggedDealProperties('Bench customer', i, tag),
			associations: [{ to: `c${i}`, primary: true }, { to: `p${i}` }],
		});
	}
	return { objects: { companies, contacts, deals } };
}

/** Deals as the HubSpot simulator holds them (read in process: not an API call). */
export function hubspotDeals(sims: BenchSims): DealRecord[] {
	const world = (sims.hubspot.core as unknown as { world: { objects: Map<string, Map<string, DealRecord & { archived?: boolean }>> } }).world;
	const store = world.objects.get('deals');
	return store ? [...store.values()].filter((d) => !d.archived) : [];
}

export interface PcOpportunityRecord {
	Id: string;
	data: Record<string, unknown>;
	[key: string]: unknown;
}

/** Opportunities as the Partner Central simulator holds them (in process). */
export function pcOpportunities(sims: BenchSims): PcOpportunityRecord[] {
	const state = (sims.partnerCentral.sim as unknown as { state: { opportunities: Record<string, PcOpportunityRecord> } }).state;
	return Object.values(state.opportunities);
}
