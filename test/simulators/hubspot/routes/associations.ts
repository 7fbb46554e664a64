/**
 * Associations v4 (hubspot.md 2.1): default and labelled PUT, list for one object, delete, batch
 * read/create/archive/associate-default/labels-archive, and the label definitions of a pair of types.
 */
import { requireScopes } from '../auth';
import { validationError } from '../errors';
import { associationType, typesBetween } from '../schema/associationTypes';
import { readScope, writeScope, type ObjectTypeDef } from '../schema/objectTypes';
import { json, noContent, type Ctx, type Reply, type Router } from '../router';
import { batchEnvelope, batchInputs, limitParam, typeParam } from './common';

function types(typeIds: number[]) {
	return typeIds.map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId, label: associationType(typeId)?.label ?? null }));
}

function pair(ctx: Ctx, write: boolean): { from: ObjectTypeDef; to: ObjectTypeDef } {
	const from = typeParam(ctx, 'from');
	const to = typeParam(ctx, 'to');
	requireScopes(ctx.token, write ? [writeScope(from), writeScope(to)] : [readScope(from), readScope(to)]);
	return { from, to };
}

function parseTypes(raw: unknown): number[] {
	if (!Array.isArray(raw) || !raw.length) throw validationError('Invalid input JSON: expected a non-empty array of {associationCategory, associationTypeId}.');
	return raw.map((t) => {
		const o = (t ?? {}) as Record<string, unknown>;
		const id = Number(o.associationTypeId);
		if (!Number.isInteger(id)) throw validationError('Invalid input JSON: associationTypeId must be an integer.');
		if (o.associationCategory !== undefined && !['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'].includes(String(o.associationCategory))) {
			throw validationError(`Invalid associationCategory ${String(o.associationCategory)}.`);
		}
		if (o.associationCategory !== undefined && o.associationCategory !== 'HUBSPOT_DEFINED' && associationType(id)) {
			throw validationError(`associationCategory ${String(o.associationCategory)} does not match association type ${id} (HUBSPOT_DEFINED).`);
		}
		return id;
	});
}

function labelsOf(typeIds: number[]): string[] {
	return typeIds.map((t) => associationType(t)?.label).filter((l): l is string => typeof l === 'string');
}

function putDefault(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	const startedAt = ctx.world.nowIso();
	const { all } = ctx.world.associate(from.name, ctx.params.id, to.name, ctx.params.toId, [], ctx.source);
	const result = {
		fromObjectTypeId: from.typeId,
		fromObjectId: Number(ctx.params.id),
		toObjectTypeId: to.typeId,
		toObjectId: Number(ctx.params.toId),
		associationTypes: all.map((typeId) => ({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId })),
	};
	return json(200, batchEnvelope(startedAt, ctx.world.nowIso(), [result], []));
}

function putLabelled(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	const typeIds = parseTypes(ctx.body);
	const { all } = ctx.world.associate(from.name, ctx.params.id, to.name, ctx.params.toId, typeIds, ctx.source);
	return json(201, {
		fromObjectTypeId: from.typeId,
		fromObjectId: Number(ctx.params.id),
		toObjectTypeId: to.typeId,
		toObjectId: Number(ctx.params.toId),
		labels: labelsOf(all),
	});
}

function listForObject(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, false);
	ctx.world.mustFind(from.name, ctx.params.id);
	const limit = limitParam(ctx.query, 500, 500);
	const after = Number(ctx.query.get('after') ?? 0);
	const all = ctx.world.listAssociations(from.name, ctx.world.mustFind(from.name, ctx.params.id).id, to.name);
	const page = all.slice(after, after + limit);
	const body: Record<string, unknown> = { results: page.map((a) => ({ toObjectId: Number(a.toId), associationTypes: types(a.typeIds) })) };
	if (after + limit < all.length) body.paging = { next: { after: String(after + limit), link: `?after=${after + limit}` } };
	return json(200, body);
}

function deleteAll(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	ctx.world.dissociate(from.name, ctx.params.id, to.name, ctx.params.toId, ctx.source);
	return noContent();
}

function batchRead(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, false);
	const startedAt = ctx.world.nowIso();
	const results: unknown[] = [];
	const errors: unknown[] = [];
	for (const input of batchInputs(ctx)) {
		const id = String(input.id);
		const rec = ctx.world.find(from.name, id);
		const assoc = rec ? ctx.world.listAssociations(from.name, rec.id, to.name) : [];
		if (!assoc.length) {
			errors.push({
				status: 'error',
				category: 'OBJECT_NOT_FOUND',
				subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
				message: `No ${to.singular} is associated with ${from.singular} ${id}.`,
				context: { fromObjectId: [id] },
				errors: [],
				links: {},
			});
			continue;
		}
		results.push({ from: { id }, to: assoc.map((a) => ({ toObjectId: Number(a.toId), associationTypes: types(a.typeIds) })) });
	}
	return json(errors.length ? 207 : 200, batchEnvelope(startedAt, ctx.world.nowIso(), results, errors));
}

function idOf(v: unknown, what: string): string {
	const id = (v as { id?: unknown } | undefined)?.id;
	if (id === undefined || id === null) throw validationError(`Invalid input JSON: ${what}.id is required.`);
	return String(id);
}

function batchCreate(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	const startedAt = ctx.world.nowIso();
	const inputs = batchInputs(ctx).map((i) => ({ fromId: idOf(i.from, 'from'), toId: idOf(i.to, 'to'), typeIds: parseTypes(i.types) }));
	for (const i of inputs) {
		ctx.world.validateTypeIds(from.name, to.name, i.typeIds);
		ctx.world.mustFind(from.name, i.fromId);
		ctx.world.mustFind(to.name, i.toId);
	}
	const results = inputs.map((i) => {
		const { all } = ctx.world.associate(from.name, i.fromId, to.name, i.toId, i.typeIds, ctx.source);
		return { fromObjectTypeId: from.typeId, fromObjectId: Number(i.fromId), toObjectTypeId: to.typeId, toObjectId: Number(i.toId), labels: labelsOf(all) };
	});
	return json(201, batchEnvelope(startedAt, ctx.world.nowIso(), results, []));
}

function batchDefault(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	const startedAt = ctx.world.nowIso();
	const inputs = batchInputs(ctx).map((i) => ({ fromId: idOf(i.from, 'from'), toId: idOf(i.to, 'to') }));
	for (const i of inputs) {
		ctx.world.mustFind(from.name, i.fromId);
		ctx.world.mustFind(to.name, i.toId);
	}
	const results = inputs.map((i) => {
		const { all } = ctx.world.associate(from.name, i.fromId, to.name, i.toId, [], ctx.source);
		return {
			fromObjectTypeId: from.typeId,
			fromObjectId: Number(i.fromId),
			toObjectTypeId: to.typeId,
			toObjectId: Number(i.toId),
			associationTypes: all.map((typeId) => ({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId })),
		};
	});
	return json(200, batchEnvelope(startedAt, ctx.world.nowIso(), results, []));
}

function batchArchive(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	for (const i of batchInputs(ctx)) {
		const fromId = idOf(i.from, 'from');
		const targets = Array.isArray(i.to) ? i.to : [];
		for (const t of targets) ctx.world.dissociate(from.name, fromId, to.name, idOf(t, 'to'), ctx.source);
	}
	return noContent();
}

function batchLabelsArchive(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, true);
	for (const i of batchInputs(ctx)) {
		ctx.world.removeLabels(from.name, idOf(i.from, 'from'), to.name, idOf(i.to, 'to'), parseTypes(i.types), ctx.source);
	}
	return noContent();
}

function labels(ctx: Ctx): Reply {
	const { from, to } = pair(ctx, false);
	return json(200, { results: typesBetween(from.name, to.name).map((t) => ({ category: 'HUBSPOT_DEFINED', typeId: t.typeId, label: t.label })) });
}

export function registerAssociationRoutes(r: Router): void {
	const obj = '/crm/v4/objects/:from/:id/associations';
	r.add('PUT', `${obj}/default/:to/:toId`, 'associations.create', putDefault);
	r.add('GET', `${obj}/:to`, 'associations.list', listForObject);
	r.add('PUT', `${obj}/:to/:toId`, 'associations.create', putLabelled);
	r.add('DELETE', `${obj}/:to/:toId`, 'associations.archive', deleteAll);
	const batch = '/crm/v4/associations/:from/:to';
	r.add('POST', `${batch}/batch/read`, 'associations.batch.read', batchRead);
	r.add('POST', `${batch}/batch/create`, 'associations.batch.create', batchCreate);
	r.add('POST', `${batch}/batch/associate/default`, 'associations.batch.create', batchDefault);
	r.add('POST', `${batch}/batch/archive`, 'associations.batch.archive', batchArchive);
	r.add('POST', `${batch}/batch/labels/archive`, 'associations.batch.archive', batchLabelsArchive);
	r.add('GET', `${batch}/labels`, 'associations.labels', labels);
}
