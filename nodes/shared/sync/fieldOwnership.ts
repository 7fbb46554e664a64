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
