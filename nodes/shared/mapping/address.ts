/** Country, US state, postal code, website and email normalisation. Lookups use the tables, never substrings. */
import { COUNTRIES, COUNTRY_ALIASES } from './tables/countries';
import { EMAIL_PATTERN, LIMITS } from './tables/constraints';
import { US_STATES, US_STATE_ALIASES } from './tables/usStates';
import { clean, lookupKey } from './text';

const countryByKey = new Map<string, string>();
for (const [code, name] of COUNTRIES) {
	countryByKey.set(lookupKey(name), code);
}
for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryByKey.set(lookupKey(alias), code);
const countryCodes = new Set(COUNTRIES.map(([code]) => code));
const countryNames = new Map(COUNTRIES.map(([code, name]) => [code, name]));
const postalCodeCountries = new Set(COUNTRIES.filter(([, , postal]) => postal).map(([code]) => code));

/** The AWS country code for a HubSpot country text ("United Kingdom", "UK", "gb", "Deutschland"), or undefined. */
export function countryCode(value: unknown): string | undefined {
	const text = clean(value);
	if (!text) return undefined;
	const upper = text.toUpperCase();
	if (/^[A-Z]{2}$/u.test(upper) && countryCodes.has(upper)) return upper;
	return countryByKey.get(lookupKey(text));
}

export function countryName(code: string | undefined): string | undefined {
	return code ? countryNames.get(code) : undefined;
}

export function usesPostalCodes(code: string): boolean {
	return postalCodeCountries.has(code);
}

const stateByKey = new Map<string, string>();
for (const [usps, name] of US_STATES) {
	stateByKey.set(lookupKey(name), name);
	stateByKey.set(usps.toLowerCase(), name);
}
for (const [alias, name] of Object.entries(US_STATE_ALIASES)) stateByKey.set(lookupKey(alias), name);
const stateNames = new Set(US_STATES.map(([, name]) => name));

/** The exact StateOrRegion AWS accepts for a US state ("WA", "wash", "Washington" -> "Washington"), or undefined. */
export function usStateName(value: unknown): string | undefined {
	const text = clean(value);
	if (!text) return undefined;
	if (stateNames.has(text)) return text;
	if (/^[A-Za-z]{2}$/u.test(text)) return stateByKey.get(text.toLowerCase());
	return stateByKey.get(lookupKey(text));
}

export function isAwsStateName(value: string): boolean {
	return stateNames.has(value);
}

/** The USPS code for an AWS state name (used when writing HubSpot companies). */
export function usStateCode(name: string | undefined): string | undefined {
	return US_STATES.find(([, n]) => n === name)?.[0];
}

/** Website with a scheme ("acme.com" -> "https://acme.com"); undefined when empty or not a plausible host. */
export function normaliseWebsite(value: unknown): string | undefined {
	let text = clean(value);
	if (!text) return undefined;
	if (!/^[a-z][a-z0-9+.-]*:\/\//iu.test(text)) text = `https://${text.replace(/^\/\//u, '')}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	if (!/^https?:$/u.test(url.protocol) || !url.hostname.includes('.') || /\s/u.test(text)) return undefined;
	// Keep what the user wrote after the host, without a lone trailing slash.
	const rest = (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+(.*)$/isu.exec(text)?.[1] ?? '').replace(/^\/$/u, '');
	const out = `${url.protocol}//${url.host}${rest}`;
	return out.length >= LIMITS.websiteMin && out.length <= LIMITS.websiteMax ? out : undefined;
}

/** Host part of a website, for HubSpot's `domain` property. */
export function domainOf(website: string | undefined): string | undefined {
	if (!website) return undefined;
	try {
		return new URL(/^[a-z]+:\/\//iu.test(website) ? website : `https://${website}`).hostname.replace(/^www\./u, '');
	} catch {
		return undefined;
	}
}

/** Lower-cased, trimmed email when it matches AWS's pattern; undefined otherwise. */
export function normaliseEmail(value: unknown): string | undefined {
	const text = clean(value).toLowerCase();
	if (!text) return undefined;
	return EMAIL_PATTERN.test(text) ? text : undefined;
}
