/**
 * The shared fields (expected spend, stage, close date) of one deal and its opportunity, decided field by field
 * (rules in ../sync/fieldOwnership.ts): what to write to HubSpot, which values an opportunity update must carry
 * from HubSpot and which it must keep from Partner Central, and the snapshot to store once the writes are done.
 */
import {
	SHARED_FIELDS,
	SHARED_SNAPSHOT_PROPERTY,
	decideSharedFields,
	parseSharedSnapshot,
	serializeSharedSnapshot,
	type ConflictPolicy,
	type SharedFieldDecision,
	type SharedFieldKey,
	type SharedFieldState,
	type SharedSnapshot,
	type SharedValues,
} from '../sync/fieldOwnership';
import type { MapperConfig } from './config';
import { toAwsDate, toHubSpotDateTime } from './dates';
import { canonicalAmount, expectedMonthlySpend } from './money';
import { awsStageFor, dealStageFor } from './stage';
import { clean } from './text';
import type { Opportunity } from './types';

export interface SharedFieldsInput {
	/** The deal's properties (Get Deal Bundles: `deal.properties`). */
	deal: Record<string, string | null | undefined>;
	opportunity: Opportunity;
	policy: ConflictPolicy;
	/** When each HubSpot value last changed (epoch ms), e.g. from propertiesWithHistory; else the deal's last change. */
	hubspotChangedAt?: Partial<Record<SharedFieldKey, number>>;
}

export interface SharedFieldsResult {
	decisions: SharedFieldDecision[];
	/** Deal properties to write: the Partner Central values of the fields Partner Central won. */
	toHubSpot: Record<string, string>;
	/** Opportunity paths an update must keep as they are (Partner Central won them). */
	keepInPartnerCentral: string[];
	/** Fields HubSpot won: an update sends HubSpot's value. */
	toPartnerCentral: SharedFieldKey[];
	/** The snapshot once every decided write is done ... */
	snapshot: string;
	/** ... and once only the HubSpot writes are done (the opportunity update is queued or refused). */
	snapshotHubSpotOnly: string;
	/** Whether writing `snapshot` changes the stored one (nothing else to write: skip it when false). */
	snapshotChanged: boolean;
	snapshotHubSpotOnlyChanged: boolean;
	snapshotProperty: string;
}

function awsSpendOf(opportunity: Opportunity): { Amount?: string; CurrencyCode?: string } | undefined {
	return (opportunity?.Project?.ExpectedCustomerSpend ?? []).find((s) => (s.TargetCompany ?? 'AWS') === 'AWS');
}

/** HubSpot's value of each shared field, in HubSpot's own terms. */
export function hubspotSharedValues(deal: SharedFieldsInput['deal'], config: MapperConfig): SharedValues {
	const override = canonicalAmount(clean(deal.aws_expected_spend) || undefined);
	const currency = clean(deal.deal_currency_code).toUpperCase() || config.defaultCurrency;
	const total = canonicalAmount(clean(deal.amount) || undefined);
	return {
		amount: override ? `monthly ${override} ${currency}` : total ? `total ${total} ${currency}` : '',
		stage: clean(deal.dealstage) ? `${clean(deal.pipeline) || 'default'}/${clean(deal.dealstage)}` : '',
		closeDate: toAwsDate(deal.closedate) ?? '',
	};
}

/** HubSpot's value of each shared field as Partner Central would hold it ('' when it does not map). */
export function hubspotValuesForPartnerCentral(deal: SharedFieldsInput['deal'], config: MapperConfig): SharedValues {
	const spend = expectedMonthlySpend(deal.amount, deal.aws_expected_spend, deal.deal_currency_code, config);
	const stage = awsStageFor(deal.pipeline ?? undefined, deal.dealstage ?? undefined, config);
	return {
		amount: spend.ok ? `${canonicalAmount(spend.amount) ?? spend.amount} ${spend.currency}` : '',
		stage: stage.ok ? stage.stage : '',
		closeDate: toAwsDate(deal.closedate) ?? '',
	};
}

/** Partner Central's value of each shared field, in its own terms. */
export function partnerCentralSharedValues(opportunity: Opportunity): SharedValues {
	const spend = awsSpendOf(opportunity);
	const amount = canonicalAmount(spend?.Amount);
	return {
		amount: amount ? `${amount} ${clean(spend?.CurrencyCode).toUpperCase()}` : '',
		stage: clean(opportunity?.LifeCycle?.Stage),
		closeDate: clean(opportunity?.LifeCycle?.TargetCloseDate),
	};
}

function parseTime(value: unknown): number | undefined {
	const text = clean(value);
	if (!text) return undefined;
	const n = /^\d+$/u.test(text) ? Number(text) : Date.parse(text);
	return Number.isFinite(n) ? n : undefined;
}

/** The deal properties that carry Partner Central's value of a field (undefined: it does not map to this deal). */
function hubspotPropertiesFor(key: SharedFieldKey, opportunity: Opportunity, deal: SharedFieldsInput['deal'], config: MapperConfig): Record<string, string> | undefined {
	if (key === 'amount') {
		const amount = canonicalAmount(awsSpendOf(opportunity)?.Amount);
		return amount ? { aws_expected_spend: amount } : undefined;
	}
	if (key === 'stage') {
		const stage = dealStageFor(clean(deal.pipeline) || 'default', clean(opportunity?.LifeCycle?.Stage) || undefined, config);
		return stage ? { dealstage: stage } : undefined;
	}
	const date = toHubSpotDateTime(clean(opportunity?.LifeCycle?.TargetCloseDate) || undefined);
	return date ? { closedate: date } : undefined;
}

export function resolveSharedFields(input: SharedFieldsInput, config: MapperConfig): SharedFieldsResult {
	const { deal, opportunity, policy } = input;
	const previous: SharedSnapshot | undefined = parseSharedSnapshot(deal[SHARED_SNAPSHOT_PROPERTY]);
	const hubspot = hubspotSharedValues(deal, config);
	const mapped = hubspotValuesForPartnerCentral(deal, config);
	const partnerCentral = partnerCentralSharedValues(opportunity);
	const dealChangedAt = parseTime(deal.hs_lastmodifieddate);
	const partnerCentralChangedAt = parseTime(opportunity?.LastModifiedDate);

	const states = {} as Record<SharedFieldKey, SharedFieldState>;
	for (const { key } of SHARED_FIELDS) {
		states[key] = {
			hubspot: hubspot[key],
			partnerCentral: partnerCentral[key],
			differs: mapped[key] !== partnerCentral[key],
			hubspotChangedAt: input.hubspotChangedAt?.[key] ?? dealChangedAt,
			partnerCentralChangedAt,
		};
	}
	const decisions = decideSharedFields(states, previous, policy);

	const toHubSpot: Record<string, string> = {};
	const keepInPartnerCentral: string[] = [];
	const toPartnerCentral: SharedFieldKey[] = [];
	const hubspotAfter = { ...hubspot };
	const partnerCentralAfter = { ...partnerCentral };
	// Without the opportunity update, the fields HubSpot won keep their last recorded values (still to be sent).
	const hubspotOnly: SharedSnapshot = { hubspot: { ...hubspot }, partnerCentral: { ...partnerCentral } };
	for (const d of decisions) {
		const field = SHARED_FIELDS.find((f) => f.key === d.key)!;
		if (d.direction === 'toHubSpot') {
			keepInPartnerCentral.push(field.partnerCentralPath);
			const props = hubspotPropertiesFor(d.key, opportunity, deal, config);
			if (props) {
				Object.assign(toHubSpot, props);
				const written = hubspotSharedValues({ ...deal, ...props }, config)[d.key];
				hubspotAfter[d.key] = written;
				hubspotOnly.hubspot[d.key] = written;
			}
		} else if (d.direction === 'toPartnerCentral') {
			toPartnerCentral.push(d.key);
			if (mapped[d.key]) partnerCentralAfter[d.key] = mapped[d.key];
			if (previous?.hubspot[d.key] !== undefined && previous.partnerCentral[d.key] !== undefined) {
				hubspotOnly.hubspot[d.key] = previous.hubspot[d.key]!;
				hubspotOnly.partnerCentral[d.key] = previous.partnerCentral[d.key]!;
			} else {
				delete hubspotOnly.hubspot[d.key];
				delete hubspotOnly.partnerCentral[d.key];
			}
		}
	}
	const snapshot = serializeSharedSnapshot({ hubspot: hubspotAfter, partnerCentral: partnerCentralAfter });
	const snapshotHubSpotOnly = serializeSharedSnapshot(hubspotOnly);
	const stored = previous ? serializeSharedSnapshot(previous) : '';
	return {
		decisions,
		toHubSpot,
		keepInPartnerCentral,
		toPartnerCentral,
		snapshot,
		snapshotHubSpotOnly,
		snapshotChanged: snapshot !== stored,
		snapshotHubSpotOnlyChanged: snapshotHubSpotOnly !== stored,
		snapshotProperty: SHARED_SNAPSHOT_PROPERTY,
	};
}
