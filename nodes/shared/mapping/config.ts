/**
 * The mapper's settings: one plain object, defaults below, `parseMapperConfig` builds it from the node's
 * parameters (names in nodes/PartnerCentralMapper/description.ts). Every function in this folder takes it.
 */
import { AWS_CLOSED_LOST_REASONS } from './tables/closedLostReasons';
import {
	DEFAULT_OPPORTUNITY_VALUES,
	DEFAULT_OVERRIDE_PROPERTIES,
	type OpportunityDefaults,
	type OverridePropertyNames,
} from './tables/defaults';
import { AWS_INDUSTRIES, type AwsIndustry } from './tables/industries';
import {
	AWS_STAGES,
	DEFAULT_PIPELINE_ID,
	DEFAULT_STAGE_MAPS,
	type AwsStage,
	type PipelineStageMap,
} from './tables/stages';

export type CurrencyPolicy = 'reject' | 'convert';

export interface MapperConfig {
	/** Catalog written into requests; '' leaves it to the credential (the transport fills it). */
	catalog: '' | 'AWS' | 'Sandbox';
	/** Tag that marks co-sell deals in HubSpot; removed from titles sent to AWS, added to deals created from AWS. */
	titleTag: string;
	stageMaps: PipelineStageMap[];
	/** Pipeline of deals the sync creates (from opportunities and referrals). */
	newDealPipelineId: string;
	/** AWS stage whose deal stage a new AWS referral deal gets. */
	referralStage: AwsStage;
	/** HubSpot industry value -> Partner Central industry, on top of the built-in table. */
	industryOverrides: Record<string, AwsIndustry>;
	/** Expected monthly AWS spend = HubSpot amount × amountRatio (1/12 when amounts are yearly values). */
	amountRatio: number;
	/** Currency assumed when the deal has none. */
	defaultCurrency: 'USD' | 'EUR';
	/** Deals in other currencies: reject with a clear error, or convert with the rates below. */
	currencyPolicy: CurrencyPolicy;
	convertTo: 'USD' | 'EUR';
	/** 1 unit of the key currency = rate units of `convertTo`. */
	conversionRates: Record<string, number>;
	/** Fills a business problem shorter than 20 characters. Placeholders: {{dealname}} {{company}} {{description}}. '' = error. */
	businessProblemTemplate: string;
	/** AWS reason for closed-lost text that matches no rule; '' makes it an error. */
	closedLostFallback: string;
	/** PartnerOpportunityIdentifier = prefix + deal id. */
	partnerIdPrefix: string;
	/** Region for phone numbers written without a country code, when the contact and company have no country. */
	defaultPhoneCountry: string;
	defaults: OpportunityDefaults;
	properties: OverridePropertyNames;
}

export const DEFAULT_MAPPER_CONFIG: MapperConfig = {
	catalog: '',
	titleTag: '#AWS',
	stageMaps: DEFAULT_STAGE_MAPS,
	newDealPipelineId: DEFAULT_PIPELINE_ID,
	referralStage: 'Prospect',
	industryOverrides: {},
	amountRatio: 1 / 12,
	defaultCurrency: 'USD',
	currencyPolicy: 'reject',
	convertTo: 'USD',
	conversionRates: {},
	businessProblemTemplate: '',
	closedLostFallback: 'Other',
	partnerIdPrefix: 'HUBSPOT-',
	defaultPhoneCountry: 'US',
	defaults: DEFAULT_OPPORTUNITY_VALUES,
	properties: DEFAULT_OVERRIDE_PROPERTIES,
};

/** A config with some fields replaced (defaults and property names merged member by member). */
export function mapperConfig(overrides: Partial<MapperConfig> = {}): MapperConfig {
	return {
		...DEFAULT_MAPPER_CONFIG,
		...overrides,
		defaults: { ...DEFAULT_MAPPER_CONFIG.defaults, ...(overrides.defaults ?? {}) },
		properties: { ...DEFAULT_MAPPER_CONFIG.properties, ...(overrides.properties ?? {}) },
	};
}

type Params = Record<string, unknown>;

function str(v: unknown, fallback: string): string {
	return typeof v === 'string' ? v.trim() : fallback;
}

function list(v: unknown): Params[] {
	return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Params[]) : [];
}

function strings(v: unknown, fallback: string[]): string[] {
	return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : fallback;
}

/**
 * Build the config from node parameters. Returns the problems with the settings themselves (a workflow author's
 * mistake, not bad deal data: the node reports them as a configuration error).
 */
export function parseMapperConfig(params: Params): { config: MapperConfig; errors: string[] } {
	const errors: string[] = [];
	const base = DEFAULT_MAPPER_CONFIG;

	// Stage maps: user maps replace the built-in map of the same pipeline.
	const userMaps: PipelineStageMap[] = [];
	const stageParams = (params.stageMaps as Params | undefined)?.pipeline;
	for (const p of list(stageParams)) {
		const pipelineId = str(p.pipelineId, '');
		if (!pipelineId) {
			errors.push('Stage mapping: a pipeline has no pipeline ID');
			continue;
		}
		const toAws: Record<string, AwsStage> = {};
		const fromAws: Partial<Record<AwsStage, string>> = {};
		for (const s of list((p.stages as Params | undefined)?.stage)) {
			const hubspotStage = str(s.hubspotStage, '');
			const awsStage = str(s.awsStage, '') as AwsStage;
			if (!hubspotStage) continue;
			if (!AWS_STAGES.includes(awsStage)) {
				errors.push(`Stage mapping for pipeline ${pipelineId}: "${awsStage}" is not a Partner Central stage`);
				continue;
			}
			toAws[hubspotStage] = awsStage;
			if (s.preferredForAws === true) fromAws[awsStage] = hubspotStage;
		}
		userMaps.push({ pipelineId, toAws, fromAws });
	}
	const stageMaps = [
		...userMaps,
		...base.stageMaps.filter((m) => !userMaps.some((u) => u.pipelineId === m.pipelineId)),
	];

	const industryOverrides: Record<string, AwsIndustry> = {};
	for (const o of list((params.industryOverrides as Params | undefined)?.override)) {
		const hubspotValue = str(o.hubspotValue, '');
		const awsIndustry = str(o.awsIndustry, '') as AwsIndustry;
		if (!hubspotValue) continue;
		if (!AWS_INDUSTRIES.includes(awsIndustry)) {
			errors.push(`Industry override for "${hubspotValue}": "${awsIndustry}" is not a Partner Central industry`);
			continue;
		}
		industryOverrides[hubspotValue.toUpperCase()] = awsIndustry;
	}

	let amountRatio = base.amountRatio;
	const customRatio = Number(params.amountRatio ?? 0);
	const months = Number(params.amountMonths ?? 12);
	if (customRatio > 0) amountRatio = customRatio;
	else if (Number.isFinite(months) && months > 0) amountRatio = 1 / months;
	else errors.push('HubSpot Amount Covers (Months) must be a positive number');

	const conversionRates: Record<string, number> = {};
	for (const r of list((params.conversionRates as Params | undefined)?.rate)) {
		const currency = str(r.currency, '').toUpperCase();
		const rate = Number(r.rate);
		if (!/^[A-Z]{3}$/u.test(currency) || !(rate > 0)) {
			errors.push(`Currency conversion: "${currency}" at ${String(r.rate)} is not a valid currency and rate`);
			continue;
		}
		conversionRates[currency] = rate;
	}

	const closedLostFallback = str(params.closedLostFallback, base.closedLostFallback);
	if (closedLostFallback && !(AWS_CLOSED_LOST_REASONS as readonly string[]).includes(closedLostFallback)) {
		errors.push(`"${closedLostFallback}" is not a Partner Central closed lost reason`);
	}

	const d = (params.defaults as Params | undefined) ?? {};
	const defaults: OpportunityDefaults = {
		origin: str(d.origin, base.defaults.origin),
		opportunityType: str(d.opportunityType, base.defaults.opportunityType),
		nationalSecurity: str(d.nationalSecurity, base.defaults.nationalSecurity),
		deliveryModels: strings(d.deliveryModels, base.defaults.deliveryModels),
		primaryNeedsFromAws: strings(d.primaryNeedsFromAws, base.defaults.primaryNeedsFromAws),
		salesActivities: strings(d.salesActivities, base.defaults.salesActivities),
		customerUseCase: str(d.customerUseCase, base.defaults.customerUseCase),
		marketingSource: base.defaults.marketingSource,
	};

	const pn = (params.propertyNames as Params | undefined) ?? {};
	const properties = { ...base.properties };
	for (const key of Object.keys(properties) as Array<keyof OverridePropertyNames>) {
		const v = str(pn[key], '');
		if (v) properties[key] = v;
	}

	const catalog = str(params.catalog, base.catalog);
	const currency = (c: string, fallback: 'USD' | 'EUR'): 'USD' | 'EUR' =>
		c === 'USD' || c === 'EUR' ? c : fallback;
	const referralStage = str(params.referralStage, base.referralStage) as AwsStage;

	const config: MapperConfig = {
		catalog: catalog === 'AWS' || catalog === 'Sandbox' ? catalog : '',
		titleTag: str(params.titleTag, base.titleTag),
		stageMaps,
		newDealPipelineId: str(params.newDealPipelineId, base.newDealPipelineId) || base.newDealPipelineId,
		referralStage: AWS_STAGES.includes(referralStage) ? referralStage : base.referralStage,
		industryOverrides,
		amountRatio,
		defaultCurrency: currency(str(params.defaultCurrency, base.defaultCurrency), base.defaultCurrency),
		currencyPolicy: params.currencyPolicy === 'convert' ? 'convert' : 'reject',
		convertTo: currency(str(params.convertTo, base.convertTo), base.convertTo),
		conversionRates,
		businessProblemTemplate: str(params.businessProblemTemplate, base.businessProblemTemplate),
		closedLostFallback,
		partnerIdPrefix: typeof params.partnerIdPrefix === 'string' ? params.partnerIdPrefix : base.partnerIdPrefix,
		defaultPhoneCountry: str(params.defaultPhoneCountry, base.defaultPhoneCountry).toUpperCase() || 'US',
		defaults,
		properties,
	};
	return { config, errors };
}
