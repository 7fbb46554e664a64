/**
 * Validates a request body against the constraint table derived from the official model (model/constraints.ts).
 * Produces ErrorList entries like the real service: {FieldName, Message, Code}.
 */
import type { ShapeConstraint } from './model/build';
import { CONSTRAINTS } from './model/constraints';

export interface FieldError {
	FieldName: string;
	Message: string;
	Code:
		| 'REQUIRED_FIELD_MISSING'
		| 'INVALID_ENUM_VALUE'
		| 'INVALID_STRING_FORMAT'
		| 'INVALID_VALUE'
		| 'TOO_MANY_VALUES'
		| 'NOT_ENOUGH_VALUES'
		| 'ACTION_NOT_PERMITTED'
		| 'DUPLICATE_KEY_VALUE'
		| 'VALUE_OUT_OF_RANGE'
		| 'INVALID_RESOURCE_STATE';
}

const regexCache = new Map<string, RegExp>();

/** Model pattern -> anchored JS RegExp: a leading `(?s)` becomes the `s` flag; the `u` flag is always set. */
export function modelPatternToRegExp(pattern: string): RegExp {
	let re = regexCache.get(pattern);
	if (re) return re;
	let source = pattern;
	let flags = 'u';
	if (source.startsWith('(?s)')) {
		source = source.slice(4);
		flags += 's';
	}
	re = new RegExp(`^(?:${source})$`, flags);
	regexCache.set(pattern, re);
	return re;
}

function join(path: string, member: string): string {
	return path ? `${path}.${member}` : member;
}

function walk(value: unknown, shapeName: string, path: string, errors: FieldError[]): void {
	const shape: ShapeConstraint | undefined = CONSTRAINTS.shapes[shapeName];
	if (!shape || value === null || value === undefined) return;
	switch (shape.type) {
		case 'structure': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				errors.push({ FieldName: path, Message: `${path} must be an object`, Code: 'INVALID_VALUE' });
				return;
			}
			const obj = value as Record<string, unknown>;
			for (const req of shape.required ?? []) {
				if (obj[req] === undefined || obj[req] === null) {
					errors.push({
						FieldName: join(path, req),
						Message: `${join(path, req)} is required but was not provided`,
						Code: 'REQUIRED_FIELD_MISSING',
					});
				}
			}
			if (shape.union) {
				const set = Object.keys(shape.members).filter((m) => obj[m] !== undefined && obj[m] !== null);
				if (set.length !== 1) {
					errors.push({
						FieldName: path,
						Message: `${path} must have exactly one of ${Object.keys(shape.members).join(', ')} set`,
						Code: 'INVALID_VALUE',
					});
				}
			}
			for (const [member, memberShape] of Object.entries(shape.members)) {
				walk(obj[member], memberShape, join(path, member), errors);
			}
			return;
		}
		case 'list': {
			if (!Array.isArray(value)) {
				errors.push({ FieldName: path, Message: `${path} must be a list`, Code: 'INVALID_VALUE' });
				return;
			}
			if (shape.min !== undefined && value.length < shape.min) {
				errors.push({
					FieldName: path,
					Message: `${path} must contain at least ${shape.min} item(s)`,
					Code: 'NOT_ENOUGH_VALUES',
				});
			}
			if (shape.max !== undefined && value.length > shape.max) {
				errors.push({
					FieldName: path,
					Message: `${path} must contain at most ${shape.max} item(s)`,
					Code: 'TOO_MANY_VALUES',
				});
			}
			value.forEach((item, i) => walk(item, shape.member, `${path}[${i}]`, errors));
			return;
		}
		case 'map': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				errors.push({ FieldName: path, Message: `${path} must be a map`, Code: 'INVALID_VALUE' });
				return;
			}
			const entries = Object.entries(value as Record<string, unknown>);
			if (shape.min !== undefined && entries.length < shape.min) {
				errors.push({ FieldName: path, Message: `${path} has too few entries`, Code: 'NOT_ENOUGH_VALUES' });
			}
			if (shape.max !== undefined && entries.length > shape.max) {
				errors.push({ FieldName: path, Message: `${path} has too many entries`, Code: 'TOO_MANY_VALUES' });
			}
			for (const [k, v] of entries) {
				walk(k, shape.key, `${path}.${k}`, errors);
				walk(v, shape.value, `${path}.${k}`, errors);
			}
			return;
		}
		case 'string': {
			if (typeof value !== 'string') {
				errors.push({ FieldName: path, Message: `${path} must be a string`, Code: 'INVALID_VALUE' });
				return;
			}
			if (shape.enum && !shape.enum.includes(value)) {
				errors.push({
					FieldName: path,
					Message:
						shape.enum.length <= 30
							? `${path} has an invalid value '${value}'. Valid values: ${shape.enum.join(', ')}`
							: `${path} has an invalid value '${value}' (not one of the ${shape.enum.length} accepted codes).`,
					Code: 'INVALID_ENUM_VALUE',
				});
				return;
			}
			const length = [...value].length;
			if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) {
				errors.push({
					FieldName: path,
					Message: `${path} length must be between ${shape.min ?? 0} and ${shape.max ?? 'unlimited'} characters`,
					Code: 'INVALID_STRING_FORMAT',
				});
				return;
			}
			if (shape.pattern !== undefined && !modelPatternToRegExp(shape.pattern).test(value)) {
				errors.push({
					FieldName: path,
					Message: `${path} does not match the required format`,
					Code: 'INVALID_STRING_FORMAT',
				});
			}
			return;
		}
		case 'integer':
		case 'long':
		case 'double': {
			if (typeof value !== 'number' || (shape.type !== 'double' && !Number.isInteger(value))) {
				errors.push({ FieldName: path, Message: `${path} must be a number`, Code: 'INVALID_VALUE' });
				return;
			}
			if ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max)) {
				errors.push({
					FieldName: path,
					Message: `${path} must be between ${shape.min ?? '-inf'} and ${shape.max ?? 'inf'}`,
					Code: 'VALUE_OUT_OF_RANGE',
				});
			}
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') errors.push({ FieldName: path, Message: `${path} must be a boolean`, Code: 'INVALID_VALUE' });
			return;
		case 'timestamp': {
			const ok =
				(typeof value === 'string' && !Number.isNaN(Date.parse(value))) ||
				(typeof value === 'number' && Number.isFinite(value));
			if (!ok) errors.push({ FieldName: path, Message: `${path} must be an ISO-8601 timestamp`, Code: 'INVALID_STRING_FORMAT' });
			return;
		}
	}
}

export function isKnownOperation(operation: string): boolean {
	return Object.prototype.hasOwnProperty.call(CONSTRAINTS.operations, operation);
}

/** Validates the whole request body of `operation`; returns the field errors (empty when valid). */
export function validateRequest(operation: string, body: unknown): FieldError[] {
	const errors: FieldError[] = [];
	const input = CONSTRAINTS.operations[operation];
	if (!input) return errors;
	walk(body ?? {}, input, '', errors);
	return errors;
}
