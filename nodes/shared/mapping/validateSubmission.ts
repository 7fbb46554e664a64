/**
 * What Partner Central requires of an opportunity, checked before we call AWS: the model's constraints and the
 * documented business rules (../shared/reference/partner-central.md, C6). Mode `create`/`update` checks a
 * request before it is sent; mode `submit` adds what StartEngagementFromOpportunityTask needs (a solution, a
 * stage past Prospect, review status Pending Submission). Works on requests and on GetOpportunity output.
 */
import { isAwsStateName, usesPostalCodes } from './address';
import type { MapperConfig } from './config';
import { todayUtc } from './dates';
import { hubspotSourceOf } from './fieldSources';
import { outboundFingerprint } from './fingerprints';
import { parseAmount } from './money';
import { opportunityToDeal } from './opportunityToDeal';
import { outcome, type MappingOutcome } from './outcome';
import { ProblemList, type Problem } from './problems';
import {
	ACCEPTED_CURRENCIES,
	AWS_COUNTRY_CODES,
	COMPETITOR_NAMES,
	CUSTOMER_USE_CASES,
	DELIVERY_MODELS,
	NATIONAL_SECURITY_VALUES,
	OPPORTUNITY_TYPES,
	ORIGINS,
	PRIMARY_NEEDS,
	SALES_ACTIVITIES,
} from './tables/awsValues';
import { AWS_CLOSED_LOST_REASONS } from './tables/closedLostReasons';
import {
	AMOUNT_PATTERN,
	DATE_PATTERN,
	EMAIL_PATTERN,
	LIMITS,
	PHONE_PATTERN,
	SOLUTION_ID_PATTERN,
} from './tables/constraints';
import { AWS_INDUSTRIES } from './tables/industries';
import { AWS_STAGES } from './tables/stages';
import { charLength } from './text';
import type { Opportunity, OpportunityBody } from './types';

export type ValidationMode = 'create' | 'update' | 'submit';

export interface ValidateOptions {
	mode: ValidationMode;
	now: Date;
	config: MapperConfig;
	/** Solutions to be associated (IDs or Marketplace ARNs), in addition to those already on the opportunity. */
	solutions?: string[];
	/** Paths that already carry an error (from mapping): not reported twice. */
	skipPaths?: string[];
	/** Update mode: the close date is unchanged, so a past date is not the rep's doing. */
	closeDateUnchanged?: boolean;
}

/** Paths with mapping errors, widened where one error stands for a whole group (the spend entry). */
export function skipPathsOf(problems: Problem[]): string[] {
	return problems
		.filter((p) => p.severity === 'error')
		.map((p) => (p.field.startsWith('Project.ExpectedCustomerSpend') ? 'Project.ExpectedCustomerSpend' : p.field));
}

class Checker {
	readonly problems = new ProblemList();

	constructor(private readonly options: ValidateOptions) {}

	error(path: string, code: string, message: string): void {
		if (this.options.skipPaths?.some((p) => p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`))) return;
		this.problems.error(path, code, message, hubspotSourceOf(path, this.options.config));
	}

	required(path: string, value: unknown, message: string): boolean {
		const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
		if (empty) this.error(path, 'missing', message);
		return !empty;
	}

	length(path: string, value: string | undefined, min: number, max: number, what: string): void {
		if (value === undefined) return;
		const n = charLength(value);
		if (n < min) this.error(path, 'too_short', `${what} must be at least ${min} characters (it has ${n})`);
		else if (n > max) this.error(path, 'too_long', `${what} must be at most ${max} characters (it has ${n})`);
	}

	oneOf(path: string, value: string | undefined, allowed: readonly string[], what: string): void {
		if (value !== undefined && value !== '' && !allowed.includes(value)) {
			this.error(path, 'invalid_value', `"${value}" is not a valid ${what} for AWS`);
		}
	}

	allOf(path: string, values: string[] | undefined, allowed: readonly string[], what: string): void {
		for (const v of values ?? []) this.oneOf(path, v, allowed, what);
	}
}

function solutionsOf(o: Opportunity, extra: string[] | undefined): string[] {
	const r = o.RelatedEntityIdentifiers ?? {};
	return [
		...(r.Solutions ?? []),
		...(r.AwsMarketplaceSolutions ?? []),
		...(r.AwsMarketplaceProducts ?? []),
		...(extra ?? []),
	].filter((v, i, all) => v && all.indexOf(v) === i);
}

export function validateOpportunity(o: OpportunityBody | Opportunity, options: ValidateOptions): Problem[] {
	const c = new Checker(options);
	const account = o.Customer?.Account ?? {};
	const address = account.Address ?? {};
	const project = o.Project ?? {};
	const life = o.LifeCycle ?? {};
	const natSecYes = o.NationalSecurity === 'Yes';

	// Customer
	if (c.required('Customer.Account.CompanyName', account.CompanyName, 'The customer company name is missing: associate a company with a name')) {
		c.length('Customer.Account.CompanyName', account.CompanyName, 1, LIMITS.companyName, 'The company name');
	}
	if (c.required('Customer.Account.Industry', account.Industry, "The company's industry is missing: set the company's Industry")) {
		c.oneOf('Customer.Account.Industry', account.Industry, AWS_INDUSTRIES, 'industry');
		if (account.Industry === 'Other') {
			c.required('Customer.Account.OtherIndustry', account.OtherIndustry, 'Industry is Other: AWS needs a description of the industry');
		}
	}
	c.length('Customer.Account.OtherIndustry', account.OtherIndustry, 0, LIMITS.otherIndustry, 'The industry description');
	if (!natSecYes) {
		c.required('Customer.Account.WebsiteUrl', account.WebsiteUrl, "The company's website is missing: AWS requires it (except for national security work)");
	}
	c.length('Customer.Account.WebsiteUrl', account.WebsiteUrl, LIMITS.websiteMin, LIMITS.websiteMax, 'The website');
	if (c.required('Customer.Account.Address.CountryCode', address.CountryCode, "The company's country is missing: set the company's Country")) {
		c.oneOf('Customer.Account.Address.CountryCode', address.CountryCode, AWS_COUNTRY_CODES, 'country code');
	}
	if (address.CountryCode && usesPostalCodes(address.CountryCode)) {
		c.required('Customer.Account.Address.PostalCode', address.PostalCode, "The company's postal code is missing: set the company's Postal code");
	}
	c.length('Customer.Account.Address.PostalCode', address.PostalCode, 0, LIMITS.postalCode, 'The postal code');
	if (address.CountryCode === 'US' && !natSecYes) {
		if (c.required('Customer.Account.Address.StateOrRegion', address.StateOrRegion, "The company is in the United States but has no state: set the company's State/Region")) {
			if (!isAwsStateName(address.StateOrRegion ?? '')) {
				c.error('Customer.Account.Address.StateOrRegion', 'invalid_value', `"${address.StateOrRegion}" is not a US state name AWS accepts`);
			}
		}
	}
	c.length('Customer.Account.Address.City', address.City, 0, LIMITS.city, 'The city');
	c.length('Customer.Account.Address.StreetAddress', address.StreetAddress, 0, LIMITS.streetAddress, 'The street address');
	(o.Customer?.Contacts ?? []).forEach((p, i) => {
		const path = `Customer.Contacts[${i}]`;
		if (p.Email !== undefined && !EMAIL_PATTERN.test(p.Email)) c.error(`${path}.Email`, 'invalid_value', `"${p.Email}" is not a valid lower-case e-mail address`);
		if (p.Phone !== undefined && !PHONE_PATTERN.test(p.Phone)) c.error(`${path}.Phone`, 'invalid_value', `"${p.Phone}" is not a phone number in international format (+14155550100)`);
		c.length(`${path}.FirstName`, p.FirstName, 0, LIMITS.contactName, 'A contact first name');
		c.length(`${path}.LastName`, p.LastName, 0, LIMITS.contactName, 'A contact last name');
		c.length(`${path}.BusinessTitle`, p.BusinessTitle, 0, LIMITS.contactTitle, 'A contact job title');
	});

	// Project
	if (c.required('Project.Title', project.Title, 'The deal name is empty (after removing the co-sell tag)')) {
		c.length('Project.Title', project.Title, 1, LIMITS.title, 'The title');
	}
	if (c.required('Project.CustomerBusinessProblem', project.CustomerBusinessProblem, `The deal description is empty: AWS needs the customer's business problem (${LIMITS.businessProblemMin} to ${LIMITS.businessProblemMax} characters)`)) {
		c.length('Project.CustomerBusinessProblem', project.CustomerBusinessProblem, LIMITS.businessProblemMin, LIMITS.businessProblemMax, "The customer's business problem (deal description)");
	}
	const spend = project.ExpectedCustomerSpend ?? [];
	if (spend.length > 10) c.error('Project.ExpectedCustomerSpend', 'too_many', 'AWS accepts at most 10 expected spend entries');
	const awsSpend = spend.filter((s) => s.TargetCompany === 'AWS');
	if (!awsSpend.length) {
		c.error('Project.ExpectedCustomerSpend.Amount', 'missing', 'The expected monthly AWS spend is missing: set the deal amount');
	}
	spend.forEach((s) => {
		if (s.Amount !== undefined && !AMOUNT_PATTERN.test(s.Amount)) c.error('Project.ExpectedCustomerSpend.Amount', 'invalid_value', `The amount "${s.Amount}" must be a number with at most 2 decimals`);
		if (s.TargetCompany === 'AWS' && !((parseAmount(s.Amount) ?? 0) > 0)) c.error('Project.ExpectedCustomerSpend.Amount', 'out_of_range', 'The expected monthly AWS spend must be greater than 0');
		if (!ACCEPTED_CURRENCIES.includes(s.CurrencyCode)) c.error('Project.ExpectedCustomerSpend.CurrencyCode', 'unsupported_currency', `The currency "${s.CurrencyCode ?? ''}" is not accepted: AWS takes USD or EUR`);
		else if (project.AwsPartition === 'aws-eusc' && s.CurrencyCode !== 'EUR') c.error('Project.ExpectedCustomerSpend.CurrencyCode', 'unsupported_currency', 'Opportunities in the AWS European Sovereign Cloud (aws-eusc) need amounts in EUR');
		if (s.Frequency !== 'Monthly') c.error('Project.ExpectedCustomerSpend.Frequency', 'invalid_value', 'The spend frequency must be Monthly');
		if (!s.TargetCompany) c.error('Project.ExpectedCustomerSpend.TargetCompany', 'missing', 'The spend entry has no target company');
	});
	if (c.required('Project.DeliveryModels', project.DeliveryModels, 'No delivery model: set the deal\'s AWS delivery models (or a default in the mapper)')) {
		c.allOf('Project.DeliveryModels', project.DeliveryModels, DELIVERY_MODELS, 'delivery model');
	}
	if (c.required('Project.SalesActivities', project.SalesActivities, 'No sales activity: set the deal\'s AWS sales activities (or a default in the mapper)')) {
		c.allOf('Project.SalesActivities', project.SalesActivities, SALES_ACTIVITIES, 'sales activity');
	}
	if (c.required('Project.CustomerUseCase', project.CustomerUseCase, 'No customer use case: set the deal\'s AWS customer use case (or a default in the mapper)')) {
		c.oneOf('Project.CustomerUseCase', project.CustomerUseCase, CUSTOMER_USE_CASES, 'customer use case');
	}
	c.oneOf('Project.CompetitorName', project.CompetitorName, COMPETITOR_NAMES, 'competitor');
	if (project.CompetitorName === '*Other') {
		c.required('Project.OtherCompetitorNames', project.OtherCompetitorNames, 'Competitor is Other: name the competitor');
	}
	c.length('Project.OtherCompetitorNames', project.OtherCompetitorNames, 0, LIMITS.otherCompetitorNames, 'The competitor names');

	// Top level
	if (c.required('PrimaryNeedsFromAws', o.PrimaryNeedsFromAws, 'No primary need from AWS: set the deal\'s AWS primary needs (or a default in the mapper)')) {
		c.allOf('PrimaryNeedsFromAws', o.PrimaryNeedsFromAws, PRIMARY_NEEDS, 'primary need from AWS');
	}
	c.oneOf('OpportunityType', o.OpportunityType, OPPORTUNITY_TYPES, 'opportunity type');
	if (o.OpportunityType === 'Flat Renewal' && !project.RelatedOpportunityIdentifier) {
		c.error('Project.RelatedOpportunityIdentifier', 'missing', 'A Flat Renewal needs the previous opportunity: AWS requires its ID (Project.RelatedOpportunityIdentifier)');
	}
	if (options.mode !== 'update') {
		c.oneOf('Origin', o.Origin, ORIGINS, 'origin');
		const catalog = o.Catalog || options.config.catalog;
		if (o.Origin === 'AWS Referral' && catalog === 'AWS') {
			c.error('Origin', 'invalid_value', 'Only AWS can create AWS Referral opportunities: use Partner Referral');
		}
	}
	c.oneOf('NationalSecurity', o.NationalSecurity, NATIONAL_SECURITY_VALUES, 'national security value');
	if (natSecYes && account.Industry !== 'Government') {
		c.error('NationalSecurity', 'invalid_value', 'National security can be Yes only when the industry is Government');
	}
	c.length('PartnerOpportunityIdentifier', o.PartnerOpportunityIdentifier, 0, LIMITS.partnerOpportunityIdentifier, 'The partner opportunity ID');
	const marketing = (o.Marketing ?? {}) as { Source?: string; AwsFundingUsed?: string; UseCases?: string[] };
	if (marketing.AwsFundingUsed === 'No' && marketing.UseCases?.length) {
		c.error('Marketing.UseCases', 'invalid_value', 'Marketing use cases must be empty when AWS funding was not used');
	}

	// LifeCycle
	c.oneOf('LifeCycle.Stage', life.Stage, AWS_STAGES, 'stage');
	if (life.Stage === 'Closed Lost') {
		if (c.required('LifeCycle.ClosedLostReason', life.ClosedLostReason, 'The opportunity is Closed Lost: AWS needs a closed lost reason')) {
			c.oneOf('LifeCycle.ClosedLostReason', life.ClosedLostReason, AWS_CLOSED_LOST_REASONS, 'closed lost reason');
		}
	}
	if (c.required('LifeCycle.TargetCloseDate', life.TargetCloseDate, 'The deal has no close date: AWS needs a target close date')) {
		if (!DATE_PATTERN.test(life.TargetCloseDate ?? '')) {
			c.error('LifeCycle.TargetCloseDate', 'invalid_value', `The close date "${life.TargetCloseDate}" is not a date (YYYY-MM-DD)`);
		} else if ((life.TargetCloseDate ?? '') < todayUtc(options.now) && !(options.mode === 'update' && options.closeDateUnchanged)) {
			c.error('LifeCycle.TargetCloseDate', 'in_past', `The close date ${life.TargetCloseDate} is in the past: move it to today or later`);
		}
	}
	c.length('LifeCycle.NextSteps', life.NextSteps, 0, LIMITS.nextSteps, 'The next steps');

	if (options.mode === 'submit') checkSubmission(c, o as Opportunity, options);
	return c.problems.items;
}

function checkSubmission(c: Checker, o: Opportunity, options: ValidateOptions): void {
	const life = o.LifeCycle ?? {};
	if (life.ReviewStatus && life.ReviewStatus !== 'Pending Submission') {
		c.error('LifeCycle.ReviewStatus', 'invalid_state', `The opportunity was already submitted (review status "${life.ReviewStatus}")`);
	}
	if (!life.Stage) c.error('LifeCycle.Stage', 'missing', 'The opportunity has no stage');
	else if (life.Stage === 'Prospect') {
		c.error('LifeCycle.Stage', 'invalid_state', 'A Prospect cannot be submitted: move the deal to a stage that maps to Qualified or later');
	} else if (life.Stage === 'Closed Lost') {
		c.error('LifeCycle.Stage', 'invalid_state', 'A Closed Lost opportunity cannot be submitted');
	}
	const solutions = solutionsOf(o, options.solutions);
	const real = solutions.filter((s) => s !== 'Other');
	if (!solutions.length) {
		c.error('RelatedEntityIdentifiers.Solutions', 'missing', "No solution to associate: set the deal's AWS solution IDs (S-... or an AWS Marketplace listing)");
	} else if (real.length > 10) {
		c.error('RelatedEntityIdentifiers.Solutions', 'too_many', 'At most 10 solutions can be associated');
	}
	for (const s of real) {
		if (!SOLUTION_ID_PATTERN.test(s) && !/^arn:aws:aws-marketplace:/u.test(s)) {
			c.error('RelatedEntityIdentifiers.Solutions', 'invalid_value', `"${s}" is not a solution ID (S-1234567) or AWS Marketplace ARN`);
		}
	}
	if (solutions.includes('Other') && !real.length && (life.Stage === 'Committed' || life.Stage === 'Launched')) {
		c.error('RelatedEntityIdentifiers.Solutions', 'invalid_value', 'From Committed on, the solution cannot be Other: associate a real solution or Marketplace listing');
	}
}

export interface SubmissionCheckResult extends MappingOutcome {
	opportunityId: string;
	solutionIds: string[];
}

/**
 * Operation 5 on an opportunity (GetOpportunity output, or a CreateOpportunity request about to be sent):
 * everything AWS needs before StartEngagementFromOpportunityTask.
 */
export function validateForSubmission(
	opportunity: Opportunity,
	config: MapperConfig,
	options: { now: Date; solutions?: string[]; extraProblems?: Problem[] },
): SubmissionCheckResult {
	const problems = [
		...(options.extraProblems ?? []),
		...validateOpportunity(opportunity ?? {}, {
			mode: 'submit',
			now: options.now,
			config,
			solutions: options.solutions,
			skipPaths: skipPathsOf(options.extraProblems ?? []),
		}),
	];
	return {
		opportunityId: String(opportunity?.Id ?? ''),
		solutionIds: solutionsOf(opportunity ?? {}, options.solutions),
		...outcome('This opportunity is not ready to submit to AWS', problems, {
			outbound: outboundFingerprint(opportunity ?? {}),
			inbound: opportunity?.Id ? opportunityToDeal(opportunity, undefined, config).fingerprints.inbound : '',
		}),
	};
}
