import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Operation fields as data: each FieldSpec is one UI parameter and the request path it fills. Enumerations come
 * from the SDK's enum objects at runtime, so the dropdowns always match the installed API version.
 */

export type FieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	| 'stringList'
	| 'json'
	| 'dateTime';

export interface FieldSpec {
	/** n8n parameter name. */
	name: string;
	/** Label shown in the UI. */
	label: string;
	/** Where the value goes in the request, dotted (e.g. `Customer.Account.CompanyName`). */
	path: string;
	type?: FieldType;
	enumValues?: Record<string, string>;
	required?: boolean;
	description?: string;
	placeholder?: string;
	default?: string | number | boolean;
	/** For list fields stored as [value] in the request, e.g. a single-status filter. */
	asArray?: boolean;
	/** Show only when other parameters have these values. */
	show?: Record<string, string[]>;
	/** Fill the dropdown from a loadOptions method of the node (type options). */
	loadOptionsMethod?: string;
}

export function enumOptions(values: Record<string, string>): INodePropertyOptions[] {
	return Array.from(new Set(Object.values(values)))
		.sort((a, b) => a.localeCompare(b))
		.map((value) => ({ name: value, value }));
}

function emptyDefault(type: FieldType): string | number | boolean | string[] {
	switch (type) {
		case 'number':
			return 0;
		case 'boolean':
			return false;
		case 'multiOptions':
			return [];
		case 'json':
			return '{}';
		default:
			return '';
	}
}

/** The n8n parameter for a spec (no displayOptions: the caller adds them). */
export function toProperty(spec: FieldSpec): INodeProperties {
	const type = spec.type ?? 'string';
	const property: INodeProperties = {
		displayName: spec.label,
		name: spec.name,
		type: type === 'stringList' ? 'string' : type,
		default: spec.default ?? emptyDefault(type),
	};
	if (spec.required) property.required = true;
	if (spec.show) property.displayOptions = { show: spec.show };
	if (spec.loadOptionsMethod) {
		property.typeOptions = { loadOptionsMethod: spec.loadOptionsMethod };
		property.description =
			`${spec.description ?? ''} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`.trim();
	}
	if (spec.placeholder) property.placeholder = spec.placeholder;
	let description = property.description ?? spec.description;
	if (type === 'stringList') {
		description = `${description ? `${description}. ` : ''}Several values: separate them with commas`;
	}
	if (description) property.description = description;
	if ((type === 'options' || type === 'multiOptions') && spec.enumValues) {
		property.options = enumOptions(spec.enumValues);
		if (type === 'options' && !spec.required && spec.default === undefined) {
			property.options = [{ name: '(Not Set)', value: '' }, ...property.options];
		}
	}
	return property;
}

/** A UI value converted for the request; undefined when the field is empty (left out of the request). */
export function convertValue(spec: FieldSpec, value: unknown): unknown {
	const type = spec.type ?? 'string';
	if (value === undefined || value === null) return undefined;
	switch (type) {
		case 'string':
		case 'options':
		case 'dateTime': {
			const s = String(value).trim();
			if (s === '') return undefined;
			return spec.asArray ? [s] : s;
		}
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
		case 'boolean':
			return Boolean(value);
		case 'multiOptions':
			return Array.isArray(value) && value.length ? value : undefined;
		case 'stringList': {
			const list = (Array.isArray(value) ? value.map(String) : String(value).split(','))
				.map((s) => s.trim())
				.filter((s) => s !== '');
			return list.length ? list : undefined;
		}
		case 'json': {
			if (typeof value === 'object') return value;
			const s = String(value).trim();
			if (s === '' || s === '{}' || s === '[]') return undefined;
			return JSON.parse(s) as unknown;
		}
	}
}

export function setPath(target: IDataObject, path: string, value: unknown): void {
	const parts = path.split('.');
	let cur = target;
	for (const p of parts.slice(0, -1)) {
		if (typeof cur[p] !== 'object' || cur[p] === null || Array.isArray(cur[p])) cur[p] = {};
		cur = cur[p] as IDataObject;
	}
	cur[parts[parts.length - 1]] = value as IDataObject[keyof IDataObject];
}

export const additionalJsonField: INodeProperties = {
	displayName: 'Additional Fields (JSON)',
	name: 'additionalFieldsJson',
	type: 'json',
	default: '{}',
	description:
		"Any other request members, in the API's own shape (see the AWS Partner Central API reference). Merged over the fields above; a value here wins.",
};

export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export const clientTokenFields: INodeProperties[] = [
	{
		displayName: 'Client Token',
		name: 'clientTokenMode',
		type: 'options',
		default: 'deterministic',
		options: [
			{
				name: 'Same Request, Same Token (Recommended)',
				value: 'deterministic',
				description:
					'Token = hash of the operation, the Idempotency Key and the request body: re-running the same request returns the first result instead of creating a duplicate',
			},
			{
				name: 'New Random Token Every Run',
				value: 'random',
				description: 'Every execution creates a new record, even when nothing changed',
			},
			{ name: 'My Own Token', value: 'custom' },
		],
		description:
			'How the idempotency ClientToken is chosen. Default: derived from the operation, the Idempotency Key (or the record this acts on) and the request body, so workflow re-runs never create duplicates.',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		displayOptions: { show: { clientTokenMode: ['deterministic'] } },
		placeholder: 'e.g. {{ $json.dealId }}',
		description:
			'Stable ID of what this item stands for (e.g. the HubSpot deal ID). Empty: the record this operation acts on is used.',
	},
	{
		displayName: 'Token',
		name: 'clientToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { clientTokenMode: ['custom'] } },
		description: 'Up to 64 letters and digits (CreateEngagement) or 255 characters (other operations)',
	},
];

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll the task until it completes or fails (a failure stops with its reason code) instead of returning right after it starts',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'waitTimeoutSeconds',
		type: 'number',
		default: 300,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { waitForCompletion: [true] } },
		description: 'Give up waiting after this long (the task keeps running in Partner Central)',
	},
];
