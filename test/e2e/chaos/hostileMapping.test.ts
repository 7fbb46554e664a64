/**
 * Hostile strings in deal, company and contact fields (issue 9): the mapper never throws, and whatever it calls valid
 * is a request Partner Central's own model accepts (the simulator's model-derived validation). Invalid deals end as
 * problems (the template's "Invalid Deal" branch: a note and no write), never as a request AWS would refuse.
 */
import fc from 'fast-check';

import { DEFAULT_MAPPER_CONFIG, dealToOpportunity, type DealBundle } from '../../../nodes/shared/mapping';
import { validateRequest } from '../../simulators/partnerCentral/validation';
import { HOSTILE_STRINGS } from './hostileStrings';

const hostile = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 400, unit: 'grapheme' }) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 100, unit: 'binary' }) },
);

/** A deal that maps to a valid opportunity, so each hostile field is tested on an otherwise good deal. */
function goodBundle(): DealBundle {
	return {
		dealId: '901',
		deal: {
			id: '901',
			properties: {
				dealname: '#AWS Contoso data platform',
				dealstage: 'qualifiedtobuy',
				pipeline: 'default',
				amount: '120000',
				closedate: '2027-06-30',
				description: 'Contoso moves its reporting warehouse and nightly batch jobs to a managed analytics platform on AWS.',
				aws_use_case: 'Migration / Database Migration',
				aws_delivery_models: 'Professional Services',
			},
		},
		primaryCompany: {
			id: '801',
			properties: {
				name: 'Contoso',
				domain: 'contoso.example',
				country: 'United States',
				state: 'Washington',
				city: 'Seattle',
				zip: '98101',
				address: '1 Main St',
				industry: 'COMPUTER_SOFTWARE',
			},
		},
		companies: [],
		contacts: [{ id: '701', properties: { firstname: 'Casey', lastname: 'Buyer', email: 'casey@contoso.example', phone: '+1 206 555 0100', jobtitle: 'CTO' } }],
	};
}

const FIELDS: Array<['deal' | 'company' | 'contact', string]> = [
	['deal', 'dealname'],
	['deal', 'description'],
	['deal', 'amount'],
	['deal', 'closedate'],
	['deal', 'dealstage'],
	['deal', 'aws_use_case'],
	['deal', 'aws_delivery_models'],
	['deal', 'aws_industry'],
	['deal', 'aws_solution_ids'],
	['deal', 'aws_expected_spend'],
	['deal', 'aws_competitor'],
	['company', 'name'],
	['company', 'domain'],
	['company', 'website'],
	['company', 'country'],
	['company', 'state'],
	['company', 'city'],
	['company', 'zip'],
	['company', 'address'],
	['company', 'industry'],
	['contact', 'firstname'],
	['contact', 'lastname'],
	['contact', 'email'],
	['contact', 'phone'],
	['contact', 'jobtitle'],
];

function withValues(values: Array<[number, string]>): DealBundle {
	const b = goodBundle();
	for (const [index, value] of values) {
		const [where, prop] = FIELDS[index % FIELDS.length];
		const target = where === 'deal' ? b.deal : where === 'company' ? b.primaryCompany! : b.contacts![0];
		target.properties[prop] = value;
	}
	b.companies = [b.primaryCompany!];
	return b;
}

describe('hostile strings through the deal-to-opportunity mapper', () => {
	it('the unchanged deal is valid and accepted by the Partner Central model (the baseline of the properties below)', () => {
		const out = dealToOpportunity({ ...goodBundle(), companies: [goodBundle().primaryCompany!] }, DEFAULT_MAPPER_CONFIG, { now: new Date('2026-11-24T00:00:00Z') });
		expect(out.errors).toEqual([]);
		expect(out.valid).toBe(true);
		expect(validateRequest('CreateOpportunity', { Catalog: 'Sandbox', ...out.request })).toEqual([]);
	});

	it('never throws; a valid outcome is a request the Partner Central model accepts; an invalid one names its problems', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 4 }), (values) => {
				const out = dealToOpportunity(withValues(values), DEFAULT_MAPPER_CONFIG, { now: new Date('2026-11-24T00:00:00Z') });
				if (out.valid) {
					expect(validateRequest('CreateOpportunity', { Catalog: 'Sandbox', ...out.request })).toEqual([]);
					expect(out.request.ClientToken).toMatch(/^[\w-]+$/);
				} else {
					expect(out.errors.length).toBeGreaterThan(0);
					expect(out.summary).toBeTruthy();
				}
			}),
			{ numRuns: 400 },
		);
	});

	it('keeps injection-like text as plain data (no expression, script or template is evaluated)', () => {
		for (const s of ['{{ $env.N8N_ENCRYPTION_KEY }}', '${process.env.HOME}', '<script>alert(1)</script>', "'; DROP TABLE deals; --"]) {
			const b = goodBundle();
			b.deal.properties.description = `Contoso moves its reporting warehouse to AWS. ${s}`;
			b.companies = [b.primaryCompany!];
			const out = dealToOpportunity(b, DEFAULT_MAPPER_CONFIG, { now: new Date('2026-11-24T00:00:00Z') });
			const json = JSON.stringify(out.request);
			expect(json).not.toContain(process.env.HOME ?? '/root');
			expect(out.valid).toBe(true);
			expect(out.request.Project?.CustomerBusinessProblem).toContain(s);
		}
	});
});
