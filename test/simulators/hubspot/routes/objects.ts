/**
 * CRM objects v3 (hubspot.md 2.1 "Objects v3", 2.2 shapes): list, create (201), get/patch/delete, batch
 * read/create/update/upsert/archive (<= 100 inputs; 207 with errors), merge, search.
 */
import { requireScopes } from '../auth';
import { errorBody, HsError, validationError } from '../errors';
import { associationType } from '../schema/associationTypes';
import { readScope, resolveObjectType, writeScope, type ObjectTypeDef } from '../schema/objectTypes';
import { parseSearchRequest, runSearch } from '../search';
import { json, noContent, type Ctx, type Reply, type Router } from '../router';
import type { AssociationInput, ObjRecord } from '../world';
import { batchEnvelope, batchInputs, bodyObject, limitParam, listParam, typeParam } from './common';

const LIST_MAX_LIMIT = 100;

/** `associations` of a create input: [{to:{id}, types:[{associationCategory, associationTypeId}]}]. */
function parseCreateAssociations(ctx: Ctx, type: ObjectTypeDef, raw: unknown): AssociationInput[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) throw validationError('Invalid input JSON: "associations" must be an array.');
	return raw.map((a) => {
		const entry = (a ?? {}) as { to?: { id?: unknown }; types?: Array<{ associationCategory?: string; associationTypeId?: unknown }> };
		const toId = entry.to?.id;
		if (toId === undefined || toId === null) throw validationError('Invalid input JSON: associations[].to.id is required.');
		const types = entry.types ?? [];
		if (!Array.isArray(types) || !types.length) throw validationError('Invalid input JSON: associations[].types must list at least one association type.');
		const typeIds = types.map((t) => Number(t.associationTypeId));
		const def = associationType(typeIds[0]);
		if (!def || def.from !== type.name) {
			throw validationError(`${String(types[0].associationTypeId)} is not a valid association type id from ${type.name}.`, { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' });
		}
		for (const t of types) {
			if (t.associationCategory !== undefined && t.associationCategory !== 'HUBSPOT_DEFINED') {
				throw validationError(`associationCategory ${String(t.associationCategory)} does not match association type ${String(t.associationTypeId)} (HUBSPOT_DEFINED).`);
			}
		}
		ctx.world.validateTypeIds(type.name, def.to, typeIds);
		return { toType: def.to, toId: String(toId), typeIds };
	});
}

/** v3 read with `associations=companies,contacts`: one entry per association type, named as HubSpot names them. */
function withAssociations(ctx: Ctx, rec: ObjRecord, out: Record<string, unknown>, assocTypes: string[] | undefined): Record<string, unknown> {
	if (!assocTypes) return out;
	const associations: Record<string, unknown> = {};
	for (const segment of assocTypes) {
		const toType = resolveObjectType(segment);
		if (!toType) continue;
		const results = ctx.world.listAssociations(rec.type, rec.id, toType.name).flatMap((a) =>
			a.typeIds.map((typeId) => ({ id: a.toId, type: associationType(typeId)?.name ?? String(typeId) })),
		);
		if (results.length) associations[toType.name] = { results };
	}
	if (Object.keys(associations).length) out.associations = associations;
	return out;
}

function readOut(ctx: Ctx, rec: ObjRecord, props: string[] | undefined, history: string[] | undefined): Record<string, unknown> {
	const out = ctx.world.toApi(rec, props);
	if (history?.length) out.propertiesWithHistory = ctx.world.withHistory(rec, history);
	return out;
}

/** Properties echoed after a write: what was written, the type's defaults and the always-returned ones. */
function writeOut(ctx: Ctx, rec: ObjRecord, written: Record<string, unknown> | undefined): Record<string, unknown> {
	const t = typeParam(ctx);
	return ctx.world.toApi(rec, [...t.defaultProperties, ...Object.keys(written ?? {})]);
}

function list(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [readScope(t)]);
	const limit = limitParam(ctx.query, 10, LIST_MAX_LIMIT);
	const archived = ctx.query.get('archived') === 'true';
	const after = ctx.query.get('after');
	const props = listParam(ctx.query, 'properties');
	const history = listParam(ctx.query, 'propertiesWithHistory');
	const assoc = listParam(ctx.query, 'associations');
	const all = [...ctx.world.store(t.name).values()]
		.filter((r) => r.archived === archived)
		.sort((a, b) => Number(a.id) - Number(b.id))
		.filter((r) => after === null || Number(r.id) >= Number(after));
	const page = all.slice(0, limit);
	const body: Record<string, unknown> = { results: page.map((r) => withAssociations(ctx, r, readOut(ctx, r, props, history), assoc)) };
	if (all.length > limit) {
		const next = String(Number(page[page.length - 1].id) + 1);
		body.paging = { next: { after: next, link: `${ctx.baseUrl}/crm/v3/objects/${t.name}?after=${next}` } };
	}
	return json(200, body);
}

function create(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const b = bodyObject(ctx);
	const associations = parseCreateAssociations(ctx, t, b.associations);
	const rec = ctx.world.create(t.name, b.properties ?? {}, associations, ctx.source);
	return json(201, writeOut(ctx, rec, b.properties as Record<string, unknown>));
}

function get(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [readScope(t)]);
	const archived = ctx.query.get('archived') === 'true';
	const idProperty = ctx.query.get('idProperty') ?? undefined;
	let rec: ObjRecord | undefined;
	if (archived) {
		rec = ctx.world.store(t.name).get(ctx.params.id);
		if (!rec?.archived) rec = undefined;
	} else {
		rec = ctx.world.find(t.name, ctx.params.id, idProperty);
	}
	if (!rec) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [ctx.params.id] } }));
	const out = readOut(ctx, rec, listParam(ctx.query, 'properties'), listParam(ctx.query, 'propertiesWithHistory'));
	return json(200, withAssociations(ctx, rec, out, listParam(ctx.query, 'associations')));
}

function patch(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const b = bodyObject(ctx);
	const rec = ctx.world.update(t.name, ctx.params.id, b.properties ?? {}, ctx.source, ctx.query.get('idProperty') ?? undefined);
	return json(200, writeOut(ctx, rec, b.properties as Record<string, unknown>));
}

function remove(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	ctx.world.archive(t.name, ctx.params.id, ctx.source);
	return noContent();
}

function merge(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const b = bodyObject(ctx);
	if (b.primaryObjectId === undefined || b.objectIdToMerge === undefined) {
		throw validationError('Invalid input JSON: primaryObjectId and objectIdToMerge are required.');
	}
	const rec = ctx.world.merge(t.name, String(b.primaryObjectId), String(b.objectIdToMerge), ctx.source);
	return json(200, ctx.world.toApi(rec));
}

function search(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [readScope(t)]);
	const lookup = (name: string) => ctx.world.properties.get(t.name, name);
	const req = parseSearchRequest(ctx.body, lookup);
	const associated = (rec: ObjRecord, singular: string) => {
		const other = resolveObjectType(singular);
		return other ? ctx.world.listAssociations(t.name, rec.id, other.name).map((a) => a.toId) : [];
	};
	const outcome = runSearch(ctx.world.searchable(t.name), req, lookup, t.searchable, associated);
	const body: Record<string, unknown> = { total: outcome.total, results: outcome.page.map((r) => ctx.world.toApi(r, req.properties)) };
	if (outcome.nextAfter) body.paging = { next: { after: outcome.nextAfter, link: `?after=${outcome.nextAfter}` } };
	return json(200, body);
}

// ---------- batch ----------

interface Failure {
	index: number;
	error: HsError;
}

/**
 * A write batch fails as a whole (first error, 400/404/409) unless every input carries an objectWriteTraceId;
 * then the valid inputs are written and the response is 207 with one error per failed input (hubspot.md 4).
 */
function writeBatch(
	ctx: Ctx,
	inputs: Array<Record<string, unknown>>,
	check: (input: Record<string, unknown>) => () => Record<string, unknown>,
	okStatus: number,
): Reply {
	const startedAt = ctx.world.nowIso();
	const traced = inputs.length > 0 && inputs.every((i) => typeof i.objectWriteTraceId === 'string');
	const writers: Array<(() => Record<string, unknown>) | undefined> = [];
	const failures: Failure[] = [];
	inputs.forEach((input, index) => {
		try {
			writers.push(check(input));
		} catch (e) {
			if (!(e instanceof HsError)) throw e;
			if (!traced) throw e;
			writers.push(undefined);
			failures.push({ index, error: e });
		}
	});
	const results = writers.flatMap((w) => (w ? [w()] : []));
	const errors = failures.map(({ index, error }) => ({
		status: 'error',
		category: error.body.category,
		message: error.body.message,
		context: { objectWriteTraceId: [String(inputs[index].objectWriteTraceId)] },
		errors: error.body.errors ?? [],
		links: {},
	}));
	return json(errors.length ? 207 : okStatus, batchEnvelope(startedAt, ctx.world.nowIso(), results, errors));
}

function assertNoDuplicateIds(inputs: Array<Record<string, unknown>>): void {
	const seen = new Set<string>();
	const dupes = new Set<string>();
	for (const i of inputs) {
		const id = String(i.id);
		if (seen.has(id)) dupes.add(id);
		seen.add(id);
	}
	if (dupes.size) throw validationError(`Duplicate IDs found in batch input: [${[...dupes].join(', ')}]. IDs must be unique`);
}

function assertNoDuplicateUniqueValues(ctx: Ctx, t: ObjectTypeDef, inputs: Array<Record<string, unknown>>): void {
	for (const prop of ctx.world.properties.of(t.name).values()) {
		if (!prop.hasUniqueValue) continue;
		const seen = new Set<string>();
		for (const i of inputs) {
			const v = (i.properties as Record<string, unknown> | undefined)?.[prop.name];
			if (v === undefined || v === null || v === '') continue;
			const key = String(v).toLowerCase();
			if (seen.has(key)) throw validationError(`Duplicate values found for unique property ${prop.name} in batch input: ${String(v)}.`);
			seen.add(key);
		}
	}
}

function batchRead(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [readScope(t)]);
	const inputs = batchInputs(ctx);
	const b = bodyObject(ctx);
	const startedAt = ctx.world.nowIso();
	const idProperty = typeof b.idProperty === 'string' ? b.idProperty : undefined;
	const props = Array.isArray(b.properties) ? (b.properties as string[]) : undefined;
	const history = Array.isArray(b.propertiesWithHistory) ? (b.propertiesWithHistory as string[]) : undefined;
	const results: unknown[] = [];
	const missing: string[] = [];
	const seen = new Set<string>();
	for (const input of inputs) {
		const id = String(input.id);
		const rec = ctx.world.find(t.name, id, idProperty);
		if (!rec) missing.push(id);
		else if (!seen.has(rec.id)) {
			seen.add(rec.id);
			results.push(readOut(ctx, rec, props, history));
		}
	}
	const errors = missing.length
		? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not get some ${t.singular} objects, they may be deleted or not exist. Check that ids are valid.`, context: { ids: missing }, errors: [], links: {} }]
		: [];
	return json(errors.length ? 207 : 200, batchEnvelope(startedAt, ctx.world.nowIso(), results, errors));
}

function batchCreate(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const inputs = batchInputs(ctx);
	assertNoDuplicateUniqueValues(ctx, t, inputs);
	return writeBatch(
		ctx,
		inputs,
		(input) => {
			const associations = parseCreateAssociations(ctx, t, input.associations);
			const validated = ctx.world.validateProperties(t.name, input.properties ?? {}, undefined, true);
			ctx.world.checkAssociations(t.name, associations);
			return () => writeOut(ctx, ctx.world.create(t.name, input.properties, associations, ctx.source, { validated }), input.properties as Record<string, unknown>);
		},
		201,
	);
}

function batchUpdate(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const inputs = batchInputs(ctx);
	assertNoDuplicateIds(inputs);
	assertNoDuplicateUniqueValues(ctx, t, inputs);
	const startedAt = ctx.world.nowIso();
	const missing: string[] = [];
	const found = inputs.filter((input) => {
		const rec = ctx.world.find(t.name, String(input.id), typeof input.idProperty === 'string' ? input.idProperty : undefined);
		if (!rec) missing.push(String(input.id));
		return rec !== undefined;
	});
	const reply = writeBatch(
		ctx,
		found,
		(input) => {
			const rec = ctx.world.mustFind(t.name, String(input.id), typeof input.idProperty === 'string' ? input.idProperty : undefined);
			const values = ctx.world.validateProperties(t.name, input.properties ?? {}, rec);
			return () => writeOut(ctx, ctx.world.applyUpdate(rec, values, ctx.source), input.properties as Record<string, unknown>);
		},
		200,
	);
	if (!missing.length) return reply;
	const body = reply.body as Record<string, unknown>;
	const errors = [
		...((body.errors as unknown[]) ?? []),
		{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not find some ${t.singular} objects, they may be deleted or not exist. Check that ids are valid.`, context: { ids: missing }, errors: [], links: {} },
	];
	return json(207, batchEnvelope(startedAt, ctx.world.nowIso(), body.results as unknown[], errors));
}

function batchUpsert(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	const inputs = batchInputs(ctx);
	assertNoDuplicateIds(inputs);
	return writeBatch(
		ctx,
		inputs,
		(input) => {
			const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
			if (!idProperty) throw validationError('idProperty is required for upsert and must name a property with unique values.');
			const existing = ctx.world.find(t.name, String(input.id), idProperty);
			const props = { ...((input.properties as Record<string, unknown>) ?? {}) };
			// The echo names the idProperty too, so callers can match results to inputs (choice).
			const echo = { ...props, [idProperty]: true };
			if (existing) {
				const values = ctx.world.validateProperties(t.name, props, existing);
				return () => ({ ...writeOut(ctx, ctx.world.applyUpdate(existing, values, ctx.source), echo), new: false });
			}
			if (props[idProperty] === undefined) props[idProperty] = String(input.id);
			const validated = ctx.world.validateProperties(t.name, props, undefined, true);
			return () => ({ ...writeOut(ctx, ctx.world.create(t.name, props, [], ctx.source, { validated }), echo), new: true });
		},
		200,
	);
}

function batchArchive(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [writeScope(t)]);
	for (const input of batchInputs(ctx)) ctx.world.archive(t.name, String(input.id), ctx.source);
	return noContent();
}

export function registerObjectRoutes(r: Router): void {
	const base = '/crm/v3/objects/:type';
	r.add('POST', `${base}/search`, 'objects.search', search, { search: true });
	r.add('POST', `${base}/batch/read`, 'objects.batch.read', batchRead);
	r.add('POST', `${base}/batch/create`, 'objects.batch.create', batchCreate);
	r.add('POST', `${base}/batch/update`, 'objects.batch.update', batchUpdate);
	r.add('POST', `${base}/batch/upsert`, 'objects.batch.upsert', batchUpsert);
	r.add('POST', `${base}/batch/archive`, 'objects.batch.archive', batchArchive);
	r.add('POST', `${base}/merge`, 'objects.merge', merge);
	r.add('GET', base, 'objects.list', list);
	r.add('POST', base, 'objects.create', create);
	r.add('GET', `${base}/:id`, 'objects.get', get);
	r.add('PATCH', `${base}/:id`, 'objects.update', patch);
	r.add('DELETE', `${base}/:id`, 'objects.archive', remove);
}
