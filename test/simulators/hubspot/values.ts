/**
 * Property value rules (hubspot.md 2.2: values travel as strings; numbers, dates and booleans included).
 * normalizeValue() turns an incoming JSON value into the stored string or returns a HubSpot-style error code.
 */
import type { PropertyRecord } from './properties';

export type Normalized = { ok: true; value: string | null } | { ok: false; error: string; message: string };

/** Parses ms-epoch strings/numbers and ISO 8601 strings; returns ms or undefined. */
const parsed = new Map<string, number | undefined>();

export function parseTimestamp(raw: string): number | undefined {
	if (parsed.has(raw)) return parsed.get(raw);
	if (parsed.size > 200_000) parsed.clear();
	const ms = parseTimestampUncached(raw);
	parsed.set(raw, ms);
	return ms;
}

function parseTimestampUncached(raw: string): number | undefined {
	const s = raw.trim();
	if (/^-?\d+$/.test(s)) return Number(s);
	if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : s);
	return Number.isNaN(ms) ? undefined : ms;
}

export function normalizeValue(prop: PropertyRecord, input: unknown, allowedOptions: string[] | undefined): Normalized {
	if (input === null || input === undefined) return { ok: true, value: null };
	if (typeof input === 'object') {
		return { ok: false, error: 'INVALID_PROPERTY_VALUE', message: `${JSON.stringify(input)} is not a valid value for ${prop.name}` };
	}
	const raw = String(input);
	if (raw === '') return { ok: true, value: null };
	switch (prop.type) {
		case 'number': {
			const n = Number(raw.trim());
			if (raw.trim() === '' || !Number.isFinite(n)) return { ok: false, error: 'INVALID_DECIMAL', message: `${raw} was not a valid number.` };
			return { ok: true, value: raw.trim() };
		}
		case 'datetime': {
			const ms = parseTimestamp(raw);
			if (ms === undefined) return { ok: false, error: 'INVALID_DATE', message: `${raw} was not a valid long or ISO 8601 date-time.` };
			return { ok: true, value: new Date(ms).toISOString() };
		}
		case 'date': {
			const ms = parseTimestamp(raw);
			if (ms === undefined) return { ok: false, error: 'INVALID_DATE', message: `${raw} was not a valid date.` };
			if (ms % 86_400_000 !== 0) {
				return { ok: false, error: 'INVALID_DATE', message: `${raw} is not at midnight UTC; date properties take midnight UTC values.` };
			}
			return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
		}
		case 'bool': {
			const b = raw.trim().toLowerCase();
			if (b !== 'true' && b !== 'false') return { ok: false, error: 'INVALID_BOOLEAN', message: `${raw} was not a valid boolean (true or false).` };
			return { ok: true, value: b };
		}
		case 'enumeration': {
			const options = allowedOptions ?? [];
			const values = prop.fieldType === 'checkbox' ? raw.split(';').filter((v) => v !== '') : [raw];
			const bad = values.find((v) => !options.includes(v));
			if (bad !== undefined) {
				return {
					ok: false,
					error: 'INVALID_OPTION',
					message: `${bad} was not one of the allowed options: [${options.map((o) => `label: "${o}"`).join(', ')}]`,
				};
			}
			return { ok: true, value: values.join(';') };
		}
		default:
			return { ok: true, value: prop.name === 'email' ? raw.trim().toLowerCase() : raw };
	}
}
