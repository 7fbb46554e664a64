/** The HubSpot field to fix for a Partner Central field path, from tables/fieldMap.ts. */
import type { MapperConfig } from './config';
import type { OverridePropertyNames } from './tables/defaults';
import { FIELD_MAP } from './tables/fieldMap';

export function resolveSource(source: string, config: MapperConfig): string {
	if (source.startsWith('override:')) {
		const key = source.slice('override:'.length) as keyof OverridePropertyNames;
		return `deal.${config.properties[key] ?? key}`;
	}
	return source;
}

/** e.g. `Customer.Account.WebsiteUrl` -> `company.website`; undefined when HubSpot has no source for it. */
export function hubspotSourceOf(path: string, config: MapperConfig): string | undefined {
	const normalised = path.replace(/\[\d+\]/gu, '[]');
	const entry =
		FIELD_MAP.find((e) => e.path === normalised) ??
		FIELD_MAP.find((e) => e.path.replace('[AWS]', '') === normalised) ??
		FIELD_MAP.find((e) => normalised.startsWith(e.path.replace('[AWS]', '')));
	const first = entry?.from.find((f) => f !== 'deal.pipeline');
	return first ? resolveSource(first, config) : undefined;
}
