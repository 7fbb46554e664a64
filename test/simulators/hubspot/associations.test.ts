import type { HubSpotSimulator } from './index';
import { call, startForTest, type Json } from './testUtil';

let sim: HubSpotSimulator;
let deal: string;
let acme: string;
let globex: string;
let jane: string;

beforeAll(async () => {
	sim = await startForTest();
});
afterAll(async () => sim.close());
beforeEach(() => {
	sim.reset();
	const { refs } = sim.seed({
		objects: {
			deals: [{ ref: 'deal', properties: { dealname: 'D' } }],
			companies: [{ ref: 'acme', properties: { name: 'Acme' } }, { ref: 'globex', properties: { name: 'Globex' } }],
			contacts: [{ ref: 'jane', properties: { email: 'jane@acme.io' } }],
		},
	});
	[deal, acme, globex, jane] = ['deal', 'acme', 'globex', 'jane'].map((r) => refs[r].id);
});

const typesOf = (res: Json, id: string) => res.body.results.find((r: Json) => String(r.toObjectId) === id)?.associationTypes.map((t: Json) => t.typeId).sort((a: number, b: number) => a - b);

describe('associations v4 (hubspot.md 2.1 Associations v4)', () => {
	test('PUT default association creates the unlabeled type (deal->company 341) and the inverse (342)', async () => {
		const res = await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/default/companies/${acme}`);
		expect(res.status).toBe(200);
		expect(res.body.results[0]).toMatchObject({ fromObjectTypeId: '0-3', toObjectTypeId: '0-2', associationTypes: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }] });
		const inverse = await call(sim, 'GET', `/crm/v4/objects/companies/${acme}/associations/deals`);
		expect(typesOf(inverse, deal)).toEqual([342]);
	});

	test('labelled PUT with primary 5 adds the unlabeled type too; primary moves between companies', async () => {
		const body = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }];
		const first = await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/companies/${acme}`, body);
		expect(first.status).toBe(201);
		expect(first.body.labels).toEqual(['Primary']);
		await call(sim, 'PUT', `/crm/v4/objects/deal/${deal}/associations/0-2/${globex}`, body);
		const list = await call(sim, 'GET', `/crm/v4/objects/deals/${deal}/associations/companies`);
		expect(typesOf(list, acme)).toEqual([341]);
		expect(typesOf(list, globex)).toEqual([5, 341]);
	});

	test('a type id that does not fit the pair -> 400', async () => {
		const res = await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/contacts/${jane}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }]);
		expect(res.status).toBe(400);
		expect((await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/contacts/${jane}`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }])).status).toBe(201);
	});

	test('associations given at create time are honoured; v3 reads show them with HubSpot type names', async () => {
		const created = await call(sim, 'POST', '/crm/v3/objects/deals', {
			properties: { dealname: 'New' },
			associations: [
				{ to: { id: acme }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }] },
				{ to: { id: jane }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] },
			],
		});
		expect(created.status).toBe(201);
		const read = await call(sim, 'GET', `/crm/v3/objects/deals/${created.body.id}?associations=companies,contacts`);
		expect(read.body.associations.companies.results).toEqual([
			{ id: acme, type: 'deal_to_company' },
			{ id: acme, type: 'deal_to_company_unlabeled' },
		]);
		expect(read.body.associations.contacts.results).toEqual([{ id: jane, type: 'deal_to_contact' }]);
		const missing = await call(sim, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'X' }, associations: [{ to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }] }] });
		expect(missing.status).toBe(400);
	});

	test('batch read returns associations per id; ids without any -> 207 NO_ASSOCIATIONS_FOUND', async () => {
		await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/default/companies/${acme}`);
		const res = await call(sim, 'POST', '/crm/v4/associations/deals/companies/batch/read', { inputs: [{ id: deal }] });
		expect(res.status).toBe(200);
		expect(res.body.results[0]).toMatchObject({ from: { id: deal }, to: [{ toObjectId: Number(acme) }] });
		const partial = await call(sim, 'POST', '/crm/v4/associations/deals/companies/batch/read', { inputs: [{ id: deal }, { id: '77' }] });
		expect(partial.status).toBe(207);
		expect(partial.body.errors[0].subCategory).toBe('crm.associations.NO_ASSOCIATIONS_FOUND');
	});

	test('batch create and batch archive; > 100 inputs -> 400', async () => {
		const created = await call(sim, 'POST', '/crm/v4/associations/contacts/companies/batch/create', {
			inputs: [{ from: { id: jane }, to: { id: acme }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }] }],
		});
		expect(created.status).toBe(201);
		expect(created.body.results[0].labels).toEqual(['Primary']);
		const archived = await call(sim, 'POST', '/crm/v4/associations/contacts/companies/batch/archive', { inputs: [{ from: { id: jane }, to: [{ id: acme }] }] });
		expect(archived.status).toBe(204);
		expect((await call(sim, 'GET', `/crm/v4/objects/contacts/${jane}/associations/companies`)).body.results).toEqual([]);
		const tooMany = Array.from({ length: 101 }, () => ({ from: { id: jane }, to: { id: acme } }));
		expect((await call(sim, 'POST', '/crm/v4/associations/contacts/companies/batch/associate/default', { inputs: tooMany })).status).toBe(400);
	});

	test('DELETE removes the association both ways; archiving an object drops its associations', async () => {
		await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/default/companies/${acme}`);
		expect((await call(sim, 'DELETE', `/crm/v4/objects/deals/${deal}/associations/companies/${acme}`)).status).toBe(204);
		expect((await call(sim, 'GET', `/crm/v4/objects/companies/${acme}/associations/deals`)).body.results).toEqual([]);
		await call(sim, 'PUT', `/crm/v4/objects/deals/${deal}/associations/default/companies/${acme}`);
		await call(sim, 'DELETE', `/crm/v3/objects/companies/${acme}`);
		expect((await call(sim, 'GET', `/crm/v4/objects/deals/${deal}/associations/companies`)).body.results).toEqual([]);
	});
});
