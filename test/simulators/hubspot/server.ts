/**
 * The HTTP front of the simulator: faults, auth (401), rate limits (429), routing, JSON errors in HubSpot's shape,
 * request log (with each request's validation result) and call counters per endpoint category.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { SimClock } from '../common/clock';
import { handleAdmin } from './admin';
import { authenticateDeveloperKey, TokenStore } from './auth';
import { errorBody, HsError } from './errors';
import { FaultInjector, type FaultRule } from './faults';
import { RateLimiter, rateLimitBody, type RateLimitConfig } from './rateLimit';
import { Router, type Reply } from './router';
import { registerAssociationRoutes } from './routes/associations';
import { registerObjectRoutes } from './routes/objects';
import { registerPipelineOwnerRoutes } from './routes/pipelinesOwners';
import { registerPropertyRoutes } from './routes/properties';
import { registerWebhookApiRoutes } from './routes/webhooksApi';
import { WebhookDispatcher, type WebhookSettings } from './webhooks';
import { API_SOURCE, HubSpotWorld } from './world';

export interface HubSpotSimulatorOptions {
	port?: number;
	host?: string;
	clock?: SimClock;
	token?: string;
	rateLimitPer10s?: number;
	searchPerSecond?: number;
	dailyLimit?: number;
	portalId?: number;
	appId?: string;
	faultSeed?: number;
	/** Developer API key for /webhooks/v3/{appId}/… (`?hapikey=`); default `demo-developer-key`. */
	developerApiKey?: string;
	/** Initial webhook settings (also what reset() returns to); env HUBSPOT_SIM_WEBHOOK_URL / HUBSPOT_SIM_CLIENT_SECRET. */
	webhooks?: Partial<WebhookSettings>;
}

export interface RequestLogEntry {
	seq: number;
	at: string;
	method: string;
	path: string;
	query: string;
	category: string;
	status: number;
	/** 'ok' or the error message returned (validation result). */
	validation: string;
	errorCategory?: string;
	durationMs: number;
	body?: unknown;
	faults: string[];
}

export interface Counters {
	total: number;
	byCategory: Record<string, number>;
	byEndpoint: Record<string, number>;
	byStatus: Record<string, number>;
}

const MAX_LOG = 5000;

export class HubSpotSimulatorCore {
	readonly clock: SimClock;
	world: HubSpotWorld;
	readonly tokens: TokenStore;
	readonly rateLimiter: RateLimiter;
	readonly webhooks: WebhookDispatcher;
	readonly faults: FaultInjector;
	readonly router = new Router();
	requests: RequestLogEntry[] = [];
	counters: Counters = { total: 0, byCategory: {}, byEndpoint: {}, byStatus: {} };
	baseUrl = '';
	readonly developerApiKey: string;
	private seq = 0;
	private readonly initialRateLimits: RateLimitConfig;
	private readonly initialWebhookSettings: Partial<WebhookSettings>;
	private readonly server: http.Server;
	private readonly sockets = new Set<Socket>();

	constructor(readonly options: HubSpotSimulatorOptions = {}) {
		this.clock = options.clock ?? new SimClock();
		this.developerApiKey = options.developerApiKey ?? 'demo-developer-key';
		const portalId = options.portalId ?? 62515;
		const appId = options.appId ?? '1234567';
		this.tokens = new TokenStore(options.token ?? process.env.HUBSPOT_SIM_TOKEN ?? 'demo-token', appId);
		this.initialRateLimits = { per10s: options.rateLimitPer10s ?? 100, searchPerSecond: options.searchPerSecond ?? 5, daily: options.dailyLimit ?? 250_000 };
		this.rateLimiter = new RateLimiter(this.clock, { ...this.initialRateLimits });
		this.initialWebhookSettings = {
			portalId,
			appId,
			...(process.env.HUBSPOT_SIM_WEBHOOK_URL ? { targetUrl: process.env.HUBSPOT_SIM_WEBHOOK_URL } : {}),
			...(process.env.HUBSPOT_SIM_CLIENT_SECRET ? { clientSecret: process.env.HUBSPOT_SIM_CLIENT_SECRET } : {}),
			...(options.webhooks ?? {}),
		};
		this.webhooks = new WebhookDispatcher(this.clock, this.initialWebhookSettings);
		this.faults = new FaultInjector(options.faultSeed ?? 42);
		this.world = this.newWorld();
		registerObjectRoutes(this.router);
		registerAssociationRoutes(this.router);
		registerPropertyRoutes(this.router);
		registerPipelineOwnerRoutes(this.router);
		registerWebhookApiRoutes(this.router);
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	private newWorld(): HubSpotWorld {
		const world = new HubSpotWorld(this.clock, this.options.portalId ?? 62515);
		world.onChange((e) => this.webhooks.onChange(e));
		return world;
	}

	/** Back to the initial state: default data, tokens, limits; no subscriptions, faults, logs or counters. */
	reset(): void {
		this.world = this.newWorld();
		this.tokens.reset();
		this.rateLimiter.reset(this.initialRateLimits);
		this.webhooks.reset(this.initialWebhookSettings);
		this.faults.reset();
		this.requests = [];
		this.resetCounters();
	}

	resetCounters(): void {
		this.counters = { total: 0, byCategory: {}, byEndpoint: {}, byStatus: {} };
	}

	listen(port: number, host: string): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				const actual = (this.server.address() as AddressInfo).port;
				this.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
				resolve(actual);
			});
		});
	}

	async close(): Promise<void> {
		await this.webhooks.close();
		for (const s of this.sockets) s.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const started = Date.now();
		const raw = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://sim.local');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname.startsWith('/__admin')) {
			const reply = await handleAdmin(this, method, url, raw);
			send(res, reply);
			return;
		}
		const fired = this.faults.pick(method, url.pathname);
		const log = (status: number, category: string, error?: Record<string, unknown>, body?: unknown) => {
			this.seq += 1;
			this.requests.push({
				seq: this.seq,
				at: this.clock.date().toISOString(),
				method,
				path: url.pathname,
				query: url.search,
				category,
				status,
				validation: error ? String(error.message) : 'ok',
				errorCategory: error ? String(error.category ?? error.errorType ?? '') : undefined,
				durationMs: Date.now() - started,
				body,
				faults: fired.map((f) => f.kind),
			});
			if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
		};
		for (const f of fired.filter((x) => x.kind === 'latency')) await sleep(f.latencyMs ?? 1000);
		const match = this.router.match(method, url.pathname);
		const category = 'route' in match ? match.route.category : 'unknown';
		if ('route' in match) this.count(category, `${method} ${match.route.template}`);
		let body: unknown;
		const fatal = fired.find((f) => f.kind !== 'latency' && f.kind !== 'slowBody');
		if (fatal) {
			if (fatal.kind === 'reset') {
				log(0, category, { message: 'fault: connection reset' });
				req.socket.destroy();
				return;
			}
			const reply = faultReply(fatal);
			log(reply.status, category, reply.body as Record<string, unknown>);
			this.countStatus(reply.status);
			send(res, reply);
			return;
		}
		let reply: Reply;
		let limitHeaders: Record<string, string> = {};
		try {
			const devKey = 'route' in match && match.route.developerKey;
			const token = devKey
				? authenticateDeveloperKey(this.developerApiKey, url.searchParams.get('hapikey'), this.webhooks.settings.appId)
				: this.tokens.authenticate(req.headers.authorization);
			if (!('route' in match)) {
				if (match.allowed.length) {
					throw new HsError(405, errorBody('VALIDATION_ERROR', `HTTP ${method} is not supported by ${url.pathname}; allowed: ${match.allowed.join(', ')}.`), { Allow: match.allowed.join(', ') });
				}
				throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `No HubSpot API route for ${method} ${url.pathname} in this simulator.`));
			}
			if (!devKey) limitHeaders = this.rateLimiter.take(match.route.search);
			body = parseJson(raw);
			reply = match.route.handler({
				method,
				path: url.pathname,
				query: url.searchParams,
				body,
				params: match.params,
				world: this.world,
				token,
				source: API_SOURCE(token.appId, token.changeSource),
				baseUrl: this.baseUrl,
				webhooks: this.webhooks,
			});
			reply = { ...reply, headers: { ...limitHeaders, ...(reply.headers ?? {}) } };
			log(reply.status, category, undefined, body);
		} catch (e) {
			if (!(e instanceof HsError)) {
				reply = { status: 500, body: errorBody('INTERNAL_ERROR', `Simulator error: ${e instanceof Error ? e.message : String(e)}`) };
				console.error('[hubspot-sim]', e);
			} else {
				reply = { status: e.statusCode, body: e.body, headers: { ...limitHeaders, ...e.headers } };
			}
			log(reply.status, category, reply.body as Record<string, unknown>, body);
		}
		this.countStatus(reply.status);
		const slow = fired.find((f) => f.kind === 'slowBody');
		if (slow) await sendSlowly(res, reply, slow);
		else send(res, reply);
	}

	private count(category: string, endpoint: string): void {
		this.counters.total += 1;
		this.counters.byCategory[category] = (this.counters.byCategory[category] ?? 0) + 1;
		this.counters.byEndpoint[endpoint] = (this.counters.byEndpoint[endpoint] ?? 0) + 1;
	}

	private countStatus(status: number): void {
		this.counters.byStatus[String(status)] = (this.counters.byStatus[String(status)] ?? 0) + 1;
	}
}

function faultReply(f: FaultRule): Reply {
	if (f.kind === 'rateLimit') {
		const retryAfter = String(f.retryAfter ?? (f.policy === 'SECONDLY' ? 1 : 10));
		if (f.policy === 'SECONDLY') {
			return { status: 429, body: errorBody('RATE_LIMITS', 'You have reached your secondly limit.'), headers: { 'Retry-After': retryAfter } };
		}
		const policyName = f.policy ?? 'TEN_SECONDLY_ROLLING';
		const message = policyName === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.';
		return { status: 429, body: rateLimitBody(message, policyName), headers: { 'Retry-After': retryAfter } };
	}
	const status = f.status ?? 500;
	return { status, body: f.body ?? errorBody(status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR', `Injected fault: HTTP ${status}`) };
}

function parseJson(raw: string): unknown {
	if (!raw.trim()) return undefined;
	try {
		return JSON.parse(raw);
	} catch (e) {
		throw new HsError(400, errorBody('VALIDATION_ERROR', `Invalid input JSON on line 1: ${e instanceof Error ? e.message : String(e)}`));
	}
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(''));
	});
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

function encode(reply: Reply): { headers: Record<string, string>; payload: string } {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	if (reply.body === undefined || reply.status === 204) return { headers, payload: '' };
	headers['Content-Type'] = 'application/json;charset=utf-8';
	return { headers, payload: JSON.stringify(reply.body) };
}

export function send(res: http.ServerResponse, reply: Reply): void {
	const { headers, payload } = encode(reply);
	res.writeHead(reply.status, { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) });
	res.end(payload);
}

async function sendSlowly(res: http.ServerResponse, reply: Reply, f: FaultRule): Promise<void> {
	const { headers, payload } = encode(reply);
	const buf = Buffer.from(payload);
	res.writeHead(reply.status, { ...headers, 'Content-Length': String(buf.length) });
	const size = Math.max(1, f.chunkBytes ?? 16);
	for (let i = 0; i < buf.length; i += size) {
		if (res.destroyed) return;
		res.write(buf.subarray(i, i + size));
		await sleep(f.chunkDelayMs ?? 50);
	}
	res.end();
}
