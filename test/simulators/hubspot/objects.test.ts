import type { HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

let sim: HubSpotSimulator;
beforeAll(async () => {
	sim = await startForTest();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const deal = (properties: Record<string, unknown>) => call(sim, 'POST', '/crm/v3/objects/deals', { properties });

describe('CRM objects v3 (hubspot.md 2.1 Objects v3, 2.2 shapes)', () => {
	test('create answers 201 with string values and maintained hs_object_id/createdate/hs_lastmodifieddate (hubspot.md 2.2)', async () => {
		sim.clock.advance(0);
		const res = await deal({ dealname: 'Migration', amount: 1500.5, closedate: '2025-01-31' });
		expect(res.status).toBe(201);
		expect(res.body.properties).toMatchObject({ dealname: 'Migration', amount: '1500.5', closedate: '2025-01-31T00:00:00.000Z', hs_object_id: res.body.id });
		expect(res.body.properties.createdate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(res.body.properties.hs_lastmodifieddate).toBe(res.body.properties.createdate);
		expect(res.body.archived).toBe(false);
	});

	test('timestamps come from the SimClock (advance moves hs_lastmodifieddate)', async () => {
		const created = await deal({ dealname: 'A' });
		sim.clock.advance(3_600_000);
		const patched = await call(sim, 'PATCH', `/crm/v3/objects/deals/${created.body.id}`, { properties: { dealname: 'B' } });
		const diff = Date.parse(patched.body.properties.hs_lastmodifieddate) - Date.parse(created.body.properties.createdate);
		expect(diff).toBeGreaterThanOrEqual(3_600_000);
		expect(patched.body.properties.dealname).toBe('B');
	});

	test('deals by name and by type id 0-3 are the same store (hubspot.md short version)', async () => {
		const created = await deal({ dealname: 'Same' });
		const viaId = await call(sim, 'GET', `/crm/v3/objects/0-3/${created.body.id}?properties=dealname`);
		expect(viaId.body.properties.dealname).toBe('Same');
		const company = await call(sim, 'POST', '/crm/v3/objects/0-2', { properties: { name: 'Acme' } });
		expect((await call(sim, 'GET', `/crm/v3/objects/companies/${company.body.id}`)).body.properties.name).toBe('Acme');
	});

	test('get with properties returns requested ones (null when unset) plus the always-returned ones', async () => {
		const created = await deal({ dealname: 'X' });
		const res = await call(sim, 'GET', `/crm/v3/objects/deals/${created.body.id}?properties=dealname,description`);
		expect(Object.keys(res.body.properties).sort()).toEqual(['createdate', 'dealname', 'description', 'hs_lastmodifieddate', 'hs_object_id']);
		expect(res.body.properties.description).toBeNull();
	});

	test('get by idProperty on a unique property (contacts email) and 400 on a non-unique one (hubspot.md 2.1)', async () => {
		const c = await call(sim, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'Jane@Example.com', firstname: 'Jane' } });
		const byEmail = await call(sim, 'GET', '/crm/v3/objects/contacts/jane@example.com?idProperty=email');
		expect(byEmail.status).toBe(200);
		expect(byEmail.body.id).toBe(c.body.id);
		const bad = await call(sim, 'GET', '/crm/v3/objects/contacts/Jane?idProperty=firstname');
		expect(bad.status).toBe(400);
		expect(bad.body.category).toBe('VALIDATION_ERROR');
	});

	test('propertiesWithHistory lists every value newest first with its source (API, CRM_UI with the user id)', async () => {
		const created = await deal({ dealname: 'v1' });
		sim.ui.update('deals', created.body.id, { dealname: 'v2' }, 9100002);
		const res = await call(sim, 'GET', `/crm/v3/objects/deals/${created.body.id}?propertiesWithHistory=dealname`);
		expect(res.body.propertiesWithHistory.dealname).toEqual([
			expect.objectContaining({ value: 'v2', sourceType: 'CRM_UI', sourceId: 'userId:9100002', updatedByUserId: 9100002 }),
			expect.objectContaining({ value: 'v1', sourceType: 'API', sourceId: '1234567' }),
		]);
	});

	test('duplicate contact email -> 409 CONFLICT naming the existing id', async () => {
		const c = await call(sim, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'a@b.co' } });
		const dup = await call(sim, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'A@b.co' } });
		expect(dup.status).toBe(409);
		expect(dup.body).toMatchObject({ status: 'error', category: 'CONFLICT', message: `Contact already exists. Existing ID: ${c.body.id}` });
	});

	test('unknown property write -> 400 VALIDATION_ERROR "Property values were not valid" naming it (hubspot.md 4 error body)', async () => {
		const res = await deal({ dealname: 'X', not_a_property: '1' });
		expect(res.status).toBe(400);
		expect(res.body.category).toBe('VALIDATION_ERROR');
		expect(res.body.message).toMatch(/^Property values were not valid: \[/);
		expect(res.body.message).toContain('Property \\"not_a_property\\" does not exist');
		expect(res.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
		const list = JSON.parse(res.body.message.replace('Property values were not valid: ', ''));
		expect(list[0]).toMatchObject({ isValid: false, error: 'PROPERTY_DOESNT_EXIST', name: 'not_a_property' });
	});

	test('enumeration properties validate their options (company industry, deal stage per pipeline)', async () => {
		const ok = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'A', industry: 'HOSPITAL_HEALTH_CARE' } });
		expect(ok.status).toBe(201);
		const bad = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'A', industry: 'Healthcare' } });
		expect(bad.status).toBe(400);
		expect(bad.body.message).toContain('INVALID_OPTION');
		const wrongPipeline = await deal({ dealname: 'D', pipeline: '87654321', dealstage: 'closedwon' });
		expect(wrongPipeline.status).toBe(400);
		expect((await deal({ dealname: 'D', pipeline: '87654321', dealstage: '112233406' })).body.properties.pipeline).toBe('87654321');
	});

	test('number and read-only values are validated', async () => {
		expect((await deal({ dealname: 'D', amount: 'lots' })).status).toBe(400);
		const ro = await deal({ dealname: 'D', hs_lastmodifieddate: '2020-01-01' });
		expect(ro.status).toBe(400);
		expect(ro.body.message).toContain('READ_ONLY_VALUE');
	});

	test('notes need hs_timestamp; engagements are 0-46/0-27', async () => {
		expect((await call(sim, 'POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'x' } })).status).toBe(400);
		const note = await call(sim, 'POST', '/crm/v3/objects/0-46', { properties: { hs_note_body: 'x', hs_timestamp: '1700000000000' } });
		expect(note.status).toBe(201);
		const task = await call(sim, 'POST', '/crm/v3/objects/0-27', { properties: { hs_task_subject: 'Call', hs_timestamp: '2024-01-01T00:00:00Z', hs_task_status: 'NOT_STARTED' } });
		expect(task.status).toBe(201);
		expect((await call(sim, 'POST', '/crm/v3/objects/products', { properties: { name: 'P', price: '10' } })).status).toBe(201);
		expect((await call(sim, 'POST', '/crm/v3/objects/0-8', { properties: { name: 'L', quantity: '2' } })).status).toBe(201);
	});

	test('delete archives (204); get -> 404 OBJECT_NOT_FOUND; archived=true finds it', async () => {
		const created = await deal({ dealname: 'Gone' });
		expect((await call(sim, 'DELETE', `/crm/v3/objects/deals/${created.body.id}`)).status).toBe(204);
		const res = await call(sim, 'GET', `/crm/v3/objects/deals/${created.body.id}`);
		expect(res.status).toBe(404);
		expect(res.body.category).toBe('OBJECT_NOT_FOUND');
		const archived = await call(sim, 'GET', `/crm/v3/objects/deals/${created.body.id}?archived=true`);
		expect(archived.body.archived).toBe(true);
	});

	test('list pages with limit/after and paging.next.after', async () => {
		for (let i = 0; i < 5; i++) await deal({ dealname: `D${i}` });
		const first = await call(sim, 'GET', '/crm/v3/objects/deals?limit=2&properties=dealname');
		expect(first.body.results.map((r: Json) => r.properties.dealname)).toEqual(['D0', 'D1']);
		const second = await call(sim, 'GET', `/crm/v3/objects/deals?limit=2&after=${first.body.paging.next.after}&properties=dealname`);
		expect(second.body.results.map((r: Json) => r.properties.dealname)).toEqual(['D2', 'D3']);
		const last = await call(sim, 'GET', `/crm/v3/objects/deals?limit=2&after=${second.body.paging.next.after}`);
		expect(last.body.results).toHaveLength(1);
		expect(last.body.paging).toBeUndefined();
	});

	test('merge keeps the primary id, fills its empty properties, and the merged id resolves to it (hubspot.md 2.1 merge)', async () => {
		const a = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'A' } });
		const b = await call(sim, 'POST', '/crm/v3/objects/companies', { properties: { name: 'B', domain: 'b.com' } });
		const merged = await call(sim, 'POST', '/crm/v3/objects/companies/merge', { primaryObjectId: a.body.id, objectIdToMerge: b.body.id });
		expect(merged.status).toBe(200);
		expect(merged.body.properties).toMatchObject({ name: 'A', domain: 'b.com' });
		expect((await call(sim, 'GET', `/crm/v3/objects/companies/${b.body.id}`)).body.id).toBe(a.body.id);
	});
});

describe('batch endpoints (hubspot.md 2.1 batch, 2.4 batch inputs <= 100)', () => {
	test('batch/create 201 and batch/read 200; missing ids -> 207 with errors', async () => {
		const created = await call(sim, 'POST', '/crm/v3/objects/deals/batch/create', { inputs: [{ properties: { dealname: 'A' } }, { properties: { dealname: 'B' } }] });
		expect(created.status).toBe(201);
		expect(created.body.status).toBe('COMPLETE');
		const ids = created.body.results.map((r: Json) => r.id);
		const read = await call(sim, 'POST', '/crm/v3/objects/deals/batch/read', { inputs: ids.map((id: string) => ({ id })), properties: ['dealname'] });
		expect(read.status).toBe(200);
		expect(read.body.results.map((r: Json) => r.properties.dealname).sort()).toEqual(['A', 'B']);
		const partial = await call(sim, 'POST', '/crm/v3/objects/deals/batch/read', { inputs: [{ id: ids[0] }, { id: '999' }] });
		expect(partial.status).toBe(207);
		expect(partial.body.numErrors).toBe(1);
		expect(partial.body.errors[0]).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } });
	});

	test('more than 100 inputs -> 400 VALIDATION_ERROR, nothing written', async () => {
		const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { dealname: `D${i}` } }));
		const res = await call(sim, 'POST', '/crm/v3/objects/deals/batch/create', { inputs });
		expect(res.status).toBe(400);
		expect(res.body.category).toBe('VALIDATION_ERROR');
		expect(sim.state().objects.deals).toHaveLength(0);
		expect((await call(sim, 'POST', '/crm/v3/objects/deals/batch/create', { inputs: inputs.slice(0, 100) })).status).toBe(201);
	});

	test('an invalid input fails the whole create batch (400) unless every input has objectWriteTraceId (207) (hubspot.md 4)', async () => {
		const whole = await call(sim, 'POST', '/crm/v3/objects/deals/batch/create', { inputs: [{ properties: { dealname: 'ok' } }, { properties: { nope: '1' } }] });
		expect(whole.status).toBe(400);
		expect(sim.state().objects.deals).toHaveLength(0);
		const traced = await call(sim, 'POST', '/crm/v3/objects/deals/batch/create', {
			inputs: [{ objectWriteTraceId: 't1', properties: { dealname: 'ok' } }, { objectWriteTraceId: 't2', properties: { nope: '1' } }],
		});
		expect(traced.status).toBe(207);
		expect(traced.body.results).toHaveLength(1);
		expect(traced.body.errors[0].context).toEqual({ objectWriteTraceId: ['t2'] });
	});

	test('batch/update updates; duplicate ids -> 400; unknown ids -> 207', async () => {
		const a = await deal({ dealname: 'A' });
		const ok = await call(sim, 'POST', '/crm/v3/objects/deals/batch/update', { inputs: [{ id: a.body.id, properties: { amount: '5' } }] });
		expect(ok.status).toBe(200);
		expect(ok.body.results[0].properties.amount).toBe('5');
		const dup = await call(sim, 'POST', '/crm/v3/objects/deals/batch/update', { inputs: [{ id: a.body.id, properties: {} }, { id: a.body.id, properties: {} }] });
		expect(dup.status).toBe(400);
		expect(dup.body.message).toContain('Duplicate IDs');
		const missing = await call(sim, 'POST', '/crm/v3/objects/deals/batch/update', { inputs: [{ id: a.body.id, properties: { amount: '6' } }, { id: '42', properties: { amount: '1' } }] });
		expect(missing.status).toBe(207);
		expect(missing.body.results).toHaveLength(1);
	});

	test('batch/upsert by a unique idProperty creates then updates (new true/false)', async () => {
		const first = await call(sim, 'POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ id: 'x@y.io', idProperty: 'email', properties: { firstname: 'X' } }] });
		expect(first.status).toBe(200);
		expect(first.body.results[0]).toMatchObject({ new: true });
		const second = await call(sim, 'POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ id: 'x@y.io', idProperty: 'email', properties: { firstname: 'Y' } }] });
		expect(second.body.results[0]).toMatchObject({ new: false, id: first.body.results[0].id, properties: { email: 'x@y.io', firstname: 'Y' } });
		const notUnique = await call(sim, 'POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [{ id: 'X', idProperty: 'firstname', properties: {} }] });
		expect(notUnique.status).toBe(400);
	});

	test('batch/archive answers 204', async () => {
		const a = await deal({ dealname: 'A' });
		expect((await call(sim, 'POST', '/crm/v3/objects/deals/batch/archive', { inputs: [{ id: a.body.id }, { id: '1' }] })).status).toBe(204);
		expect(sim.state().objects.deals[0].archived).toBe(true);
	});
});
