/** Admin API under /__admin/ (see test/simulators/README.md for the list). JSON in, JSON out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../common/http';
import { createReferral, expireInvitations, seedOpportunities, setAwsSummary, setReviewOutcome, uiEdit } from './awsSide';
import { PcError } from './errors';
import type { QuotaGroup } from './quotas';
import type { PcSim, RoleConfig } from './sim';
import { clone, type Json, type PcState, type SolutionRecord } from './state';

type Route = (sim: PcSim, body: Json, query: URLSearchParams) => unknown;

const DURATIONS: Record<string, number> = { ms: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export function snapshotOf(sim: PcSim): Json {
	return { version: 1, state: clone(sim.state), config: clone(sim.config), clockNow: sim.now() };
}

export function loadSnapshot(sim: PcSim, snap: Json): void {
	const state = snap.state as PcState | undefined;
	if (!state || typeof state !== 'object' || !state.opportunities) throw new Error('snapshot must contain {state: {...}}');
	sim.state = clone(state);
	if (snap.config) Object.assign(sim.config, snap.config);
}

const ROUTES: Record<string, Route> = {
	'GET /state': (sim) => ({
		state: sim.state,
		config: sim.config,
		clock: { now: new Date(sim.now()).toISOString(), timeScale: sim.clock.timeScale },
		quotas: { enabled: sim.quotas.enabled, groups: sim.quotas.groups, usage: sim.quotas.usage(sim.now()) },
		keys: Object.entries(sim.keys).map(([id, k]) => ({ accessKeyId: id, denied: !!k.denied, temporary: !!k.sessionToken, roleArn: k.roleArn })),
		roles: Object.values(sim.roles),
		sinks: sim.events.sinks,
		faults: sim.faults.list(),
		pendingScheduledJobs: sim.scheduler.pending,
	}),
	'POST /reset': (sim) => {
		sim.reset();
		return { ok: true };
	},
	'POST /seed': (sim, body) => {
		if (body.partner) Object.assign(sim.state.partner, body.partner);
		if (Array.isArray(body.solutions)) {
			for (const s of body.solutions as Json[]) {
				sim.state.solutions.push({ Catalog: 'AWS', Status: 'Active', Category: 'Software Product', CreatedDate: sim.now(), ...s } as unknown as SolutionRecord);
			}
		}
		const opportunityIds = Array.isArray(body.opportunities) ? seedOpportunities(sim, body.opportunities as Json[]) : [];
		return { ok: true, opportunityIds };
	},
	'GET /requests': (sim, _b, q) => {
		const op = q.get('operation');
		return { requests: sim.requestLog.filter((r) => !op || r.operation === op) };
	},
	'DELETE /requests': (sim) => {
		sim.requestLog = [];
		return { ok: true };
	},
	'GET /clock': (sim) => ({ now: new Date(sim.now()).toISOString(), timeScale: sim.clock.timeScale }),
	'POST /clock/advance': async (sim, body) => {
		let ms = 0;
		for (const [k, f] of Object.entries(DURATIONS)) if (typeof body[k] === 'number') ms += (body[k] as number) * f;
		if (ms <= 0) throw new Error('give a positive ms, seconds, minutes, hours or days');
		sim.clock.advance(ms);
		await sim.scheduler.tick();
		return { now: new Date(sim.now()).toISOString() };
	},
	'PUT /config': (sim, body) => {
		for (const k of Object.keys(sim.config)) if (typeof body[k] === 'number') (sim.config as unknown as Record<string, number>)[k] = body[k] as number;
		return sim.config;
	},
	'GET /faults': (sim) => ({ faults: sim.faults.list() }),
	'POST /faults': (sim, body) => sim.faults.add(body as never),
	'DELETE /faults': (sim, body, q) => {
		sim.faults.remove((body.id as string | undefined) ?? q.get('id') ?? undefined);
		return { faults: sim.faults.list() };
	},
	'POST /keys': (sim, body) => {
		const id = body.accessKeyId as string;
		if (!id) throw new Error('accessKeyId required');
		if (body.secretAccessKey) sim.keys[id] = { secretAccessKey: body.secretAccessKey as string, denied: !!body.denied };
		else if (sim.keys[id]) sim.keys[id].denied = !!body.denied;
		else throw new Error('secretAccessKey required for a new key');
		return { accessKeyId: id, denied: !!sim.keys[id].denied };
	},
	'DELETE /keys': (sim, body) => {
		delete sim.keys[body.accessKeyId as string];
		return { ok: true };
	},
	'POST /roles': (sim, body) => {
		const role = body as unknown as RoleConfig;
		if (!role.roleArn) throw new Error('roleArn required');
		sim.roles[role.roleArn] = { roleArn: role.roleArn, externalId: role.externalId, allowedAccessKeyIds: role.allowedAccessKeyIds };
		return sim.roles[role.roleArn];
	},
	'GET /quotas': (sim) => ({ enabled: sim.quotas.enabled, groups: sim.quotas.groups, usage: sim.quotas.usage(sim.now()) }),
	'POST /quotas': (sim, body) => {
		if (typeof body.enabled === 'boolean') sim.quotas.enabled = body.enabled;
		if (body.restoreDefaults) sim.quotas.restoreDefaults();
		if (body.groups) {
			for (const [name, g] of Object.entries(body.groups as Record<string, Partial<QuotaGroup> | null>)) {
				if (g === null) delete sim.quotas.groups[name];
				else sim.quotas.groups[name] = { ...(sim.quotas.groups[name] ?? { operations: [], perSecond: Infinity }), ...g } as QuotaGroup;
			}
		}
		if (body.resetUsage) sim.quotas.reset();
		return { enabled: sim.quotas.enabled, groups: sim.quotas.groups };
	},
	'GET /events': (sim) => ({ events: sim.events.emitted, deliveries: sim.events.deliveries }),
	'GET /events/dlq': (sim) => ({ deadLetters: sim.events.deadLetters }),
	'POST /events/sinks': (sim, body) => sim.events.addSink(body as never),
	'GET /events/sinks': (sim) => ({ sinks: sim.events.sinks }),
	'DELETE /events/sinks': (sim, body, q) => {
		sim.events.removeSink((body.id as string | undefined) ?? q.get('id') ?? undefined);
		return { sinks: sim.events.sinks };
	},
	'POST /opportunities/review': (sim, body) => setReviewOutcome(sim, body as never),
	'POST /opportunities/aws-summary': (sim, body) => setAwsSummary(sim, body as never),
	'POST /opportunities/edit': (sim, body) => uiEdit(sim, body as never),
	'POST /invitations': (sim, body) => {
		const inv = createReferral(sim, body as never);
		return { Id: inv.Id, Arn: inv.Arn, EngagementId: inv.EngagementId, ExpirationDate: new Date(inv.ExpirationDate).toISOString() };
	},
	'POST /invitations/expire': (sim, body) => ({ expired: expireInvitations(sim, body.ids as string[] | undefined) }),
	'GET /snapshot': (sim) => snapshotOf(sim),
	'POST /snapshot': (sim, body) => {
		loadSnapshot(sim, body);
		return { ok: true };
	},
};

export async function handleAdmin(sim: PcSim, req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const path = url.pathname.replace(/^\/__admin/u, '').replace(/\/$/u, '') || '/';
	const route = ROUTES[`${req.method} ${path}`];
	if (!route) {
		sendJson(res, 404, { error: `No admin route ${req.method} ${path}`, routes: Object.keys(ROUTES) });
		return;
	}
	try {
		const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Json) : {};
		const out = await route(sim, body, url.searchParams);
		sendJson(res, 200, out ?? { ok: true });
	} catch (err) {
		if (err instanceof PcError) sendJson(res, err.status, err.body());
		else sendJson(res, 400, { error: (err as Error).message });
	}
}
