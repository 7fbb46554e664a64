/**
 * Hostile strings in the values the HubSpot node searches by (issue 9: "unicode and injection-like strings in deal,
 * company and contact fields, including those used in HubSpot searches"): company dedup by domain (Company > Create
 * or Update), contact dedup by email (Contact > Create or Update) and deal lookup by AWS id (Deal > Find by AWS ID),
 * through the real node against the HubSpot simulator. Each value is either refused as an Invalid item with a clear
 * message (nothing written), or used as plain data: it never matches, changes or links a record whose key differs
 * (no wildcard, operator or list syntax reaches HubSpot's filter), and nothing throws anything but an n8n error.
 * Oversized values (70,000 characters) end the same way.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { normalizeDomain, normalizeEmail } from '../../../nodes/shared/hubspot/normalize';
import { awsDealPropertiesSeed } from '../harness/stack';
import { useHubSpotSimulator } from '../../unit/hubspot/helpers/nodeRun';
import { HOSTILE_STRINGS } from './hostileStrings';

jest.setTimeout(5 * 60 * 1000);

const runner = useHubSpotSimulator();

/** Search-syntax specific strings on top of the shared list: wildcards, lists, operators, near-misses of real keys. */
const SEARCH_STRINGS = [
	...HOSTILE_STRINGS,
	'acme.example OR 1=1',
	'*acme*',
	'acme.*',
	'acme.example,evil.example',
	'["acme.example"]',
	'acme.example\u0000',
	'ACME.EXAMPLE ',
	'ann@acme.example,bob@evil.example',
	'%@acme.example',
	'*@acme.example',
	'ANN@ACME.EXAMPLE',
	'O1234567 ',
	'O*',
	'O1234567,O7654321',
	'["O1234567"]',
	'O1234567\u200B',
	'engi-*',
];

const EXISTING = { domain: 'acme.example', email: 'ann@acme.example', opportunityId: 'O1234567', invitationId: 'engi-abcdef1234567' };

function seedWorld() {
	const sim = runner.sim();
	sim.seed(awsDealPropertiesSeed() as never);
	sim.seed({
		objects: {
			companies: [{ ref: 'co', properties: { name: 'Acme', domain: EXISTING.domain } }],
			contacts: [{ ref: 'ct', properties: { email: EXISTING.email, firstname: 'Ann', lastname: 'Original' } }],
			deals: [
				{
					ref: 'd',
					properties: { dealname: '#AWS Acme', aws_opportunity_id: EXISTING.opportunityId, aws_invitation_id: EXISTING.invitationId },
					associations: [{ to: 'co', primary: true }, { to: 'ct' }],
				},
			],
		},
	} as never);
}

type Obj = { id: string; properties: Record<string, string | null>; archived?: boolean };
function objects(type: string): Obj[] {
	return ((runner.sim().state().objects as unknown as Record<string, Obj[]>)[type] ?? []).filter((o) => !o.archived);
}

/** Runs one operation per value, items continue on fail; returns the outputs, and fails on any non-n8n throw. */
async function runEach(params: Record<string, unknown>, values: string[]): Promise<INodeExecutionData[]> {
	const items = values.map((v) => ({ json: { v } }));
	const { out } = await runner.run(
		Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p === '$v' ? (_i: number, json: { v?: unknown }) => json.v : p])),
		{ items, continueOnFail: true },
	);
	expect(out).toHaveLength(values.length);
	return out;
}

function variants(h: string, around: (h: string) => string[]): string[] {
	return [...new Set(around(h))];
}

const domainValues = SEARCH_STRINGS.flatMap((h) => variants(h, (x) => [x, `${x}.example`, `acme.example${x}`, `${x}acme.example`]));
const emailValues = SEARCH_STRINGS.flatMap((h) => variants(h, (x) => [x, `${x}@acme.example`, `ann@acme.example${x}`, `ann${x}@acme.example`]));
const awsIdValues = SEARCH_STRINGS.flatMap((h) => variants(h, (x) => [x, `O1234567${x}`, `${x}O1234567`]));

describe('hostile strings in HubSpot search keys (company domain, contact email, deal AWS id)', () => {
	beforeEach(() => seedWorld());

	it('company by domain: refused as invalid or used as data; Acme changes only for its own normalized domain', async () => {
		const out = await runEach({ resource: 'company', operation: 'createOrUpdate', domain: '$v', name: 'Hostile Co', propertiesJson: '{}', dealId: '', primary: true }, domainValues);
		const acme = objects('companies').find((c) => c.properties.domain === EXISTING.domain)!;
		let invalid = 0;
		for (const [i, item] of out.entries()) {
			const v = domainValues[i];
			const json = item.json as { error?: unknown; id?: string; companyId?: string; created?: boolean };
			if (json.error !== undefined) {
				invalid++;
				expect(String(json.error)).not.toMatch(/TypeError|undefined is not|Cannot read/);
				continue;
			}
			const id = String(json.companyId ?? json.id ?? '');
			if (normalizeDomain(v) === EXISTING.domain) expect(id).toBe(acme.id);
			else expect(id).not.toBe(acme.id);
		}
		// Every company holds a plain, plausible domain; Acme is still the only company with its domain.
		for (const c of objects('companies')) expect(String(c.properties.domain)).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
		expect(objects('companies').filter((c) => c.properties.domain === EXISTING.domain)).toHaveLength(1);
		console.log(`hostile domains: ${domainValues.length} values, ${invalid} refused as invalid, ${objects('companies').length - 1} companies created`);
		expect(invalid).toBeGreaterThan(0);
	});

	it('contact by email: refused as invalid or used as data; Ann changes only for her own normalized email', async () => {
		const out = await runEach({ resource: 'contact', operation: 'createOrUpdate', email: '$v', firstName: 'Hostile', lastName: '', phone: '', jobTitle: '', propertiesJson: '{}', dealId: '' }, emailValues);
		const ann = objects('contacts').find((c) => c.properties.email === EXISTING.email)!;
		let invalid = 0;
		for (const [i, item] of out.entries()) {
			const v = emailValues[i];
			const json = item.json as { error?: unknown; id?: string; contactId?: string };
			if (json.error !== undefined) {
				invalid++;
				expect(String(json.error)).not.toMatch(/TypeError|undefined is not|Cannot read/);
				continue;
			}
			const id = String(json.contactId ?? json.id ?? '');
			if (normalizeEmail(v) === EXISTING.email) expect(id).toBe(ann.id);
			else expect(id).not.toBe(ann.id);
		}
		expect(objects('contacts').filter((c) => String(c.properties.email).toLowerCase() === EXISTING.email)).toHaveLength(1);
		console.log(`hostile emails: ${emailValues.length} values, ${invalid} refused as invalid, ${objects('contacts').length - 1} contacts created`);
		expect(invalid).toBeGreaterThan(0);
	});

	it('deal by AWS opportunity or invitation id: found only for the exact id, never by pattern, list or near-miss', async () => {
		for (const idType of ['aws_opportunity_id', 'aws_invitation_id']) {
			const exact = idType === 'aws_opportunity_id' ? EXISTING.opportunityId : EXISTING.invitationId;
			const values = [...awsIdValues, exact];
			const out = await runEach({ resource: 'deal', operation: 'findByAwsId', idType, awsId: '$v', dealProperties: '' }, values);
			for (const [i, item] of out.entries()) {
				const json = item.json as { error?: unknown; found?: boolean };
				if (json.error !== undefined) {
					expect(String(json.error)).not.toMatch(/TypeError|undefined is not|Cannot read/);
					continue;
				}
				expect({ value: values[i], found: json.found }).toEqual({ value: values[i], found: values[i].trim() === exact });
			}
		}
		// Lookups write nothing.
		const writes = runner.sim().core.requests.filter((r) => r.method !== 'GET' && !/\/search$|\/batch\/read$/.test(r.path));
		expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
	});

	it('oversized keys (70,000 characters) end as invalid items or HubSpot 4xx errors, with nothing written', async () => {
		const big = 'a'.repeat(70_000);
		const before = { companies: objects('companies').length, contacts: objects('contacts').length };
		const results = [
			...(await runEach({ resource: 'company', operation: 'createOrUpdate', domain: '$v', name: 'Big', propertiesJson: '{}', dealId: '', primary: true }, [`${big}.example`, big])),
			...(await runEach({ resource: 'contact', operation: 'createOrUpdate', email: '$v', firstName: 'Big', lastName: '', phone: '', jobTitle: '', propertiesJson: '{}', dealId: '' }, [`${big}@acme.example`, big])),
			...(await runEach({ resource: 'deal', operation: 'findByAwsId', idType: 'aws_opportunity_id', awsId: '$v', dealProperties: '' }, [big])),
		];
		for (const r of results) {
			const json = r.json as { error?: unknown; found?: boolean };
			if (json.found === false) continue;
			if (json.error === undefined) console.log(`oversized passed: ${JSON.stringify(json).slice(0, 300)}`);
			expect(json.error).toBeDefined();
			expect(String(json.error)).not.toMatch(/TypeError|undefined is not|Cannot read/);
		}
		expect({ companies: objects('companies').length, contacts: objects('contacts').length }).toEqual(before);
	});
});
