import type { IDataObject } from 'n8n-workflow';

import { HubSpotDealChangesTrigger } from '../../../nodes/HubSpotDealChangesTrigger/HubSpotDealChangesTrigger.node';
import { FakeDealSearch } from './fakeDealSearch';
import type { HttpHandler } from './fakePollContext';
import { fakePollContext } from './fakePollContext';

const node = new HubSpotDealChangesTrigger();

function fakeHttp(hs: FakeDealSearch, seenPaths: string[] = []): HttpHandler {
	return async (options) => {
		const path = new URL(String(options.url)).pathname;
		seenPaths.push(path);
		if (path === '/crm/v3/objects/deals/search') {
			return { statusCode: 200, body: await hs.search(options.body as IDataObject), headers: {} };
		}
		if (path === '/crm/v3/pipelines/deals') {
			return { statusCode: 200, body: { results: [{ id: '555', label: 'Partner' }, { id: 'default', label: 'Sales' }] }, headers: {} };
		}
		return { statusCode: 404, body: { status: 'error', message: 'not found', category: 'OBJECT_NOT_FOUND' }, headers: {} };
	};
}

describe('HubSpot Deal Changes Trigger poll()', () => {
	beforeEach(() => jest.useRealTimers());

	it('is a polling trigger on the package credential', () => {
		expect(node.description).toMatchObject({ name: 'hubSpotDealChangesTrigger', polling: true, inputs: [] });
		expect(node.description.credentials?.[0].name).toBe('hubSpotPartnerCentralApi');
		expect(node.description.usableAsTool).toBeUndefined();
	});

	it('first activation starts from now; later changes come out once, with the sync properties requested', async () => {
		const clock = { now: Date.now() - 60_000 };
		const hs = new FakeDealSearch(clock);
		hs.upsert('1', { dealname: 'Before activation' }, clock.now - 10_000);
		const { ctx, staticData } = fakePollContext({ http: fakeHttp(hs) });
		expect(await node.poll.call(ctx)).toBeNull();
		expect(staticData.cursor).toBeDefined();
		expect(hs.requests).toHaveLength(0);

		clock.now = Date.now();
		hs.upsert('2', { dealname: 'After #AWS' }, clock.now);
		const out = await node.poll.call(ctx);
		expect(out?.[0].map((i) => i.json.dealId)).toEqual(['2']);
		expect(out?.[0][0].json).toMatchObject({ change: 'created', properties: { dealname: 'After #AWS' } });
		const asked = hs.requests[0].properties as string[];
		expect(asked).toEqual(expect.arrayContaining(['hs_lastmodifieddate', 'aws_opportunity_id', 'aws_sync_fingerprint', 'amount']));
		expect(await node.poll.call(ctx)).toBeNull();
	});

	it('reads the deals changed after the publish-time check even when n8n drops that check\'s cursor', async () => {
		// n8n runs one check at publish time; with durable cursors it keeps a poll node's own static data only when the
		// check emits something or runs on schedule, so the first scheduled check finds no cursor. The workflow-wide
		// static data (saved with the activation) remembers when the first check ran.
		const clock = { now: Date.now() - 120_000 };
		const hs = new FakeDealSearch(clock);
		hs.upsert('1', { dealname: 'Before publishing' }, clock.now - 10_000);
		const globalStaticData: IDataObject = {};
		const publishCheck = fakePollContext({ http: fakeHttp(hs), globalStaticData });
		const realNow = Date.now;
		Date.now = () => clock.now;
		try {
			expect(await node.poll.call(publishCheck.ctx)).toBeNull();
			expect(publishCheck.staticData.cursor).toBeDefined();
			// Changed between publishing and the first scheduled check.
			clock.now += 30_000;
			hs.upsert('2', { dealname: 'Between publish and first check' }, clock.now);
			clock.now += 30_000;
			// The first scheduled check: the node's static data is fresh (the staged cursor was dropped).
			const first = fakePollContext({ http: fakeHttp(hs), globalStaticData });
			const out = await node.poll.call(first.ctx);
			expect(out?.[0].map((i) => i.json.dealId)).toEqual(['2']);
			// Its cursor is saved from now on; the remembered start is dropped once the cursor is in use.
			clock.now += 60_000;
			const second = fakePollContext({ http: fakeHttp(hs), globalStaticData, staticData: first.staticData });
			expect(await node.poll.call(second.ctx)).toBeNull();
			expect(Object.keys(globalStaticData)).toEqual([]);
		} finally {
			Date.now = realNow;
		}
	});

	it('backfills from the configured date, applies filters, and restarts when the date changes', async () => {
		const now = Date.now();
		const clock = { now };
		const hs = new FakeDealSearch(clock);
		hs.upsert('10', { dealname: 'Old #AWS', pipeline: '555' }, now - 5 * 86_400_000);
		hs.upsert('11', { dealname: 'Recent #aws', pipeline: '555' }, now - 86_400_000);
		hs.upsert('12', { dealname: 'Recent no tag', pipeline: '555' }, now - 86_400_000);
		hs.upsert('13', { dealname: 'Recent #AWS other pipeline', pipeline: 'default' }, now - 86_400_000);
		const params = { backfillFrom: new Date(now - 2 * 86_400_000).toISOString(), nameTag: '#AWS', pipeline: '555' };
		const { ctx, staticData, params: live } = fakePollContext({ http: fakeHttp(hs), params });
		expect((await node.poll.call(ctx))?.[0].map((i) => i.json.dealId)).toEqual(['11']);
		expect(await node.poll.call(ctx)).toBeNull();
		live.backfillFrom = new Date(now - 10 * 86_400_000).toISOString();
		expect((await node.poll.call(ctx))?.[0].map((i) => i.json.dealId)).toEqual(['10', '11']);
		expect((staticData.cursor as IDataObject).origin).toBe(now - 10 * 86_400_000);
	});

	it('manual runs show real recent deals without touching the cursor', async () => {
		const clock = { now: Date.now() };
		const hs = new FakeDealSearch(clock);
		for (let i = 0; i < 8; i++) hs.upsert(String(20 + i), {}, clock.now - (8 - i) * 1000);
		const { ctx, staticData } = fakePollContext({ http: fakeHttp(hs), mode: 'manual' });
		const out = await node.poll.call(ctx);
		expect(out?.[0].map((i) => i.json.dealId)).toEqual(['27', '26', '25', '24', '23']);
		expect(out?.[0][0].json.change).toBe('sample');
		expect(staticData.cursor).toBeUndefined();
	});

	it('uses getPollBudgetMs when the host has it, and carries a backlog over', async () => {
		const now = Date.now();
		const clock = { now };
		const hs = new FakeDealSearch(clock);
		for (let i = 0; i < 450; i++) hs.upsert(String(1000 + i), {}, now - 3_600_000 + i);
		const params = { backfillFrom: new Date(now - 7_200_000).toISOString(), options: { maxDealsPerPoll: 100 } };
		const { ctx, staticData, logs } = fakePollContext({ http: fakeHttp(hs), params, pollBudgetMs: 60_000 });
		const budget = jest.fn(() => 60_000);
		(ctx as unknown as { getPollBudgetMs: () => number }).getPollBudgetMs = budget;
		const ids: string[] = [];
		for (let i = 0; i < 10; i++) {
			const out = await node.poll.call(ctx);
			ids.push(...(out?.[0] ?? []).map((item) => String(item.json.dealId)));
		}
		expect(ids).toHaveLength(450);
		expect(new Set(ids).size).toBe(450);
		expect((staticData.cursor as IDataObject).resume).toBeUndefined();
		expect(logs.some((l) => l.includes('backlog not finished'))).toBe(true);
		expect(budget).toHaveBeenCalled();
	});

	it('lists pipelines for the dropdown, with "any"', async () => {
		const hs = new FakeDealSearch({ now: Date.now() });
		const { ctx } = fakePollContext({ http: fakeHttp(hs) });
		const options = await node.methods.loadOptions.getPipelines.call(ctx as never);
		expect(options).toEqual([
			{ name: 'Any Pipeline', value: '' },
			{ name: 'Partner (555)', value: '555' },
			{ name: 'Sales (default)', value: 'default' },
		]);
	});

	it('fails the poll with a readable error and keeps the cursor when HubSpot refuses', async () => {
		const { ctx, staticData } = fakePollContext({
			params: { backfillFrom: new Date(Date.now() - 1000).toISOString() },
			http: async () => ({
				statusCode: 403,
				body: { status: 'error', message: 'This app lacks scope crm.objects.deals.read', category: 'MISSING_SCOPES', correlationId: 'c-1' },
				headers: {},
			}),
		});
		await expect(node.poll.call(ctx)).rejects.toThrow(/scope|permission|403/i);
		expect(staticData.cursor).toBeUndefined();
	});

	it('refuses a backfill start that is not a date', async () => {
		const { ctx } = fakePollContext({ http: fakeHttp(new FakeDealSearch({ now: 0 })), params: { backfillFrom: 'last tuesday' } });
		await expect(node.poll.call(ctx)).rejects.toThrow(/not a date/);
	});
});
