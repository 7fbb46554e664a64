/** Helpers shared by the API route modules. */
import { validationError } from '../errors';
import { resolveObjectType, type ObjectTypeDef } from '../schema/objectTypes';
import type { Ctx } from '../router';

export const BATCH_MAX_INPUTS = 100;

/** Path segment -> object type; HubSpot answers unknown types with 400 "Unable to infer object type from: x". */
export function typeParam(ctx: Ctx, key = 'type'): ObjectTypeDef {
	const t = resolveObjectType(ctx.params[key]);
	if (!t) throw validationError(`Unable to infer object type from: ${ctx.params[key]}`);
	return t;
}

/** `properties=a,b&properties=c` -> [a, b, c]. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
	const all = query.getAll(name);
	if (!all.length) return undefined;
	return all.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function bodyObject(ctx: Ctx): Record<string, unknown> {
	const b = ctx.body;
	if (b === undefined || b === null) return {};
	if (typeof b !== 'object' || Array.isArray(b)) throw validationError('Invalid input JSON: expected an object.');
	return b as Record<string, unknown>;
}

/** Batch `inputs` (hubspot.md 2.4: batch inputs <= 100). */
export function batchInputs(ctx: Ctx): Array<Record<string, unknown>> {
	const inputs = bodyObject(ctx).inputs;
	if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: "inputs" is required and must be an array.');
	if (inputs.length > BATCH_MAX_INPUTS) {
		throw validationError(`Invalid input JSON: "inputs" size must be between 0 and ${BATCH_MAX_INPUTS}, got ${inputs.length}.`, {
			context: { size: [String(inputs.length)], max: [String(BATCH_MAX_INPUTS)] },
		});
	}
	return inputs.map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>) : {}));
}

export function batchEnvelope(startedAt: string, completedAt: string, results: unknown[], errors: unknown[]): Record<string, unknown> {
	const out: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt };
	if (errors.length) {
		out.numErrors = errors.length;
		out.errors = errors;
	}
	return out;
}

export function limitParam(query: URLSearchParams, dflt: number, max: number): number {
	const raw = query.get('limit');
	if (raw === null) return dflt;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > max) throw validationError(`limit must be an integer between 1 and ${max}, got ${raw}.`);
	return n;
}
