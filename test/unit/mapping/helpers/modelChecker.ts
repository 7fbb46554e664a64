/**
 * A small checker of values against the official Partner Central service model (service-2.json), read at test
 * time from ../shared/specs (never copied into the project). It checks required members, unknown members, enums,
 * patterns (full match; `(?s)` becomes the `s` flag, always `u`), string lengths and list sizes.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Shape {
	type: string;
	members?: Record<string, { shape: string }>;
	member?: { shape: string };
	required?: string[];
	enum?: string[];
	pattern?: string;
	min?: number;
	max?: number;
}

interface Model {
	shapes: Record<string, Shape>;
	operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
}

export const MODEL_PATH = path.resolve(__dirname, '../../../../../shared/specs/partnercentral-selling/service-2.json');

let cached: Model | null | undefined;

export function loadModel(): Model | null {
	if (cached !== undefined) return cached;
	cached = fs.existsSync(MODEL_PATH) ? (JSON.parse(fs.readFileSync(MODEL_PATH, 'utf8')) as Model) : null;
	return cached;
}

/** Runs `fn` only when the model is present; otherwise prints why the check is skipped. */
export function withModel(what: string): Model | null {
	const model = loadModel();
	if (!model) console.log(`[mapping tests] ${MODEL_PATH} not found: skipping "${what}" (model-constraint check)`);
	return model;
}

const regexCache = new Map<string, RegExp>();

export function modelRegex(pattern: string): RegExp {
	let re = regexCache.get(pattern);
	if (!re) {
		let flags = 'u';
		let body = pattern;
		if (body.startsWith('(?s)')) {
			flags += 's';
			body = body.slice(4);
		}
		re = new RegExp(`^(?:${body})$`, flags);
		regexCache.set(pattern, re);
	}
	return re;
}

export function checkShape(model: Model, shapeName: string, value: unknown, at = ''): string[] {
	const shape = model.shapes[shapeName];
	if (!shape) return [`${at}: unknown shape ${shapeName}`];
	const errors: string[] = [];
	switch (shape.type) {
		case 'structure': {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: expected an object`];
			const obj = value as Record<string, unknown>;
			for (const r of shape.required ?? []) {
				if (obj[r] === undefined || obj[r] === null) errors.push(`${at}.${r}: required`);
			}
			for (const [k, v] of Object.entries(obj)) {
				if (v === undefined) continue;
				const member = shape.members?.[k];
				if (!member) errors.push(`${at}.${k}: not a member of ${shapeName}`);
				else errors.push(...checkShape(model, member.shape, v, `${at}.${k}`));
			}
			return errors;
		}
		case 'list': {
			if (!Array.isArray(value)) return [`${at}: expected a list`];
			if (shape.min !== undefined && value.length < shape.min) errors.push(`${at}: fewer than ${shape.min} items`);
			if (shape.max !== undefined && value.length > shape.max) errors.push(`${at}: more than ${shape.max} items`);
			value.forEach((v, i) => errors.push(...checkShape(model, shape.member!.shape, v, `${at}[${i}]`)));
			return errors;
		}
		case 'string': {
			if (typeof value !== 'string') return [`${at}: expected a string`];
			if (shape.enum && !shape.enum.includes(value)) errors.push(`${at}: "${value}" not in enum ${shapeName}`);
			if (shape.pattern && !modelRegex(shape.pattern).test(value)) errors.push(`${at}: "${value.slice(0, 60)}" does not match ${shape.pattern}`);
			const n = Array.from(value).length;
			if (shape.min !== undefined && n < shape.min) errors.push(`${at}: shorter than ${shape.min}`);
			if (shape.max !== undefined && n > shape.max) errors.push(`${at}: longer than ${shape.max}`);
			return errors;
		}
		case 'timestamp':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? [] : [`${at}: expected a timestamp`];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
		case 'integer':
		case 'long':
			return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
		default:
			return [];
	}
}

/** Problems of an operation's input against the model, e.g. checkInput(model, 'CreateOpportunity', request). */
export function checkInput(model: Model, operation: string, value: unknown): string[] {
	const input = model.operations[operation]?.input?.shape;
	if (!input) return [`unknown operation ${operation}`];
	return checkShape(model, input, value, operation);
}

/** The member shape at a dotted path of a structure, e.g. ('Account', 'CompanyName'). */
export function memberShape(model: Model, structure: string, member: string): Shape | undefined {
	const s = model.shapes[structure]?.members?.[member];
	return s ? model.shapes[s.shape] : undefined;
}

/** Text of a member's documentation (for lists AWS gives only in docs). */
export function memberDoc(model: Model, structure: string, member: string): string {
	const m = model.shapes[structure]?.members?.[member] as { documentation?: string } | undefined;
	return m?.documentation ?? '';
}
