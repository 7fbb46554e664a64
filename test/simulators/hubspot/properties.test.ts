import { INDUSTRY_OPTIONS, type HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

let sim: HubSpotSimulator;
beforeAll(async () => {
	sim = await startForTest();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const definition = { name: 'aws_opportunity_id', label: 'AWS opportunity ID', type: 'string', fieldType: 'text', groupName: 'dealinformation' };

describe('properties API (hubspot.md 2.1 Properties)', () => {
	test('company industry is an enumeration with the 147 LinkedIn-style options (hubspot.md short version)', async () => {
		const res = await call(sim, 'GET', '/crm/v3/properties/companies/industry');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ name: 'industry', type: 'enumeration', fieldType: 'select' });
		expect(res.body.options).toHaveLength(147);
		expect(INDUSTRY_OPTIONS).toHaveLength(147);
		expect(res.body.options.map((o: Json) => o.value)).toEqual(expect.arrayContaining(['INFORMATION_TECHNOLOGY_AND_SERVICES', 'HOSPITAL_HEALTH_CARE', 'OIL_ENERGY', 'COMPUTER_SOFTWARE']));
	});

	test('default deal properties are seeded; dealstage options come from the pipelines', async () => {
		const res = await call(sim, 'GET', '/crm/v3/properties/deals');
		const names = res.body.results.map((p: Json) => p.name);
		expect(names).toEqual(expect.arrayContaining(['dealname', 'amount', 'dealstage', 'pipeline', 'closedate', 'description', 'hubspot_owner_id', 'deal_currency_code', 'closed_lost_reason', 'hs_lastmodifieddate']));
		const stage = res.body.results.find((p: Json) => p.name === 'dealstage');
		expect(stage.options.map((o: Json) => o.value)).toEqual(expect.arrayContaining(['appointmentscheduled', 'closedwon', '112233401']));
		expect((await call(sim, 'GET', '/crm/v3/properties/contacts/email')).body.hasUniqueValue).toBe(true);
	});

	test('create 201; creating the same name again -> 409 with HubSpot error body', async () => {
		const created = await call(sim, 'POST', '/crm/v3/properties/deals', definition);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'aws_opportunity_id', hubspotDefined: false });
		const dup = await call(sim, 'POST', '/crm/v3/properties/deals', definition);
		expect(dup.status).toBe(409);
		expect(dup.body).toMatchObject({ status: 'error', message: 'Property already exists', category: 'OBJECT_ALREADY_EXISTS' });
		expect(dup.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
		const deal = await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D', aws_opportunity_id: 'O123' } });
		expect(deal.status).toBe(201);
	});

	test('invalid definitions -> 400 (missing group, enumeration without options, bad fieldType)', async () => {
		expect((await call(sim, 'POST', '/crm/v3/properties/deals', { ...definition, groupName: 'nope' })).status).toBe(400);
		expect((await call(sim, 'POST', '/crm/v3/properties/deals', { ...definition, type: 'enumeration', fieldType: 'select' })).status).toBe(400);
		expect((await call(sim, 'POST', '/crm/v3/properties/deals', { ...definition, type: 'number', fieldType: 'select' })).status).toBe(400);
	});

	test('unknown property by name -> 404', async () => {
		const res = await call(sim, 'GET', '/crm/v3/properties/deals/aws_nope');
		expect(res.status).toBe(404);
		expect(res.body.category).toBe('OBJECT_NOT_FOUND');
	});

	test('PATCH adds options to a custom enumeration; the new option becomes writable', async () => {
		await call(sim, 'POST', '/crm/v3/properties/deals', { ...definition, name: 'aws_x', type: 'enumeration', fieldType: 'select', options: [{ label: 'A', value: 'a' }] });
		expect((await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { aws_x: 'b' } })).status).toBe(400);
		const patched = await call(sim, 'PATCH', '/crm/v3/properties/deals/aws_x', { options: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] });
		expect(patched.status).toBe(200);
		expect((await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { aws_x: 'b' } })).status).toBe(201);
	});

	test('property groups: list, create 201, duplicate 409', async () => {
		const created = await call(sim, 'POST', '/crm/v3/properties/deals/groups', { name: 'aws_partner_central', label: 'AWS Partner Central' });
		expect(created.status).toBe(201);
		const dup = await call(sim, 'POST', '/crm/v3/properties/deals/groups', { name: 'aws_partner_central', label: 'AWS Partner Central' });
		expect(dup.status).toBe(409);
		expect(dup.body.category).toBe('OBJECT_ALREADY_EXISTS');
		const list = await call(sim, 'GET', '/crm/v3/properties/deals/groups');
		expect(list.body.results.map((g: Json) => g.name)).toContain('aws_partner_central');
	});

	test('batch/create of properties: existing ones -> 207 with errors', async () => {
		await call(sim, 'POST', '/crm/v3/properties/deals', definition);
		const res = await call(sim, 'POST', '/crm/v3/properties/deals/batch/create', { inputs: [definition, { ...definition, name: 'aws_other' }] });
		expect(res.status).toBe(207);
		expect(res.body.results).toHaveLength(1);
		expect(res.body.errors[0].category).toBe('OBJECT_ALREADY_EXISTS');
	});
});

describe('pipelines and owners (hubspot.md 2.1 Pipelines)', () => {
	test('default pipeline has the standard stage ids; the custom pipeline has numeric stage ids', async () => {
		const res = await call(sim, 'GET', '/crm/v3/pipelines/deals');
		const byId = Object.fromEntries(res.body.results.map((p: Json) => [p.id, p]));
		expect(byId.default.stages.map((s: Json) => s.id)).toEqual(['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost']);
		const custom = res.body.results.find((p: Json) => p.id !== 'default');
		expect(custom.stages.every((s: Json) => /^\d+$/.test(s.id))).toBe(true);
	});

	test('owners list and owner ids validate hubspot_owner_id', async () => {
		const owners = await call(sim, 'GET', '/crm/v3/owners');
		expect(owners.body.results.length).toBeGreaterThanOrEqual(3);
		const ownerId = owners.body.results[0].id;
		expect((await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D', hubspot_owner_id: ownerId } })).status).toBe(201);
		expect((await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D', hubspot_owner_id: '1' } })).status).toBe(400);
		expect((await call(sim, 'GET', `/crm/v3/owners?email=${owners.body.results[1].email}`)).body.results).toHaveLength(1);
	});
});
