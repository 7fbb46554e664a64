/**
 * Defaults the mapper applies when a deal does not say otherwise, the HubSpot property names it reads, and the
 * fields each sync direction owns (the fingerprints hash exactly these). All of it is data: the node's parameters
 * override the defaults and property names; docs/mapping.md is generated from these tables.
 */

export interface OpportunityDefaults {
	origin: string;
	opportunityType: string;
	nationalSecurity: string;
	deliveryModels: string[];
	primaryNeedsFromAws: string[];
	salesActivities: string[];
	customerUseCase: string;
	/** Marketing.Source: "None" unless the opportunity came from a marketing activity. */
	marketingSource: string;
}

export const DEFAULT_OPPORTUNITY_VALUES: OpportunityDefaults = {
	origin: 'Partner Referral',
	opportunityType: 'Net New Business',
	nationalSecurity: 'No',
	// No sensible universal value: the rep sets it on the deal or the admin sets a default in the node.
	deliveryModels: [],
	primaryNeedsFromAws: ['Co-Sell - Deal Support'],
	salesActivities: ['Initialized discussions with customer'],
	customerUseCase: '',
	marketingSource: 'None',
};

/** Deal properties a rep can set to override the defaults per deal (names from nodes/shared/sync/hubspotProperties.ts). */
export interface OverridePropertyNames {
	industry: string;
	deliveryModels: string;
	primaryNeedsFromAws: string;
	salesActivities: string;
	customerUseCase: string;
	opportunityType: string;
	origin: string;
	nationalSecurity: string;
	expectedMonthlySpend: string;
	competitor: string;
	closedLostReason: string;
	solutionIds: string;
}

export const DEFAULT_OVERRIDE_PROPERTIES: OverridePropertyNames = {
	industry: 'aws_industry',
	deliveryModels: 'aws_delivery_models',
	primaryNeedsFromAws: 'aws_primary_needs',
	salesActivities: 'aws_sales_activities',
	customerUseCase: 'aws_use_case',
	opportunityType: 'aws_opportunity_type',
	origin: 'aws_origin',
	nationalSecurity: 'aws_national_security',
	expectedMonthlySpend: 'aws_expected_spend',
	competitor: 'aws_competitor',
	closedLostReason: 'aws_closed_lost_reason',
	solutionIds: 'aws_solution_ids',
};

/** HubSpot's own property names the mapper reads and writes. */
export const HUBSPOT_DEAL = {
	name: 'dealname',
	description: 'description',
	stage: 'dealstage',
	pipeline: 'pipeline',
	closeDate: 'closedate',
	amount: 'amount',
	currency: 'deal_currency_code',
	closedLostReason: 'closed_lost_reason',
} as const;

export const HUBSPOT_COMPANY = {
	name: 'name',
	website: 'website',
	domain: 'domain',
	industry: 'industry',
	country: 'country',
	state: 'state',
	city: 'city',
	zip: 'zip',
	address: 'address',
	address2: 'address2',
} as const;

export const HUBSPOT_CONTACT = {
	firstName: 'firstname',
	lastName: 'lastname',
	email: 'email',
	phone: 'phone',
	mobile: 'mobilephone',
	jobTitle: 'jobtitle',
	country: 'country',
} as const;

/**
 * HubSpot -> Partner Central: the opportunity fields the sync writes from HubSpot (paths in the opportunity
 * shape). The outbound fingerprint hashes these, read from a request or from GetOpportunity alike.
 */
export const OUTBOUND_SYNC_FIELDS: readonly string[] = [
	'PartnerOpportunityIdentifier',
	'OpportunityType',
	'NationalSecurity',
	'PrimaryNeedsFromAws',
	'Customer.Account.CompanyName',
	'Customer.Account.WebsiteUrl',
	'Customer.Account.Industry',
	'Customer.Account.OtherIndustry',
	'Customer.Account.Address.CountryCode',
	'Customer.Account.Address.StateOrRegion',
	'Customer.Account.Address.City',
	'Customer.Account.Address.PostalCode',
	'Customer.Account.Address.StreetAddress',
	'Customer.Contacts',
	'Project.Title',
	'Project.CustomerBusinessProblem',
	'Project.CustomerUseCase',
	'Project.DeliveryModels',
	'Project.SalesActivities',
	'Project.CompetitorName',
	'Project.OtherCompetitorNames',
	'Project.ExpectedCustomerSpend',
	'LifeCycle.Stage',
	'LifeCycle.TargetCloseDate',
	'LifeCycle.ClosedLostReason',
];

/**
 * Partner Central -> HubSpot: the deal properties "Opportunity to Deal" writes onto existing deals (inbound
 * fingerprint). The aws_* ones are written empty when AWS has no value, so stale values are cleared.
 */
export const INBOUND_SYNC_PROPERTIES: readonly string[] = [
	'dealname',
	'description',
	'dealstage',
	'closedate',
	'aws_opportunity_id',
	'aws_opportunity_title',
	'aws_stage',
	'aws_review_status',
	'aws_review_comments',
	'aws_next_steps',
	'aws_expected_spend',
	'aws_closed_lost_reason',
	'aws_seller_stage',
	'aws_engagement_score',
	'aws_seller_name',
	'aws_seller_email',
	'aws_involvement_type',
	'aws_visibility',
];

/**
 * Written with the inbound properties but not hashed: bookkeeping that changes without a real change, and
 * HubSpot's free-text closed_lost_reason (filled only for Closed Lost, never cleared: the rep owns it).
 */
export const INBOUND_UNHASHED_PROPERTIES: readonly string[] = ['aws_opportunity_arn', 'aws_catalog', 'aws_last_modified_date', 'closed_lost_reason'];

/** Inbound properties that come from GetAwsOpportunitySummary (only written when a summary is given). */
export const SUMMARY_PROPERTIES: readonly string[] = [
	'aws_seller_stage',
	'aws_engagement_score',
	'aws_seller_name',
	'aws_seller_email',
	'aws_involvement_type',
	'aws_visibility',
];

/**
 * Every HubSpot property the mapper reads, per object (for the bundle reader's property lists; the aws_*
 * override names are the defaults, custom names come from the node settings).
 */
export const HUBSPOT_PROPERTIES_READ = {
	deal: [...Object.values(HUBSPOT_DEAL), ...Object.values(DEFAULT_OVERRIDE_PROPERTIES)],
	company: Object.values(HUBSPOT_COMPANY),
	contact: Object.values(HUBSPOT_CONTACT),
};
