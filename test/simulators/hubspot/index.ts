/**
 * HubSpot simulator (test infrastructure, shares no code with nodes/). Start it in-process:
 *   const hs = await startHubSpotSimulator({ port: 0 });  // hs.url, hs.token, hs.admin..., await hs.close()
 * See README.md in this folder for the endpoints, the admin API and where each rule comes from.
 */
import type { RunningSimulator, SimClock } from '../common/clock';
import * as admin from './admin';
import type { SeedSpec } from './seed';
import { HubSpotSimulatorCore, type HubSpotSimulatorOptions } from './server';
import type { DeliveryLogEntry, Subscription, WebhookSettings } from './webhooks';
import type { ObjRecord } from './world';

export type { HubSpotSimulatorOptions, RequestLogEntry, Counters } from './server';
export type { SeedSpec, SeedResult } from './seed';
export type { WebhookSettings, Subscription, DeliveryLogEntry, WebhookEvent } from './webhooks';
export type { FaultRule } from './faults';
export type { ObjRecord, ChangeEvent } from './world';
export { signatureV1, signatureV2, signatureV3 } from './signing';
export { INDUSTRY_OPTIONS } from './schema/industries';

export interface HubSpotSimulator extends RunningSimulator {
	clock: SimClock;
	/** The default bearer token (opts.token, env HUBSPOT_SIM_TOKEN, or `demo-token`). */
	token: string;
	core: HubSpotSimulatorCore;
	reset(): void;
	seed(spec: SeedSpec & { emitEvents?: boolean }): ReturnType<typeof admin.seed>;
	state(): ReturnType<typeof admin.snapshot>;
	counters(): HubSpotSimulatorCore['counters'];
	resetCounters(): void;
	addToken(token: string, scopes: string[] | '*', appId?: string, changeSource?: string): void;
	setRateLimits(patch: { per10s?: number; searchPerSecond?: number; daily?: number }): void;
	/** Simulated ms before writes become visible to search (HubSpot's search index lags; 0 = at once). */
	setSearchIndexDelay(ms: number): void;
	addFault(rule: Record<string, unknown>): ReturnType<HubSpotSimulatorCore['faults']['add']>;
	webhooks: {
		configure(patch: Partial<WebhookSettings>): WebhookSettings;
		subscribe(sub: Partial<Subscription> & { eventType: string }): Subscription;
		flush(): Promise<DeliveryLogEntry[]>;
		idle(limitMs?: number): Promise<boolean>;
		deliveries(): DeliveryLogEntry[];
	};
	ui: {
		create(type: string, properties: Record<string, unknown>, associations?: admin.UiAssociation[], userId?: number): ObjRecord;
		update(type: string, id: string, properties: Record<string, unknown>, userId?: number): ObjRecord;
		delete(type: string, id: string, userId?: number): boolean;
		merge(type: string, primaryObjectId: string, objectIdToMerge: string, userId?: number): ObjRecord;
		associate(fromType: string, fromId: string, assoc: admin.UiAssociation, userId?: number): number[];
	};
}

export async function startHubSpotSimulator(
	opts: { port?: number; host?: string; clock?: SimClock; token?: string; rateLimitPer10s?: number } & HubSpotSimulatorOptions = {},
): Promise<HubSpotSimulator> {
	const core = new HubSpotSimulatorCore(opts);
	const host = opts.host ?? '127.0.0.1';
	const port = await core.listen(opts.port ?? 0, host);
	return {
		url: core.baseUrl,
		port,
		clock: core.clock,
		token: core.tokens.defaultToken,
		core,
		close: () => core.close(),
		reset: () => core.reset(),
		seed: (spec) => admin.seed(core, spec),
		state: () => admin.snapshot(core),
		counters: () => core.counters,
		resetCounters: () => core.resetCounters(),
		addToken: (token, scopes, appId, changeSource) => core.tokens.add({ token, scopes, appId: appId ?? core.tokens.defaultAppId, changeSource }),
		setRateLimits: (patch) => core.rateLimiter.reset(patch),
		setSearchIndexDelay: (ms) => {
			core.world.searchIndexDelayMs = ms;
		},
		addFault: (rule) => core.faults.add(rule),
		webhooks: {
			configure: (patch) => core.webhooks.configure(patch),
			subscribe: (sub) => core.webhooks.subscribe(sub as Record<string, unknown>),
			flush: () => core.webhooks.flush(),
			idle: (limitMs) => core.webhooks.idle(limitMs),
			deliveries: () => core.webhooks.log,
		},
		ui: {
			create: (type, properties, associations, userId) => admin.uiCreate(core, type, properties, associations, userId),
			update: (type, id, properties, userId) => admin.uiUpdate(core, type, id, properties, userId),
			delete: (type, id, userId) => admin.uiDelete(core, type, id, userId),
			merge: (type, primary, merged, userId) => admin.uiMerge(core, type, primary, merged, userId),
			associate: (fromType, fromId, assoc, userId) => admin.uiAssociate(core, fromType, fromId, assoc, userId),
		},
	};
}
