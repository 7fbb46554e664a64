import {
	dealToOpportunity,
	inboundFingerprint,
	opportunityToDeal,
	referralToDeal,
	type AwsOpportunitySummary,
	type EngagementInvitation,
} from '../../../nodes/shared/mapping';

import { INBOUND_UNHASHED_PROPERTIES, INBOUND_SYNC_PROPERTIES } from '../../../nodes/shared/mapping/tables/defaults';

import { asOpportunity, NOW, testConfig, validBundle } from './helpers/fixtures';

const config = testConfig();

describe('opportunity to deal', () => {
	const opportunity = asOpportunity(dealToOpportunity(validBundle(), config, { now: NOW }).request, {
		RelatedEntityIdentifiers: { Solutions: ['S-1234567'] },
		OpportunityTeam: [{ Email: 'partner.rep@partner.com', FirstName: 'Pat' }],
	});
	const summary: AwsOpportunitySummary = {
		InvolvementType: 'Co-Sell',
		Visibility: 'Full',
		LifeCycle: { Stage: 'Seller Engaged', NextSteps: 'Schedule a call with the customer' },
		OpportunityTeam: [
			{ Email: 'pdm@amazon.com', FirstName: 'Pia', LastName: 'PDM', BusinessTitle: 'PDM' },
			{ Email: 'seller@amazon.com', FirstName: 'Sam', LastName: 'Seller', BusinessTitle: 'AWSAccountOwner' },
		],
		Insights: { EngagementScore: 'High' },
	};

	it('writes AWS-owned deal properties', () => {
		const r = opportunityToDeal(opportunity, summary, config);
		expect(r.valid).toBe(true);
		expect(r.deal.properties).toEqual({
			dealname: 'Acme Cloud Migration #AWS',
			description: 'Acme must leave its data center by Q2 and move 200 VMs to AWS.',
			dealstage: 'qualifiedtobuy',
			closedate: '2027-03-31T00:00:00.000Z',
			aws_opportunity_id: 'O1234567',
			aws_opportunity_arn: opportunity.Arn,
			aws_opportunity_title: 'Acme Cloud Migration',
			aws_catalog: 'Sandbox',
			aws_stage: 'Qualified',
			aws_review_status: 'Pending Submission',
			aws_review_comments: '',
			aws_closed_lost_reason: '',
			aws_next_steps: 'Schedule a call with the customer',
			aws_last_modified_date: '2026-11-20T10:00:00.000Z',
			aws_expected_spend: '10000',
			aws_seller_stage: 'Seller Engaged',
			aws_engagement_score: 'High',
			aws_seller_name: 'Sam Seller',
			aws_seller_email: 'seller@amazon.com',
			aws_involvement_type: 'Co-Sell',
			aws_visibility: 'Full',
		});
		expect(r.fingerprints.inbound).toBe(inboundFingerprint(r.deal.properties));
	});

	it('clears AWS-owned properties AWS no longer has, but only summary ones when a summary is given', () => {
		const r = opportunityToDeal(opportunity, undefined, config);
		expect(r.deal.properties).toMatchObject({ aws_review_comments: '', aws_next_steps: '', aws_closed_lost_reason: '' });
		expect(r.deal.properties).not.toHaveProperty('aws_seller_name');
		expect(r.newDeal.properties).not.toHaveProperty('aws_review_comments');
	});

	it('writes only inbound and bookkeeping properties onto existing deals', () => {
		const all = [...INBOUND_SYNC_PROPERTIES, ...INBOUND_UNHASHED_PROPERTIES];
		const closed = { ...opportunity, LifeCycle: { ...opportunity.LifeCycle, Stage: 'Closed Lost', ClosedLostReason: 'Price', ReviewComments: 'x', NextSteps: 'y' } };
		const produced = new Set([...Object.keys(opportunityToDeal(closed, summary, config).deal.properties)]);
		for (const key of produced) expect(all).toContain(key);
		for (const key of INBOUND_SYNC_PROPERTIES) expect(produced.has(key)).toBe(true);
	});

	it('adds pipeline, amount and the opportunity values to new deals', () => {
		const r = opportunityToDeal(opportunity, undefined, config);
		expect(r.newDeal.properties).toMatchObject({
			pipeline: 'default',
			amount: '120000',
			deal_currency_code: 'USD',
			aws_delivery_models: 'SaaS or PaaS',
			aws_primary_needs: 'Co-Sell - Deal Support',
			aws_use_case: 'Migration/Database Migration',
			aws_solution_ids: 'S-1234567',
		});
	});

	it('gives company and customer contacts only (never team members)', () => {
		const r = opportunityToDeal(opportunity, summary, config);
		expect(r.company?.properties).toEqual({
			name: 'Acme Corp',
			website: 'https://acme.com',
			domain: 'acme.com',
			industry: 'COMPUTER_SOFTWARE',
			country: 'United States',
			state: 'WA',
			city: 'Seattle',
			zip: '98101',
		});
		expect(r.contacts).toEqual([{ properties: { email: 'jane.doe@acme.com', firstname: 'Jane', lastname: 'Doe', jobtitle: 'CTO', phone: '+12065550100' } }]);
	});

	it('maps closed lost with its reason', () => {
		const o = { ...opportunity, LifeCycle: { ...opportunity.LifeCycle, Stage: 'Closed Lost', ClosedLostReason: 'Price' } };
		const r = opportunityToDeal(o, undefined, config);
		expect(r.deal.properties).toMatchObject({ dealstage: 'closedlost', closed_lost_reason: 'Price', aws_closed_lost_reason: 'Price' });
	});

	it('uses the stage map of a given pipeline and reports unmapped stages', () => {
		const c = testConfig({ stageMaps: [...config.stageMaps, { pipelineId: '55', toAws: { '1': 'Prospect' } }] });
		const r = opportunityToDeal(opportunity, undefined, c, { pipelineId: '55' });
		expect(r.valid).toBe(false);
		expect(r.errors[0]).toMatchObject({ field: 'LifeCycle.Stage', code: 'unmapped_stage' });
	});

	it('rejects input that is not an opportunity, without throwing', () => {
		for (const bad of [null, {}, 'x']) expect(opportunityToDeal(bad as never, undefined, config).valid).toBe(false);
	});
});

describe('referral to deal', () => {
	const invitation: EngagementInvitation = {
		Id: 'engi-0000000000001',
		Catalog: 'Sandbox',
		PayloadType: 'OpportunityInvitation',
		EngagementId: 'eng-00000000000001',
		Status: 'PENDING',
		InvitationDate: '2026-11-20T00:00:00.000Z',
		ExpirationDate: '2026-12-05T00:00:00.000Z',
		SenderCompanyName: 'AWS',
		Payload: {
			OpportunityInvitation: {
				SenderContacts: [{ Email: 'Seller@Amazon.com', FirstName: 'Sam', LastName: 'Seller', BusinessTitle: 'AWS Account Manager' }],
				ReceiverResponsibilities: ['Services Partner'],
				Customer: { CompanyName: 'Globex', WebsiteUrl: 'globex.example', Industry: 'Financial Services', CountryCode: 'GB' },
				Project: {
					Title: 'Globex data platform',
					BusinessProblem: 'Globex needs a governed data lake for risk reporting.',
					TargetCompletionDate: '2027-05-01',
					ExpectedCustomerSpend: [{ Amount: '5000', CurrencyCode: 'EUR', Frequency: 'Monthly', TargetCompany: 'AWS' }],
				},
			},
		},
	};

	it('maps a pending AWS referral and lists what AWS withholds', () => {
		const r = referralToDeal(invitation, config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.deal.properties).toEqual({
			dealname: 'Globex data platform #AWS',
			description: 'Globex needs a governed data lake for risk reporting.',
			pipeline: 'default',
			dealstage: 'appointmentscheduled',
			closedate: '2027-05-01T00:00:00.000Z',
			amount: '60000',
			deal_currency_code: 'EUR',
			aws_expected_spend: '5000',
			aws_invitation_id: 'engi-0000000000001',
			aws_invitation_status: 'PENDING',
			aws_engagement_id: 'eng-00000000000001',
			aws_catalog: 'Sandbox',
			aws_referral_decision: 'pending',
			aws_opportunity_title: 'Globex data platform',
			aws_seller_name: 'Sam Seller',
			aws_seller_email: 'seller@amazon.com',
			aws_origin: 'AWS Referral',
		});
		expect(r.company?.properties).toEqual({ name: 'Globex', website: 'https://globex.example', domain: 'globex.example', industry: 'FINANCIAL_SERVICES', country: 'United Kingdom' });
		expect(r.contacts).toEqual([]);
		expect(r.withheld).toContain('Customer.Contacts');
		expect(r.withheld).toContain('Customer.Account.Address.PostalCode');
	});

	it('maps lead invitations', () => {
		const lead: EngagementInvitation = {
			Id: 'engi-0000000000002',
			PayloadType: 'LeadInvitation',
			Status: 'PENDING',
			Payload: { LeadInvitation: { Customer: { CompanyName: 'Initech', Industry: 'Software' }, Interaction: { Usecase: 'Wants to move their ERP to AWS', ContactBusinessTitle: 'CIO' } } },
		};
		const r = referralToDeal(lead, config, { now: NOW });
		expect(r.valid).toBe(true);
		expect(r.deal.properties.dealname).toBe('Initech (AWS lead) #AWS');
		expect(r.deal.properties.description).toBe('Wants to move their ERP to AWS');
		expect(r.deal.properties.aws_industry).toBe('Software');
	});

	it('warns about expired or answered invitations and rejects empty ones', () => {
		const expired = referralToDeal({ ...invitation, Status: 'EXPIRED', ExpirationDate: '2026-11-01T00:00:00Z' }, config, { now: NOW });
		expect(expired.warnings.map((w) => w.code)).toEqual(['not_pending', 'expired']);
		const empty = referralToDeal({ Id: 'engi-1' }, config, { now: NOW });
		expect(empty.valid).toBe(false);
		expect(empty.errors[0].field).toBe('Payload');
	});
});
