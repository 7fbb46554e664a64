/**
 * HubSpot industry -> Partner Central industry. Exact lookups only (internal value, label, or an AWS industry
 * typed directly); unknown text becomes Other with the text in OtherIndustry. Never substring matching.
 */
import type { MapperConfig } from './config';
import { LIMITS } from './tables/constraints';
import {
	AWS_INDUSTRIES,
	AWS_TO_HUBSPOT_INDUSTRY,
	HUBSPOT_INDUSTRIES,
	type AwsIndustry,
} from './tables/industries';
import { clean, lookupKey, truncate } from './text';

const byKey = new Map<string, AwsIndustry>();
for (const [value, label, aws] of HUBSPOT_INDUSTRIES) {
	byKey.set(lookupKey(value), aws);
	byKey.set(lookupKey(label), aws);
}
const awsByKey = new Map<string, AwsIndustry>(AWS_INDUSTRIES.map((i) => [lookupKey(i), i]));

export interface IndustryResult {
	Industry?: AwsIndustry;
	OtherIndustry?: string;
	/** How it was found: table, override, aws (already an AWS value), other (fallback), none (empty). */
	source: 'table' | 'override' | 'aws' | 'other' | 'none';
}

export function mapIndustry(value: unknown, config: MapperConfig): IndustryResult {
	const text = clean(value);
	if (!text) return { source: 'none' };
	const override = config.industryOverrides[text.toUpperCase()];
	if (override) return { Industry: override, source: 'override' };
	const fromTable = byKey.get(lookupKey(text));
	if (fromTable) return { Industry: fromTable, source: 'table' };
	const aws = awsByKey.get(lookupKey(text));
	if (aws && aws !== 'Other') return { Industry: aws, source: 'aws' };
	const label = HUBSPOT_INDUSTRIES.find(([v]) => v === text)?.[1] ?? text;
	return { Industry: 'Other', OtherIndustry: truncate(label.replace(/_/gu, ' '), LIMITS.otherIndustry), source: 'other' };
}

/** The HubSpot industry option for a Partner Central industry (for companies the sync creates). */
export function hubspotIndustryFor(awsIndustry: string | undefined): string | undefined {
	if (!awsIndustry) return undefined;
	return AWS_TO_HUBSPOT_INDUSTRY[awsIndustry as AwsIndustry] ?? undefined;
}
