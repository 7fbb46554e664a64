import type { IDataObject } from 'n8n-workflow';

/**
 * SDK output -> JSON that n8n can store and compare: Dates become ISO-8601 strings, binary becomes base64,
 * undefined members and the SDK's `$metadata` disappear.
 */
export function toJsonSafe(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
	if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toJsonSafe(v)));
	if (value && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			if (v === undefined || k === '$metadata') continue;
			out[k] = toJsonSafe(v) as IDataObject[keyof IDataObject];
		}
		return out;
	}
	if (typeof value === 'bigint') return value.toString();
	return value;
}

export function toJsonObject(value: unknown): IDataObject {
	const safe = toJsonSafe(value);
	return safe && typeof safe === 'object' && !Array.isArray(safe) ? (safe as IDataObject) : { value: safe as string };
}
