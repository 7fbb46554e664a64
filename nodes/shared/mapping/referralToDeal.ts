/**
 * Operation 4: GetEngagementInvitation output (a pending AWS referral) -> deal, company and contact properties.
 * Until the invitation is accepted AWS withholds the customer's street address, city, postal code, contacts,
 * AWS account ID, other-solution description and related entities: the result lists them in `withheld` and the
 * acceptance (StartEngagementByAcceptingInvitationTask -> Opportunity Created) fills them in via operation 3.
 * The people in SenderContacts are AWS staff: they become the deal's AWS seller fields, never contacts.
 */
import { countryCode, countryName, domainOf, normaliseWebsite } from './address';
import type { MapperConfig } from './config';
import { outcome, type MappingOutcome } from './outcome';
import { toAwsDate, toHubSpotDateTime } from './dates';
import { inboundFingerprint, outboundFingerprint } from './fingerprints';
import { hubspotIndustryFor, mapIndustry } from './industry';
import { canonicalAmount, dealAmountFromMonthly } from './money';
import { compact } from './opportunityToDeal';
import { ProblemList } from './problems';
import { dealStageFor } from './stage';
import { HUBSPOT_COMPANY, HUBSPOT_DEAL } from './tables/defaults';
import { addTag } from './title';
import { clean } from './text';
import type { EngagementInvitation, HubSpotProperties, OpportunityBody } from './types';

/** What AWS shares only after the referral is accepted. */
export const WITHHELD_UNTIL_ACCEPTED = [
	'Customer.Account.Address.StreetAddress',
	'Customer.Account.Address.City',
	'Customer.Account.Address.PostalCode',
	'Customer.Contacts',
	'Customer.Account.AwsAccountId',
	'Project.OtherSolutionDescription',
	'RelatedEntityIdentifiers',
];

export interface ReferralToDealResult extends MappingOutcome {
	invitationId: string;
	payloadType: string;
	deal: { properties: HubSpotProperties };
	company: { properties: HubSpotProperties } | null;
	contacts: Array<{ properties: HubSpotProperties }>;
	withheld: string[];
}

export function referralToDeal(invitation: EngagementInvitation, config: MapperConfig, options: { now: Date }): ReferralToDealResult {
	const problems = new ProblemList();
	const inv = invitation ?? {};
	const invitationId = clean(inv.Id);
	if (!invitationId) problems.error('Id', 'missing', 'The input is not an engagement invitation (no Id): pass the output of Get Engagement Invitation');
	const opp = inv.Payload?.OpportunityInvitation;
	const lead = inv.Payload?.LeadInvitation;
	const payloadType = clean(inv.PayloadType) || (opp ? 'OpportunityInvitation' : lead ? 'LeadInvitation' : '');
	if (!opp && !lead) problems.error('Payload', 'missing', 'The invitation has no opportunity or lead details (Payload)');
	if (inv.Status && inv.Status !== 'PENDING') {
		problems.warn('Status', 'not_pending', `The invitation is ${inv.Status}, not PENDING: it can no longer be accepted`);
	}
	if (inv.ExpirationDate && new Date(inv.ExpirationDate).getTime() < options.now.getTime()) {
		problems.warn('ExpirationDate', 'expired', `The invitation expired on ${inv.ExpirationDate.slice(0, 10)}`);
	}

	const customer = opp?.Customer ?? lead?.Customer ?? {};
	const companyName = clean(customer.CompanyName);
	if ((opp || lead) && !companyName) problems.error('Payload.Customer.CompanyName', 'missing', 'The referral has no customer company name');
	const title = clean(opp?.Project?.Title) || clean(inv.EngagementTitle) || (companyName ? `${companyName} (AWS lead)` : '');
	const spend = (opp?.Project?.ExpectedCustomerSpend ?? []).find((s) => s.TargetCompany === 'AWS') ?? opp?.Project?.ExpectedCustomerSpend?.[0];
	const seller = opp?.SenderContacts?.[0];
	const industry = mapIndustry(customer.Industry, config);
	const website = normaliseWebsite(customer.WebsiteUrl);
	const country = countryCode(customer.CountryCode);
	const closeDate = toAwsDate(opp?.Project?.TargetCompletionDate);
	const P = config.properties;

	const dealProps = compact({
		[HUBSPOT_DEAL.name]: title ? addTag(title, config.titleTag) : undefined,
		[HUBSPOT_DEAL.description]: clean(opp?.Project?.BusinessProblem) || clean(lead?.Interaction?.Usecase) || clean(inv.InvitationMessage),
		[HUBSPOT_DEAL.pipeline]: config.newDealPipelineId,
		[HUBSPOT_DEAL.stage]: dealStageFor(config.newDealPipelineId, config.referralStage, config),
		[HUBSPOT_DEAL.closeDate]: toHubSpotDateTime(closeDate),
		[HUBSPOT_DEAL.amount]: dealAmountFromMonthly(spend?.Amount, config),
		[HUBSPOT_DEAL.currency]: spend?.CurrencyCode,
		aws_expected_spend: canonicalAmount(spend?.Amount),
		aws_invitation_id: invitationId,
		aws_invitation_status: inv.Status,
		aws_engagement_id: inv.EngagementId,
		aws_catalog: inv.Catalog,
		aws_referral_decision: inv.Status === 'PENDING' ? 'pending' : undefined,
		aws_opportunity_title: clean(opp?.Project?.Title) || undefined,
		aws_seller_name: seller ? [seller.FirstName, seller.LastName].filter(Boolean).join(' ') || undefined : undefined,
		aws_seller_email: seller?.Email?.toLowerCase(),
		[P.origin]: 'AWS Referral',
		[P.industry]: industry.Industry && !hubspotIndustryFor(industry.Industry) ? industry.OtherIndustry ?? industry.Industry : undefined,
	});
	if (!dealProps[HUBSPOT_DEAL.stage]) {
		problems.error('LifeCycle.Stage', 'unmapped_stage', `The referral stage "${config.referralStage}" has no deal stage in pipeline "${config.newDealPipelineId}": fix Stage Mapping in the mapper`, 'deal.dealstage');
	}

	const company = companyName
		? compact({
				[HUBSPOT_COMPANY.name]: companyName,
				[HUBSPOT_COMPANY.website]: website,
				[HUBSPOT_COMPANY.domain]: domainOf(website),
				[HUBSPOT_COMPANY.industry]: hubspotIndustryFor(industry.Industry),
				[HUBSPOT_COMPANY.country]: countryName(country) ?? clean(customer.CountryCode),
			})
		: null;

	// The opportunity-shaped view of what the referral says, for the outbound fingerprint.
	const asOpportunity: OpportunityBody = {
		Customer: { Account: { CompanyName: companyName || undefined, WebsiteUrl: website, Industry: industry.Industry, OtherIndustry: industry.OtherIndustry, Address: country ? { CountryCode: country } : undefined } },
		Project: { Title: title || undefined, CustomerBusinessProblem: clean(opp?.Project?.BusinessProblem) || undefined, ExpectedCustomerSpend: spend ? [spend] : undefined },
		LifeCycle: { TargetCloseDate: closeDate },
	};
	const fingerprints = { outbound: outboundFingerprint(asOpportunity), inbound: inboundFingerprint(dealProps) };
	return {
		invitationId,
		payloadType,
		deal: { properties: dealProps },
		company: company ? { properties: company } : null,
		contacts: [],
		withheld: inv.Status === 'ACCEPTED' ? [] : WITHHELD_UNTIL_ACCEPTED,
		...outcome('This AWS referral could not be turned into a deal', problems.items, fingerprints),
	};
}
