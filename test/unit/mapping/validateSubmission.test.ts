import { dealToOpportunity, validateForSubmission, type Opportunity } from '../../../nodes/shared/mapping';

import { asOpportunity, NOW, testConfig, validBundle } from './helpers/fixtures';

const config = testConfig();

function opportunity(change: Partial<Opportunity> = {}, lifeCycle: Opportunity['LifeCycle'] = {}): Opportunity {
	const o = asOpportunity(dealToOpportunity(validBundle(), config, { now: NOW }).request, { RelatedEntityIdentifiers: { Solutions: ['S-1234567'] } });
	return { ...o, ...change, LifeCycle: { ...o.LifeCycle, ...lifeCycle } };
}

describe('validate for submission', () => {
	it('passes a complete opportunity with a solution', () => {
		const r = validateForSubmission(opportunity(), config, { now: NOW });
		expect(r.problems).toEqual([]);
		expect(r.valid).toBe(true);
		expect(r.solutionIds).toEqual(['S-1234567']);
	});

	it.each<[string, Partial<Opportunity>, Opportunity['LifeCycle'], string[]]>([
		['no solution', { RelatedEntityIdentifiers: {} }, {}, ['RelatedEntityIdentifiers.Solutions:missing']],
		['Prospect', {}, { Stage: 'Prospect' }, ['LifeCycle.Stage:invalid_state']],
		['Closed Lost', {}, { Stage: 'Closed Lost', ClosedLostReason: 'Price' }, ['LifeCycle.Stage:invalid_state']],
		['already submitted', {}, { ReviewStatus: 'Submitted' }, ['LifeCycle.ReviewStatus:invalid_state']],
		['close date in the past', {}, { TargetCloseDate: '2026-01-01' }, ['LifeCycle.TargetCloseDate:in_past']],
		['Other solution from Committed on', { RelatedEntityIdentifiers: { Solutions: ['Other'] } }, { Stage: 'Committed' }, ['RelatedEntityIdentifiers.Solutions:invalid_value']],
		['bad solution id', { RelatedEntityIdentifiers: { Solutions: ['X-1'] } }, {}, ['RelatedEntityIdentifiers.Solutions:invalid_value']],
		['too many solutions', { RelatedEntityIdentifiers: { Solutions: Array.from({ length: 11 }, (_, i) => `S-${i + 1}`) } }, {}, ['RelatedEntityIdentifiers.Solutions:too_many']],
		['EUR is fine, GBP is not', { Project: { ...opportunity().Project, ExpectedCustomerSpend: [{ Amount: '10', CurrencyCode: 'GBP', Frequency: 'Monthly', TargetCompany: 'AWS' }] } }, {}, ['Project.ExpectedCustomerSpend.CurrencyCode:unsupported_currency']],
		['three decimals', { Project: { ...opportunity().Project, ExpectedCustomerSpend: [{ Amount: '10.123', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }] } }, {}, ['Project.ExpectedCustomerSpend.Amount:invalid_value']],
		['short business problem', { Project: { ...opportunity().Project, CustomerBusinessProblem: 'Too short' } }, {}, ['Project.CustomerBusinessProblem:too_short']],
		['no delivery model', { Project: { ...opportunity().Project, DeliveryModels: [] } }, {}, ['Project.DeliveryModels:missing']],
		['national security outside Government', { NationalSecurity: 'Yes' }, {}, ['NationalSecurity:invalid_value']],
		['AWS Referral origin in the AWS catalog', { Origin: 'AWS Referral', Catalog: 'AWS' }, {}, ['Origin:invalid_value']],
		['unknown state name', { Customer: { ...opportunity().Customer, Account: { ...opportunity().Customer!.Account, Address: { CountryCode: 'US', PostalCode: '1', StateOrRegion: 'WA' } } } }, {}, ['Customer.Account.Address.StateOrRegion:invalid_value']],
		['marketing use cases without funding', { Marketing: { Source: 'Marketing Activity', AwsFundingUsed: 'No', UseCases: ['AI/ML'] } }, {}, ['Marketing.UseCases:invalid_value']],
		['competitor Other without names', { Project: { ...opportunity().Project, CompetitorName: '*Other' } }, {}, ['Project.OtherCompetitorNames:missing']],
		['USD in the European Sovereign Cloud', { Project: { ...opportunity().Project, AwsPartition: 'aws-eusc' } }, {}, ['Project.ExpectedCustomerSpend.CurrencyCode:unsupported_currency']],
		['upper-case e-mail', { Customer: { ...opportunity().Customer, Contacts: [{ Email: 'Jane@Acme.com' }] } }, {}, ['Customer.Contacts[0].Email:invalid_value']],
	])('%s', (_name, change, lifeCycle, expected) => {
		const r = validateForSubmission(opportunity(change, lifeCycle), config, { now: NOW });
		expect(r.valid).toBe(false);
		expect(r.errors.map((p) => `${p.field}:${p.code}`)).toEqual(expected);
	});

	it('counts solutions from the deal as to be associated', () => {
		const r = validateForSubmission(opportunity({ RelatedEntityIdentifiers: {} }), config, { now: NOW, solutions: ['S-7654321'] });
		expect(r.valid).toBe(true);
		expect(r.solutionIds).toEqual(['S-7654321']);
	});

	it('points the rep at the HubSpot field to fix', () => {
		const r = validateForSubmission(opportunity({ RelatedEntityIdentifiers: {} }), config, { now: NOW });
		expect(r.errors[0].hubspotField).toBe('deal.aws_solution_ids');
		expect(r.noteBody).toContain('not ready to submit');
	});
});
