import {
	ClosedLostReason,
	CompetitorName,
	CountryCode,
	CurrencyCode,
	DeliveryModel,
	Industry,
	MarketingSource,
	NationalSecurity,
	OpportunityType,
	PrimaryNeedFromAws,
	SalesActivity,
	Stage,
} from '@aws-sdk/client-partnercentral-selling';
import type { IDataObject } from 'n8n-workflow';

import type { FieldSpec } from './fields';

/**
 * The opportunity fields a sales-ops person fills most, with the request path each one sets. Shared by
 * Opportunity > Create and Opportunity > Update. Everything else goes in "Additional Fields (JSON)".
 */
export const OPPORTUNITY_FIELDS: FieldSpec[] = [
	{
		name: 'customerCompanyName',
		label: 'Customer Company Name',
		path: 'Customer.Account.CompanyName',
	},
	{
		name: 'customerWebsiteUrl',
		label: 'Customer Website',
		path: 'Customer.Account.WebsiteUrl',
		placeholder: 'https://example.com',
	},
	{
		name: 'industry',
		label: 'Industry',
		path: 'Customer.Account.Industry',
		type: 'options',
		enumValues: Industry,
	},
	{
		name: 'otherIndustry',
		label: 'Other Industry',
		path: 'Customer.Account.OtherIndustry',
		description: 'Only when Industry is Other',
	},
	{
		name: 'countryCode',
		label: 'Country',
		path: 'Customer.Account.Address.CountryCode',
		type: 'options',
		enumValues: CountryCode,
		description: 'ISO 3166 two-letter code (GB for the United Kingdom)',
	},
	{
		name: 'stateOrRegion',
		label: 'State or Region',
		path: 'Customer.Account.Address.StateOrRegion',
		description: 'For the US, the full state name (e.g. Washington, not WA)',
	},
	{ name: 'city', label: 'City', path: 'Customer.Account.Address.City' },
	{
		name: 'postalCode',
		label: 'Postal Code',
		path: 'Customer.Account.Address.PostalCode',
	},
	{
		name: 'streetAddress',
		label: 'Street Address',
		path: 'Customer.Account.Address.StreetAddress',
	},
	{
		name: 'customerAwsAccountId',
		label: 'Customer AWS Account ID',
		path: 'Customer.Account.AwsAccountId',
	},
	{ name: 'title', label: 'Project Title', path: 'Project.Title' },
	{
		name: 'customerBusinessProblem',
		label: 'Customer Business Problem',
		path: 'Project.CustomerBusinessProblem',
		description: '20 to 2000 characters, written for the AWS reviewer',
	},
	{
		name: 'customerUseCase',
		label: 'Customer Use Case',
		path: 'Project.CustomerUseCase',
		description: 'One of the use cases listed in the AWS API reference, e.g. "Migration/Database Migration"',
	},
	{
		name: 'deliveryModels',
		label: 'Delivery Models',
		path: 'Project.DeliveryModels',
		type: 'multiOptions',
		enumValues: DeliveryModel,
	},
	{
		name: 'salesActivities',
		label: 'Sales Activities',
		path: 'Project.SalesActivities',
		type: 'multiOptions',
		enumValues: SalesActivity,
	},
	{
		name: 'competitorName',
		label: 'Competitor',
		path: 'Project.CompetitorName',
		type: 'options',
		enumValues: CompetitorName,
	},
	{
		name: 'additionalComments',
		label: 'Additional Comments',
		path: 'Project.AdditionalComments',
	},
	{
		name: 'expectedMonthlyAwsSpend',
		label: 'Expected Monthly AWS Spend',
		path: '__spend.Amount',
		placeholder: '2500.00',
		description:
			'Monthly AWS spend the customer is expected to add (not the total deal value). Sent as the AWS entry of Project.ExpectedCustomerSpend.',
	},
	{
		name: 'spendCurrency',
		label: 'Spend Currency',
		path: '__spend.CurrencyCode',
		type: 'options',
		enumValues: CurrencyCode,
		description: 'Partner Central accepts USD and EUR',
	},
	{
		name: 'stage',
		label: 'Stage',
		path: 'LifeCycle.Stage',
		type: 'options',
		enumValues: Stage,
	},
	{
		name: 'targetCloseDate',
		label: 'Target Close Date',
		path: 'LifeCycle.TargetCloseDate',
		placeholder: '2027-03-31',
		description: 'YYYY-MM-DD, not in the past',
	},
	{ name: 'nextSteps', label: 'Next Steps', path: 'LifeCycle.NextSteps' },
	{
		name: 'closedLostReason',
		label: 'Closed Lost Reason',
		path: 'LifeCycle.ClosedLostReason',
		type: 'options',
		enumValues: ClosedLostReason,
		description: 'Required when Stage is Closed Lost',
	},
	{
		name: 'primaryNeedsFromAws',
		label: 'Primary Needs From AWS',
		path: 'PrimaryNeedsFromAws',
		type: 'multiOptions',
		enumValues: PrimaryNeedFromAws,
	},
	{
		name: 'opportunityType',
		label: 'Opportunity Type',
		path: 'OpportunityType',
		type: 'options',
		enumValues: OpportunityType,
	},
	{
		name: 'nationalSecurity',
		label: 'National Security',
		path: 'NationalSecurity',
		type: 'options',
		enumValues: NationalSecurity,
		description: 'Yes only for Government customers with national-security work',
	},
	{
		name: 'partnerOpportunityIdentifier',
		label: 'Partner Opportunity ID',
		path: 'PartnerOpportunityIdentifier',
		description: 'Your own CRM ID for this opportunity (e.g. the HubSpot deal ID)',
	},
	{
		name: 'marketingSource',
		label: 'Marketing Source',
		path: 'Marketing.Source',
		type: 'options',
		enumValues: MarketingSource,
	},
];

/**
 * Turn the helper `__spend` member into Project.ExpectedCustomerSpend: one monthly AWS entry. With
 * `existing` (merge-update), the AWS entry of the current list is replaced and other entries (partner TCV) kept.
 */
export function applySpend(request: IDataObject, existing?: IDataObject[]): IDataObject {
	const spend = request.__spend as IDataObject | undefined;
	delete request.__spend;
	if (!spend || spend.Amount === undefined) return request;
	const others = (existing ?? []).filter((e) => e.TargetCompany !== undefined && e.TargetCompany !== 'AWS');
	const entry: IDataObject = {
		Amount: String(spend.Amount),
		CurrencyCode: spend.CurrencyCode ?? 'USD',
		Frequency: 'Monthly',
		TargetCompany: 'AWS',
	};
	const project = (request.Project ?? {}) as IDataObject;
	project.ExpectedCustomerSpend = [entry, ...others];
	request.Project = project;
	return request;
}
