/**
 * The core of "deal to opportunity": one HubSpot deal bundle -> the opportunity fields HubSpot owns, plus the
 * problems met on the way and which fields came from defaults (an update never lets a default overwrite a value
 * the opportunity already has). Create and update both start here; validation is in validateSubmission.ts.
 */
import { countryCode, normaliseWebsite, usStateName } from './address';
import type { MapperConfig } from './config';
import { mapContacts } from './contacts';
import { toAwsDate } from './dates';
import { mapIndustry } from './industry';
import { expectedMonthlySpend } from './money';
import { ProblemList } from './problems';
import { awsStageFor, closedLostReasonFor } from './stage';
import {
	COMPETITOR_NAMES,
	CUSTOMER_USE_CASES,
	DELIVERY_MODELS,
	NATIONAL_SECURITY_VALUES,
	OPPORTUNITY_TYPES,
	ORIGINS,
	PRIMARY_NEEDS,
	SALES_ACTIVITIES,
} from './tables/awsValues';
import { LIMITS } from './tables/constraints';
import { HUBSPOT_COMPANY, HUBSPOT_DEAL, type OverridePropertyNames } from './tables/defaults';
import { titleForAws } from './title';
import { charLength, clean, cleanMultiline, matchAllowed, splitMulti, truncate } from './text';
import type { DealBundle, OpportunityAccount, OpportunityAddress, OpportunityBody } from './types';

export interface MappedDeal {
	body: OpportunityBody;
	problems: ProblemList;
	/** Paths whose value came from the node's defaults, not from the deal. */
	defaulted: string[];
	/** Solutions to associate (from the solution IDs property), valid ones only. */
	solutionIds: string[];
}

function fillTemplate(template: string, values: Record<string, string>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, key: string) => values[key] ?? '');
}

/** Single value from a deal override or the default, checked against the allowed list. */
function pickOne(
	raw: unknown,
	fallback: string,
	allowed: readonly string[],
	path: string,
	label: string,
	property: string,
	problems: ProblemList,
	defaulted: string[],
): string | undefined {
	const text = clean(raw);
	if (text) {
		const match = matchAllowed(text, allowed);
		if (match) return match;
		problems.error(path, 'invalid_value', `"${text}" is not a valid ${label} for AWS. Use one of: ${allowed.join(', ')}`, `deal.${property}`);
		return undefined;
	}
	if (fallback) defaulted.push(path);
	return fallback || undefined;
}

function pickMany(
	raw: unknown,
	fallback: string[],
	allowed: readonly string[],
	path: string,
	label: string,
	property: string,
	problems: ProblemList,
	defaulted: string[],
): string[] | undefined {
	const text = clean(raw);
	if (text) {
		const values: string[] = [];
		for (const part of splitMulti(text)) {
			const match = matchAllowed(part, allowed);
			if (match) {
				if (!values.includes(match)) values.push(match);
			} else {
				problems.error(path, 'invalid_value', `"${part}" is not a valid ${label} for AWS. Use one or more of: ${allowed.join('; ')}`, `deal.${property}`);
			}
		}
		return values.length ? values : undefined;
	}
	if (fallback.length) defaulted.push(path);
	return fallback.length ? [...fallback] : undefined;
}

function parseSolutionIds(raw: unknown, property: string, problems: ProblemList): string[] {
	const ids: string[] = [];
	for (const part of splitMulti(clean(raw)).flatMap((p) => p.split(/[\s,]+/u)).filter(Boolean)) {
		if (/^S-[0-9]{1,19}$/u.test(part) || /^arn:aws:aws-marketplace:/u.test(part) || part === 'Other') {
			if (!ids.includes(part)) ids.push(part);
		} else {
			problems.warn('RelatedEntityIdentifiers.Solutions', 'invalid_value', `"${part}" is not a solution ID (S-1234567) or AWS Marketplace ARN, so it is ignored`, `deal.${property}`);
		}
	}
	return ids;
}

export function mapDeal(bundle: DealBundle, config: MapperConfig): MappedDeal {
	const problems = new ProblemList();
	const defaulted: string[] = [];
	const P: OverridePropertyNames = config.properties;
	const deal = bundle?.deal?.properties ?? {};
	// The primary company; the first associated one when HubSpot marks none as primary.
	const companyObject = bundle?.primaryCompany ?? (Array.isArray(bundle?.companies) ? bundle.companies[0] : undefined) ?? null;
	const company = companyObject?.properties ?? {};
	const hasCompany = !!companyObject;
	const body: OpportunityBody = {};
	const dealId = clean(bundle?.dealId) || clean(bundle?.deal?.id);

	// Identity
	if (dealId) body.PartnerOpportunityIdentifier = truncate(`${config.partnerIdPrefix}${dealId}`, LIMITS.partnerOpportunityIdentifier);

	// Project
	const project: NonNullable<OpportunityBody['Project']> = {};
	const title = titleForAws(clean(deal[HUBSPOT_DEAL.name]), config.titleTag);
	if (title.title) project.Title = title.title;
	if (title.truncated) problems.warn('Project.Title', 'truncated', `The deal name is longer than ${LIMITS.title} characters: AWS gets the first ${LIMITS.title}`, 'deal.dealname');

	let problem = cleanMultiline(deal[HUBSPOT_DEAL.description]);
	if (charLength(problem) < LIMITS.businessProblemMin && config.businessProblemTemplate) {
		problem = cleanMultiline(
			fillTemplate(config.businessProblemTemplate, {
				dealname: title.title,
				company: clean(company[HUBSPOT_COMPANY.name]),
				description: problem,
			}),
		);
		if (problem) problems.warn('Project.CustomerBusinessProblem', 'templated', 'The deal description was too short, so the configured template was used for the business problem', 'deal.description');
	}
	if (charLength(problem) > LIMITS.businessProblemMax) {
		problems.warn('Project.CustomerBusinessProblem', 'truncated', `The deal description is longer than ${LIMITS.businessProblemMax} characters: AWS gets the first ${LIMITS.businessProblemMax}`, 'deal.description');
		problem = truncate(problem, LIMITS.businessProblemMax);
	}
	if (problem) project.CustomerBusinessProblem = problem;

	const spend = expectedMonthlySpend(deal[HUBSPOT_DEAL.amount], deal[P.expectedMonthlySpend], deal[HUBSPOT_DEAL.currency], config);
	if (spend.ok) {
		project.ExpectedCustomerSpend = [{ Amount: spend.amount, CurrencyCode: spend.currency, Frequency: 'Monthly', TargetCompany: 'AWS' }];
		if (spend.converted) {
			problems.warn('Project.ExpectedCustomerSpend.CurrencyCode', 'converted', `The amount was converted from ${spend.converted.from} to ${spend.currency} at ${spend.converted.rate}`, 'deal.deal_currency_code');
		}
	} else {
		const amountSource = clean(deal[P.expectedMonthlySpend]) ? `deal.${P.expectedMonthlySpend}` : 'deal.amount';
		const hs = spend.code === 'unsupported_currency' ? 'deal.deal_currency_code' : amountSource;
		const path = spend.code === 'unsupported_currency' ? 'Project.ExpectedCustomerSpend.CurrencyCode' : 'Project.ExpectedCustomerSpend.Amount';
		problems.error(path, spend.code, spend.message, hs);
	}

	const deliveryModels = pickMany(deal[P.deliveryModels], config.defaults.deliveryModels, DELIVERY_MODELS, 'Project.DeliveryModels', 'delivery model', P.deliveryModels, problems, defaulted);
	if (deliveryModels) project.DeliveryModels = deliveryModels;
	const activities = pickMany(deal[P.salesActivities], config.defaults.salesActivities, SALES_ACTIVITIES, 'Project.SalesActivities', 'sales activity', P.salesActivities, problems, defaulted);
	if (activities) project.SalesActivities = activities;
	const useCase = pickOne(deal[P.customerUseCase], config.defaults.customerUseCase, CUSTOMER_USE_CASES, 'Project.CustomerUseCase', 'customer use case', P.customerUseCase, problems, defaulted);
	if (useCase) project.CustomerUseCase = useCase;

	const competitor = clean(deal[P.competitor]);
	if (competitor) {
		const match = matchAllowed(competitor, COMPETITOR_NAMES);
		if (match && match !== '*Other') project.CompetitorName = match;
		else {
			project.CompetitorName = '*Other';
			project.OtherCompetitorNames = truncate(competitor, LIMITS.otherCompetitorNames);
		}
	}
	body.Project = project;

	// Top-level enums
	const needs = pickMany(deal[P.primaryNeedsFromAws], config.defaults.primaryNeedsFromAws, PRIMARY_NEEDS, 'PrimaryNeedsFromAws', 'primary need from AWS', P.primaryNeedsFromAws, problems, defaulted);
	if (needs) body.PrimaryNeedsFromAws = needs;
	const type = pickOne(deal[P.opportunityType], config.defaults.opportunityType, OPPORTUNITY_TYPES, 'OpportunityType', 'opportunity type', P.opportunityType, problems, defaulted);
	if (type) body.OpportunityType = type;
	const origin = pickOne(deal[P.origin], config.defaults.origin, ORIGINS, 'Origin', 'origin', P.origin, problems, defaulted);
	if (origin) body.Origin = origin;
	const natSec = pickOne(deal[P.nationalSecurity], config.defaults.nationalSecurity, NATIONAL_SECURITY_VALUES, 'NationalSecurity', 'national security value', P.nationalSecurity, problems, defaulted);
	if (natSec) body.NationalSecurity = natSec;

	// Customer
	const account: OpportunityAccount = {};
	if (!hasCompany) {
		problems.error('Customer.Account.CompanyName', 'missing', 'The deal has no associated company: associate the customer company with the deal', 'deal.associations.company');
	}
	const name = clean(company[HUBSPOT_COMPANY.name]);
	if (name) {
		account.CompanyName = truncate(name, LIMITS.companyName);
		if (charLength(name) > LIMITS.companyName) problems.warn('Customer.Account.CompanyName', 'truncated', `The company name is longer than ${LIMITS.companyName} characters and was cut`, 'company.name');
	}
	const rawWebsite = clean(company[HUBSPOT_COMPANY.website]) || clean(company[HUBSPOT_COMPANY.domain]);
	if (rawWebsite) {
		const website = normaliseWebsite(rawWebsite);
		if (website) account.WebsiteUrl = website;
		else problems.error('Customer.Account.WebsiteUrl', 'invalid_value', `The company website "${rawWebsite}" is not a valid web address`, 'company.website');
	}
	const industryText = clean(deal[P.industry]) || clean(company[HUBSPOT_COMPANY.industry]);
	const industry = mapIndustry(industryText, config);
	if (industry.Industry) account.Industry = industry.Industry;
	if (industry.OtherIndustry) account.OtherIndustry = industry.OtherIndustry;
	if (industry.source === 'other') {
		problems.warn('Customer.Account.Industry', 'fallback', `The industry "${industryText}" is not in the industry table, so AWS gets Other ("${industry.OtherIndustry}"); add an industry override to map it`, clean(deal[P.industry]) ? `deal.${P.industry}` : 'company.industry');
	}

	const address: OpportunityAddress = {};
	const rawCountry = clean(company[HUBSPOT_COMPANY.country]);
	const country = countryCode(rawCountry);
	if (country) address.CountryCode = country;
	else if (rawCountry) problems.error('Customer.Account.Address.CountryCode', 'invalid_value', `The company country "${rawCountry}" is not a country AWS knows: write the country name or its two-letter code (e.g. United Kingdom or GB)`, 'company.country');
	const rawState = clean(company[HUBSPOT_COMPANY.state]);
	if (country === 'US' && rawState) {
		const state = usStateName(rawState);
		if (state) address.StateOrRegion = state;
		else problems.error('Customer.Account.Address.StateOrRegion', 'invalid_value', `The company state "${rawState}" is not a US state AWS knows: write the state name or its two-letter code (e.g. Washington or WA)`, 'company.state');
	}
	const city = clean(company[HUBSPOT_COMPANY.city]);
	if (city) address.City = truncate(city, LIMITS.city);
	const zip = clean(company[HUBSPOT_COMPANY.zip]);
	if (zip) {
		if (charLength(zip) > LIMITS.postalCode) problems.error('Customer.Account.Address.PostalCode', 'too_long', `The company postal code "${zip}" is longer than ${LIMITS.postalCode} characters`, 'company.zip');
		else address.PostalCode = zip;
	}
	const street = [clean(company[HUBSPOT_COMPANY.address]), clean(company[HUBSPOT_COMPANY.address2])].filter(Boolean).join(', ');
	if (street) address.StreetAddress = truncate(street, LIMITS.streetAddress);
	if (Object.keys(address).length) account.Address = address;

	const contacts = mapContacts(bundle?.contacts, country ?? config.defaultPhoneCountry, problems);
	body.Customer = { Account: account, ...(contacts.length ? { Contacts: contacts } : {}) };

	// LifeCycle
	const lifeCycle: NonNullable<OpportunityBody['LifeCycle']> = {};
	const stage = awsStageFor(deal[HUBSPOT_DEAL.pipeline] ?? undefined, deal[HUBSPOT_DEAL.stage] ?? undefined, config);
	if (stage.ok) {
		lifeCycle.Stage = stage.stage;
		if (stage.stage === 'Closed Lost') {
			const reason = closedLostReasonFor(deal[P.closedLostReason], deal[HUBSPOT_DEAL.closedLostReason], config);
			if (reason.ok) {
				lifeCycle.ClosedLostReason = reason.reason;
				if (reason.matched === 'fallback') {
					problems.warn('LifeCycle.ClosedLostReason', 'fallback', `The closed lost reason "${clean(deal[HUBSPOT_DEAL.closedLostReason])}" matches none of AWS's reasons, so AWS gets "${reason.reason}"`, 'deal.closed_lost_reason');
				}
			} else problems.error('LifeCycle.ClosedLostReason', reason.code, reason.message, `deal.${P.closedLostReason}`);
		}
	} else problems.error('LifeCycle.Stage', stage.code, stage.message, 'deal.dealstage');
	const rawClose = clean(deal[HUBSPOT_DEAL.closeDate]);
	const close = toAwsDate(rawClose);
	if (close) lifeCycle.TargetCloseDate = close;
	else if (rawClose) problems.error('LifeCycle.TargetCloseDate', 'invalid_value', `The close date "${rawClose}" is not a date`, 'deal.closedate');
	body.LifeCycle = lifeCycle;

	body.Marketing = { Source: config.defaults.marketingSource };
	defaulted.push('Marketing.Source');

	const solutionIds = parseSolutionIds(deal[P.solutionIds], P.solutionIds, problems);
	return { body, problems, defaulted, solutionIds };
}
