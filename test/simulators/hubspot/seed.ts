/**
 * Admin seeding: objects (with refs), associations between them, extra properties, owners and pipelines.
 * Seeding writes with changeSource IMPORT and, unless asked, produces no webhook events.
 */
import { validationError } from './errors';
import { seedToRecord } from './properties';
import { associationType, typesBetween } from './schema/associationTypes';
import { objectType, resolveObjectType } from './schema/objectTypes';
import type { PropertySeed } from './schema/defaultProperties';
import { pipeline, type Owner } from './seedData';
import type { ChangeSource, HubSpotWorld } from './world';

export interface SeedAssociation {
	/** A ref given to another seeded object, or {type, id} of an existing one. */
	to: string | { type: string; id: string };
	types?: number[];
	primary?: boolean;
}

export interface SeedObject {
	ref?: string;
	id?: string;
	properties?: Record<string, unknown>;
	associations?: SeedAssociation[];
}

export interface SeedSpec {
	objects?: Record<string, SeedObject[]>;
	properties?: Record<string, Array<Omit<PropertySeed, 'options'> & { options?: Array<[string, string] | { label: string; value: string }> }>>;
	propertyGroups?: Record<string, Array<{ name: string; label: string }>>;
	owners?: Array<Partial<Owner> & { id: string; email: string }>;
	pipelines?: Array<{ id: string; label: string; stages: Array<{ id: string; label: string; probability?: string; isClosed?: boolean }> }>;
}

export interface SeedResult {
	refs: Record<string, { type: string; id: string }>;
	created: Record<string, string[]>;
}

export const SEED_SOURCE: ChangeSource = { changeSource: 'IMPORT' };

export function applySeed(world: HubSpotWorld, spec: SeedSpec): SeedResult {
	const at = world.nowIso();
	for (const [typeName, groups] of Object.entries(spec.propertyGroups ?? {})) {
		const t = objectType(typeName);
		for (const g of groups) world.properties.groupsOf(t.name).set(g.name, { name: g.name, label: g.label, displayOrder: world.properties.groupsOf(t.name).size, archived: false });
	}
	for (const [typeName, props] of Object.entries(spec.properties ?? {})) {
		const t = objectType(typeName);
		for (const p of props) {
			const options = (p.options ?? []).map((o) => (Array.isArray(o) ? o : ([o.value, o.label] as [string, string])));
			const groupName = p.groupName ?? t.defaultGroup;
			if (!world.properties.groupsOf(t.name).has(groupName)) {
				world.properties.groupsOf(t.name).set(groupName, { name: groupName, label: groupName, displayOrder: world.properties.groupsOf(t.name).size, archived: false });
			}
			world.properties.of(t.name).set(p.name, seedToRecord({ ...p, options }, groupName, world.properties.of(t.name).size, at, false));
		}
	}
	for (const o of spec.owners ?? []) {
		world.owners = world.owners.filter((x) => x.id !== o.id);
		world.owners.push({ firstName: '', lastName: '', userId: Number(o.id), createdAt: at, updatedAt: at, archived: false, teams: [], ...o });
	}
	for (const p of spec.pipelines ?? []) {
		world.pipelines = world.pipelines.filter((x) => x.id !== p.id);
		world.pipelines.push(pipeline(p.id, p.label, world.pipelines.length, p.stages.map((s) => [s.id, s.label, s.probability ?? '0.5', s.isClosed]), at));
	}
	const refs: SeedResult['refs'] = {};
	const created: SeedResult['created'] = {};
	const later: Array<{ type: string; id: string; assoc: SeedAssociation }> = [];
	for (const [typeName, objects] of Object.entries(spec.objects ?? {})) {
		const t = resolveObjectType(typeName);
		if (!t) throw validationError(`Unknown object type ${typeName} in seed`);
		for (const o of objects) {
			const rec = world.create(t.name, o.properties ?? {}, [], SEED_SOURCE, o.id ? { id: o.id } : {});
			(created[t.name] ??= []).push(rec.id);
			if (o.ref) refs[o.ref] = { type: t.name, id: rec.id };
			for (const assoc of o.associations ?? []) later.push({ type: t.name, id: rec.id, assoc });
		}
	}
	for (const { type, id, assoc } of later) {
		const to = typeof assoc.to === 'string' ? refs[assoc.to] : { type: objectType(assoc.to.type).name, id: String(assoc.to.id) };
		if (!to) throw validationError(`Seed association refers to unknown ref ${String(assoc.to)}`);
		const typeIds = [...(assoc.types ?? [])];
		if (assoc.primary) {
			const primary = typesBetween(type, to.type).find((d) => d.primary);
			if (!primary) throw validationError(`${type} -> ${to.type} has no primary association type`);
			typeIds.push(primary.typeId);
		}
		for (const typeId of typeIds) if (!associationType(typeId)) throw validationError(`Unknown association type ${typeId}`);
		world.associate(type, id, to.type, to.id, typeIds, SEED_SOURCE);
	}
	return { refs, created };
}
