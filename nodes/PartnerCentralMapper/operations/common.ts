/** Helpers shared by the mapper's operations: reading JSON inputs without ever throwing on bad data. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MapperConfig } from '../../shared/mapping/config';
import type { Problem } from '../../shared/mapping/problems';

export interface OperationContext {
	ctx: IExecuteFunctions;
	itemIndex: number;
	config: MapperConfig;
	now: Date;
}

export interface OperationResult {
	valid: boolean;
	json: IDataObject;
}

export type InputRead<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A JSON parameter (object, or JSON text) as an object; a readable problem when it is neither. */
export function readObject<T>(op: OperationContext, name: string, label: string, optional = false): InputRead<T | undefined> {
	const raw = op.ctx.getNodeParameter(name, op.itemIndex, optional ? '' : {}) as unknown;
	if (raw === undefined || raw === null || raw === '') {
		if (optional) return { ok: true, value: undefined };
		return { ok: false, problem: { severity: 'error', field: name, code: 'missing', message: `${label} is empty: check the "${label}" field of the mapper` } };
	}
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw) as unknown;
		} catch {
			return { ok: false, problem: { severity: 'error', field: name, code: 'invalid_json', message: `${label} is not valid JSON` } };
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, problem: { severity: 'error', field: name, code: 'invalid_value', message: `${label} must be an object` } };
	}
	return { ok: true, value: value as T };
}

export function invalidInput(problem: Problem, extra: IDataObject = {}): OperationResult {
	return {
		valid: false,
		json: {
			...extra,
			valid: false,
			problems: [problem],
			errors: [problem],
			warnings: [],
			noteBody: `<p><strong>The mapper could not read its input</strong></p><ul><li>${problem.message}</li></ul>`,
			noteText: `Fix: ${problem.message}`,
			summary: problem.message,
			fingerprints: { outbound: '', inbound: '' },
		} as unknown as IDataObject,
	};
}

export function toResult<T extends { valid: boolean }>(result: T): OperationResult {
	return { valid: result.valid, json: result as unknown as IDataObject };
}

/** The standard "where is the data" parameter of an operation. */
export function jsonInput(name: string, displayName: string, operation: string, description: string, def = '={{ $json }}', required = true): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		default: def,
		required,
		description,
		displayOptions: { show: { operation: [operation] } },
	};
}
