/**
 * Business validations of opportunity payloads (reference partner-central.md section C6, C4 solutions note,
 * B CurrencyCode note). Each returns ErrorList entries; the caller raises BUSINESS_VALIDATION_FAILED.
 */
import type { FieldError } from '../validation';
import type { Json } from '../state';

function get(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const p of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Json)[p];
	}
	return cur;
}

const err = (FieldName: string, Code: FieldError['Code'], Message: string): FieldError => ({ FieldName, Code, Message });

export interface BusinessContext {
	/** Simulated "today" as YYYY-MM-DD. */
	today: string;
	isCreate: boolean;
	/** Paths changed by this update (undefined on create = everything is new). */
	changed?: Set<string>;
	/** Associated solutions/marketplace items (for the Committed/Launched rule). */
	related: Record<string, string[]>;
}

export function opportunityBusinessErrors(data: Json, ctx: BusinessContext): FieldError[] {
	const errors: FieldError[] = [];
	const industry = get(data, 'Customer.Account.Industry') as string | undefined;
	const natSec = get(data, 'NationalSecurity') as string | undefined;
	const account = get(data, 'Customer.Account') as Json | undefined;
	const touched = (p: string) => ctx.isCreate || !ctx.changed || [...ctx.changed].some((c) => c === p || c.startsWith(`${p}.`));

	// C6: "NationalSecurity = Yes only when Industry is Government"
	if (natSec === 'Yes' && industry !== 'Government') {
		errors.push(err('NationalSecurity', 'INVALID_VALUE', 'NationalSecurity can be Yes only when Customer.Account.Industry is Government.'));
	}
	// C6 (Industry "This is a required field"; WebsiteUrl required except national security)
	if (account) {
		if (!industry) errors.push(err('Customer.Account.Industry', 'REQUIRED_FIELD_MISSING', 'Customer.Account.Industry is required.'));
		if (!get(data, 'Customer.Account.WebsiteUrl') && natSec !== 'Yes') {
			errors.push(err('Customer.Account.WebsiteUrl', 'REQUIRED_FIELD_MISSING', 'Customer.Account.WebsiteUrl is required unless the opportunity is related to national security.'));
		}
	}
	// C6 conditional: OtherIndustry when Industry = Other
	if (industry === 'Other' && !get(data, 'Customer.Account.OtherIndustry')) {
		errors.push(err('Customer.Account.OtherIndustry', 'REQUIRED_FIELD_MISSING', 'Customer.Account.OtherIndustry is required when Industry is Other.'));
	}
	// C6: OtherCompetitorNames only when CompetitorName is *Other (and required then)
	const competitor = get(data, 'Project.CompetitorName');
	const otherCompetitors = get(data, 'Project.OtherCompetitorNames');
	if (competitor === '*Other' && !otherCompetitors) {
		errors.push(err('Project.OtherCompetitorNames', 'REQUIRED_FIELD_MISSING', 'Project.OtherCompetitorNames is required when CompetitorName is *Other.'));
	}
	if (otherCompetitors && competitor !== '*Other') {
		errors.push(err('Project.OtherCompetitorNames', 'INVALID_VALUE', 'Project.OtherCompetitorNames is only allowed when CompetitorName is *Other.'));
	}
	// C6 conditional: ClosedLostReason when Closed Lost
	const stage = get(data, 'LifeCycle.Stage');
	if (stage === 'Closed Lost' && !get(data, 'LifeCycle.ClosedLostReason')) {
		errors.push(err('LifeCycle.ClosedLostReason', 'REQUIRED_FIELD_MISSING', 'LifeCycle.ClosedLostReason is required when Stage is Closed Lost.'));
	}
	// C6: TargetCloseDate not in the past (checked when set or changed)
	const close = get(data, 'LifeCycle.TargetCloseDate') as string | undefined;
	if (close && touched('LifeCycle.TargetCloseDate') && close < ctx.today) {
		errors.push(err('LifeCycle.TargetCloseDate', 'INVALID_VALUE', 'LifeCycle.TargetCloseDate cannot be in the past.'));
	}
	// C6: Marketing.UseCases must be empty when AwsFundingUsed = No
	const useCases = get(data, 'Marketing.UseCases') as unknown[] | undefined;
	if (get(data, 'Marketing.AwsFundingUsed') === 'No' && useCases && useCases.length) {
		errors.push(err('Marketing.UseCases', 'INVALID_VALUE', 'Marketing.UseCases must be empty when Marketing.AwsFundingUsed is No.'));
	}
	// C4 solutions note: Committed/Launched need an associated solution or Marketplace listing
	if ((stage === 'Committed' || stage === 'Launched') && touched('LifeCycle.Stage')) {
		const r = ctx.related;
		const has = ['Solutions', 'AwsMarketplaceSolutions', 'AwsMarketplaceProducts'].some((k) => (r[k] ?? []).length > 0);
		if (!has) {
			errors.push(err('LifeCycle.Stage', 'INVALID_VALUE', 'To progress the opportunity stage to Committed or Launched, you must associate a valid solution or AWS Marketplace product listing.'));
		}
	}
	errors.push(...dealSizingErrors(data, ctx));
	return errors;
}

/** C6 deal-sizing/TCV rules and B CurrencyCode note (USD/EUR only; EUR for aws-eusc). */
export function dealSizingErrors(data: Json, ctx: BusinessContext): FieldError[] {
	const errors: FieldError[] = [];
	const spend = (get(data, 'Project.ExpectedCustomerSpend') as Json[] | undefined) ?? [];
	const duration = get(data, 'Project.ExpectedContractDuration') as Json | undefined | null;
	const partition = get(data, 'Project.AwsPartition');
	spend.forEach((s, i) => {
		const cur = s.CurrencyCode as string | undefined;
		if (cur && cur !== 'USD' && cur !== 'EUR') {
			errors.push(err(`Project.ExpectedCustomerSpend[${i}].CurrencyCode`, 'INVALID_VALUE', 'Accepted currency codes are USD and EUR.'));
		} else if (partition === 'aws-eusc' && cur && cur !== 'EUR') {
			errors.push(err(`Project.ExpectedCustomerSpend[${i}].CurrencyCode`, 'INVALID_VALUE', 'The currency code must be EUR when AwsPartition is aws-eusc.'));
		}
	});
	const selfIdx = spend.map((s, i) => (s.TargetCompany === 'Self' ? i : -1)).filter((i) => i >= 0);
	if (duration) {
		const value = Number(duration.Value);
		if (!/^\d+$/u.test(String(duration.Value ?? '')) || value < 1 || value > 144) {
			errors.push(err('Project.ExpectedContractDuration.Value', 'INVALID_VALUE', 'ExpectedContractDuration.Value must be a whole number of months between 1 and 144.'));
		}
		spend.forEach((s, i) => {
			if (s.TargetCompany !== 'AWS' && s.TargetCompany !== 'Self') {
				errors.push(err(`Project.ExpectedCustomerSpend[${i}].TargetCompany`, 'INVALID_VALUE', 'TargetCompany must be AWS or Self when ExpectedContractDuration is present.'));
			}
		});
		if (selfIdx.length === 0 && ctx.isCreate) {
			errors.push(err('Project.ExpectedContractDuration', 'INVALID_VALUE', 'ExpectedContractDuration requires an ExpectedCustomerSpend entry with TargetCompany Self.'));
		}
	} else if (selfIdx.length > 0) {
		errors.push(err(`Project.ExpectedCustomerSpend[${selfIdx[0]}].TargetCompany`, 'INVALID_VALUE', 'A Self entry requires Project.ExpectedContractDuration.'));
	}
	if (selfIdx.length > 1) {
		errors.push(err('Project.ExpectedCustomerSpend', 'INVALID_VALUE', 'Only one ExpectedCustomerSpend entry may have TargetCompany Self.'));
	}
	for (const i of selfIdx) {
		const self = spend[i];
		if (self.EstimationUrl) {
			errors.push(err(`Project.ExpectedCustomerSpend[${i}].EstimationUrl`, 'INVALID_VALUE', 'A Self entry cannot have an EstimationUrl.'));
		}
		const awsCur = spend.find((s) => s.TargetCompany === 'AWS')?.CurrencyCode;
		if (awsCur && self.CurrencyCode && awsCur !== self.CurrencyCode) {
			errors.push(err(`Project.ExpectedCustomerSpend[${i}].CurrencyCode`, 'INVALID_VALUE', 'The Self entry must use the same currency as the AWS entries.'));
		}
	}
	return errors;
}

/** Fields AWS needs before it accepts a submission (C6 "Inbound Mandatory" list). Returns missing/invalid ones. */
export function submissionErrors(data: Json, related: Record<string, string[]>, involvementType: string): FieldError[] {
	const errors: FieldError[] = [];
	const natSec = get(data, 'NationalSecurity') === 'Yes';
	const need = (path: string, ok: boolean, message = `${path} is required for submission.`) => {
		if (!ok) errors.push(err(path, 'REQUIRED_FIELD_MISSING', message));
	};
	const present = (p: string) => {
		const v = get(data, p);
		return !(v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0));
	};
	need('Customer.Account.CompanyName', natSec || present('Customer.Account.CompanyName'));
	need('Customer.Account.Industry', present('Customer.Account.Industry'));
	need('Customer.Account.WebsiteUrl', natSec || present('Customer.Account.WebsiteUrl'));
	need('Customer.Account.Address.CountryCode', present('Customer.Account.Address.CountryCode'));
	if (get(data, 'Customer.Account.Address.CountryCode') === 'US' && !natSec) need('Customer.Account.Address.StateOrRegion', present('Customer.Account.Address.StateOrRegion'));
	need('Project.Title', present('Project.Title'));
	need('Project.CustomerBusinessProblem', present('Project.CustomerBusinessProblem'));
	need('Project.CustomerUseCase', present('Project.CustomerUseCase'));
	need('Project.DeliveryModels', present('Project.DeliveryModels'));
	need('Project.SalesActivities', present('Project.SalesActivities'));
	need('LifeCycle.TargetCloseDate', present('LifeCycle.TargetCloseDate'));
	if (involvementType === 'Co-Sell') need('PrimaryNeedsFromAws', present('PrimaryNeedsFromAws'), 'PrimaryNeedsFromAws is required for a Co-Sell submission.');
	const spend = (get(data, 'Project.ExpectedCustomerSpend') as Json[] | undefined) ?? [];
	const awsSpend = spend.filter((s) => s.TargetCompany !== 'Self');
	if (!awsSpend.some((s) => Number(s.Amount ?? 0) > 0)) {
		errors.push(err('Project.ExpectedCustomerSpend', 'REQUIRED_FIELD_MISSING', 'Expected monthly AWS revenue must be greater than 0.'));
	}
	const stage = get(data, 'LifeCycle.Stage');
	if (stage === 'Closed Lost') errors.push(err('LifeCycle.Stage', 'INVALID_VALUE', 'Opportunities that were closed/lost before submission are not suitable for submission.'));
	const solutions = ['Solutions', 'AwsMarketplaceSolutions', 'AwsMarketplaceProducts'].reduce((n, k) => n + (related[k] ?? []).length, 0);
	if (solutions < 1) {
		errors.push(err('RelatedEntityIdentifiers.Solutions', 'REQUIRED_FIELD_MISSING', 'Associate at least one Partner Solution, AWS Marketplace Solution, or AWS Marketplace Product before submission.'));
	}
	return errors;
}
