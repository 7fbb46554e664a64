/** Small string helpers shared by the mapping functions. */

/** Trimmed text, or '' for null/undefined/whitespace. */
export function clean(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value).replace(/\s+/gu, ' ').trim();
}

/** Like clean() but keeps line breaks (for long texts such as the business problem). */
export function cleanMultiline(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value)
		.replace(/\r\n?/gu, '\n')
		.replace(/[ \t]+/gu, ' ')
		.replace(/\n{3,}/gu, '\n\n')
		.trim();
}

/** Lookup key: lower case, accents removed, "&" = "and", "St." = "Saint", punctuation and spaces dropped. */
export function lookupKey(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/gu, '')
		.toLowerCase()
		.replace(/&/gu, ' and ')
		.replace(/\bst\.?\s/gu, 'saint ')
		.replace(/[^a-z0-9]/gu, '');
}

/** Cut to at most `max` characters (by code points, so emoji are never split). */
export function truncate(value: string, max: number): string {
	const chars = Array.from(value);
	return chars.length <= max ? value : chars.slice(0, max).join('').trimEnd();
}

export function charLength(value: string): number {
	return Array.from(value).length;
}

/** Values of a multi-value text: HubSpot multi-checkboxes use ';', people type ',' too (when no ';' is present). */
export function splitMulti(value: string): string[] {
	const sep = value.includes(';') ? ';' : ',';
	return value
		.split(sep)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** The allowed value matching `input` ignoring case and punctuation, or undefined. */
export function matchAllowed(input: string, allowed: readonly string[]): string | undefined {
	const key = lookupKey(input);
	if (!key) return undefined;
	return allowed.find((a) => a === input) ?? allowed.find((a) => lookupKey(a) === key);
}
