import { createHash } from 'crypto';

import { stableStringify } from './stableJson';

/**
 * A short, stable hash of the synced fields in one direction. Written next to the data on both sides, it lets a
 * workflow recognise its own echo (the other side reports back what we just wrote) and skip no-op updates.
 * Empty strings, nulls and missing values are treated alike, so a round trip through a system that drops empty
 * fields keeps the same fingerprint.
 */
export function syncFingerprint(fields: Record<string, unknown>): string {
	return createHash('sha256').update(stableStringify(normalise(fields))).digest('hex').slice(0, 16);
}

function normalise(value: unknown): unknown {
	if (value === null || value === undefined || value === '') return undefined;
	if (Array.isArray(value)) {
		const items = value.map(normalise).filter((v) => v !== undefined);
		return items.length ? items : undefined;
	}
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			const n = normalise(v);
			if (n !== undefined) out[k] = n;
		}
		return Object.keys(out).length ? out : undefined;
	}
	return String(value);
}
