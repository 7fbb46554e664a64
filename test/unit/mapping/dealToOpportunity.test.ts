import { dealToOpportunity, renderNote, type Problem } from '../../../nodes/shared/mapping';

import { NOW, testConfig, validBundle } from './helpers/fixtures';
import { checkInput, withModel } from './helpers/modelChecker';

const config = testConfig();

function codesOf(problems: Problem[], severity: 'error' | 'warning' = 'error'): string[] {
	return problems.filter((p) => p.severity === severity).map((p) => `${p.field}:${p.code}`);
}

describe('deal to new opportunity', () => {
	it('maps a complete deal to a complete CreateOpportunity request', () => {
		const r = dealToOpportunity(validBundle(), config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.problems).toEqual([]);
		expect(r.noteBody).toBe('');
		expect(r.request).toMatchObject({
			Catalog: 'Sandbox',
			Origin: 'Partner Referral',
			OpportunityType: 'Net New Business',
			NationalSecurity: 'No',
			PartnerOpportunityIdentifier: 'HUBSPOT-1234',
			PrimaryNeedsFromAws: ['Co-Sell - Deal Support'],
			Customer: {
				Account: {
					CompanyName: 'Acme Corp',
					WebsiteUrl: 'https://acme.com',
					Industry: 'Software and Internet',
					Address: { CountryCode: 'US', StateOrRegion: 'Washington', City: 'Seattle', PostalCode: '98101' },
				},
				Contacts: [{ Email: 'jane.doe@acme.com', FirstName: 'Jane', LastName: 'Doe', BusinessTitle: 'CTO', Phone: '+12065550100' }],
			},
			Project: {
				Title: 'Acme Cloud Migration',
				CustomerBusinessProblem: 'Acme must leave its data center by Q2 and move 200 VMs to AWS.',
				ExpectedCustomerSpend: [{ Amount: '10000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
				DeliveryModels: ['SaaS or PaaS'],
				SalesActivities: ['Initialized discussions with customer'],
				CustomerUseCase: 'Migration/Database Migration',
			},
			LifeCycle: { Stage: 'Qualified', TargetCloseDate: '2027-03-31' },
			Marketing: { Source: 'None' },
		});
		expect(r.request.ClientToken).toMatch(/^[0-9a-f]{64}$/u);
		expect(r.fingerprints.outbound).toMatch(/^[0-9a-f]{16}$/u);
		const model = withModel('example request against the model');
		if (model) expect(checkInput(model, 'CreateOpportunity', r.request)).toEqual([]);
	});

	it('gives the same ClientToken for the same deal and a new one when the body changes', () => {
		const a = dealToOpportunity(validBundle(), config, { now: NOW });
		const b = dealToOpportunity(validBundle(), config, { now: new Date('2026-12-01T00:00:00Z') });
		const c = dealToOpportunity(validBundle({ deal: { amount: '240000' } }), config, { now: NOW });
		expect(a.request.ClientToken).toBe(b.request.ClientToken);
		expect(c.request.ClientToken).not.toBe(a.request.ClientToken);
	});

	it('leaves Catalog to the credential by default', () => {
		const r = dealToOpportunity(validBundle(), testConfig({ catalog: '' }), { now: NOW });
		expect(r.request.Catalog).toBeUndefined();
	});

	// One row per rule: input change -> the problem it must raise (field:code).
	it.each<[string, Parameters<typeof validBundle>[0], string[]]>([
		['no company', { company: null }, ['Customer.Account.CompanyName:missing', 'Customer.Account.Industry:missing', 'Customer.Account.WebsiteUrl:missing', 'Customer.Account.Address.CountryCode:missing']],
		['company without name', { company: { name: '' } }, ['Customer.Account.CompanyName:missing']],
		['no website', { company: { domain: '', website: '' } }, ['Customer.Account.WebsiteUrl:missing']],
		['bad website', { company: { website: 'not a site' } }, ['Customer.Account.WebsiteUrl:invalid_value']],
		['no industry', { company: { industry: '' } }, ['Customer.Account.Industry:missing']],
		['no country', { company: { country: '' } }, ['Customer.Account.Address.CountryCode:missing']],
		['unknown country (never guessed as US)', { company: { country: 'Narnia' } }, ['Customer.Account.Address.CountryCode:invalid_value']],
		['US without state', { company: { state: '' } }, ['Customer.Account.Address.StateOrRegion:missing']],
		['US with unknown state', { company: { state: 'Ontario' } }, ['Customer.Account.Address.StateOrRegion:invalid_value']],
		['no postal code', { company: { zip: '' } }, ['Customer.Account.Address.PostalCode:missing']],
		['postal code too long', { company: { zip: '1'.repeat(21) } }, ['Customer.Account.Address.PostalCode:too_long']],
		['empty title after tag', { deal: { dealname: '#AWS' } }, ['Project.Title:missing']],
		['no description', { deal: { description: '' } }, ['Project.CustomerBusinessProblem:missing']],
		['short description', { deal: { description: 'Needs cloud' } }, ['Project.CustomerBusinessProblem:too_short']],
		['close date in the past', { deal: { closedate: '2026-11-23' } }, ['LifeCycle.TargetCloseDate:in_past']],
		['no close date', { deal: { closedate: '' } }, ['LifeCycle.TargetCloseDate:missing']],
		['bad close date', { deal: { closedate: 'soon' } }, ['LifeCycle.TargetCloseDate:invalid_value']],
		['no amount', { deal: { amount: '' } }, ['Project.ExpectedCustomerSpend.Amount:missing']],
		['zero amount', { deal: { amount: '0' } }, ['Project.ExpectedCustomerSpend.Amount:out_of_range']],
		['GBP deal', { deal: { deal_currency_code: 'GBP' } }, ['Project.ExpectedCustomerSpend.CurrencyCode:unsupported_currency']],
		['unmapped stage', { deal: { dealstage: '12345' } }, ['LifeCycle.Stage:unmapped_stage']],
		['unmapped pipeline', { deal: { pipeline: '999' } }, ['LifeCycle.Stage:unmapped_pipeline']],
		['closed lost without reason', { deal: { dealstage: 'closedlost', closed_lost_reason: '' } }, ['LifeCycle.ClosedLostReason:missing']],
		['bad delivery model', { deal: { aws_delivery_models: 'Magic' } }, ['Project.DeliveryModels:invalid_value']],
		['bad primary need', { deal: { aws_primary_needs: 'Money' } }, ['PrimaryNeedsFromAws:invalid_value']],
		['bad use case', { deal: { aws_use_case: 'Crypto mining' } }, ['Project.CustomerUseCase:invalid_value']],
		['bad opportunity type', { deal: { aws_opportunity_type: 'Upsell' } }, ['OpportunityType:invalid_value']],
		['national security without Government', { deal: { aws_national_security: 'Yes' } }, ['NationalSecurity:invalid_value']],
		['flat renewal without previous opportunity', { deal: { aws_opportunity_type: 'Flat Renewal' } }, ['Project.RelatedOpportunityIdentifier:missing']],
	])('%s', (_name, change, expected) => {
		const r = dealToOpportunity(validBundle(change), config, { now: NOW });
		expect(r.valid).toBe(false);
		expect(codesOf(r.problems)).toEqual(expected);
		expect(r.noteBody).toContain('This deal was not sent to AWS Partner Central');
		for (const p of r.errors) expect(p.message.length).toBeGreaterThan(15);
	});

	it('requires delivery models, use case and sales activities when no default is configured', () => {
		const bare = testConfig({ defaults: { ...testConfig().defaults, deliveryModels: [], customerUseCase: '', salesActivities: [] } });
		const r = dealToOpportunity(validBundle(), bare, { now: NOW });
		expect(codesOf(r.problems)).toEqual(['Project.DeliveryModels:missing', 'Project.SalesActivities:missing', 'Project.CustomerUseCase:missing']);
		expect(r.errors[0].hubspotField).toBe('deal.aws_delivery_models');
	});

	it.each<[string, Parameters<typeof validBundle>[0], string[]]>([
		['long title', { deal: { dealname: `${'T'.repeat(300)} #AWS` } }, ['Project.Title:truncated']],
		['long description', { deal: { description: 'x'.repeat(2500) } }, ['Project.CustomerBusinessProblem:truncated']],
		['unknown industry', { company: { industry: 'Space Tourism' } }, ['Customer.Account.Industry:fallback']],
		['bad contact email', { contacts: [{ firstname: 'A', email: 'nope' }] }, ['Customer.Contacts[0].Email:invalid_value']],
		['bad contact phone', { contacts: [{ firstname: 'A', phone: '12' }] }, ['Customer.Contacts[0].Phone:invalid_value']],
		['unmatched closed lost text', { deal: { dealstage: 'closedlost', closed_lost_reason: 'Licensing' } }, ['LifeCycle.ClosedLostReason:fallback']],
		['bad solution id', { deal: { aws_solution_ids: 'S-123; bogus' } }, ['RelatedEntityIdentifiers.Solutions:invalid_value']],
	])('warns (still valid): %s', (_name, change, expected) => {
		const r = dealToOpportunity(validBundle(change), config, { now: NOW });
		expect(codesOf(r.problems)).toEqual([]);
		expect(r.valid).toBe(true);
		expect(codesOf(r.problems, 'warning')).toEqual(expected);
		expect(r.noteBody).toContain('Remarks');
	});

	it('cuts long values to the limits', () => {
		const r = dealToOpportunity(validBundle({ deal: { dealname: `${'T'.repeat(300)} #AWS`, description: 'x'.repeat(2500) } }), config, { now: NOW });
		expect(r.request.Project?.Title).toHaveLength(255);
		expect(r.request.Project?.CustomerBusinessProblem).toHaveLength(2000);
	});

	it('fills a short business problem from a configured template', () => {
		const c = testConfig({ businessProblemTemplate: '{{company}} wants help with: {{dealname}}. {{description}}' });
		const r = dealToOpportunity(validBundle({ deal: { description: 'Migration' } }), c, { now: NOW });
		expect(r.request.Project?.CustomerBusinessProblem).toBe('Acme Corp wants help with: Acme Cloud Migration. Migration');
		expect(codesOf(r.problems, 'warning')).toEqual(['Project.CustomerBusinessProblem:templated']);
	});

	it('applies deal-level overrides', () => {
		const r = dealToOpportunity(
			validBundle({
				deal: {
					aws_delivery_models: 'resell; Managed Services',
					aws_primary_needs: 'Co-Sell - Pricing Assistance',
					aws_sales_activities: 'Conducted POC / Demo',
					aws_use_case: 'SAP',
					aws_opportunity_type: 'Expansion',
					aws_industry: 'GOVERNMENT_ADMINISTRATION',
					aws_national_security: 'Yes',
					aws_expected_spend: '2500.5',
					aws_competitor: 'Microsoft Azure',
				},
			}),
			config,
			{ now: NOW },
		);
		expect(r.errors).toEqual([]);
		expect(r.request.Project).toMatchObject({
			DeliveryModels: ['Resell', 'Managed Services'],
			SalesActivities: ['Conducted POC / Demo'],
			CustomerUseCase: 'SAP',
			CompetitorName: 'Microsoft Azure',
			ExpectedCustomerSpend: [{ Amount: '2500.5' }],
		});
		expect(r.request).toMatchObject({ PrimaryNeedsFromAws: ['Co-Sell - Pricing Assistance'], OpportunityType: 'Expansion', NationalSecurity: 'Yes' });
		expect(r.request.Customer?.Account?.Industry).toBe('Government');
	});

	it('puts an unknown competitor into OtherCompetitorNames', () => {
		const r = dealToOpportunity(validBundle({ deal: { aws_competitor: 'Hetzner' } }), config, { now: NOW });
		expect(r.request.Project).toMatchObject({ CompetitorName: '*Other', OtherCompetitorNames: 'Hetzner' });
	});

	it.each([
		['contractsent', 'Committed'],
		['closedwon', 'Launched'],
	])('starts a %s deal at Business Validation until a solution is associated', (dealstage, pending) => {
		const r = dealToOpportunity(validBundle({ deal: { dealstage, aws_solution_ids: 'S-1234567' } }), config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.request.LifeCycle?.Stage).toBe('Business Validation');
		expect(r.pendingStage).toBe(pending);
		expect(r.solutionIds).toEqual(['S-1234567']);
		expect(r.warnings.map((w) => w.code)).toEqual(['stage_after_solution']);
		const none = dealToOpportunity(validBundle({ deal: { dealstage } }), config, { now: NOW });
		expect(none.warnings[0].message).toContain("set the deal's AWS solution IDs");
		expect(dealToOpportunity(validBundle(), config, { now: NOW }).pendingStage).toBe('');
	});

	it('maps closed lost deals with an AWS reason', () => {
		const r = dealToOpportunity(validBundle({ deal: { dealstage: 'closedlost', closed_lost_reason: 'They picked Google Cloud' } }), config, { now: NOW });
		expect(r.request.LifeCycle).toMatchObject({ Stage: 'Closed Lost', ClosedLostReason: 'Lost to Competitor - Google' });
	});

	it('does not need a postal code where a country has none, nor a state outside the US', () => {
		const r = dealToOpportunity(validBundle({ company: { country: 'UAE', state: 'Dubai', zip: '' } }), config, { now: NOW });
		expect(r.errors).toEqual([]);
		expect(r.request.Customer?.Account?.Address).toEqual({ CountryCode: 'AE', City: 'Seattle' });
	});

	it('does not need a website for national security work', () => {
		const r = dealToOpportunity(
			validBundle({ company: { website: '', domain: '', industry: 'MILITARY' }, deal: { aws_national_security: 'Yes' } }),
			config,
			{ now: NOW },
		);
		expect(r.errors).toEqual([]);
	});

	it('never throws on garbage input', () => {
		for (const bad of [null, undefined, {}, { deal: null }, { dealId: 5, deal: { properties: null } }, 'text', 42]) {
			const r = dealToOpportunity(bad as never, config, { now: NOW });
			expect(r.valid).toBe(false);
			expect(r.errors.length).toBeGreaterThan(0);
		}
	});

	it('lists duplicate contacts once and lower-cases emails', () => {
		const r = dealToOpportunity(
			validBundle({ contacts: [{ email: 'A@x.com', firstname: 'A' }, { email: 'a@X.com', firstname: 'A2' }, { firstname: 'NoMail' }] }),
			config,
			{ now: NOW },
		);
		expect(r.request.Customer?.Contacts).toEqual([{ Email: 'a@x.com', FirstName: 'A' }, { FirstName: 'NoMail' }]);
	});
});

describe('problem notes', () => {
	it('renders errors then warnings as escaped HTML with field paths', () => {
		const html = renderNote('Not sent', [
			{ severity: 'warning', field: 'Project.Title', code: 'truncated', message: 'Title <cut>' },
			{ severity: 'error', field: 'Customer.Account.WebsiteUrl', hubspotField: 'company.website', code: 'missing', message: 'No website & no domain' },
		]);
		expect(html).toBe(
			'<p><strong>Not sent</strong></p><p>Please fix this:</p><ul><li>No website &amp; no domain <small>(company.website → Customer.Account.WebsiteUrl)</small></li></ul>' +
				'<p>Also worth checking:</p><ul><li>Title &lt;cut&gt; <small>(Project.Title)</small></li></ul>',
		);
	});
	it('gives plain text and a one-line summary too', () => {
		const r = dealToOpportunity(validBundle({ company: { website: '', domain: '' }, deal: { description: 'short' } }), config, { now: NOW });
		expect(r.noteText.split('\n')).toHaveLength(2);
		expect(r.summary).toMatch(/\(and 1 more\)$/u);
	});
});
