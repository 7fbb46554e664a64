/**
 * Canonical JSON: object keys sorted, `undefined` members dropped, so the same data always gives the same text.
 * Used for idempotency tokens and sync fingerprints, where key order must not matter.
 */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		return JSON.stringify(value ?? null);
	}
	if (value instanceof Date) {
		return JSON.stringify(value.toISOString());
	}
	if (Array.isArray(value)) {
		return `[${value.map((v) => stableStringify(v === undefined ? null : v)).join(',')}]`;
	}
	const entries = Object.keys(value as Record<string, unknown>)
		.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
	return `{${entries.join(',')}}`;
}
