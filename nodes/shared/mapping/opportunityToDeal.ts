/**
 * Operation 3: GetOpportunity output (+ optional GetAwsOpportunitySummary output) -> HubSpot deal properties,
 * plus company and contact properties for records the sync creates. `deal` holds what Partner Central owns (safe
 * to write onto an existing deal); `newDeal` adds what only a new deal gets (pipeline, amount, the rep-side
 * overrides filled with the opportunity's values). Only Customer.Contacts become contacts: never AWS or partner
 * team members.
 */
import { countryName, domainOf, usStateCode } from './address';
import type { MapperConfig } from './config';
import { outcome, type MappingOutcome } from './outcome';
import { toHubSpotDateTime } from './dates';
import { inboundFingerprint, outboundFingerprint } from './fingerprints';
import { hubspotIndustryFor } from './industry';
import { canonicalAmount, dealAmountFromMonthly } from './money';
import { ProblemList } from './problems';
import { dealStageFor } from './stage';
import { HUBSPOT_COMPANY, HUBSPOT_CONTACT, HUBSPOT_DEAL, INBOUND_SYNC_PROPERTIES, SUMMARY_PROPERTIES } from './tables/defaults';
import { addTag } from './title';
import { clean } from './text';
import type { AwsOpportunitySummary, HubSpotProperties, Opportunity, OpportunityAccount, OpportunityContact } from './types';

export interface OpportunityToDealResult extends MappingOutcome {
	opportunityId: string;
	deal: { properties: HubSpotProperties };
	newDeal: { properties: HubSpotProperties };
	/** Properties for creating the customer company (when the deal has none). */
	company: { properties: HubSpotProperties } | null;
	/** Properties for creating the customer contacts (match existing ones by email). */
	contacts: Array<{ properties: HubSpotProperties }>;
}

/** Drop empty values: HubSpot would clear the property. */
export function compact(props: Record<string, string | undefined>): HubSpotProperties {
	const out: HubSpotProperties = {};
	for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== '') out[k] = v;
	return out;
}

export function companyProperties(account: OpportunityAccount | undefined): HubSpotProperties | null {
	if (!account?.CompanyName) return null;
	const a = account.Address ?? {};
	return compact({
		[HUBSPOT_COMPANY.name]: account.CompanyName,
		[HUBSPOT_COMPANY.website]: account.WebsiteUrl,
		[HUBSPOT_COMPANY.domain]: domainOf(account.WebsiteUrl),
		[HUBSPOT_COMPANY.industry]: hubspotIndustryFor(account.Industry),
		[HUBSPOT_COMPANY.country]: countryName(a.CountryCode),
		[HUBSPOT_COMPANY.state]: a.CountryCode === 'US' ? (usStateCode(a.StateOrRegion) ?? a.StateOrRegion) : a.StateOrRegion,
		[HUBSPOT_COMPANY.city]: a.City,
		[HUBSPOT_COMPANY.zip]: a.PostalCode,
		[HUBSPOT_COMPANY.address]: a.StreetAddress,
	});
}

export function contactProperties(c: OpportunityContact): HubSpotProperties {
	return compact({
		[HUBSPOT_CONTACT.email]: c.Email?.toLowerCase(),
		[HUBSPOT_CONTACT.firstName]: c.FirstName,
		[HUBSPOT_CONTACT.lastName]: c.LastName,
		[HUBSPOT_CONTACT.jobTitle]: c.BusinessTitle,
		[HUBSPOT_CONTACT.phone]: c.Phone,
	});
}

/** The AWS seller from the summary's team (account owner or sales rep first). */
function awsSeller(summary: AwsOpportunitySummary | undefined): { name?: string; email?: string } {
	const team = summary?.OpportunityTeam ?? [];
	const order = ['AWSAccountOwner', 'AWSSalesRep'];
	const seller = [...team].sort((a, b) => {
		const ia = order.indexOf(a.BusinessTitle ?? '');
		const ib = order.indexOf(b.BusinessTitle ?? '');
		return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
	})[0];
	if (!seller) return {};
	return { name: [seller.FirstName, seller.LastName].filter(Boolean).join(' ') || undefined, email: seller.Email };
}

export function opportunityToDeal(
	opportunity: Opportunity,
	summary: AwsOpportunitySummary | undefined,
	config: MapperConfig,
	options: { pipelineId?: string } = {},
): OpportunityToDealResult {
	const problems = new ProblemList();
	const o = opportunity ?? {};
	const opportunityId = clean(o.Id);
	if (!opportunityId) problems.error('Id', 'missing', 'The input is not a Partner Central opportunity (no Id): pass the output of Get Opportunity');
	const pipelineId = clean(options.pipelineId) || config.newDealPipelineId;
	const project = o.Project ?? {};
	const life = o.LifeCycle ?? {};
	const P = config.properties;

	const dealStage = dealStageFor(pipelineId, life.Stage, config);
	if (life.Stage && !dealStage) {
		problems.error('LifeCycle.Stage', 'unmapped_stage', `The AWS stage "${life.Stage}" has no deal stage in pipeline "${pipelineId}": add it under Stage Mapping in the mapper`, 'deal.dealstage');
	}
	const awsSpend = (project.ExpectedCustomerSpend ?? []).find((s) => s.TargetCompany === 'AWS');
	const seller = awsSeller(summary);
	const nextSteps = clean(summary?.LifeCycle?.NextSteps) || clean(life.NextSteps);

	const awsOwned = {
		[HUBSPOT_DEAL.name]: project.Title ? addTag(project.Title, config.titleTag) : undefined,
		[HUBSPOT_DEAL.description]: project.CustomerBusinessProblem,
		[HUBSPOT_DEAL.stage]: dealStage,
		[HUBSPOT_DEAL.closeDate]: toHubSpotDateTime(life.TargetCloseDate),
		[HUBSPOT_DEAL.closedLostReason]: life.Stage === 'Closed Lost' ? life.ClosedLostReason : undefined,
		aws_closed_lost_reason: life.Stage === 'Closed Lost' ? life.ClosedLostReason : undefined,
		aws_opportunity_id: opportunityId,
		aws_opportunity_arn: o.Arn,
		aws_opportunity_title: project.Title,
		aws_catalog: o.Catalog,
		aws_stage: life.Stage,
		aws_review_status: life.ReviewStatus,
		aws_review_comments: life.ReviewComments,
		aws_next_steps: nextSteps ? nextSteps.slice(0, 65536) : undefined,
		aws_last_modified_date: o.LastModifiedDate,
		aws_expected_spend: canonicalAmount(awsSpend?.Amount),
		aws_seller_stage: summary?.LifeCycle?.Stage,
		aws_engagement_score: summary?.Insights?.EngagementScore,
		aws_seller_name: seller.name,
		aws_seller_email: seller.email,
		aws_involvement_type: summary?.InvolvementType,
		aws_visibility: summary?.Visibility,
	};
	// AWS-owned aws_* properties are sent empty when AWS has no value (clears stale ones on existing deals);
	// summary fields only when a summary was given. HubSpot's own fields are never blanked.
	const dealProps: HubSpotProperties = compact(awsOwned);
	for (const [key, value] of Object.entries(awsOwned)) {
		if (!key.startsWith('aws_') || (value !== undefined && value !== '')) continue;
		if (SUMMARY_PROPERTIES.includes(key) && !summary) continue;
		if (INBOUND_SYNC_PROPERTIES.includes(key)) dealProps[key] = '';
	}

	const account = o.Customer?.Account;
	const solutions = o.RelatedEntityIdentifiers?.Solutions ?? [];
	const newDealProps = {
		...compact(dealProps),
		...compact({
			[HUBSPOT_DEAL.pipeline]: pipelineId,
			[HUBSPOT_DEAL.amount]: dealAmountFromMonthly(awsSpend?.Amount, config),
			[HUBSPOT_DEAL.currency]: awsSpend?.CurrencyCode,
			[P.industry]: account?.Industry === 'Other' ? (account.OtherIndustry ?? 'Other') : undefined,
			[P.deliveryModels]: project.DeliveryModels?.join(';'),
			[P.primaryNeedsFromAws]: o.PrimaryNeedsFromAws?.join(';'),
			[P.salesActivities]: project.SalesActivities?.join(';'),
			[P.customerUseCase]: project.CustomerUseCase,
			[P.opportunityType]: o.OpportunityType,
			[P.origin]: o.Origin ?? summary?.Origin,
			[P.nationalSecurity]: o.NationalSecurity,
			[P.competitor]: project.CompetitorName === '*Other' ? project.OtherCompetitorNames : project.CompetitorName,
			[P.solutionIds]: solutions.length ? solutions.join(';') : undefined,
		}),
	};

	const company = companyProperties(account);
	const contacts = (o.Customer?.Contacts ?? []).map((c) => ({ properties: contactProperties(c) })).filter((c) => Object.keys(c.properties).length);
	const fingerprints = { outbound: outboundFingerprint(o), inbound: inboundFingerprint(dealProps) };
	return {
		opportunityId,
		deal: { properties: dealProps },
		newDeal: { properties: newDealProps },
		company: company ? { properties: company } : null,
		contacts,
		...outcome('This AWS opportunity could not be written to HubSpot', problems.items, fingerprints),
	};
}
