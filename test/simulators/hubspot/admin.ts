/**
 * Admin API under /__admin/ (no auth, not rate limited, not counted): reset, seed, state, request log, counters,
 * clock, faults, tokens, rate limits, webhook settings/subscriptions/deliveries, and "user edits in the HubSpot UI"
 * (changeSource CRM_UI, sourceId userId:<n>). Every action is also callable in-process (see index.ts).
 */
import { errorBody, HsError, validationError } from './errors';
import { applySeed, SEED_SOURCE, type SeedSpec } from './seed';
import { objectType, resolveObjectType, type ObjectTypeDef } from './schema/objectTypes';
import { typesBetween } from './schema/associationTypes';
import type { Reply } from './router';
import type { HubSpotSimulatorCore } from './server';
import { validateSubscription, type WebhookSettings } from './webhooks';
import type { ChangeSource, ObjRecord } from './world';

export interface UiAssociation {
	toType: string;
	toId: string;
	primary?: boolean;
	typeIds?: number[];
}

function uiSource(core: HubSpotSimulatorCore, userId?: unknown): ChangeSource {
	const id = userId ?? core.world.owners[0]?.userId ?? 1;
	return { changeSource: 'CRM_UI', sourceId: `userId:${String(id)}` };
}

function typeOf(segment: string): ObjectTypeDef {
	const t = resolveObjectType(segment);
	if (!t) throw validationError(`Unknown object type ${segment}`);
	return t;
}

function typeIdsFor(from: string, a: UiAssociation): number[] {
	const ids = [...(a.typeIds ?? [])];
	if (a.primary) {
		const primary = typesBetween(from, objectType(a.toType).name).find((d) => d.primary);
		if (!primary) throw validationError(`${from} -> ${a.toType} has no primary association type`);
		ids.push(primary.typeId);
	}
	return ids;
}

/** A user creates a record in the HubSpot UI (same validation as the API; events with changeSource CRM_UI). */
export function uiCreate(core: HubSpotSimulatorCore, type: string, properties: Record<string, unknown>, associations: UiAssociation[] = [], userId?: unknown): ObjRecord {
	const t = typeOf(type);
	const assoc = associations.map((a) => ({ toType: objectType(a.toType).name, toId: String(a.toId), typeIds: typeIdsFor(t.name, a) }));
	return core.world.create(t.name, properties, assoc, uiSource(core, userId));
}

export function uiUpdate(core: HubSpotSimulatorCore, type: string, id: string, properties: Record<string, unknown>, userId?: unknown): ObjRecord {
	return core.world.update(typeOf(type).name, id, properties, uiSource(core, userId));
}

export function uiDelete(core: HubSpotSimulatorCore, type: string, id: string, userId?: unknown): boolean {
	return core.world.archive(typeOf(type).name, id, uiSource(core, userId));
}

export function uiMerge(core: HubSpotSimulatorCore, type: string, primaryObjectId: string, objectIdToMerge: string, userId?: unknown): ObjRecord {
	return core.world.merge(typeOf(type).name, primaryObjectId, objectIdToMerge, uiSource(core, userId));
}

export function uiAssociate(core: HubSpotSimulatorCore, fromType: string, fromId: string, a: UiAssociation, userId?: unknown): number[] {
	const from = typeOf(fromType);
	return core.world.associate(from.name, fromId, objectType(a.toType).name, String(a.toId), typeIdsFor(from.name, a), uiSource(core, userId)).all;
}

export function uiDissociate(core: HubSpotSimulatorCore, fromType: string, fromId: string, toType: string, toId: string, userId?: unknown): boolean {
	return core.world.dissociate(typeOf(fromType).name, fromId, typeOf(toType).name, toId, uiSource(core, userId));
}

export function seed(core: HubSpotSimulatorCore, spec: SeedSpec & { emitEvents?: boolean }) {
	core.world.muted = spec.emitEvents !== true;
	try {
		return applySeed(core.world, spec);
	} finally {
		core.world.muted = false;
	}
}

export function snapshot(core: HubSpotSimulatorCore) {
	const w = core.world;
	const objects: Record<string, ObjRecord[]> = {};
	for (const [type, store] of w.objects) objects[type] = [...store.values()].map((r) => ({ ...r, properties: { ...r.properties } }));
	const associations: Array<{ fromType: string; fromId: string; toType: string; toId: string; typeIds: number[] }> = [];
	for (const [fromKey, targets] of w.associations) {
		const [fromType, fromId] = fromKey.split('|');
		for (const [toKey, set] of targets) {
			const [toType, toId] = toKey.split('|');
			associations.push({ fromType, fromId, toType, toId, typeIds: [...set].sort((a, b) => a - b) });
		}
	}
	const properties: Record<string, unknown[]> = {};
	const propertyGroups: Record<string, unknown[]> = {};
	for (const [type, props] of w.properties.props) properties[type] = [...props.values()];
	for (const [type, groups] of w.properties.groups) propertyGroups[type] = [...groups.values()];
	return {
		portalId: w.portalId,
		now: core.clock.date().toISOString(),
		objects,
		associations,
		mergedInto: Object.fromEntries(w.mergedInto),
		properties,
		propertyGroups,
		pipelines: w.pipelines,
		owners: w.owners,
		tokens: [...core.tokens.tokens.values()],
		rateLimits: core.rateLimiter.config,
		webhooks: {
			settings: core.webhooks.settings,
			subscriptions: core.webhooks.subscriptions,
			pending: core.webhooks.pendingEvents(),
			deliveries: core.webhooks.log,
		},
		faults: core.faults.rules,
	};
}

const ok = (body: unknown = { ok: true }, status = 200): Reply => ({ status, body });

function parse(raw: string): Record<string, unknown> {
	if (!raw.trim()) return {};
	const v = JSON.parse(raw) as unknown;
	if (!v || typeof v !== 'object' || Array.isArray(v)) throw validationError('Admin bodies are JSON objects');
	return v as Record<string, unknown>;
}

export async function handleAdmin(core: HubSpotSimulatorCore, method: string, url: URL, raw: string): Promise<Reply> {
	try {
		return await route(core, method, url.pathname.replace(/^\/__admin\/?/, '').replace(/\/$/, '').split('/').filter(Boolean), url.searchParams, parse(raw));
	} catch (e) {
		if (e instanceof HsError) return { status: e.statusCode, body: e.body };
		return { status: 400, body: errorBody('VALIDATION_ERROR', e instanceof Error ? e.message : String(e)) };
	}
}

async function route(core: HubSpotSimulatorCore, method: string, parts: string[], q: URLSearchParams, b: Record<string, unknown>): Promise<Reply> {
	const [head, second, third, fourth] = parts;
	const key = `${method} ${head ?? ''}`;
	switch (key) {
		case 'POST reset':
			core.reset();
			return ok();
		case 'POST seed':
			return ok(seed(core, b as SeedSpec));
		case 'GET state':
			return ok(snapshot(core));
		case 'GET requests': {
			const since = Number(q.get('since') ?? 0);
			return ok({ requests: core.requests.filter((r) => r.seq > since) });
		}
		case 'DELETE requests':
			core.requests = [];
			return ok();
		case 'GET counters':
			return ok(core.counters);
		case 'DELETE counters':
		case 'POST counters':
			core.resetCounters();
			return ok(core.counters);
		case 'GET clock':
			return ok({ now: core.clock.now(), iso: core.clock.date().toISOString(), timeScale: core.clock.timeScale });
		case 'POST clock':
			if (second !== 'advance') break;
			core.clock.advance(Number(b.ms ?? 0));
			return ok({ now: core.clock.now(), iso: core.clock.date().toISOString() });
		case 'GET faults':
			return ok({ faults: core.faults.rules });
		case 'POST faults':
			return ok(core.faults.add(b), 201);
		case 'DELETE faults':
			if (second) return ok({ removed: core.faults.remove(Number(second)) });
			core.faults.reset();
			return ok();
		case 'GET tokens':
			return ok({ tokens: [...core.tokens.tokens.values()] });
		case 'POST tokens': {
			if (typeof b.token !== 'string') throw validationError('token is required');
			const scopes = b.scopes === '*' || b.scopes === undefined ? '*' : (b.scopes as string[]);
			core.tokens.add({
				token: b.token,
				scopes,
				appId: String(b.appId ?? core.tokens.defaultAppId),
				changeSource: typeof b.changeSource === 'string' ? b.changeSource : undefined,
			});
			return ok(core.tokens.tokens.get(b.token), 201);
		}
		case 'DELETE tokens':
			return ok({ removed: core.tokens.tokens.delete(decodeURIComponent(second ?? '')) });
		case 'GET rate-limits':
			return ok(core.rateLimiter.config);
		case 'PUT rate-limits':
		case 'POST rate-limits': {
			const patch: Record<string, number> = {};
			for (const k of ['per10s', 'searchPerSecond', 'daily']) if (typeof b[k] === 'number') patch[k] = b[k] as number;
			core.rateLimiter.reset(patch);
			return ok(core.rateLimiter.config);
		}
		case 'GET search':
			return ok({ indexDelayMs: core.world.searchIndexDelayMs });
		case 'PUT search':
		case 'POST search':
			core.world.searchIndexDelayMs = Number(b.indexDelayMs ?? 0);
			return ok({ indexDelayMs: core.world.searchIndexDelayMs });
		case 'GET webhooks':
		case 'PUT webhooks':
		case 'POST webhooks':
		case 'DELETE webhooks':
			return webhooks(core, method, second, third, b);
		case 'POST ui':
			return ui(core, second, third, fourth, b);
	}
	return { status: 404, body: errorBody('OBJECT_NOT_FOUND', `No admin action ${method} /__admin/${parts.join('/')}`) };
}

async function webhooks(core: HubSpotSimulatorCore, method: string, what: string | undefined, id: string | undefined, b: Record<string, unknown>): Promise<Reply> {
	const w = core.webhooks;
	switch (`${method} ${what ?? ''}`) {
		case 'GET settings':
			return ok(w.settings);
		case 'PUT settings':
		case 'POST settings':
			return ok(w.configure(b as Partial<WebhookSettings>));
		case 'GET subscriptions':
			return ok({ results: w.subscriptions });
		case 'POST subscriptions': {
			const problem = validateSubscription(b);
			if (problem) throw validationError(problem);
			return ok(w.subscribe(b), 201);
		}
		case 'DELETE subscriptions':
			if (!id) {
				w.subscriptions = [];
				return ok();
			}
			return ok({ removed: w.unsubscribe(Number(id)) });
		case 'POST flush':
			return ok({ deliveries: await w.flush() });
		case 'POST pause':
			return ok(w.configure({ paused: true }));
		case 'POST resume':
			return ok(w.configure({ paused: false }));
		case 'GET deliveries':
			return ok({ deliveries: w.log });
		case 'DELETE deliveries':
			w.log = [];
			return ok();
		case 'GET pending':
			return ok({ events: w.pendingEvents() });
	}
	return { status: 404, body: errorBody('OBJECT_NOT_FOUND', `No admin webhook action ${method} ${what ?? ''}`) };
}

function ui(core: HubSpotSimulatorCore, a: string | undefined, b2: string | undefined, c: string | undefined, b: Record<string, unknown>): Reply {
	const props = (b.properties ?? {}) as Record<string, unknown>;
	if (a === 'associate' || a === 'dissociate') {
		const fromType = String(b.fromType);
		const fromId = String(b.fromId);
		if (a === 'dissociate') return ok({ removed: uiDissociate(core, fromType, fromId, String(b.toType), String(b.toId), b.userId) });
		return ok({ typeIds: uiAssociate(core, fromType, fromId, { toType: String(b.toType), toId: String(b.toId), primary: b.primary === true, typeIds: b.typeIds as number[] | undefined }, b.userId) });
	}
	if (!a) throw validationError('ui action needs an object type');
	const t = typeOf(a);
	if (b2 === 'create') {
		const rec = uiCreate(core, t.name, props, (b.associations ?? []) as UiAssociation[], b.userId);
		return ok(core.world.toApi(rec, Object.keys(rec.properties)), 201);
	}
	if (b2 === 'merge') {
		const rec = uiMerge(core, t.name, String(b.primaryObjectId), String(b.objectIdToMerge), b.userId);
		return ok(core.world.toApi(rec, Object.keys(rec.properties)));
	}
	if (b2 && c === 'update') {
		const rec = uiUpdate(core, t.name, b2, props, b.userId);
		return ok(core.world.toApi(rec, Object.keys(rec.properties)));
	}
	if (b2 && c === 'delete') return ok({ removed: uiDelete(core, t.name, b2, b.userId) });
	if (b2 && c === 'restore') {
		const rec = core.world.restore(t.name, b2, uiSource(core, b.userId));
		return ok(core.world.toApi(rec, Object.keys(rec.properties)));
	}
	throw validationError('Unknown ui action: use /__admin/ui/<type>/create, /<type>/<id>/update, /<type>/<id>/delete, /<type>/<id>/restore, /<type>/merge, /associate, /dissociate');
}

export { SEED_SOURCE };
