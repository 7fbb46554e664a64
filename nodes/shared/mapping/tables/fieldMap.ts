/**
 * Where each Partner Central field comes from in HubSpot and the rule applied: used for the problem messages
 * ("fix it in company.website") and rendered into docs/mapping.md. `override:<key>` names a deal property from
 * the configurable property names (defaults.ts), e.g. override:deliveryModels = deal.aws_delivery_models.
 */
export interface FieldMapEntry {
	path: string;
	from: string[];
	rule: string;
}

export const FIELD_MAP: FieldMapEntry[] = [
	{ path: 'Project.Title', from: ['deal.dealname'], rule: 'Co-sell tag removed; at most 255 characters (longer is cut, with a warning). Deals created from AWS get the tag appended.' },
	{ path: 'Project.CustomerBusinessProblem', from: ['deal.description'], rule: '20 to 2000 characters. Shorter is an error unless a template is configured; longer is cut with a warning.' },
	{ path: 'LifeCycle.Stage', from: ['deal.pipeline', 'deal.dealstage'], rule: 'Stage map of the deal\'s pipeline (both ways). A pipeline or stage without a mapping is an error. Committed and Launched need an associated solution: a new opportunity starts at Business Validation (`pendingStage`) and the update after associating the solution moves it on.' },
	{ path: 'LifeCycle.ClosedLostReason', from: ['override:closedLostReason', 'deal.closed_lost_reason'], rule: 'Only for Closed Lost: an AWS reason, else the text matched by the closed-lost table, else the fallback (Other).' },
	{ path: 'LifeCycle.TargetCloseDate', from: ['deal.closedate'], rule: 'YYYY-MM-DD (UTC). A date in the past is an error (on updates only when the date changes).' },
	{ path: 'Project.ExpectedCustomerSpend[AWS].Amount', from: ['override:expectedMonthlySpend', 'deal.amount'], rule: 'Monthly spend: the override as is, else amount × amount ratio; at most 2 decimals; must be greater than 0.' },
	{ path: 'Project.ExpectedCustomerSpend[AWS].CurrencyCode', from: ['deal.deal_currency_code'], rule: 'USD or EUR (default currency when empty); other currencies are an error or converted with configured rates.' },
	{ path: 'Project.ExpectedCustomerSpend[AWS].Frequency / TargetCompany', from: [], rule: 'Monthly / AWS.' },
	{ path: 'Customer.Account.CompanyName', from: ['company.name'], rule: 'Primary company of the deal; required; at most 120 characters.' },
	{ path: 'Customer.Account.WebsiteUrl', from: ['company.website', 'company.domain'], rule: 'https:// added when missing; required unless National Security is Yes.' },
	{ path: 'Customer.Account.Industry', from: ['override:industry', 'company.industry'], rule: 'Industry table (all HubSpot options); unknown values become Other with OtherIndustry.' },
	{ path: 'Customer.Account.Address.CountryCode', from: ['company.country'], rule: 'Country table: names, ISO codes and aliases (UK → GB). Unknown is an error, never a guess.' },
	{ path: 'Customer.Account.Address.StateOrRegion', from: ['company.state'], rule: 'US only: the exact AWS state name (WA → Washington); required for US.' },
	{ path: 'Customer.Account.Address.City', from: ['company.city'], rule: 'At most 255 characters.' },
	{ path: 'Customer.Account.Address.PostalCode', from: ['company.zip'], rule: 'Required except in countries without postal codes; at most 20 characters.' },
	{ path: 'Customer.Account.Address.StreetAddress', from: ['company.address', 'company.address2'], rule: 'Joined with a comma; at most 255 characters.' },
	{ path: 'Customer.Contacts[].Email', from: ['contact.email'], rule: 'Lower-cased; dropped with a warning when not a valid address.' },
	{ path: 'Customer.Contacts[].Phone', from: ['contact.phone', 'contact.mobilephone'], rule: 'E.164 via libphonenumber-js (region: contact country, company country, default); dropped with a warning when invalid.' },
	{ path: 'Customer.Contacts[].FirstName / LastName / BusinessTitle', from: ['contact.firstname', 'contact.lastname', 'contact.jobtitle'], rule: 'At most 80 characters each.' },
	{ path: 'Project.DeliveryModels', from: ['override:deliveryModels'], rule: 'Semicolon-separated AWS values; default from the node settings.' },
	{ path: 'PrimaryNeedsFromAws', from: ['override:primaryNeedsFromAws'], rule: 'Semicolon-separated AWS values; default from the node settings.' },
	{ path: 'Project.SalesActivities', from: ['override:salesActivities'], rule: 'Semicolon-separated AWS values; default from the node settings.' },
	{ path: 'Project.CustomerUseCase', from: ['override:customerUseCase'], rule: 'One AWS use case; default from the node settings.' },
	{ path: 'OpportunityType', from: ['override:opportunityType'], rule: 'Default Net New Business. Flat Renewal needs the previous opportunity.' },
	{ path: 'Origin', from: ['override:origin'], rule: 'Default Partner Referral (AWS Referral only in the Sandbox catalog). Create only.' },
	{ path: 'NationalSecurity', from: ['override:nationalSecurity'], rule: 'Default No; Yes only with industry Government (opt-in, never inferred).' },
	{ path: 'Project.CompetitorName', from: ['override:competitor'], rule: 'An AWS competitor value; other text becomes *Other with OtherCompetitorNames.' },
	{ path: 'PartnerOpportunityIdentifier', from: ['deal.hs_object_id'], rule: 'Prefix (default HUBSPOT-) + deal id.' },
	{ path: 'Marketing.Source', from: [], rule: 'None.' },
	{ path: 'RelatedEntityIdentifiers.Solutions', from: ['override:solutionIds'], rule: 'Not part of the create request: associated afterwards (AssociateOpportunity); at least one is needed to submit.' },
];
