import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AssociationInput } from '../../shared/hubspot/associations';
import { ASSOCIATION_TYPES } from '../../shared/hubspot/associations';
import type { HsObject } from '../../shared/hubspot/objects';
import { chunk, toHsObject } from '../../shared/hubspot/objects';
import { hubspotRequest } from '../../shared/hubspot/transport';
import type { Outcome } from './common';
import { batchErrorsById, emitOutcomes, failItems, indexesFor, mergeByKey, requiredString, tryAssociate } from './common';

/**
 * What the create-or-update operations (Company > Create or Update, Contact > Create or Update, Deal > Upsert by
 * AWS ID) share: requests merged per key and written 100 keys per call, the records HubSpot returned per key, and
 * each item's outcome.
 */

export interface Written {
	record: HsObject;
	created: boolean;
}

export interface WriteResult {
	written: Map<string, Written>;
	/** Keys HubSpot refused in a batch that otherwise worked (207 errors), with the reason. */
	failed: Map<string, unknown>;
}

export type KeyedProperties = Array<[string, Record<string, string | null>]>;

/**
 * Merges the requests per key (later items win), writes 100 keys per call with `write`, and collects what came
 * back. A call that fails fails its items (error items with Continue On Fail, else the node stops).
 */
export async function writeByKey<R extends { itemIndex: number; properties: Record<string, string | null> }>(
	ctx: IExecuteFunctions,
	requests: R[],
	keyOf: (r: R) => string,
	results: Map<number, INodeExecutionData[]>,
	write: (part: KeyedProperties, itemIndex: number) => Promise<WriteResult>,
): Promise<WriteResult> {
	const all: WriteResult = { written: new Map(), failed: new Map() };
	for (const part of chunk([...mergeByKey(requests, keyOf).entries()])) {
		const indexes = indexesFor(requests, keyOf, part.map(([k]) => k));
		try {
			const { written, failed } = await write(part, indexes[0]);
			for (const [k, v] of written) all.written.set(k, v);
			for (const [k, v] of failed) all.failed.set(k, v);
		} catch (error) {
			failItems(ctx, error, indexes, results);
		}
	}
	return all;
}

/**
 * One batch upsert on a unique property (`email`, `aws_opportunity_id`...). Results are keyed by that property's
 * value as `normalize` makes it, so they match the request keys.
 */
export async function batchUpsert(
	ctx: IExecuteFunctions,
	objectType: string,
	idProperty: string,
	part: KeyedProperties,
	itemIndex: number,
	normalize: (value: string) => string = (v) => v,
): Promise<WriteResult> {
	const response = (await hubspotRequest(
		ctx,
		{
			method: 'POST',
			path: `/crm/v3/objects/${objectType}/batch/upsert`,
			body: { inputs: part.map(([id, properties]) => ({ id, idProperty, properties })) },
		},
		{ itemIndex },
	)) as IDataObject;
	const written = new Map<string, Written>();
	for (const raw of (response.results as IDataObject[]) ?? []) {
		const record = toHsObject(raw);
		const key = normalize(record.properties[idProperty] ?? '');
		if (key) written.set(key, { record, created: raw.new === true });
	}
	const failed = new Map<string, unknown>();
	for (const [id, message] of batchErrorsById(response)) failed.set(normalize(id), new Error(message));
	return { written, failed };
}

/** The deal-to-company links: the plain one, plus "Primary" when asked. */
export function dealCompanyLinks(dealId: string, companyId: string, primary: boolean): AssociationInput[] {
	const links: AssociationInput[] = [{ fromId: dealId, toId: companyId, typeId: ASSOCIATION_TYPES.dealToCompany }];
	if (primary) links.push({ fromId: dealId, toId: companyId, typeId: ASSOCIATION_TYPES.dealToCompanyPrimary });
	return links;
}

/**
 * An item's outcome: HubSpot's refusal, or no record returned, or a failed link when the item asked for one, else
 * the output `json`. `extra` goes on error items.
 */
export function writeOutcome(
	result: WriteResult,
	key: string,
	opts: { what: string; extra: (done?: Written) => IDataObject; linkError: unknown; wantsLink: boolean; json: (done: Written) => IDataObject },
): Outcome {
	const done = result.written.get(key);
	const extra = opts.extra(done);
	if (!done) return { error: result.failed.get(key) ?? new Error(`HubSpot did not return ${opts.what} for ${key}`), extra };
	if (opts.linkError && opts.wantsLink) return { error: opts.linkError, extra };
	return { json: opts.json(done) };
}

/** The optional "Associate With Deal ID" field of the company and contact operations. */
export function associateWithDealField(resource: string, operation: string, what: string): INodeProperties {
	return {
		displayName: 'Associate With Deal ID',
		name: 'dealId',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
		description: `HubSpot deal to link the ${what} to (optional)`,
	};
}

/** How a company or contact operation names its output. */
export interface RecordNaming<R> {
	/** `company` or `contact`: the output has `<what>Id` and `<what>`. */
	what: 'company' | 'contact';
	/** HubSpot object type for the association call. */
	toType: 'companies' | 'contacts';
	/** Output field holding the request key (`domain`, `email`). */
	keyName: string;
	keyOf: (r: R) => string;
	/** The deal links an item asks for, once its record is known. */
	links: (r: R, dealId: string, recordId: string) => AssociationInput[];
}

/**
 * Links every written company or contact to the deal its item names, then emits one output item per request:
 * `{ <what>Id, created, <keyName>, dealId, <what> }`, or an error item with `{ <keyName>, <what>Id }`.
 */
export async function linkToDealsAndEmit<R extends { itemIndex: number; dealId: string }>(
	ctx: IExecuteFunctions,
	requests: R[],
	results: Map<number, INodeExecutionData[]>,
	result: WriteResult,
	naming: RecordNaming<R>,
): Promise<void> {
	const links: AssociationInput[] = [];
	for (const r of requests) {
		const done = result.written.get(naming.keyOf(r));
		if (done && r.dealId) links.push(...naming.links(r, r.dealId, done.record.id));
	}
	const linkError = await tryAssociate(ctx, naming.toType, links);
	const idName = `${naming.what}Id`;
	emitOutcomes(ctx, requests, results, (r) => {
		const key = naming.keyOf(r);
		return writeOutcome(result, key, {
			what: `a ${naming.what}`,
			extra: (done) => ({ [naming.keyName]: key, [idName]: done?.record.id ?? null }),
			linkError,
			wantsLink: Boolean(r.dealId),
			json: (done) => ({
				[idName]: done.record.id,
				created: done.created,
				[naming.keyName]: key,
				dealId: r.dealId || null,
				[naming.what]: done.record as unknown as IDataObject,
			}),
		});
	});
}

/** The key field of an item (domain, email): required, normalised, and checked before anything is written. */
export function readKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: { param: string; label: string; normalize: (v: string) => string; isValid: (v: string) => boolean; invalid: string },
): string {
	const value = field.normalize(requiredString(ctx, field.param, itemIndex, field.label));
	if (!field.isValid(value)) throw new NodeOperationError(ctx.getNode(), `"${value}" ${field.invalid}`, { itemIndex });
	return value;
}
