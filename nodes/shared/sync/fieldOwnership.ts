/**
 * Which system owns each synced field, and how a conflict resolves. One table, used by the templates
 * (reconciliation repairs drift in the owner's direction) and rendered into the README.
 *
 * - `hubspot`: HubSpot is the source; the sync writes the value to Partner Central, never back.
 * - `partnerCentral`: Partner Central (AWS) is the source; the sync writes it to HubSpot, never back.
 * - `shared`: both sides may change it; the later change wins by timestamp (HubSpot's property timestamp vs the
 *   opportunity's LastModifiedDate), unless the Settings policy says "HubSpot wins" or "Partner Central wins".
 */

export type FieldOwner = 'hubspot' | 'partnerCentral' | 'shared';
export type ConflictPolicy = 'lastWriterWins' | 'hubspotWins' | 'partnerCentralWins';

export interface OwnedField {
	/** Partner Central path (GetOpportunity / GetAwsOpportunitySummary shape). */
	partnerCentral: string;
	/** HubSpot object and property. */
	hubspot: string;
	owner: FieldOwner;
}

export const FIELD_OWNERSHIP: OwnedField[] = [
	{ partnerCentral: 'Project.Title', hubspot: 'deal.dealname (tag removed)', owner: 'hubspot' },
	{ partnerCentral: 'Project.CustomerBusinessProblem', hubspot: 'deal.description', owner: 'hubspot' },
	{ partnerCentral: 'Project.ExpectedCustomerSpend[0].Amount', hubspot: 'deal.amount x ratio / deal.aws_expected_spend', owner: 'shared' },
	{ partnerCentral: 'LifeCycle.Stage', hubspot: 'deal.dealstage (per pipeline)', owner: 'shared' },
	{ partnerCentral: 'LifeCycle.TargetCloseDate', hubspot: 'deal.closedate', owner: 'shared' },
	{ partnerCentral: 'LifeCycle.ClosedLostReason', hubspot: 'deal.closed_lost_reason / deal.aws_closed_lost_reason', owner: 'hubspot' },
	{ partnerCentral: 'PartnerOpportunityIdentifier', hubspot: 'deal.hs_object_id', owner: 'hubspot' },
	{ partnerCentral: 'Project.DeliveryModels', hubspot: 'deal.aws_delivery_models', owner: 'hubspot' },
	{ partnerCentral: 'PrimaryNeedsFromAws', hubspot: 'deal.aws_primary_needs', owner: 'hubspot' },
	{ partnerCentral: 'Project.SalesActivities', hubspot: 'deal.aws_sales_activities', owner: 'hubspot' },
	{ partnerCentral: 'Project.CustomerUseCase', hubspot: 'deal.aws_use_case', owner: 'hubspot' },
	{ partnerCentral: 'OpportunityType', hubspot: 'deal.aws_opportunity_type', owner: 'hubspot' },
	{ partnerCentral: 'NationalSecurity', hubspot: 'deal.aws_national_security', owner: 'hubspot' },
	{ partnerCentral: 'Customer.Account.CompanyName', hubspot: 'company.name', owner: 'hubspot' },
	{ partnerCentral: 'Customer.Account.WebsiteUrl', hubspot: 'company.website / company.domain', owner: 'hubspot' },
	{ partnerCentral: 'Customer.Account.Industry', hubspot: 'company.industry / deal.aws_industry', owner: 'hubspot' },
	{ partnerCentral: 'Customer.Account.Address.*', hubspot: 'company.address, city, state, zip, country', owner: 'hubspot' },
	{ partnerCentral: 'Customer.Contacts[]', hubspot: 'contacts associated with the deal', owner: 'hubspot' },
	{ partnerCentral: 'Id', hubspot: 'deal.aws_opportunity_id', owner: 'partnerCentral' },
	{ partnerCentral: 'Arn', hubspot: 'deal.aws_opportunity_arn', owner: 'partnerCentral' },
	{ partnerCentral: 'LifeCycle.ReviewStatus', hubspot: 'deal.aws_review_status', owner: 'partnerCentral' },
	{ partnerCentral: 'LifeCycle.ReviewComments', hubspot: 'deal.aws_review_comments', owner: 'partnerCentral' },
	{ partnerCentral: 'LastModifiedDate', hubspot: 'deal.aws_last_modified_date', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.LifeCycle.Stage', hubspot: 'deal.aws_seller_stage', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.LifeCycle.NextSteps', hubspot: 'deal.aws_next_steps', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.Insights.EngagementScore', hubspot: 'deal.aws_engagement_score', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.OpportunityTeam[AWSAccountOwner|AWSSalesRep]', hubspot: 'deal.aws_seller_name, aws_seller_email', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.InvolvementType', hubspot: 'deal.aws_involvement_type', owner: 'partnerCentral' },
	{ partnerCentral: 'AwsSummary.Visibility', hubspot: 'deal.aws_visibility', owner: 'partnerCentral' },
];

export type Side = 'hubspot' | 'partnerCentral';

/**
 * Which side's value wins for a field changed on both sides since the last sync.
 * Times are epoch milliseconds; a missing time loses to a present one; equal times keep HubSpot (the rep's CRM).
 */
export function winningSide(
	owner: FieldOwner,
	hubspotChangedAt: number | undefined,
	partnerCentralChangedAt: number | undefined,
	policy: ConflictPolicy = 'lastWriterWins',
): Side {
	if (owner !== 'shared') return owner;
	if (policy === 'hubspotWins') return 'hubspot';
	if (policy === 'partnerCentralWins') return 'partnerCentral';
	return (partnerCentralChangedAt ?? -Infinity) > (hubspotChangedAt ?? -Infinity) ? 'partnerCentral' : 'hubspot';
}

/**
 * Shared fields decided one by one. For each, a value changed on only one side since the last sync goes to the
 * other side (whatever the policy); changed on both sides, the policy decides (last writer by timestamp unless
 * Settings say HubSpot wins or Partner Central wins). "Since the last sync" needs what each side held when they were
 * last in step: the snapshot below, kept on the deal in the property SHARED_SNAPSHOT_PROPERTY.
 */
export type SharedFieldKey = 'amount' | 'stage' | 'closeDate';

export interface SharedField {
	key: SharedFieldKey;
	/** Where the value lives in a GetOpportunity output. */
	partnerCentralPath: string;
	/** The deal properties it comes from (and is written to when Partner Central wins). */
	hubspotProperties: string[];
}

export const SHARED_FIELDS: readonly SharedField[] = [
	{ key: 'amount', partnerCentralPath: 'Project.ExpectedCustomerSpend', hubspotProperties: ['aws_expected_spend', 'amount'] },
	{ key: 'stage', partnerCentralPath: 'LifeCycle.Stage', hubspotProperties: ['dealstage'] },
	{ key: 'closeDate', partnerCentralPath: 'LifeCycle.TargetCloseDate', hubspotProperties: ['closedate'] },
];

/** Deal property holding the snapshot (a small JSON text, see SharedSnapshot). */
export const SHARED_SNAPSHOT_PROPERTY = 'aws_shared_fields_synced';

export type SharedValues = Record<SharedFieldKey, string>;

/** Each side's value of every shared field (in its own terms, canonical text) when the two were last in step. */
export interface SharedSnapshot {
	hubspot: Partial<SharedValues>;
	partnerCentral: Partial<SharedValues>;
}

const KEYS = SHARED_FIELDS.map((f) => f.key);

function pick(values: unknown): Partial<SharedValues> {
	const out: Partial<SharedValues> = {};
	if (!values || typeof values !== 'object') return out;
	for (const key of KEYS) {
		const v = (values as Record<string, unknown>)[key];
		if (typeof v === 'string') out[key] = v;
	}
	return out;
}

/** The snapshot stored on the deal; undefined when absent or unreadable (treated as "never synced"). */
export function parseSharedSnapshot(text: unknown): SharedSnapshot | undefined {
	if (typeof text !== 'string' || !text.trim()) return undefined;
	try {
		const parsed = JSON.parse(text) as { h?: unknown; p?: unknown };
		if (!parsed || typeof parsed !== 'object') return undefined;
		return { hubspot: pick(parsed.h), partnerCentral: pick(parsed.p) };
	} catch {
		return undefined;
	}
}

/** Compact JSON for the deal property (keys in a fixed order, so equal snapshots are equal texts). */
export function serializeSharedSnapshot(snapshot: SharedSnapshot): string {
	const side = (v: Partial<SharedValues>) => Object.fromEntries(KEYS.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
	return JSON.stringify({ h: side(snapshot.hubspot), p: side(snapshot.partnerCentral) });
}

export type SyncDirection = 'none' | 'toPartnerCentral' | 'toHubSpot';

export interface SharedFieldState {
	/** HubSpot's value now, in HubSpot's terms (canonical text). */
	hubspot: string;
	/** Partner Central's value now, in Partner Central's terms (canonical text). */
	partnerCentral: string;
	/** Whether HubSpot's value, mapped to Partner Central, differs from Partner Central's value now. */
	differs: boolean;
	/** When HubSpot's value last changed (epoch ms): the property's own timestamp where known. */
	hubspotChangedAt?: number;
	/** When Partner Central's value last changed (epoch ms): the opportunity's LastModifiedDate. */
	partnerCentralChangedAt?: number;
}

export interface SharedFieldDecision {
	key: SharedFieldKey;
	direction: SyncDirection;
	reason: 'inStep' | 'changedInHubSpot' | 'changedInPartnerCentral' | 'changedOnBoth' | 'neverSynced';
}

/** One shared field: which way (if any) its value must go now. */
export function decideSharedField(
	key: SharedFieldKey,
	state: SharedFieldState,
	snapshot: SharedSnapshot | undefined,
	policy: ConflictPolicy = 'lastWriterWins',
): SharedFieldDecision {
	if (!state.differs) return { key, direction: 'none', reason: 'inStep' };
	const lastHubSpot = snapshot?.hubspot[key];
	const lastPartnerCentral = snapshot?.partnerCentral[key];
	const known = lastHubSpot !== undefined && lastPartnerCentral !== undefined;
	const hubspotChanged = !known || lastHubSpot !== state.hubspot;
	const partnerCentralChanged = !known || lastPartnerCentral !== state.partnerCentral;
	if (hubspotChanged && !partnerCentralChanged) return { key, direction: 'toPartnerCentral', reason: 'changedInHubSpot' };
	if (partnerCentralChanged && !hubspotChanged) return { key, direction: 'toHubSpot', reason: 'changedInPartnerCentral' };
	// Changed on both sides (or never synced, or a snapshot taken while they differed): the policy decides.
	const winner = winningSide('shared', state.hubspotChangedAt, state.partnerCentralChangedAt, policy);
	return {
		key,
		direction: winner === 'hubspot' ? 'toPartnerCentral' : 'toHubSpot',
		reason: known ? 'changedOnBoth' : 'neverSynced',
	};
}

/** Every shared field at once. */
export function decideSharedFields(
	states: Record<SharedFieldKey, SharedFieldState>,
	snapshot: SharedSnapshot | undefined,
	policy: ConflictPolicy = 'lastWriterWins',
): SharedFieldDecision[] {
	return KEYS.map((key) => decideSharedField(key, states[key], snapshot, policy));
}

/** Whether the snapshot must be rewritten to record the values both sides now hold (after the writes decided). */
export function snapshotAfter(
	hubspot: SharedValues,
	partnerCentral: SharedValues,
	previous: SharedSnapshot | undefined,
): { snapshot: SharedSnapshot; changed: boolean } {
	const snapshot: SharedSnapshot = { hubspot: { ...hubspot }, partnerCentral: { ...partnerCentral } };
	const changed = !previous || serializeSharedSnapshot(previous) !== serializeSharedSnapshot(snapshot);
	return { snapshot, changed };
}

export function isConflictPolicy(value: unknown): value is ConflictPolicy {
	return value === 'lastWriterWins' || value === 'hubspotWins' || value === 'partnerCentralWins';
}
