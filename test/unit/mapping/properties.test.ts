import fc from 'fast-check';

import {
	dealToOpportunity,
	dealToUpdate,
	opportunityToDeal,
	outboundFingerprint,
	stripTag,
	updateBaseFrom,
	validateOpportunity,
	type DealBundle,
	type Opportunity,
} from '../../../nodes/shared/mapping';
import { isEmpty, leafPaths, valueAt } from '../../../nodes/shared/mapping/objects';
import { toAwsDate } from '../../../nodes/shared/mapping/dates';

import { bundleArb } from './helpers/arbitraries';
import { asOpportunity, NOW, testConfig } from './helpers/fixtures';
import { checkInput, loadModel, withModel } from './helpers/modelChecker';

const config = testConfig();
const runs = { numRuns: 200, seed: 20261124 };

describe('property: deal to opportunity', () => {
	it('Valid exactly when every field is acceptable; Valid requests satisfy the official model', () => {
		const model = withModel('random deals against the model');
		fc.assert(
			fc.property(bundleArb, ({ bundle, bad }) => {
				const r = dealToOpportunity(bundle, config, { now: NOW });
				if (bad.length === 0) {
					expect(r.errors).toEqual([]);
					expect(r.valid).toBe(true);
				} else {
					expect(r.valid).toBe(false);
				}
				if (r.valid) {
					expect(validateOpportunity(r.request, { mode: 'create', now: NOW, config })).toEqual([]);
					if (model) expect(checkInput(model, 'CreateOpportunity', r.request)).toEqual([]);
				} else {
					expect(r.errors.length).toBeGreaterThan(0);
					for (const p of r.errors) {
						expect(p.field).not.toBe('');
						expect(p.message.length).toBeGreaterThan(10);
					}
					expect(r.noteBody).toContain('<li>');
				}
			}),
			runs,
		);
	});

	it('never throws and never calls anything Valid that breaks the model, whatever the strings', () => {
		const model = loadModel();
		const anyProps = fc.dictionary(
			fc.constantFrom('dealname', 'description', 'amount', 'closedate', 'dealstage', 'pipeline', 'deal_currency_code', 'aws_delivery_models', 'aws_use_case', 'aws_expected_spend', 'aws_competitor', 'closed_lost_reason'),
			fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 2100 }), fc.constant(null)),
		);
		const companyProps = fc.dictionary(fc.constantFrom('name', 'website', 'domain', 'industry', 'country', 'state', 'zip', 'city', 'address'), fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)));
		fc.assert(
			fc.property(anyProps, companyProps, (deal, company) => {
				const bundle: DealBundle = { dealId: '1', deal: { id: '1', properties: deal }, primaryCompany: { id: '2', properties: company }, contacts: [] };
				const r = dealToOpportunity(bundle, config, { now: NOW });
				if (r.valid && model) expect(checkInput(model, 'CreateOpportunity', r.request)).toEqual([]);
				if (!r.valid) expect(r.errors.length).toBeGreaterThan(0);
			}),
			runs,
		);
	});
});

function validBundles(): fc.Arbitrary<DealBundle> {
	return bundleArb.filter((g) => g.bad.length === 0).map((g) => g.bundle);
}

describe('property: round trips', () => {
	it('deal -> opportunity -> deal keeps the synced fields', () => {
		fc.assert(
			fc.property(validBundles(), (bundle) => {
				const out = dealToOpportunity(bundle, config, { now: NOW });
				fc.pre(out.valid);
				let opportunity = asOpportunity(out.request);
				if (out.pendingStage) {
					// What the template does: create, associate the solution, then move the stage with an update.
					expect(out.request.LifeCycle?.Stage).toBe('Business Validation');
					opportunity = { ...opportunity, RelatedEntityIdentifiers: { Solutions: ['S-1234567'] } };
					const update = dealToUpdate(bundle, opportunity, config, { now: NOW });
					expect(update.errors).toEqual([]);
					expect(update.request?.LifeCycle?.Stage).toBe(out.pendingStage);
					const { Identifier: _id, ...updated } = update.request!;
					void _id;
					opportunity = { ...opportunity, ...updated, LifeCycle: { ...updated.LifeCycle, ReviewStatus: 'Pending Submission' } };
				}
				const back = opportunityToDeal(opportunity, undefined, config);
				expect(back.valid).toBe(true);
				const props = back.newDeal.properties;
				const d = bundle.deal.properties;
				expect(stripTag(props.dealname, config.titleTag)).toBe(stripTag(d.dealname ?? '', config.titleTag));
				expect(props.description).toBe(out.request.Project?.CustomerBusinessProblem);
				expect(props.dealstage).toBe(d.dealstage);
				expect(toAwsDate(props.closedate)).toBe(toAwsDate(d.closedate));
				// The deal as the sync leaves it maps to the same opportunity again.
				const again = dealToOpportunity({ ...bundle, deal: { ...bundle.deal, properties: { ...d, ...props } } }, config, { now: NOW });
				expect(again.valid).toBe(true);
				const sent = out.pendingStage ? dealToUpdate(bundle, opportunity, config, { now: NOW }).fingerprints.outbound : out.fingerprints.outbound;
				if (!out.pendingStage) expect(again.fingerprints.outbound).toBe(out.fingerprints.outbound);
				// Echo detection: the opportunity AWS returns has the fingerprint we sent...
				expect(back.fingerprints.outbound).toBe(sent);
				// ...and a deal we just wrote has the inbound fingerprint we wrote.
				const written = { ...bundle, deal: { ...bundle.deal, properties: { ...d, aws_review_comments: 'stale', ...back.deal.properties } } };
				expect(dealToOpportunity(written, config, { now: NOW }).fingerprints.inbound).toBe(back.fingerprints.inbound);
			}),
			runs,
		);
	});
});

describe('property: update merges', () => {
	const dependent = ['Customer.Account.OtherIndustry', 'Project.OtherCompetitorNames', 'Customer.Account.Address.StateOrRegion'];

	it('never drop a field the opportunity had, and Valid updates satisfy the model', () => {
		const model = withModel('random updates against the model');
		const extras = fc.record({
			AdditionalComments: fc.option(fc.stringMatching(/^[a-z ]{1,50}$/u), { nil: undefined }),
			NextSteps: fc.option(fc.stringMatching(/^[a-z ]{0,50}$/u), { nil: undefined }),
			Duns: fc.option(fc.stringMatching(/^[0-9]{9}$/u), { nil: undefined }),
			ReviewStatus: fc.constantFrom('Pending Submission', 'Action Required', 'Approved', 'Submitted', 'In review', 'Rejected'),
			extraContact: fc.boolean(),
		});
		fc.assert(
			fc.property(validBundles(), bundleArb, extras, (original, edited, x) => {
				const created = dealToOpportunity(original, config, { now: NOW });
				fc.pre(created.valid);
				const cur: Opportunity = asOpportunity(created.request);
				cur.Project = { ...cur.Project, ...(x.AdditionalComments ? { AdditionalComments: x.AdditionalComments } : {}) };
				cur.LifeCycle = { ...cur.LifeCycle, ReviewStatus: x.ReviewStatus, ...(x.NextSteps ? { NextSteps: x.NextSteps } : {}) };
				if (x.Duns) cur.Customer = { ...cur.Customer, Account: { ...cur.Customer?.Account, Duns: x.Duns } };
				if (x.extraContact) cur.Customer = { ...cur.Customer, Contacts: [...(cur.Customer?.Contacts ?? []), { Email: 'kept@example.com', FirstName: 'Kept' }] };

				const r = dealToUpdate(edited.bundle, cur, config, { now: NOW });
				if (!r.request) {
					expect(r.editWindow.mode === 'none' || !r.valid).toBe(true);
					return;
				}
				const base = updateBaseFrom(cur, config);
				for (const path of leafPaths(base)) {
					if (dependent.includes(path) || isEmpty(valueAt(base, path))) continue;
					expect({ path, empty: isEmpty(valueAt(r.request, path)) }).toEqual({ path, empty: false });
				}
				if (x.extraContact) expect(r.request.Customer?.Contacts?.some((c) => c.Email === 'kept@example.com')).toBe(true);
				expect(r.request.LastModifiedDate).toBe(cur.LastModifiedDate);
				if (r.valid && model) expect(checkInput(model, 'UpdateOpportunity', r.request)).toEqual([]);
			}),
			runs,
		);
	});
});

describe('property: fingerprints', () => {
	it('ignore the order of multi-values and contacts, and notice real changes', () => {
		fc.assert(
			fc.property(validBundles(), (bundle) => {
				const r = dealToOpportunity(bundle, config, { now: NOW });
				fc.pre(r.valid);
				const req = JSON.parse(JSON.stringify(r.request)) as typeof r.request;
				req.Customer!.Contacts = [...(req.Customer?.Contacts ?? [])].reverse();
				req.Project!.DeliveryModels = [...(req.Project?.DeliveryModels ?? [])].reverse();
				req.Project!.ExpectedCustomerSpend = req.Project!.ExpectedCustomerSpend!.map((s) => ({ ...s, Amount: `${s.Amount}${s.Amount!.includes('.') ? '' : '.00'}` }));
				expect(outboundFingerprint(req)).toBe(r.fingerprints.outbound);
				req.Project!.Title = `${req.Project!.Title} v2`;
				expect(outboundFingerprint(req)).not.toBe(r.fingerprints.outbound);
			}),
			runs,
		);
	});
});
