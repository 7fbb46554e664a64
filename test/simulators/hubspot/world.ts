/**
 * The simulated HubSpot account: objects, associations, properties, pipelines, owners. Every change goes through
 * here and is reported to listeners (webhooks) with its change source (API or CRM_UI, hubspot.md 3.3).
 */
import type { SimClock } from '../common/clock';
import { conflict, notFound, propertyError, propertyValuesNotValid, validationError, type PropertyValidationError } from './errors';
import { PropertyRegistry, type PropertyOption, type PropertyRecord } from './properties';
import { associationType, defaultAssociationType, type AssociationTypeDef } from './schema/associationTypes';
import { alwaysReturned, OBJECT_TYPES, objectType, type ObjectTypeDef } from './schema/objectTypes';
import { defaultOwners, defaultPipelines, type Owner, type Pipeline } from './seedData';
import { normalizeValue } from './values';

export interface ChangeSource {
	changeSource: string;
	sourceId?: string;
}

export interface ObjRecord {
	id: string;
	type: string;
	properties: Record<string, string>;
	createdAt: string;
	updatedAt: string;
	archived: boolean;
	archivedAt?: string;
}

export type ChangeEvent =
	| { kind: 'creation' | 'deletion' | 'restore'; objectType: string; objectId: string; source: ChangeSource; occurredAt: number }
	| { kind: 'propertyChange'; objectType: string; objectId: string; propertyName: string; propertyValue: string; source: ChangeSource; occurredAt: number }
	| {
			kind: 'merge';
			objectType: string;
			objectId: string;
			primaryObjectId: string;
			mergedObjectIds: string[];
			newObjectId: string;
			numberOfPropertiesMoved: number;
			source: ChangeSource;
			occurredAt: number;
	  }
	| {
			kind: 'associationChange';
			objectType: string;
			toObjectType: string;
			fromObjectId: string;
			toObjectId: string;
			associationTypeId: number;
			associationRemoved: boolean;
			isPrimaryAssociation: boolean;
			source: ChangeSource;
			occurredAt: number;
	  };

export interface HistoryEntry {
	value: string;
	timestamp: string;
	sourceType: string;
	sourceId?: string;
	updatedByUserId?: number;
}

export interface AssociationInput {
	toType: string;
	toId: string;
	typeIds: number[];
}

/** API writes: changeSource `API` (HubSpot's documented example) or what the token says (e.g. `INTEGRATION`, seen for apps). */
export const API_SOURCE = (appId: string, changeSource = 'API'): ChangeSource => ({ changeSource, sourceId: appId });

const LAST_MODIFIED_PROPS = new Set(['hs_lastmodifieddate', 'lastmodifieddate']);

export class HubSpotWorld {
	portalId: number;
	properties: PropertyRegistry;
	objects = new Map<string, Map<string, ObjRecord>>();
	/** `${type}|${id}` -> `${toType}|${toId}` -> association type ids (from this side). */
	associations = new Map<string, Map<string, Set<number>>>();
	/** Merged-away id -> surviving id, per type. */
	mergedInto = new Map<string, string>();
	pipelines: Pipeline[];
	owners: Owner[];
	private nextId = 0;
	private listeners: Array<(e: ChangeEvent) => void> = [];

	constructor(
		public readonly clock: SimClock,
		portalId = 62515,
	) {
		this.portalId = portalId;
		const at = this.nowIso();
		this.properties = new PropertyRegistry(at);
		for (const t of OBJECT_TYPES) this.objects.set(t.name, new Map());
		this.pipelines = defaultPipelines(at);
		this.owners = defaultOwners(at);
	}

	nowIso(): string {
		return this.clock.date().toISOString();
	}

	onChange(listener: (e: ChangeEvent) => void): void {
		this.listeners.push(listener);
	}

	/** When true, changes produce no events (admin seeding). */
	muted = false;

	private emit(e: ChangeEvent): void {
		if (this.muted) return;
		for (const l of this.listeners) l(e);
	}

	private newId(): string {
		this.nextId += 1;
		return String(10_000_000_000 + this.nextId * 7);
	}

	store(type: string): Map<string, ObjRecord> {
		const m = this.objects.get(type);
		if (!m) throw new Error(`Unknown object type ${type}`);
		return m;
	}

	// ---------- reads ----------

	/** Finds a live object by id (following merges) or by a unique property (idProperty). */
	find(type: string, idOrValue: string, idProperty?: string): ObjRecord | undefined {
		const store = this.store(type);
		if (idProperty && idProperty !== 'hs_object_id') {
			const prop = this.properties.get(type, idProperty);
			if (!prop || !prop.hasUniqueValue) {
				throw validationError(`${idProperty} is not a unique identifier property for ${type}; idProperty must name a property with unique values.`);
			}
			const want = idProperty === 'email' ? idOrValue.toLowerCase() : idOrValue;
			for (const rec of store.values()) if (!rec.archived && rec.properties[idProperty] === want) return rec;
			return undefined;
		}
		let id = idOrValue;
		const redirect = this.mergedInto.get(`${type}|${id}`);
		if (redirect) id = redirect;
		const rec = store.get(id);
		return rec && !rec.archived ? rec : undefined;
	}

	mustFind(type: string, id: string, idProperty?: string): ObjRecord {
		const rec = this.find(type, id, idProperty);
		if (!rec) throw notFound(`Object not found.  objectId are usually numeric.`, { context: { id: [id] } });
		return rec;
	}

	live(type: string): ObjRecord[] {
		return [...this.store(type).values()].filter((r) => !r.archived);
	}

	// ---------- property options ----------

	optionsOf(type: string, prop: PropertyRecord, forPipeline?: string): PropertyOption[] {
		switch (prop.dynamicOptions) {
			case 'pipelines':
				return this.pipelines.map((p, i) => ({ label: p.label, value: p.id, displayOrder: i, hidden: false }));
			case 'stages': {
				const pipelines = forPipeline === undefined ? this.pipelines : this.pipelines.filter((p) => p.id === forPipeline);
				return pipelines.flatMap((p) => p.stages.map((s) => ({ label: s.label, value: s.id, displayOrder: s.displayOrder, hidden: false, description: p.id })));
			}
			case 'owners':
				return this.owners.map((o, i) => ({ label: `${o.firstName} ${o.lastName} (${o.email})`, value: o.id, displayOrder: i, hidden: false }));
			default:
				return prop.options;
		}
	}

	// ---------- writes ----------

	/**
	 * Validates and normalizes a property write (HubSpot rejects unknown properties, read-only values and bad
	 * option values with "Property values were not valid: [...]"). Returns name -> stored value (null = cleared).
	 */
	validateProperties(type: string, input: unknown, existing?: ObjRecord, creating = false): Record<string, string | null> {
		if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
			throw validationError('Invalid input JSON: "properties" must be an object of property name to string value.');
		}
		const values = (input ?? {}) as Record<string, unknown>;
		const errors: PropertyValidationError[] = [];
		const out: Record<string, string | null> = {};
		const pipelineAfter =
			type === 'deals' ? String(values.pipeline ?? existing?.properties.pipeline ?? 'default') : undefined;
		for (const [name, raw] of Object.entries(values)) {
			const prop = this.properties.get(type, name);
			if (!prop) {
				errors.push(propertyError(this.portalId, name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
				continue;
			}
			if (prop.modificationMetadata.readOnlyValue || prop.calculated) {
				errors.push(propertyError(this.portalId, name, 'READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`));
				continue;
			}
			const options = prop.type === 'enumeration' ? this.optionsOf(type, prop, name === 'dealstage' ? pipelineAfter : undefined).map((o) => o.value) : undefined;
			const result = normalizeValue(prop, raw, options);
			if (!result.ok) {
				const message = name === 'dealstage' && result.error === 'INVALID_OPTION' ? `${String(raw)} is not a valid dealstage for pipeline ${pipelineAfter}. ${result.message}` : result.message;
				errors.push(propertyError(this.portalId, name, result.error, message));
				continue;
			}
			out[name] = result.value;
		}
		if (creating) {
			for (const required of objectType(type).requiredOnCreate ?? []) {
				if (out[required] === undefined || out[required] === null) {
					errors.push(propertyError(this.portalId, required, 'REQUIRED_FIELD', `${required} is required`));
				}
			}
		}
		if (type === 'deals' && out.dealstage === undefined && out.pipeline && existing?.properties.dealstage) {
			const stageOk = this.optionsOf(type, this.properties.get(type, 'dealstage') as PropertyRecord, out.pipeline).some((o) => o.value === existing.properties.dealstage);
			if (!stageOk) {
				errors.push(propertyError(this.portalId, 'dealstage', 'INVALID_OPTION', `${existing.properties.dealstage} is not a valid dealstage for pipeline ${out.pipeline}.`));
			}
		}
		if (errors.length) throw propertyValuesNotValid(errors);
		this.checkUnique(type, out, existing?.id);
		return out;
	}

	private checkUnique(type: string, values: Record<string, string | null>, selfId?: string): void {
		for (const [name, value] of Object.entries(values)) {
			if (value === null) continue;
			const prop = this.properties.get(type, name);
			if (!prop?.hasUniqueValue) continue;
			const other = this.live(type).find((r) => r.id !== selfId && r.properties[name] === value);
			if (!other) continue;
			if (type === 'contacts' && name === 'email') {
				throw conflict(`Contact already exists. Existing ID: ${other.id}`, 'CONFLICT');
			}
			throw conflict(`A ${objectType(type).singular} with ${name} "${value}" already exists. Existing ID: ${other.id}`, 'CONFLICT');
		}
	}

	/** Deal stage metadata drives hs_is_closed, hs_is_closed_won and hs_deal_stage_probability. */
	private derived(type: string, props: Record<string, string>): Record<string, string> {
		if (type !== 'deals' || !props.dealstage) return {};
		const pipeline = this.pipelines.find((p) => p.id === (props.pipeline ?? 'default'));
		const stage = pipeline?.stages.find((s) => s.id === props.dealstage);
		if (!stage) return {};
		const closed = stage.metadata.isClosed === 'true';
		const probability = stage.metadata.probability;
		return {
			hs_is_closed: String(closed),
			hs_is_closed_won: String(closed && Number(probability) >= 1),
			hs_deal_stage_probability: probability,
		};
	}

	/** Value history per `${type}|${id}` and property, oldest first (read as propertiesWithHistory, newest first). */
	private history = new Map<string, Record<string, HistoryEntry[]>>();

	private recordHistory(rec: ObjRecord, names: string[], source: ChangeSource): void {
		const key = `${rec.type}|${rec.id}`;
		const byName = this.history.get(key) ?? {};
		const timestamp = this.nowIso();
		const calculated = new Set(['hs_is_closed', 'hs_is_closed_won', 'hs_deal_stage_probability']);
		for (const name of names) {
			const entry: HistoryEntry = { value: rec.properties[name] ?? '', timestamp, sourceType: calculated.has(name) ? 'CALCULATED' : source.changeSource };
			if (source.sourceId !== undefined) entry.sourceId = source.sourceId;
			const user = /^userId:(\d+)$/.exec(source.sourceId ?? '');
			if (user) entry.updatedByUserId = Number(user[1]);
			(byName[name] ??= []).push(entry);
		}
		this.history.set(key, byName);
	}

	/** Applies values to a record; returns the names whose value changed. */
	private apply(rec: ObjRecord, values: Record<string, string | null>, source?: ChangeSource): string[] {
		const changed: string[] = [];
		const next = { ...rec.properties };
		for (const [name, value] of Object.entries(values)) {
			if (value === null) delete next[name];
			else next[name] = value;
		}
		if (rec.type === 'deals' && next.dealstage && !next.pipeline) next.pipeline = 'default';
		Object.assign(next, this.derived(rec.type, next));
		for (const name of new Set([...Object.keys(next), ...Object.keys(rec.properties)])) {
			if (next[name] !== rec.properties[name]) changed.push(name);
		}
		rec.properties = next;
		if (source) this.recordHistory(rec, changed, source);
		return changed;
	}

	private touch(rec: ObjRecord, at = this.nowIso()): void {
		rec.updatedAt = at;
		rec.properties.hs_lastmodifieddate = at;
		const extra = objectType(rec.type).extraLastModified;
		if (extra) rec.properties[extra] = at;
		this.recordVersion(rec);
	}

	// ---------- search index (eventual consistency) ----------

	/** Simulated ms before a write becomes visible to search (0 = at once). */
	searchIndexDelayMs = 0;
	private versions = new Map<string, Array<{ at: number; rec: ObjRecord }>>();

	private recordVersion(rec: ObjRecord): void {
		if (this.searchIndexDelayMs <= 0) {
			this.versions.delete(`${rec.type}|${rec.id}`);
			return;
		}
		const key = `${rec.type}|${rec.id}`;
		const now = this.clock.now();
		const cutoff = now - this.searchIndexDelayMs;
		const list = (this.versions.get(key) ?? []).filter((v, i, all) => v.at > cutoff || (all[i + 1] !== undefined && all[i + 1].at > cutoff) || i === all.length - 1);
		list.push({ at: now, rec: { ...rec, properties: { ...rec.properties } } });
		this.versions.set(key, list);
	}

	/** What search sees: each record as it was searchIndexDelayMs ago (records created since are not found yet). */
	searchable(type: string): ObjRecord[] {
		if (this.searchIndexDelayMs <= 0) return this.live(type);
		const cutoff = this.clock.now() - this.searchIndexDelayMs;
		const out: ObjRecord[] = [];
		for (const rec of this.store(type).values()) {
			const list = this.versions.get(`${type}|${rec.id}`);
			if (!list) {
				if (!rec.archived) out.push(rec);
				continue;
			}
			const seen = [...list].reverse().find((v) => v.at <= cutoff);
			if (seen && !seen.rec.archived) out.push(seen.rec);
		}
		return out;
	}

	/** Validates every association of a create before anything is written (HubSpot rejects the whole create). */
	checkAssociations(type: string, associations: AssociationInput[]): void {
		for (const a of associations) {
			for (const typeId of a.typeIds) {
				const def = associationType(typeId);
				if (!def || def.from !== type || def.to !== a.toType) {
					throw validationError(`${typeId} is not a valid association type between ${type} and ${a.toType}.`, { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' });
				}
			}
			if (!this.find(a.toType, a.toId)) {
				throw validationError(`One or more associations are invalid: ${a.toType} ${a.toId} does not exist.`, { subCategory: 'crm.associations.INVALID_OBJECT_IDS' });
			}
		}
	}

	create(type: string, input: unknown, associations: AssociationInput[], source: ChangeSource, opts: { id?: string; validated?: Record<string, string | null> } = {}): ObjRecord {
		const values = opts.validated ?? this.validateProperties(type, input, undefined, true);
		this.checkAssociations(type, associations);
		let id = opts.id ?? this.newId();
		while (!opts.id && this.store(type).has(id)) id = this.newId();
		if (this.store(type).has(id)) throw validationError(`A ${type} object with id ${id} already exists.`);
		const at = this.nowIso();
		const rec: ObjRecord = { id, type, properties: {}, createdAt: at, updatedAt: at, archived: false };
		const createdate = values.createdate ?? at;
		this.apply(rec, { ...values, createdate }, source);
		rec.properties.hs_object_id = id;
		this.touch(rec, at);
		if (values.createdate) rec.createdAt = values.createdate;
		this.store(type).set(id, rec);
		const occurredAt = this.clock.now();
		this.emit({ kind: 'creation', objectType: type, objectId: id, source, occurredAt });
		for (const name of Object.keys(values)) {
			const v = rec.properties[name];
			if (v !== undefined) this.emit({ kind: 'propertyChange', objectType: type, objectId: id, propertyName: name, propertyValue: v, source, occurredAt });
		}
		for (const a of associations) this.associate(type, id, a.toType, a.toId, a.typeIds, source);
		return rec;
	}

	update(type: string, id: string, input: unknown, source: ChangeSource, idProperty?: string): ObjRecord {
		const rec = this.mustFind(type, id, idProperty);
		const values = this.validateProperties(type, input, rec);
		return this.applyUpdate(rec, values, source);
	}

	applyUpdate(rec: ObjRecord, values: Record<string, string | null>, source: ChangeSource): ObjRecord {
		const changed = this.apply(rec, values, source).filter((n) => !LAST_MODIFIED_PROPS.has(n));
		this.touch(rec);
		const occurredAt = this.clock.now();
		for (const name of changed) {
			this.emit({ kind: 'propertyChange', objectType: rec.type, objectId: rec.id, propertyName: name, propertyValue: rec.properties[name] ?? '', source, occurredAt });
		}
		return rec;
	}

	archive(type: string, id: string, source: ChangeSource): boolean {
		const rec = this.find(type, id);
		if (!rec) return false;
		for (const [key] of this.associationsOf(type, rec.id)) {
			const [toType, toId] = key.split('|');
			this.dissociate(type, rec.id, toType, toId, source, false);
		}
		const at = this.nowIso();
		rec.archived = true;
		rec.archivedAt = at;
		rec.updatedAt = at;
		this.recordVersion(rec);
		this.emit({ kind: 'deletion', objectType: type, objectId: rec.id, source, occurredAt: this.clock.now() });
		return true;
	}

	/** Restores an archived (not merged-away) record, as a user can in the HubSpot UI's recycle bin. */
	restore(type: string, id: string, source: ChangeSource): ObjRecord {
		const rec = this.store(type).get(id);
		if (!rec || !rec.archived || this.mergedInto.has(`${type}|${id}`)) throw notFound(`No archived ${type} record ${id} to restore.`);
		this.checkUnique(type, rec.properties, rec.id);
		rec.archived = false;
		delete rec.archivedAt;
		this.touch(rec);
		this.emit({ kind: 'restore', objectType: type, objectId: rec.id, source, occurredAt: this.clock.now() });
		return rec;
	}

	/** Merge (hubspot.md 2.1 `merge`): the primary keeps its id; empty properties are filled from the merged one. */
	merge(type: string, primaryId: string, mergedId: string, source: ChangeSource): ObjRecord {
		const primary = this.mustFind(type, primaryId);
		const merged = this.mustFind(type, mergedId);
		if (primary.id === merged.id) throw validationError('Cannot merge an object into itself.');
		let moved = 0;
		const fill: Record<string, string | null> = {};
		for (const [name, value] of Object.entries(merged.properties)) {
			const prop = this.properties.get(type, name);
			if (!prop || prop.modificationMetadata.readOnlyValue || prop.calculated || ['createdate'].includes(name)) continue;
			if (primary.properties[name] === undefined) {
				fill[name] = value;
				moved += 1;
			}
		}
		const quiet: ChangeSource = source;
		this.apply(primary, fill, source);
		const prior = primary.properties.hs_merged_object_ids ? primary.properties.hs_merged_object_ids.split(';') : [];
		primary.properties.hs_merged_object_ids = [...prior, merged.id].join(';');
		for (const [key, typeIds] of [...this.associationsOf(type, merged.id)]) {
			const [toType, toId] = key.split('|');
			const ids = [...typeIds];
			this.dissociate(type, merged.id, toType, toId, quiet, false);
			if (!(toType === type && toId === primary.id)) this.associate(type, primary.id, toType, toId, ids, quiet, false);
		}
		merged.archived = true;
		merged.archivedAt = this.nowIso();
		this.recordVersion(merged);
		this.mergedInto.set(`${type}|${merged.id}`, primary.id);
		for (const [k, v] of this.mergedInto) if (v === merged.id) this.mergedInto.set(k, primary.id);
		this.touch(primary);
		this.emit({
			kind: 'merge',
			objectType: type,
			objectId: primary.id,
			primaryObjectId: primary.id,
			mergedObjectIds: [merged.id],
			newObjectId: primary.id,
			numberOfPropertiesMoved: moved,
			source,
			occurredAt: this.clock.now(),
		});
		return primary;
	}

	// ---------- associations ----------

	associationsOf(type: string, id: string): Map<string, Set<number>> {
		return this.associations.get(`${type}|${id}`) ?? new Map();
	}

	private edge(type: string, id: string, toType: string, toId: string, create: boolean): Set<number> | undefined {
		const key = `${type}|${id}`;
		let m = this.associations.get(key);
		if (!m) {
			if (!create) return undefined;
			m = new Map();
			this.associations.set(key, m);
		}
		let s = m.get(`${toType}|${toId}`);
		if (!s && create) {
			s = new Set();
			m.set(`${toType}|${toId}`, s);
		}
		return s;
	}

	private dropEdge(type: string, id: string, toType: string, toId: string): void {
		const m = this.associations.get(`${type}|${id}`);
		if (!m) return;
		m.delete(`${toType}|${toId}`);
		if (m.size === 0) this.associations.delete(`${type}|${id}`);
	}

	/** Type ids an association between the two types may carry, validated; throws 400 otherwise. */
	validateTypeIds(type: string, toType: string, typeIds: number[]): AssociationTypeDef[] {
		return typeIds.map((typeId) => {
			const def = associationType(typeId);
			if (!def || def.from !== type || def.to !== toType) {
				throw validationError(`${typeId} is not a valid association type between ${type} and ${toType}.`, { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' });
			}
			return def;
		});
	}

	/**
	 * Adds association types (from `type` to `toType`). The unlabeled default type is always present with any label
	 * (HubSpot v4); a primary type moves the primary flag away from the object's other association of that pair.
	 */
	associate(type: string, id: string, toType: string, toId: string, typeIds: number[], source: ChangeSource, emit = true): { added: number[]; all: number[] } {
		const from = this.mustFind(type, id);
		const to = this.mustFind(toType, toId);
		const defs = this.validateTypeIds(type, toType, typeIds);
		const unlabeled = defaultAssociationType(type, toType);
		if (!unlabeled) throw validationError(`${type} cannot be associated with ${toType}.`);
		const wanted = new Set<number>([unlabeled.typeId, ...defs.map((d) => d.typeId)]);
		const existing = this.edge(type, from.id, toType, to.id, false);
		const wasAssociated = existing !== undefined && existing.size > 0;
		const wasPrimary = [...(existing ?? [])].some((t) => associationType(t)?.primary);
		const added: number[] = [];
		for (const typeId of wanted) {
			const def = associationType(typeId) as AssociationTypeDef;
			if (def.primary) {
				for (const [otherKey, otherSet] of this.associationsOf(type, from.id)) {
					const [otherType, otherId] = otherKey.split('|');
					if (otherType !== toType || otherId === to.id || !otherSet.has(typeId)) continue;
					otherSet.delete(typeId);
					this.edge(otherType, otherId, type, from.id, false)?.delete(def.inverse);
				}
			}
			const fwd = this.edge(type, from.id, toType, to.id, true) as Set<number>;
			if (!fwd.has(typeId)) added.push(typeId);
			fwd.add(typeId);
			(this.edge(toType, to.id, type, from.id, true) as Set<number>).add(def.inverse);
		}
		const all = [...(this.edge(type, from.id, toType, to.id, false) ?? [])];
		const isPrimary = all.some((t) => associationType(t)?.primary);
		if (emit && (!wasAssociated || (isPrimary && !wasPrimary))) {
			this.emitAssociation(type, from.id, toType, to.id, unlabeled.typeId, false, isPrimary, source);
		}
		return { added, all };
	}

	/** Removes some association types; removing the last one (or the unlabeled one) removes the association. */
	removeLabels(type: string, id: string, toType: string, toId: string, typeIds: number[], source: ChangeSource): void {
		const fwd = this.edge(type, id, toType, toId, false);
		if (!fwd) return;
		const unlabeled = defaultAssociationType(type, toType);
		if (unlabeled && typeIds.includes(unlabeled.typeId)) {
			this.dissociate(type, id, toType, toId, source);
			return;
		}
		for (const typeId of typeIds) {
			const def = associationType(typeId);
			if (!def) continue;
			fwd.delete(typeId);
			this.edge(toType, toId, type, id, false)?.delete(def.inverse);
		}
		if (fwd.size === 0) this.dissociate(type, id, toType, toId, source);
	}

	dissociate(type: string, id: string, toType: string, toId: string, source: ChangeSource, emit = true): boolean {
		const fwd = this.edge(type, id, toType, toId, false);
		if (!fwd) return false;
		const wasPrimary = [...fwd].some((t) => associationType(t)?.primary);
		this.dropEdge(type, id, toType, toId);
		this.dropEdge(toType, toId, type, id);
		const unlabeled = defaultAssociationType(type, toType);
		if (emit && unlabeled) this.emitAssociation(type, id, toType, toId, unlabeled.typeId, true, wasPrimary, source);
		return true;
	}

	private emitAssociation(type: string, id: string, toType: string, toId: string, typeId: number, removed: boolean, primary: boolean, source: ChangeSource): void {
		const occurredAt = this.clock.now();
		const inverse = associationType(typeId)?.inverse ?? typeId;
		this.emit({ kind: 'associationChange', objectType: type, toObjectType: toType, fromObjectId: id, toObjectId: toId, associationTypeId: typeId, associationRemoved: removed, isPrimaryAssociation: primary, source, occurredAt });
		this.emit({ kind: 'associationChange', objectType: toType, toObjectType: type, fromObjectId: toId, toObjectId: id, associationTypeId: inverse, associationRemoved: removed, isPrimaryAssociation: primary, source, occurredAt });
	}

	/** Associations of one object to one type, ordered by target id. */
	listAssociations(type: string, id: string, toType: string): Array<{ toId: string; typeIds: number[] }> {
		const out: Array<{ toId: string; typeIds: number[] }> = [];
		for (const [key, set] of this.associationsOf(type, id)) {
			const [t, toId] = key.split('|');
			if (t === toType && set.size) out.push({ toId, typeIds: [...set].sort((a, b) => a - b) });
		}
		return out.sort((a, b) => Number(a.toId) - Number(b.toId));
	}

	// ---------- output ----------

	/** v3 object shape; `properties` = requested names (or the type's defaults) plus the always-returned ones. */
	toApi(rec: ObjRecord, requested?: string[]): Record<string, unknown> {
		const def: ObjectTypeDef = objectType(rec.type);
		const names = new Set<string>([...(requested && requested.length ? requested : def.defaultProperties), ...alwaysReturned(def)]);
		const properties: Record<string, string | null> = {};
		for (const name of names) {
			if (this.properties.get(rec.type, name) === undefined && rec.properties[name] === undefined) continue;
			properties[name] = rec.properties[name] ?? null;
		}
		const out: Record<string, unknown> = { id: rec.id, properties, createdAt: rec.createdAt, updatedAt: rec.updatedAt, archived: rec.archived };
		if (rec.archived && rec.archivedAt) out.archivedAt = rec.archivedAt;
		return out;
	}

	/** propertiesWithHistory: every recorded value of each named property, newest first. */
	withHistory(rec: ObjRecord, names: string[]): Record<string, HistoryEntry[]> {
		const byName = this.history.get(`${rec.type}|${rec.id}`) ?? {};
		const out: Record<string, HistoryEntry[]> = {};
		for (const name of names) out[name] = [...(byName[name] ?? [])].reverse();
		return out;
	}
}
