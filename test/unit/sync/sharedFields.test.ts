/**
 * Shared fields decided one by one (issue 8 "Field ownership"): a field changed on one side only since the last sync
 * goes to the other side; changed on both, the later change wins unless the policy names a winner; applying the
 * decisions leaves nothing to do (no loop).
 */
import fc from 'fast-check';

import { mapperConfig } from '../../../nodes/shared/mapping/config';
import { resolveSharedFields } from '../../../nodes/shared/mapping/sharedFields';
import type { Opportunity } from '../../../nodes/shared/mapping/types';
import {
	SHARED_FIELDS,
	SHARED_SNAPSHOT_PROPERTY,
	decideSharedField,
	parseSharedSnapshot,
	serializeSharedSnapshot,
	type ConflictPolicy,
	type SharedSnapshot,
} from '../../../nodes/shared/sync/fieldOwnership';
import { DEAL_PROPERTY_NAMES } from '../../../nodes/shared/sync/hubspotProperties';

const POLICIES: ConflictPolicy[] = ['lastWriterWins', 'hubspotWins', 'partnerCentralWins'];
const snap = (h: string, p: string): SharedSnapshot => ({ hubspot: { closeDate: h }, partnerCentral: { closeDate: p } });

describe('decideSharedField', () => {
	it('does nothing when both sides hold the same value, whatever the snapshot and policy', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.constantFrom(...POLICIES), fc.option(fc.nat()), (h, p, policy, at) => {
				const d = decideSharedField('closeDate', { hubspot: h, partnerCentral: p, differs: false, hubspotChangedAt: at ?? undefined }, snap('x', 'y'), policy);
				expect(d.direction).toBe('none');
			}),
		);
	});

	it('sends a value changed on one side only to the other side, whatever the policy and the timestamps', () => {
		fc.assert(
			fc.property(fc.constantFrom(...POLICIES), fc.nat(), fc.nat(), (policy, hAt, pAt) => {
				const times = { hubspotChangedAt: hAt, partnerCentralChangedAt: pAt };
				const hsOnly = decideSharedField('closeDate', { hubspot: 'new', partnerCentral: 'old', differs: true, ...times }, snap('old', 'old'), policy);
				expect(hsOnly).toEqual({ key: 'closeDate', direction: 'toPartnerCentral', reason: 'changedInHubSpot' });
				const pcOnly = decideSharedField('closeDate', { hubspot: 'old', partnerCentral: 'new', differs: true, ...times }, snap('old', 'old'), policy);
				expect(pcOnly).toEqual({ key: 'closeDate', direction: 'toHubSpot', reason: 'changedInPartnerCentral' });
			}),
		);
	});

	it('changed on both sides: the later change wins, or the side the policy names', () => {
		const both = (policy: ConflictPolicy, hubspotChangedAt?: number, partnerCentralChangedAt?: number) =>
			decideSharedField('closeDate', { hubspot: 'h2', partnerCentral: 'p2', differs: true, hubspotChangedAt, partnerCentralChangedAt }, snap('h1', 'p1'), policy);
		expect(both('lastWriterWins', 1000, 2000)).toEqual({ key: 'closeDate', direction: 'toHubSpot', reason: 'changedOnBoth' });
		expect(both('lastWriterWins', 2000, 1000).direction).toBe('toPartnerCentral');
		expect(both('lastWriterWins', 1000, 1000).direction).toBe('toPartnerCentral'); // a tie keeps the rep's CRM
		expect(both('lastWriterWins', undefined, 1).direction).toBe('toHubSpot');
		expect(both('hubspotWins', 1000, 2000).direction).toBe('toPartnerCentral');
		expect(both('partnerCentralWins', 2000, 1000).direction).toBe('toHubSpot');
	});

	it('never synced (no snapshot): decided like a change on both sides', () => {
		const d = decideSharedField('stage', { hubspot: 'default/qualifiedtobuy', partnerCentral: 'Prospect', differs: true, hubspotChangedAt: 5, partnerCentralChangedAt: 9 }, undefined);
		expect(d).toEqual({ key: 'stage', direction: 'toHubSpot', reason: 'neverSynced' });
	});
});

describe('shared-field snapshot', () => {
	it('round-trips and ignores what it does not know', () => {
		const s: SharedSnapshot = { hubspot: { amount: 'monthly 5000 USD', closeDate: '2027-01-31' }, partnerCentral: { stage: 'Qualified' } };
		expect(parseSharedSnapshot(serializeSharedSnapshot(s))).toEqual(s);
		expect(parseSharedSnapshot('{"h":{"amount":"x","other":"y"},"p":5}')).toEqual({ hubspot: { amount: 'x' }, partnerCentral: {} });
		for (const bad of ['', 'not json', null, undefined, 42, '[1]']) expect(parseSharedSnapshot(bad)?.hubspot ?? {}).toEqual({});
	});
	it('is a property Ensure Properties creates', () => {
		expect(DEAL_PROPERTY_NAMES).toContain(SHARED_SNAPSHOT_PROPERTY);
	});
});

describe('resolveSharedFields (deal + opportunity)', () => {
	const config = mapperConfig();
	const opportunity = (over: { amount?: string; stage?: string; closeDate?: string; at?: string } = {}): Opportunity =>
		({
			Id: 'O1',
			LastModifiedDate: over.at ?? '2026-11-20T10:00:00.000Z',
			LifeCycle: { Stage: over.stage ?? 'Qualified', TargetCloseDate: over.closeDate ?? '2027-06-30' },
			Project: { ExpectedCustomerSpend: [{ Amount: over.amount ?? '5000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }] },
		}) as Opportunity;
	const deal = (over: Record<string, string> = {}) => ({
		amount: '60000',
		dealstage: 'qualifiedtobuy',
		pipeline: 'default',
		closedate: '2027-06-30T00:00:00.000Z',
		hs_lastmodifieddate: '2026-11-20T09:00:00.000Z',
		...over,
	});

	/** Applies a result to both sides as the templates do (deal properties written; update keeps/sends fields). */
	function apply(d: Record<string, string>, o: Opportunity, r: ReturnType<typeof resolveSharedFields>) {
		const nextDeal: Record<string, string> = { ...d, ...r.toHubSpot, [SHARED_SNAPSHOT_PROPERTY]: r.snapshot };
		const next = JSON.parse(JSON.stringify(o)) as Opportunity;
		const mappedClose = nextDeal.closedate.slice(0, 10);
		if (r.toPartnerCentral.includes('closeDate')) next.LifeCycle!.TargetCloseDate = mappedClose;
		if (r.toPartnerCentral.includes('stage')) next.LifeCycle!.Stage = ({ qualifiedtobuy: 'Qualified', presentationscheduled: 'Technical Validation', appointmentscheduled: 'Prospect' } as Record<string, string>)[nextDeal.dealstage] as never;
		if (r.toPartnerCentral.includes('amount')) next.Project!.ExpectedCustomerSpend![0].Amount = String(nextDeal.aws_expected_spend || Number(nextDeal.amount) / 12);
		return { deal: nextDeal, opportunity: next };
	}

	it('first sync of a deal in step with its opportunity: nothing to write but the snapshot', () => {
		const r = resolveSharedFields({ deal: deal(), opportunity: opportunity(), policy: 'lastWriterWins' }, config);
		expect(r.decisions.map((d) => d.direction)).toEqual(['none', 'none', 'none']);
		expect(r.toHubSpot).toEqual({});
		expect(r.keepInPartnerCentral).toEqual([]);
		expect(r.snapshotChanged).toBe(true);
		// Once stored, a second look changes nothing.
		const again = resolveSharedFields({ deal: { ...deal(), [SHARED_SNAPSHOT_PROPERTY]: r.snapshot }, opportunity: opportunity(), policy: 'lastWriterWins' }, config);
		expect(again.snapshotChanged).toBe(false);
	});

	it('per field: the close date changed in HubSpot goes to AWS while the stage changed in AWS comes to HubSpot', () => {
		const first = resolveSharedFields({ deal: deal(), opportunity: opportunity(), policy: 'lastWriterWins' }, config);
		const d = { ...deal({ closedate: '2027-09-30T00:00:00.000Z' }), [SHARED_SNAPSHOT_PROPERTY]: first.snapshot };
		const o = opportunity({ stage: 'Technical Validation', at: '2026-11-21T00:00:00.000Z' });
		const r = resolveSharedFields({ deal: d, opportunity: o, policy: 'hubspotWins' }, config);
		const by = Object.fromEntries(r.decisions.map((x) => [x.key, x]));
		expect(by.closeDate.direction).toBe('toPartnerCentral');
		expect(by.stage).toEqual({ key: 'stage', direction: 'toHubSpot', reason: 'changedInPartnerCentral' });
		expect(by.amount.direction).toBe('none');
		expect(r.toHubSpot).toEqual({ dealstage: 'presentationscheduled' });
		expect(r.keepInPartnerCentral).toEqual(['LifeCycle.Stage']);
		expect(r.toPartnerCentral).toEqual(['closeDate']);
		// Applied on both sides, the next look finds nothing to do (no loop).
		const after = apply(d, o, r);
		const next = resolveSharedFields({ deal: after.deal, opportunity: after.opportunity, policy: 'hubspotWins' }, config);
		expect(next.decisions.map((x) => x.direction)).toEqual(['none', 'none', 'none']);
		expect(next.snapshotChanged).toBe(false);
	});

	it('an update AWS has not taken yet (queued) keeps the HubSpot change pending in the snapshot', () => {
		const first = resolveSharedFields({ deal: deal(), opportunity: opportunity(), policy: 'lastWriterWins' }, config);
		const d = { ...deal({ closedate: '2027-09-30T00:00:00.000Z' }), [SHARED_SNAPSHOT_PROPERTY]: first.snapshotHubSpotOnly };
		const r = resolveSharedFields({ deal: d, opportunity: opportunity(), policy: 'lastWriterWins' }, config);
		expect(r.toPartnerCentral).toEqual(['closeDate']);
		// Only the HubSpot side written: the close date still counts as changed in HubSpot next time.
		const later = resolveSharedFields({ deal: { ...d, [SHARED_SNAPSHOT_PROPERTY]: r.snapshotHubSpotOnly }, opportunity: opportunity(), policy: 'partnerCentralWins' }, config);
		expect(later.decisions.find((x) => x.key === 'closeDate')).toEqual({ key: 'closeDate', direction: 'toPartnerCentral', reason: 'changedInHubSpot' });
	});

	it('property: whatever changed on either side, applying the decisions converges in one step', () => {
		const dates = fc.constantFrom('2027-03-31', '2027-06-30', '2027-09-30');
		const stages = fc.constantFrom('qualifiedtobuy', 'presentationscheduled', 'appointmentscheduled');
		fc.assert(
			fc.property(dates, dates, stages, fc.constantFrom(...POLICIES), fc.boolean(), (hsDate, pcDate, hsStage, policy, pcLater) => {
				const base = resolveSharedFields({ deal: deal(), opportunity: opportunity(), policy }, config);
				const d = { ...deal({ closedate: `${hsDate}T00:00:00.000Z`, dealstage: hsStage }), [SHARED_SNAPSHOT_PROPERTY]: base.snapshot };
				const o = opportunity({ closeDate: pcDate, at: pcLater ? '2026-11-21T00:00:00.000Z' : '2026-11-19T00:00:00.000Z' });
				const r = resolveSharedFields({ deal: d, opportunity: o, policy }, config);
				const after = apply(d, o, r);
				const next = resolveSharedFields({ deal: after.deal, opportunity: after.opportunity, policy }, config);
				expect(next.decisions.map((x) => x.direction)).toEqual(['none', 'none', 'none']);
				expect(next.toHubSpot).toEqual({});
			}),
			{ numRuns: 200 },
		);
	});

	it('lists every shared field of the ownership table', () => {
		expect(SHARED_FIELDS.map((f) => f.key)).toEqual(['amount', 'stage', 'closeDate']);
	});
});
