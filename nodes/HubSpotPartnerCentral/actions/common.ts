import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, jsonParse } from 'n8n-workflow';

import type { AssociationInput } from '../../shared/hubspot/associations';
import { createAssociations } from '../../shared/hubspot/associations';

/** What every operation file exports. Operations get all input items so they can batch across them. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export function isNodeError(error: unknown): error is NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError;
}

/** Errors leave an operation as NodeApiError/NodeOperationError tied to the item that caused them. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (isNodeError(error)) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

export function errorItem(error: unknown, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	const e = error as { message?: string; description?: string; context?: IDataObject };
	const json: IDataObject = { ...extra, error: e?.message ?? String(error) };
	if (e?.description) json.errorDescription = e.description;
	if (e?.context?.hubspot) json.hubspot = e.context.hubspot as IDataObject;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs `fn` once per item with n8n's conventions: pairedItem on every output, continueOnFail turns a failure into
 * an error item for that input, otherwise the error stops the node with the item's index.
 */
export async function perItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	fn: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await fn(i);
			for (const json of Array.isArray(result) ? result : [result]) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push(errorItem(error, i));
				continue;
			}
			throw asNodeError(ctx, error, i);
		}
	}
	return out;
}

/**
 * A batched step failed for several items at once: with continueOnFail every affected item gets the error,
 * otherwise it is thrown for the first of them.
 */
export function failItems(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndexes: number[],
	results: Map<number, INodeExecutionData[]>,
): void {
	if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndexes[0] ?? 0);
	for (const i of new Set(itemIndexes)) results.set(i, [...(results.get(i) ?? []), errorItem(error, i)]);
}

/** Output items in input order from a per-input map. */
export function inInputOrder(count: number, results: Map<number, INodeExecutionData[]>): INodeExecutionData[] {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < count; i++) out.push(...(results.get(i) ?? []));
	return out;
}

export function requiredString(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Set "${label}" (for example with an expression such as {{ $json.dealId }}).`,
		});
	}
	return text;
}

export function optionalString(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (value === undefined || value === null) return [];
	return String(value)
		.split(/[,;\s]+/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/**
 * Property values from the "Properties (JSON)" field (an object, or JSON text) merged with the "Property Values"
 * list; the list wins on conflicts.
 */
export function readPropertyValues(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('propertiesJson', itemIndex, {}) as unknown;
	let fromJson: IDataObject = {};
	if (typeof raw === 'string') {
		if (raw.trim()) {
			try {
				fromJson = jsonParse<IDataObject>(raw);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), 'Properties (JSON) is not valid JSON', {
					itemIndex,
					description: (error as Error).message,
				});
			}
		}
	} else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
		fromJson = raw as IDataObject;
	}
	if (typeof fromJson !== 'object' || fromJson === null || Array.isArray(fromJson)) {
		throw new NodeOperationError(ctx.getNode(), 'Properties (JSON) must be an object of property name to value', { itemIndex });
	}
	const list = ctx.getNodeParameter('propertyValues.values', itemIndex, []) as Array<{ name?: string; value?: unknown }>;
	const merged: IDataObject = { ...fromJson };
	for (const entry of list ?? []) {
		if (entry?.name) merged[entry.name] = entry.value as IDataObject[string];
	}
	return merged;
}

/** The "Properties (JSON)" + "Property Values" fields shared by write operations. */
export function propertyValueFields(resource: string, operation: string, jsonDefault: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Properties (JSON)',
			name: 'propertiesJson',
			type: 'json',
			default: jsonDefault,
			displayOptions: { show },
			description:
				'HubSpot property names and values as an object, for example the output of the Partner Central Mapper. Values are sent as text.',
		},
		{
			displayName: 'Property Values',
			name: 'propertyValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Property',
			default: {},
			displayOptions: { show },
			description: 'Single values to set; they override the same names in Properties (JSON)',
			options: [
				{
					name: 'values',
					displayName: 'Property',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. aws_sync_status',
							description: 'Internal name of the HubSpot property',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
	];
}

/** Maps a HubSpot batch response's `errors[]` to the input ids they concern (context.ids or the id in the message). */
export function batchErrorsById(response: IDataObject): Map<string, string> {
	const out = new Map<string, string>();
	for (const e of (response.errors as IDataObject[]) ?? []) {
		const message = String(e.message ?? e.category ?? 'failed');
		const ids = ((e.context as IDataObject)?.ids as unknown[]) ?? ((e.context as IDataObject)?.id as unknown[]) ?? [];
		for (const id of Array.isArray(ids) ? ids : [ids]) out.set(String(id), message);
	}
	return out;
}

export function toJson(value: unknown): JsonObject {
	return value as JsonObject;
}

/**
 * Reads each item's request with `read`; an item whose parameters are wrong becomes an error item (Continue On
 * Fail) or stops the node. Batched operations start with this.
 */
export function collectRequests<T extends object>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	results: Map<number, INodeExecutionData[]>,
	read: (itemIndex: number) => T,
): Array<T & { itemIndex: number }> {
	const requests: Array<T & { itemIndex: number }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			requests.push({ ...read(i), itemIndex: i });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}
	return requests;
}

/** HubSpot rejects a batch naming the same record twice: one entry per key, later items win. */
export function mergeByKey<R extends { properties: Record<string, string | null> }>(
	requests: R[],
	key: (r: R) => string,
): Map<string, Record<string, string | null>> {
	const merged = new Map<string, Record<string, string | null>>();
	for (const r of requests) merged.set(key(r), { ...(merged.get(key(r)) ?? {}), ...r.properties });
	return merged;
}

/** Input item indexes of the requests whose key is in `keys`. */
export function indexesFor<R extends { itemIndex: number }>(requests: R[], key: (r: R) => string, keys: string[]): number[] {
	const wanted = new Set(keys);
	return requests.filter((r) => wanted.has(key(r))).map((r) => r.itemIndex);
}

export type Outcome = { json: IDataObject } | { error: unknown; extra?: IDataObject };

/** Turns each request's outcome into its output item (items already answered, e.g. failed batches, are kept). */
export function emitOutcomes<R extends { itemIndex: number }>(
	ctx: IExecuteFunctions,
	requests: R[],
	results: Map<number, INodeExecutionData[]>,
	outcome: (r: R) => Outcome,
): void {
	for (const r of requests) {
		if (results.has(r.itemIndex)) continue;
		const o = outcome(r);
		if ('json' in o) {
			results.set(r.itemIndex, [{ json: o.json, pairedItem: { item: r.itemIndex } }]);
			continue;
		}
		if (!ctx.continueOnFail()) throw asNodeError(ctx, o.error, r.itemIndex);
		results.set(r.itemIndex, [errorItem(o.error, r.itemIndex, o.extra)]);
	}
}

/** Links deals to `toType` records; returns the error instead of throwing so each item can report it. */
export async function tryAssociate(ctx: IExecuteFunctions, toType: string, links: AssociationInput[]): Promise<unknown> {
	if (!links.length) return undefined;
	try {
		await createAssociations(ctx, 'deals', toType, links);
		return undefined;
	} catch (error) {
		return error;
	}
}

/** The "Deal ID" field (mapped from `$json.dealId` by default) of one resource/operation. */
export function dealIdField(resource: string, operation: string, description: string): INodeProperties {
	return {
		displayName: 'Deal ID',
		name: 'dealId',
		type: 'string',
		required: true,
		default: '={{ $json.dealId }}',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		description,
	};
}

/** The "Options" collection of one resource/operation. */
export function optionsField(resource: string, operation: string, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		options,
	};
}

/** HubSpot record ids are numbers; anything else is a mapping mistake worth naming. */
export function assertNumericId(ctx: IExecuteFunctions, id: string, label: string, itemIndex: number): void {
	if (/^\d+$/.test(id)) return;
	throw new NodeOperationError(ctx.getNode(), `"${id}" is not a HubSpot ${label} ID`, {
		itemIndex,
		description: `${label[0].toUpperCase()}${label.slice(1)} IDs are numbers, e.g. 18347299351. Map the ID field of the previous node.`,
	});
}
