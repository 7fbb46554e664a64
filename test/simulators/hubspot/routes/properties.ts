/**
 * Properties API (hubspot.md 2.1 "Properties: /crm/v3/properties/{objectType} (list, create, get by name),
 * property groups"): create answers 409 on a duplicate name; groups likewise.
 */
import { requireScopes } from '../auth';
import { conflict, errorBody, HsError, validationError } from '../errors';
import { FIELD_TYPES, PROPERTY_TYPES, propertyToApi, seedToRecord, type PropertyRecord } from '../properties';
import { schemaScope, type ObjectTypeDef } from '../schema/objectTypes';
import type { PropertyType } from '../schema/defaultProperties';
import { json, noContent, type Ctx, type Reply, type Router } from '../router';
import { batchEnvelope, batchInputs, bodyObject, typeParam } from './common';

const NAME_RE = /^[a-z][a-z0-9_]*$/;

function api(ctx: Ctx, t: ObjectTypeDef, p: PropertyRecord): Record<string, unknown> {
	return propertyToApi(p, ctx.world.optionsOf(t.name, p));
}

function parseOptions(raw: unknown): Array<[string, string]> {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw validationError('Invalid input JSON: options must be an array.');
	return raw.map((o) => {
		const opt = (o ?? {}) as Record<string, unknown>;
		if (typeof opt.value !== 'string' || typeof opt.label !== 'string') throw validationError('Each option needs a string label and value.');
		return [opt.value, opt.label];
	});
}

/** Validates a property definition and returns its record (400 VALIDATION_ERROR on any problem). */
function definition(ctx: Ctx, t: ObjectTypeDef, input: Record<string, unknown>): PropertyRecord {
	const missing = ['name', 'label', 'type', 'fieldType', 'groupName'].filter((k) => typeof input[k] !== 'string' || input[k] === '');
	if (missing.length) throw validationError(`Invalid input JSON: missing required field(s) ${missing.join(', ')}.`, { errors: missing.map((m) => ({ message: `${m} is required`, in: m })) });
	const name = String(input.name);
	if (!NAME_RE.test(name)) throw validationError(`Property name ${name} is invalid: use lower-case letters, digits and underscores, starting with a letter.`);
	const type = String(input.type) as PropertyType;
	if (!PROPERTY_TYPES.includes(type)) throw validationError(`Invalid property type ${type}; allowed: ${PROPERTY_TYPES.join(', ')}.`);
	const fieldType = String(input.fieldType);
	if (!FIELD_TYPES[type].includes(fieldType)) throw validationError(`fieldType ${fieldType} is not valid for a property of type ${type}; allowed: ${FIELD_TYPES[type].join(', ')}.`);
	const groupName = String(input.groupName);
	if (!ctx.world.properties.groupsOf(t.name).has(groupName)) throw validationError(`Property group ${groupName} does not exist for ${t.name}.`);
	const options = parseOptions(input.options);
	if (type === 'enumeration' && !options.length) throw validationError(`Enumeration property ${name} needs at least one option.`);
	if (type === 'bool' && !options.length) options.push(['true', 'Yes'], ['false', 'No']);
	const at = ctx.world.nowIso();
	const order = ctx.world.properties.of(t.name).size;
	return seedToRecord(
		{ name, label: String(input.label), type, fieldType, groupName, options, hasUniqueValue: input.hasUniqueValue === true, description: typeof input.description === 'string' ? input.description : '' },
		groupName,
		typeof input.displayOrder === 'number' ? input.displayOrder : order,
		at,
		false,
	);
}

function propertyExists(t: ObjectTypeDef, name: string): HsError {
	return conflict('Property already exists', 'OBJECT_ALREADY_EXISTS', { subCategory: 'Properties.PROPERTY_ALREADY_EXISTS', context: { name: [name], objectType: [t.name] } });
}

function listProps(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, false)]);
	const archived = ctx.query.get('archived') === 'true';
	const results = [...ctx.world.properties.of(t.name).values()].filter((p) => p.archived === archived).map((p) => api(ctx, t, p));
	return json(200, { results });
}

function getProp(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, false)]);
	const p = ctx.world.properties.get(t.name, ctx.params.name);
	if (!p) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Unable to find property ${ctx.params.name} for object type ${t.name}`, { context: { name: [ctx.params.name] } }));
	return json(200, api(ctx, t, p));
}

function createProp(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, true)]);
	const rec = definition(ctx, t, bodyObject(ctx));
	const existing = ctx.world.properties.of(t.name).get(rec.name);
	if (existing && !existing.archived) throw propertyExists(t, rec.name);
	ctx.world.properties.of(t.name).set(rec.name, rec);
	return json(201, api(ctx, t, rec));
}

function batchCreateProps(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, true)]);
	const startedAt = ctx.world.nowIso();
	const recs = batchInputs(ctx).map((i) => definition(ctx, t, i));
	const results: unknown[] = [];
	const errors: unknown[] = [];
	for (const rec of recs) {
		const existing = ctx.world.properties.of(t.name).get(rec.name);
		if (existing && !existing.archived) {
			const e = propertyExists(t, rec.name).body;
			errors.push({ status: 'error', category: e.category, message: e.message, context: e.context, errors: [], links: {} });
			continue;
		}
		ctx.world.properties.of(t.name).set(rec.name, rec);
		results.push(api(ctx, t, rec));
	}
	return json(errors.length ? 207 : 201, batchEnvelope(startedAt, ctx.world.nowIso(), results, errors));
}

function batchReadProps(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, false)]);
	const startedAt = ctx.world.nowIso();
	const results: unknown[] = [];
	const missing: string[] = [];
	for (const i of batchInputs(ctx)) {
		const p = ctx.world.properties.get(t.name, String(i.name));
		if (p) results.push(api(ctx, t, p));
		else missing.push(String(i.name));
	}
	const errors = missing.length ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Unable to find properties ${missing.join(', ')}`, context: { names: missing }, errors: [], links: {} }] : [];
	return json(errors.length ? 207 : 200, batchEnvelope(startedAt, ctx.world.nowIso(), results, errors));
}

function updateProp(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, true)]);
	const p = ctx.world.properties.get(t.name, ctx.params.name);
	if (!p) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Unable to find property ${ctx.params.name} for object type ${t.name}`));
	const b = bodyObject(ctx);
	if (p.hubspotDefined && (b.type !== undefined || b.fieldType !== undefined || b.options !== undefined)) {
		throw validationError(`${p.name} is a HubSpot-defined property; its type, field type and options cannot be changed.`);
	}
	if (typeof b.label === 'string') p.label = b.label;
	if (typeof b.description === 'string') p.description = b.description;
	if (typeof b.groupName === 'string') {
		if (!ctx.world.properties.groupsOf(t.name).has(b.groupName)) throw validationError(`Property group ${b.groupName} does not exist for ${t.name}.`);
		p.groupName = b.groupName;
	}
	if (typeof b.hidden === 'boolean') p.hidden = b.hidden;
	if (typeof b.displayOrder === 'number') p.displayOrder = b.displayOrder;
	const type = (b.type ?? p.type) as PropertyType;
	const fieldType = String(b.fieldType ?? p.fieldType);
	if (!PROPERTY_TYPES.includes(type) || !FIELD_TYPES[type].includes(fieldType)) throw validationError(`fieldType ${fieldType} is not valid for a property of type ${type}.`);
	p.type = type;
	p.fieldType = fieldType;
	if (b.options !== undefined) p.options = parseOptions(b.options).map(([value, label], i) => ({ label, value, displayOrder: i, hidden: false }));
	p.updatedAt = ctx.world.nowIso();
	return json(200, api(ctx, t, p));
}

function archiveProp(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, true)]);
	const p = ctx.world.properties.get(t.name, ctx.params.name);
	if (!p) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Unable to find property ${ctx.params.name} for object type ${t.name}`));
	if (p.hubspotDefined) throw validationError(`${p.name} is a HubSpot-defined property and cannot be archived.`);
	p.archived = true;
	p.updatedAt = ctx.world.nowIso();
	return noContent();
}

function listGroups(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, false)]);
	return json(200, { results: [...ctx.world.properties.groupsOf(t.name).values()].filter((g) => !g.archived) });
}

function getGroup(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, false)]);
	const g = ctx.world.properties.groupsOf(t.name).get(ctx.params.name);
	if (!g || g.archived) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Unable to find property group ${ctx.params.name} for object type ${t.name}`));
	return json(200, g);
}

function createGroup(ctx: Ctx): Reply {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [schemaScope(t, true)]);
	const b = bodyObject(ctx);
	if (typeof b.name !== 'string' || typeof b.label !== 'string') throw validationError('Invalid input JSON: name and label are required.');
	if (!NAME_RE.test(b.name)) throw validationError(`Property group name ${b.name} is invalid: use lower-case letters, digits and underscores.`);
	const groups = ctx.world.properties.groupsOf(t.name);
	const existing = groups.get(b.name);
	if (existing && !existing.archived) {
		throw conflict('Property group already exists', 'OBJECT_ALREADY_EXISTS', { subCategory: 'PropertyGroups.PROPERTY_GROUP_ALREADY_EXISTS', context: { name: [b.name], objectType: [t.name] } });
	}
	const g = { name: b.name, label: b.label, displayOrder: typeof b.displayOrder === 'number' ? b.displayOrder : groups.size, archived: false };
	groups.set(g.name, g);
	return json(201, g);
}

export function registerPropertyRoutes(r: Router): void {
	const base = '/crm/v3/properties/:type';
	r.add('GET', `${base}/groups`, 'properties.groups', listGroups);
	r.add('POST', `${base}/groups`, 'properties.groups', createGroup);
	r.add('GET', `${base}/groups/:name`, 'properties.groups', getGroup);
	r.add('POST', `${base}/batch/create`, 'properties.create', batchCreateProps);
	r.add('POST', `${base}/batch/read`, 'properties.read', batchReadProps);
	r.add('GET', base, 'properties.read', listProps);
	r.add('POST', base, 'properties.create', createProp);
	r.add('GET', `${base}/:name`, 'properties.read', getProp);
	r.add('PATCH', `${base}/:name`, 'properties.update', updateProp);
	r.add('DELETE', `${base}/:name`, 'properties.archive', archiveProp);
}
