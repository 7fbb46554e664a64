/**
 * The HubSpot for Partner Central node against the HubSpot simulator (in-process, free port), through a fake
 * IExecuteFunctions whose HTTP helper really calls the simulator with the credential's Bearer header.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEAL_PROPERTIES } from '../../../nodes/shared/sync/hubspotProperties';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import { useHubSpotSimulator } from './helpers/nodeRun';

const runner = useHubSpotSimulator();
const run = runner.run;
let sim: HubSpotSimulator;
beforeEach(() => {
	sim = runner.sim();
});

const items = (n: number, json: (i: number) => IDataObject = () => ({})): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({ json: json(i) }));

async function ensureProperties() {
	return await run({ resource: 'property', operation: 'ensure' });
}

function stateDeals() {
	return (sim.state().objects.deals ?? []).filter((d) => !d.archived);
}

function associationsOf(fromType: string, fromId: string, toType: string) {
	return sim.state().associations.filter((a) => a.fromType === fromType && a.fromId === fromId && a.toType === toType);
}

describe('Property > Ensure', () => {
	it('creates the group and every aws_* property once; a second run creates none', async () => {
		const first = (await ensureProperties()).out;
		expect(first).toHaveLength(1);
		expect(first[0].json.createdCount).toBe(DEAL_PROPERTIES.length);
		expect(first[0].json.group).toEqual({ name: 'aws_partner_central', created: true });
		const props = sim.state().properties.deals as Array<{ name: string; hasUniqueValue?: boolean; groupName?: string }>;
		const opp = props.find((p) => p.name === 'aws_opportunity_id');
		expect(opp).toMatchObject({ hasUniqueValue: true, groupName: 'aws_partner_central' });
		expect(props.find((p) => p.name === 'aws_invitation_id')?.hasUniqueValue).toBe(true);

		const second = (await ensureProperties()).out;
		expect(second[0].json.createdCount).toBe(0);
		expect(second[0].json.existingCount).toBe(DEAL_PROPERTIES.length);
		expect(second[0].json.group).toEqual({ name: 'aws_partner_central', created: false });
		expect(second[0].json.warnings).toEqual([]);
		expect(second[0].pairedItem).toEqual([{ item: 0 }]);
	});

	it('two runs at once create each property once (409 counts as existing)', async () => {
		const [a, b] = await Promise.all([ensureProperties(), ensureProperties()]);
		const created = [...(a.out[0].json.created as string[]), ...(b.out[0].json.created as string[])];
		expect(created.sort()).toEqual(DEAL_PROPERTIES.map((p) => p.name).sort());
		expect((a.out[0].json.existingCount as number) + (b.out[0].json.existingCount as number)).toBe(DEAL_PROPERTIES.length);
		const names = (sim.state().properties.deals as Array<{ name: string }>).map((p) => p.name).filter((n) => n.startsWith('aws_'));
		expect(new Set(names).size).toBe(names.length);
	});

	it('says when the upsert key exists without unique values', async () => {
		sim.seed({ properties: { deals: [{ name: 'aws_opportunity_id', label: 'x', type: 'string', fieldType: 'text' }] } });
		const { out } = await ensureProperties();
		expect(out[0].json.existing).toContain('aws_opportunity_id');
		expect(String(out[0].json.warnings)).toContain('aws_opportunity_id exists without "unique values"');
	});
});

describe('Deal > Get Bundles', () => {
	it('reads 100 deals with companies (primary first) and contacts in at most 5 calls', async () => {
		await ensureProperties();
		const companies = Array.from({ length: 50 }, (_, i) => ({ ref: `co${i}`, properties: { name: `Company ${i}`, domain: `c${i}.example.com` } }));
		const contacts = Array.from({ length: 100 }, (_, i) => ({ ref: `ct${i}`, properties: { email: `p${i}@example.com`, firstname: `P${i}` } }));
		const deals = Array.from({ length: 100 }, (_, i) => ({
			ref: `d${i}`,
			properties: { dealname: `Deal ${i}`, hubspot_owner_id: '75480001', amount: String(1000 * i) },
			associations: [
				// The primary company is the later-created (higher id) one, so "primary first" is not "lowest id first".
				{ to: `co${(i + 1) % 50}`, types: [341], primary: true },
				{ to: `co${i % 50}`, types: [341] },
				{ to: `ct${i}`, types: [3] },
				{ to: `ct${(i + 1) % 100}`, types: [3] },
			],
		}));
		const seeded = sim.seed({ objects: { companies, contacts, deals } });
		const dealIds = Array.from({ length: 100 }, (_, i) => seeded.refs[`d${i}`].id);
		sim.resetCounters();

		const { out } = await run(
			{ resource: 'deal', operation: 'getBundles', dealId: (i: number, json: IDataObject) => json.dealId, options: {} },
			{ items: items(100, (i) => ({ dealId: dealIds[i] })) },
		);

		const counters = sim.counters();
		expect(counters.total).toBeLessThanOrEqual(5);
		expect(counters.byCategory['objects.get'] ?? 0).toBe(0);
		expect(out).toHaveLength(100);
		for (let i = 0; i < 100; i++) {
			const bundle = out[i].json as unknown as {
				dealId: string;
				deal: { properties: Record<string, string | null> };
				primaryCompany: { id: string } | null;
				companies: Array<{ id: string }>;
				contacts: Array<{ properties: { email: string } }>;
				dealOwnerId?: string;
			};
			expect(out[i].pairedItem).toEqual({ item: i });
			expect(bundle.dealId).toBe(dealIds[i]);
			expect(bundle.deal.properties.dealname).toBe(`Deal ${i}`);
			expect(bundle.deal.properties).toHaveProperty('aws_opportunity_id');
			const primaryId = seeded.refs[`co${(i + 1) % 50}`].id;
			expect(bundle.primaryCompany?.id).toBe(primaryId);
			expect(bundle.companies.map((c) => c.id)).toEqual([primaryId, seeded.refs[`co${i % 50}`].id]);
			expect(bundle.contacts.map((c) => c.properties.email).sort()).toEqual([`p${i}@example.com`, `p${(i + 1) % 100}@example.com`].sort());
			expect(bundle.dealOwnerId).toBe('75480001');
		}
	});

	it('returns an error item per missing deal with Continue On Fail, and names them otherwise', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'a', properties: { dealname: 'Real' } }] } });
		const realId = seeded.refs.a.id;
		const input = items(3, (i) => ({ dealId: [realId, '999000111', '999000222'][i] }));
		const params = { resource: 'deal', operation: 'getBundles', dealId: (_: number, json: IDataObject) => json.dealId, options: {} };

		const { out } = await run(params, { items: input, continueOnFail: true });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.dealId).toBe(realId);
		expect(out[1].json.error).toContain('999000111');
		expect(out[2].json.error).toContain('999000222');

		const error = await run(params, { items: input }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('999000111, 999000222');
		expect(error.context.itemIndex).toBe(1);
	});

	it('accepts several ids in one item and reads 150 deals in two batches', async () => {
		const deals = Array.from({ length: 150 }, (_, i) => ({ ref: `d${i}`, properties: { dealname: `D${i}` } }));
		const seeded = sim.seed({ objects: { deals } });
		const ids = Array.from({ length: 150 }, (_, i) => seeded.refs[`d${i}`].id);
		sim.resetCounters();
		const { out } = await run(
			{ resource: 'deal', operation: 'getBundles', dealId: (_: number, j: IDataObject) => j.ids, options: {} },
			{ items: [{ json: { ids: ids.slice(0, 2).join(', ') } }, { json: { ids: ids.slice(2) } }] },
		);
		expect(out).toHaveLength(150);
		expect(out.slice(0, 2).map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(out[2].pairedItem).toEqual({ item: 1 });
		expect(out.map((o) => o.json.dealId)).toEqual(ids);
		// No associations: empty lists, no primary company, and no company/contact reads.
		expect(out[0].json).toMatchObject({ primaryCompany: null, companies: [], contacts: [] });
		expect(sim.counters().byCategory['objects.batch.read']).toBe(2);
	});

	it('rejects an item without a deal id clearly', async () => {
		const error = await run({ resource: 'deal', operation: 'getBundles', dealId: 'abc', options: {} }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('"abc" is not a HubSpot deal ID');
	});
});

describe('Deal > Upsert by AWS Opportunity ID', () => {
	it('makes exactly one deal under concurrent runs and retries, and links company and contacts', async () => {
		await ensureProperties();
		const seeded = sim.seed({
			objects: { companies: [{ ref: 'c', properties: { name: 'Acme', domain: 'acme.com' } }], contacts: [{ ref: 'p', properties: { email: 'pat@acme.com' } }] },
		});
		const params = {
			resource: 'deal',
			operation: 'upsertByAwsOpportunityId',
			awsOpportunityId: 'O1234567',
			propertiesJson: { dealname: 'Acme migration', dealstage: 'appointmentscheduled', pipeline: 'default', amount: 120000 },
			propertyValues: {},
			companyId: seeded.refs.c.id,
			companyPrimary: true,
			contactIds: seeded.refs.p.id,
		};
		const runs = await Promise.all(Array.from({ length: 6 }, () => run(params)));
		const matching = stateDeals().filter((d) => d.properties.aws_opportunity_id === 'O1234567');
		expect(matching).toHaveLength(1);
		const dealId = matching[0].id;
		const outputs = runs.map((r) => r.out[0].json);
		expect(new Set(outputs.map((o) => o.dealId))).toEqual(new Set([dealId]));
		expect(outputs.filter((o) => o.created === true)).toHaveLength(1);
		expect(matching[0].properties.amount).toBe('120000');
		expect(associationsOf('deals', dealId, 'companies')[0].typeIds).toEqual(expect.arrayContaining([5, 341]));
		expect(associationsOf('deals', dealId, 'contacts')[0].typeIds).toContain(3);
	});

	it('merges items for the same opportunity into one batch input and pairs each output', async () => {
		await ensureProperties();
		const { out } = await run(
			{
				resource: 'deal',
				operation: 'upsertByAwsOpportunityId',
				awsOpportunityId: (_: number, json: IDataObject) => json.opp,
				propertiesJson: (_: number, json: IDataObject) => ({ dealname: json.name, dealstage: 'appointmentscheduled' }),
				propertyValues: {},
				companyId: '',
				companyPrimary: true,
				contactIds: '',
			},
			{ items: [{ json: { opp: 'O1', name: 'first' } }, { json: { opp: 'O2', name: 'two' } }, { json: { opp: 'O1', name: 'later wins' } }] },
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.dealId).toBe(out[2].json.dealId);
		expect(stateDeals().find((d) => d.properties.aws_opportunity_id === 'O1')?.properties.dealname).toBe('later wins');
	});
});

describe('Deal > Upsert by AWS Invitation ID', () => {
	it('keeps one deal per AWS referral, then lets the accepted opportunity ID be added', async () => {
		await ensureProperties();
		const params = {
			resource: 'deal',
			operation: 'upsertByAwsInvitationId',
			awsInvitationId: 'engi-abc123',
			propertiesJson: JSON.stringify({ dealname: 'AWS referral: Acme', dealstage: 'appointmentscheduled', aws_invitation_status: 'PENDING' }),
			companyId: '',
			companyPrimary: true,
			contactIds: '',
		};
		const [a, b] = await Promise.all([run(params), run(params)]);
		expect(a.out[0].json.dealId).toBe(b.out[0].json.dealId);
		expect(a.out[0].json.awsInvitationId).toBe('engi-abc123');
		await run({ ...params, propertiesJson: { aws_invitation_status: 'ACCEPTED', aws_opportunity_id: 'O777' } });
		const deals = stateDeals().filter((d) => d.properties.aws_invitation_id === 'engi-abc123');
		expect(deals).toHaveLength(1);
		expect(deals[0].properties).toMatchObject({ aws_invitation_status: 'ACCEPTED', aws_opportunity_id: 'O777', dealname: 'AWS referral: Acme' });
	});
});

describe('Deal > Find by AWS ID and Update Properties', () => {
	it('finds deals by opportunity id in one search and updates 150 deals in two calls', async () => {
		await ensureProperties();
		const deals = Array.from({ length: 150 }, (_, i) => ({ ref: `d${i}`, properties: { dealname: `D${i}`, aws_opportunity_id: `O${1000 + i}` } }));
		const seeded = sim.seed({ objects: { deals } });
		sim.resetCounters();
		const found = await run(
			{ resource: 'deal', operation: 'findByAwsId', idType: 'aws_opportunity_id', awsId: (_: number, j: IDataObject) => j.opp, dealProperties: '' },
			{ items: [{ json: { opp: 'O1003' } }, { json: { opp: 'O9999' } }] },
		);
		expect(found.out[0].json).toMatchObject({ found: true, dealId: seeded.refs.d3.id, awsOpportunityId: 'O1003' });
		expect(found.out[1].json).toMatchObject({ found: false, dealId: null });
		expect(sim.counters().byCategory['objects.search']).toBe(1);

		sim.resetCounters();
		const updated = await run(
			{
				resource: 'deal',
				operation: 'updateProperties',
				dealId: (_: number, j: IDataObject) => j.dealId,
				propertiesJson: (i: number) => ({ aws_sync_status: 'synced', aws_sync_fingerprint: `fp-${i}`, aws_last_sync_at: '2026-11-24T10:00:00.000Z' }),
				propertyValues: {},
			},
			{ items: items(150, (i) => ({ dealId: seeded.refs[`d${i}`].id })) },
		);
		expect(updated.out).toHaveLength(150);
		expect(sim.counters().byCategory['objects.batch.update']).toBe(2);
		expect(sim.counters().total).toBe(2);
		const d7 = stateDeals().find((d) => d.id === seeded.refs.d7.id);
		expect(d7?.properties).toMatchObject({ aws_sync_status: 'synced', aws_sync_fingerprint: 'fp-7' });
	});
});

describe('Deal > Update Properties with a deleted deal', () => {
	it('updates the deals that exist and reports the missing one on its own item', async () => {
		await ensureProperties();
		const seeded = sim.seed({ objects: { deals: [{ ref: 'a', properties: { dealname: 'A' } }, { ref: 'b', properties: { dealname: 'B' } }] } });
		const ids = [seeded.refs.a.id, '987654321', seeded.refs.b.id];
		const { out } = await run(
			{ resource: 'deal', operation: 'updateProperties', dealId: (_: number, j: IDataObject) => j.dealId, propertiesJson: { aws_sync_status: 'synced' }, propertyValues: {} },
			{ items: items(3, (i) => ({ dealId: ids[i] })), continueOnFail: true },
		);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.dealId).toBe(ids[0]);
		expect(String(out[1].json.error)).toContain('987654321');
		expect(out[2].json.dealId).toBe(ids[2]);
		expect(stateDeals().filter((d) => d.properties.aws_sync_status === 'synced')).toHaveLength(2);
	});
});

describe('Deal > Add Note and Create Task', () => {
	it('writes an escaped note on the deal (association 214)', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'N', hubspot_owner_id: '75480002' } }] } });
		const dealId = seeded.refs.d.id;
		const { out } = await run({
			resource: 'deal',
			operation: 'addNote',
			dealId,
			body: 'AWS asked: <b>more detail</b>\nPlease answer & resubmit.',
			options: {},
		});
		const noteId = String(out[0].json.noteId);
		const note = sim.state().objects.notes.find((n) => n.id === noteId);
		expect(note?.properties.hs_note_body).toBe('<p>AWS asked: &lt;b&gt;more detail&lt;/b&gt;<br>Please answer &amp; resubmit.</p>');
		expect(associationsOf('notes', noteId, 'deals')).toEqual([expect.objectContaining({ toId: dealId, typeIds: expect.arrayContaining([214]) })]);
	});

	it('gives the task to the deal owner with due date and priority (association 216)', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'T', hubspot_owner_id: '75480003' } }] } });
		const dealId = seeded.refs.d.id;
		const { out } = await run({
			resource: 'deal',
			operation: 'createTask',
			dealId,
			subject: 'Answer AWS review',
			body: 'See the note.',
			dueDate: '2026-12-01T09:00:00.000Z',
			priority: 'HIGH',
			options: {},
		});
		expect(out[0].json.ownerId).toBe('75480003');
		const task = sim.state().objects.tasks.find((t) => t.id === String(out[0].json.taskId));
		expect(task?.properties).toMatchObject({ hubspot_owner_id: '75480003', hs_task_priority: 'HIGH', hs_task_subject: 'Answer AWS review', hs_task_body: '<p>See the note.</p>' });
		expect(new Date(String(task?.properties.hs_timestamp)).toISOString()).toBe('2026-12-01T09:00:00.000Z');
		expect(associationsOf('tasks', String(out[0].json.taskId), 'deals')[0].typeIds).toContain(216);
	});
});

describe('Company and Contact > Create or Update', () => {
	it('dedups companies by domain and contacts by lowercased email, linking them to the deal', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'X' } }] } });
		const dealId = seeded.refs.d.id;
		const companyParams = { resource: 'company', operation: 'createOrUpdate', name: 'Acme', propertiesJson: {}, propertyValues: {}, dealId, primary: true };
		const first = await run({ ...companyParams, domain: 'https://www.Acme.com/about' });
		const second = await run({ ...companyParams, domain: 'acme.com', name: 'Acme Inc' });
		expect(first.out[0].json.created).toBe(true);
		expect(second.out[0].json).toMatchObject({ created: false, companyId: first.out[0].json.companyId });
		const companies = (sim.state().objects.companies ?? []).filter((c) => c.properties.domain === 'acme.com');
		expect(companies).toHaveLength(1);
		expect(companies[0].properties.name).toBe('Acme Inc');
		expect(associationsOf('deals', dealId, 'companies')[0].typeIds).toEqual(expect.arrayContaining([5, 341]));

		const contactParams = { resource: 'contact', operation: 'createOrUpdate', firstName: 'Pat', lastName: '', phone: '', jobTitle: 'CTO', propertiesJson: {}, propertyValues: {}, dealId };
		const c1 = await run({ ...contactParams, email: 'Pat.Lee@Acme.COM' });
		const c2 = await run({ ...contactParams, email: 'pat.lee@acme.com', lastName: 'Lee' });
		expect(c1.out[0].json.created).toBe(true);
		expect(c2.out[0].json).toMatchObject({ created: false, contactId: c1.out[0].json.contactId, email: 'pat.lee@acme.com' });
		const contacts = (sim.state().objects.contacts ?? []).filter((c) => c.properties.email === 'pat.lee@acme.com');
		expect(contacts).toHaveLength(1);
		expect(contacts[0].properties).toMatchObject({ firstname: 'Pat', lastname: 'Lee', jobtitle: 'CTO' });
		expect(associationsOf('deals', dealId, 'contacts')[0].typeIds).toContain(3);
	});
});

describe('Product and Line Item', () => {
	it('creates a product once per SKU and a line item on the deal', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'P' } }] } });
		const productParams = { resource: 'product', operation: 'create', name: 'Acme Analytics (AWS Marketplace)', sku: 'prod-abc123', price: 99, productDescription: '', propertiesJson: {}, propertyValues: {} };
		const p1 = await run(productParams);
		const p2 = await run(productParams);
		expect(p1.out[0].json.created).toBe(true);
		expect(p2.out[0].json).toMatchObject({ created: false, productId: p1.out[0].json.productId });
		const li = await run({
			resource: 'lineItem',
			operation: 'create',
			dealId: seeded.refs.d.id,
			name: 'Acme Analytics',
			productId: p1.out[0].json.productId,
			quantity: 2,
			price: 99,
			propertiesJson: {},
			propertyValues: {},
		});
		const lineItemId = String(li.out[0].json.lineItemId);
		expect(associationsOf('line_items', lineItemId, 'deals')[0]).toMatchObject({ toId: seeded.refs.d.id });
	});
});

describe('Pipeline and Owner', () => {
	it('lists stages and finds owners by id and email', async () => {
		const stages = await run({ resource: 'pipeline', operation: 'getStages', pipelineId: '' });
		expect(stages.out.map((s) => s.json.stageId)).toEqual(expect.arrayContaining(['appointmentscheduled', 'closedwon']));
		const closedWon = stages.out.find((s) => s.json.stageId === 'closedwon');
		expect(closedWon?.json.isClosed).toBe(true);
		const byId = await run({ resource: 'owner', operation: 'get', by: 'id', ownerId: '75480002' });
		expect(byId.out[0].json.email).toBe('priya.nair@example.com');
		const byEmail = await run({ resource: 'owner', operation: 'get', by: 'email', email: 'SAM.okafor@example.com' });
		expect(byEmail.out[0].json.id).toBe('75480003');
	});
});

describe('rate limits and errors', () => {
	it('waits out a 429 with Retry-After from HubSpot and completes', async () => {
		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'R' } }] } });
		sim.addFault({ kind: 'rateLimit', path: '/crm/v3/objects/deals/batch/read', count: 1, policy: 'TEN_SECONDLY_ROLLING', retryAfter: 1 });
		const started = Date.now();
		const { out, ctx } = await run({ resource: 'deal', operation: 'getBundles', dealId: seeded.refs.d.id, options: {} });
		expect(out[0].json.dealId).toBe(seeded.refs.d.id);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(ctx.calls.filter((c) => c.path.endsWith('/deals/batch/read')).map((c) => c.status)).toEqual([429, 200]);
	});

	it('shows HubSpot\'s missing-scope message and the field errors of a rejected write', async () => {
		sim.addToken('contacts-only', ['crm.objects.contacts.read']);
		const scopes = await run({ resource: 'pipeline', operation: 'getStages', pipelineId: '' }, { token: 'contacts-only' }).catch((e) => e);
		expect(scopes).toBeInstanceOf(NodeApiError);
		expect(scopes.httpCode).toBe('403');
		expect(scopes.message).toMatch(/^HubSpot: /);
		expect(scopes.description).toContain('MISSING_SCOPES');

		const seeded = sim.seed({ objects: { deals: [{ ref: 'd', properties: { dealname: 'E' } }] } });
		const invalid = await run(
			{ resource: 'deal', operation: 'updateProperties', dealId: seeded.refs.d.id, propertiesJson: { not_a_property: 'x' }, propertyValues: {} },
			{ continueOnFail: true },
		);
		expect(invalid.out[0].pairedItem).toEqual({ item: 0 });
		expect(String(invalid.out[0].json.error)).toMatch(/^HubSpot: /);
		expect(String(invalid.out[0].json.errorDescription)).toContain('not_a_property');
		expect(invalid.out[0].json.hubspot).toMatchObject({ category: 'VALIDATION_ERROR' });
	});

	it('reports a wrong token as an authentication problem', async () => {
		const error = await run({ resource: 'owner', operation: 'get', by: 'id', ownerId: '1' }, { token: 'wrong' }).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.description).toContain('access token');
	});
});
