import type { DealRecord, SearchBody } from '../../../nodes/HubSpotDealChangesTrigger/cursor';

/**
 * An in-memory stand-in for HubSpot's deal search, for the pure cursor tests: the filter operators the cursor uses,
 * one sort, `limit` <= 200, `after` paging capped at 10,000 results, and search lag (a change becomes visible only
 * `lagMs` after it happened). Ties keep an arbitrary but stable order (insertion), like HubSpot.
 */
export interface FakeDeal {
	id: string;
	modifiedMs: number;
	createdMs: number;
	visibleAtMs: number;
	properties: Record<string, string>;
}

type Filter = { propertyName: string; operator: string; value?: string };

export class FakeDealSearch {
	deals = new Map<string, FakeDeal>();
	requests: SearchBody[] = [];
	private nextId = 1000;

	constructor(
		public clock: { now: number },
		public lagMs = 0,
	) {}

	upsert(id: string | undefined, props: Record<string, string> = {}, atMs = this.clock.now): string {
		const dealId = id ?? String(this.nextId++);
		const existing = this.deals.get(dealId);
		this.deals.delete(dealId); // re-insert: a changed deal moves to the end of equal timestamps
		this.deals.set(dealId, {
			id: dealId,
			modifiedMs: atMs,
			createdMs: existing?.createdMs ?? atMs,
			visibleAtMs: atMs + this.lagMs,
			properties: { ...(existing?.properties ?? { dealname: `Deal ${dealId}`, pipeline: 'default' }), ...props },
		});
		return dealId;
	}

	private value(deal: FakeDeal, name: string): string | undefined {
		if (name === 'hs_lastmodifieddate') return String(deal.modifiedMs);
		if (name === 'hs_object_id') return deal.id;
		if (name === 'createdate') return String(deal.createdMs);
		return deal.properties[name];
	}

	private matches(deal: FakeDeal, f: Filter): boolean {
		const v = this.value(deal, f.propertyName);
		const numeric = ['hs_lastmodifieddate', 'hs_object_id', 'createdate'].includes(f.propertyName);
		const cmp = (a: string, b: string) => (numeric ? Number(a) - Number(b) : a.localeCompare(b));
		switch (f.operator) {
			case 'EQ':
				return v !== undefined && cmp(v, f.value!) === 0;
			case 'GT':
				return v !== undefined && cmp(v, f.value!) > 0;
			case 'GTE':
				return v !== undefined && cmp(v, f.value!) >= 0;
			case 'HAS_PROPERTY':
				return v !== undefined && v !== '';
			case 'CONTAINS_TOKEN':
				return (v ?? '')
					.toLowerCase()
					.split(/[^a-z0-9]+/)
					.includes(f.value!.toLowerCase());
			default:
				throw new Error(`fake search: operator ${f.operator} not supported`);
		}
	}

	async search(body: SearchBody): Promise<{ results: DealRecord[]; total: number; paging?: { next: { after: string } } }> {
		this.requests.push(body);
		const limit = Number(body.limit ?? 10);
		if (limit > 200) throw new Error('fake search: limit above 200');
		const after = Number(body.after ?? 0);
		const groups = (body.filterGroups as Array<{ filters: Filter[] }>) ?? [];
		const sorts = (body.sorts as Array<{ propertyName: string; direction: string }>) ?? [];
		if (sorts.length > 1) throw new Error('fake search: one sort only');
		let found = [...this.deals.values()].filter(
			(d) => d.visibleAtMs <= this.clock.now && (groups.length === 0 || groups.some((g) => g.filters.every((f) => this.matches(d, f)))),
		);
		if (sorts[0]) {
			const { propertyName, direction } = sorts[0];
			const key = (d: FakeDeal) => Number(this.value(d, propertyName));
			found = found
				.map((d, i) => ({ d, i }))
				.sort((a, b) => (key(a.d) - key(b.d)) * (direction === 'DESCENDING' ? -1 : 1) || a.i - b.i)
				.map((x) => x.d);
		}
		if (after + limit > 10_000) throw new Error('fake search: paging past 10,000 results');
		const page = found.slice(after, after + limit);
		const props = (body.properties as string[]) ?? [];
		return {
			total: found.length,
			results: page.map((d) => ({
				id: d.id,
				properties: Object.fromEntries(props.map((p) => [p, this.value(d, p) ?? null])),
				createdAt: new Date(d.createdMs).toISOString(),
				updatedAt: new Date(d.modifiedMs).toISOString(),
			})),
			paging: after + limit < found.length ? { next: { after: String(after + limit) } } : undefined,
		};
	}
}
