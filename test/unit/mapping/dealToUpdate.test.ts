import { dealToOpportunity, dealToUpdate, type Opportunity } from '../../../nodes/shared/mapping';

import { asOpportunity, NOW, testConfig, validBundle } from './helpers/fixtures';
import { checkInput, withModel } from './helpers/modelChecker';

const config = testConfig();

function current(extra: Partial<Opportunity> = {}, change: Parameters<typeof validBundle>[0] = {}): Opportunity {
	const created = dealToOpportunity(validBundle(change), config, { now: NOW }).request;
	return asOpportunity(created, extra);
}

/** An opportunity with fields HubSpot does not own (AWS-side or set in the Partner Central UI). */
function richCurrent(lifeCycle: Opportunity['LifeCycle'] = {}): Opportunity {
	const o = current();
	return {
		...o,
		Customer: {
			Account: { ...o.Customer!.Account, Duns: '123456789', AwsAccountId: '123456789012' },
			Contacts: [...(o.Customer!.Contacts ?? []), { Email: 'cfo@acme.com', FirstName: 'Carl', LastName: 'Finance' }],
		},
		Project: {
			...o.Project,
			AdditionalComments: 'Added in the Partner Central UI',
			ApnPrograms: ['Migration Acceleration Program'],
			ExpectedCustomerSpend: [...(o.Project!.ExpectedCustomerSpend ?? []), { Amount: '500000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'Self' }],
			ExpectedContractDuration: { Term: 'Months', Value: '36' },
		},
		LifeCycle: { ...o.LifeCycle, NextSteps: 'Kick-off call', ReviewComments: 'n/a', NextStepsHistory: [{ Value: 'x', Time: '2026-01-01T00:00:00Z' }], ...lifeCycle },
		Marketing: { Source: 'Marketing Activity', CampaignName: 'Re:Invent', AwsFundingUsed: 'No' },
		OpportunityTeam: [{ Email: 'pam@partner.com', FirstName: 'Pam' }],
		RelatedEntityIdentifiers: { Solutions: ['S-1234567'] },
	};
}

describe('deal to opportunity update', () => {
	it('keeps current values, overlays mapped ones, carries LastModifiedDate and Identifier', () => {
		const cur = richCurrent();
		const r = dealToUpdate(validBundle({ deal: { amount: '240000', dealstage: 'presentationscheduled' } }), cur, config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.request).not.toBeNull();
		const req = r.request!;
		expect(req.Identifier).toBe('O1234567');
		expect(req.LastModifiedDate).toBe('2026-11-20T10:00:00.000Z');
		expect(req.Catalog).toBe('Sandbox');
		expect(req.LifeCycle).toEqual({ Stage: 'Technical Validation', TargetCloseDate: '2027-03-31', NextSteps: 'Kick-off call' });
		expect(req.Project?.ExpectedCustomerSpend).toEqual([
			{ Amount: '20000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
			{ Amount: '500000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'Self' },
		]);
		expect(req.Project).toMatchObject({ AdditionalComments: 'Added in the Partner Central UI', ApnPrograms: ['Migration Acceleration Program'], ExpectedContractDuration: { Term: 'Months', Value: '36' } });
		expect(req.Customer?.Account).toMatchObject({ Duns: '123456789', AwsAccountId: '123456789012' });
		expect(req.Customer?.Contacts?.map((c) => c.Email)).toEqual(['jane.doe@acme.com', 'cfo@acme.com']);
		expect(req.Marketing).toEqual({ Source: 'Marketing Activity', CampaignName: 'Re:Invent', AwsFundingUsed: 'No' });
		// Not members of UpdateOpportunityRequest, or read-only:
		for (const k of ['Id', 'Arn', 'CreatedDate', 'Origin', 'OpportunityTeam', 'RelatedEntityIdentifiers']) expect(req).not.toHaveProperty(k);
		expect(r.changed).toBe(true);
		expect(r.changedFields).toEqual(['LifeCycle.Stage', 'Project.ExpectedCustomerSpend.Amount']);
		const model = withModel('update request against the model');
		if (model) expect(checkInput(model, 'UpdateOpportunity', req)).toEqual([]);
	});

	it('reports no change when the deal matches the opportunity', () => {
		const r = dealToUpdate(validBundle(), current(), config, { now: NOW });
		expect(r.changed).toBe(false);
		expect(r.changedFields).toEqual([]);
		expect(r.fingerprints.outbound).toBe(dealToOpportunity(validBundle(), config, { now: NOW }).fingerprints.outbound);
	});

	it('does not let node defaults overwrite values the opportunity has', () => {
		const cur = current();
		cur.Project!.DeliveryModels = ['Resell'];
		cur.PrimaryNeedsFromAws = ['Co-Sell - Technical Consultation'];
		const r = dealToUpdate(validBundle(), cur, config, { now: NOW });
		expect(r.request?.Project?.DeliveryModels).toEqual(['Resell']);
		expect(r.request?.PrimaryNeedsFromAws).toEqual(['Co-Sell - Technical Consultation']);
		const withOverride = dealToUpdate(validBundle({ deal: { aws_delivery_models: 'Managed Services' } }), cur, config, { now: NOW });
		expect(withOverride.request?.Project?.DeliveryModels).toEqual(['Managed Services']);
	});

	it('keeps current values for fields the deal lacks instead of failing', () => {
		const r = dealToUpdate(validBundle({ company: { domain: '', website: '', zip: '' }, deal: { amount: '' } }), current(), config, { now: NOW });
		expect(r.errors).toEqual([]);
		expect(r.request?.Customer?.Account?.WebsiteUrl).toBe('https://acme.com');
		expect(r.request?.Customer?.Account?.Address?.PostalCode).toBe('98101');
		expect(r.request?.Project?.ExpectedCustomerSpend?.[0].Amount).toBe('10000');
	});

	it('merges contacts by e-mail, HubSpot values winning field by field', () => {
		const cur = current();
		cur.Customer!.Contacts = [{ Email: 'jane.doe@acme.com', FirstName: 'J', Phone: '+442079460958' }];
		const r = dealToUpdate(validBundle({ contacts: [{ email: 'jane.doe@acme.com', firstname: 'Jane', lastname: 'Doe' }] }), cur, config, { now: NOW });
		expect(r.request?.Customer?.Contacts).toEqual([{ Email: 'jane.doe@acme.com', FirstName: 'Jane', LastName: 'Doe', Phone: '+442079460958' }]);
	});

	it('leaves out what Action Required does not allow, and says so', () => {
		const cur = current({}, {});
		cur.LifeCycle = { ...cur.LifeCycle, ReviewStatus: 'Action Required' };
		const r = dealToUpdate(validBundle({ deal: { dealname: 'Renamed #AWS', closedate: '2027-06-30' }, company: { industry: 'BANKING' } }), cur, config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.notSent).toEqual(['Customer.Account.Industry', 'Project.Title']);
		expect(r.queued).toBe(true);
		expect(r.request?.Project?.Title).toBe('Acme Cloud Migration');
		expect(r.request?.Customer?.Account?.Industry).toBe('Software and Internet');
		expect(r.request?.LifeCycle?.TargetCloseDate).toBe('2027-06-30');
		expect(r.warnings.map((w) => w.code)).toEqual(['not_editable', 'not_editable']);
		expect(r.request?.LifeCycle).not.toHaveProperty('ReviewStatus');
	});

	it('freezes title, industry, website... after approval', () => {
		const cur = current();
		cur.LifeCycle = { ...cur.LifeCycle, ReviewStatus: 'Approved' };
		const r = dealToUpdate(validBundle({ deal: { dealname: 'Renamed #AWS', dealstage: 'decisionmakerboughtin' }, company: { website: 'acme.io' } }), cur, config, { now: NOW });
		expect(r.notSent).toEqual(['Customer.Account.WebsiteUrl', 'Project.Title']);
		expect(r.request?.LifeCycle?.Stage).toBe('Business Validation');
	});

	it.each(['Submitted', 'In review', 'Rejected'])('sends nothing while the review status is %s', (status) => {
		const cur = current();
		cur.LifeCycle = { ...cur.LifeCycle, ReviewStatus: status };
		const r = dealToUpdate(validBundle({ deal: { amount: '999999' } }), cur, config, { now: NOW });
		expect(r.request).toBeNull();
		expect(r.changed).toBe(false);
		expect(r.queued).toBe(true);
		expect(r.editWindow.mode).toBe('none');
		expect(r.valid).toBe(true);
	});

	it('accepts an unchanged past close date but not a new one', () => {
		const cur = current();
		cur.LifeCycle = { ...cur.LifeCycle, TargetCloseDate: '2026-10-01' };
		const same = dealToUpdate(validBundle({ deal: { closedate: '2026-10-01' } }), cur, config, { now: NOW });
		expect(same.errors).toEqual([]);
		const moved = dealToUpdate(validBundle({ deal: { closedate: '2026-10-15' } }), cur, config, { now: NOW });
		expect(moved.errors.map((e) => e.code)).toEqual(['in_past']);
	});

	it('sends bad HubSpot data to Invalid', () => {
		const r = dealToUpdate(validBundle({ company: { country: 'Narnia' } }), current(), config, { now: NOW });
		expect(r.valid).toBe(false);
		expect(r.errors.map((e) => e.field)).toEqual(['Customer.Account.Address.CountryCode']);
	});

	it('moves to Committed only with an associated solution', () => {
		const cur = current();
		const noSolution = dealToUpdate(validBundle({ deal: { dealstage: 'contractsent' } }), cur, config, { now: NOW });
		expect(noSolution.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['RelatedEntityIdentifiers.Solutions:missing']);
		const toAssociate = dealToUpdate(validBundle({ deal: { dealstage: 'contractsent', aws_solution_ids: 'S-1234567' } }), cur, config, { now: NOW });
		expect(toAssociate.valid).toBe(true);
		expect(toAssociate.solutionsToAssociate).toEqual(['S-1234567']);
		expect(toAssociate.warnings.map((w) => w.code)).toEqual(['associate_first']);
		const associated = dealToUpdate(validBundle({ deal: { dealstage: 'contractsent', aws_solution_ids: 'S-1234567' } }), { ...cur, RelatedEntityIdentifiers: { Solutions: ['S-1234567'] } }, config, { now: NOW });
		expect(associated.problems).toEqual([]);
		expect(associated.solutionsToAssociate).toEqual([]);
		expect(associated.request?.LifeCycle?.Stage).toBe('Committed');
	});

	it('does not duplicate contacts without e-mail on repeated updates', () => {
		const bundle = validBundle({ contacts: [{ firstname: 'No', lastname: 'Mail', phone: '+1 206 555 0100' }, { jobtitle: 'Buyer' }] });
		let cur = current();
		for (let i = 0; i < 3; i++) {
			const r = dealToUpdate(bundle, cur, config, { now: NOW });
			cur = { ...cur, Customer: r.request!.Customer };
		}
		expect(cur.Customer?.Contacts).toEqual([
			{ Email: 'jane.doe@acme.com', FirstName: 'Jane', LastName: 'Doe', BusinessTitle: 'CTO', Phone: '+12065550100' },
			{ FirstName: 'No', LastName: 'Mail', Phone: '+12065550100' },
			{ BusinessTitle: 'Buyer' },
		]);
	});

	it('needs the current opportunity', () => {
		const r = dealToUpdate(validBundle(), {} as Opportunity, config, { now: NOW });
		expect(r.valid).toBe(false);
		expect(r.request).toBeNull();
		expect(r.errors[0].field).toBe('Identifier');
	});
});
