/**
 * The limiter shared through Redis: two limiters standing for two queue-mode workers with the same AWS identity
 * keep one pace together; without the shared Redis they pace twice as fast; Redis down -> local pacing with one
 * warning, and back to shared pacing when Redis answers again. Real redis-server (skipped when not installed).
 */
import * as net from 'node:net';

import { LoggerProxy } from 'n8n-workflow';

import { normaliseCredentials } from '../../../nodes/shared/partnerCentral/credentials';
import { clearLimiters, limiterFor, PartnerCentralLimiter, SAFETY_MARGIN } from '../../../nodes/shared/partnerCentral/limiter';
import { clearSharedSlots, RESERVE_SLOT_SCRIPT, SharedSlots } from '../../../nodes/shared/partnerCentral/sharedLimiter';
import { RedisClient } from '../../../nodes/shared/redis';
import type { RunningService } from '../../e2e/queue/services';
import { describeWithRedis, startTestRedis } from './realRedis';

jest.setTimeout(60_000);

const WRITES_PER_SECOND = 10; // 100 ms slots (103 ms with the safety margin)
const INTERVAL = (1000 / WRITES_PER_SECOND) * (1 + SAFETY_MARGIN);

/** A worker: its own limiter (own process memory), optionally sharing the pace through Redis. */
function worker(url: string | undefined, identity = 'identity-a', writesPerSecond = WRITES_PER_SECOND): PartnerCentralLimiter {
	const l = new PartnerCentralLimiter(writesPerSecond, 100);
	if (url) l.shared = new SharedSlots(url, identity);
	return l;
}

/** Each worker sends `perWorker` writes as fast as its limiter lets it; returns the grant times, sorted. */
async function burst(workers: PartnerCentralLimiter[], perWorker: number): Promise<number[]> {
	const grants: number[] = [];
	await Promise.all(
		workers.map(async (w) => {
			for (let i = 0; i < perWorker; i++) {
				await w.acquire('CreateOpportunity');
				grants.push(Date.now());
			}
		}),
	);
	return grants.sort((a, b) => a - b);
}

async function closedPort(): Promise<number> {
	return await new Promise((resolve) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as net.AddressInfo).port;
			s.close(() => resolve(p));
		});
	});
}

describeWithRedis('Partner Central pacing shared through Redis', () => {
	let redis: RunningService;
	let url: string;
	const warnings: string[] = [];

	beforeAll(async () => {
		redis = await startTestRedis();
		url = `redis://127.0.0.1:${redis.port}/0`;
		LoggerProxy.init({
			error: () => {},
			warn: (m: string) => warnings.push(m),
			info: () => {},
			debug: () => {},
		} as unknown as Parameters<typeof LoggerProxy.init>[0]);
	});
	afterAll(async () => {
		clearSharedSlots();
		clearLimiters();
		await redis?.stop();
	});

	it('reserves slots atomically: 40 concurrent reservations get 40 distinct slots one interval apart', async () => {
		const clients = [0, 1, 2, 3].map(() => RedisClient.fromUrl(url));
		const key = 'test:atomic';
		const waits = await Promise.all(
			Array.from({ length: 40 }, (_, i) => clients[i % 4].evalScript(RESERVE_SLOT_SCRIPT, [key], ['50.000'])),
		);
		const sorted = (waits as number[]).slice().sort((a, b) => a - b);
		// Slot k is k intervals after the first (give or take the time the 40 calls took to arrive).
		for (let k = 1; k < sorted.length; k++) expect(sorted[k] - sorted[k - 1]).toBeGreaterThanOrEqual(45);
		expect(sorted[sorted.length - 1] - sorted[0]).toBeGreaterThanOrEqual(39 * 50 - 50);
		expect(Number(await clients[0].command(['PTTL', key]))).toBeGreaterThan(60_000);
		for (const c of clients) c.close();
	});

	it('two workers sharing Redis keep the pace of one; without it they send twice as fast', async () => {
		const perWorker = 10;
		const shared = await burst([worker(url, 'pair-1'), worker(url, 'pair-1')], perWorker);
		const sharedSpan = shared[shared.length - 1] - shared[0];
		// 20 writes at one pace: 19 intervals at least (a grant is never before its slot; the first may come late
		// on a loaded machine, hence the allowance).
		expect(sharedSpan).toBeGreaterThanOrEqual(19 * INTERVAL - 100);

		const local = await burst([worker(undefined), worker(undefined)], perWorker);
		const localSpan = local[local.length - 1] - local[0];
		// Each worker alone: 9 intervals for its 10 writes, in parallel -> twice the quota.
		expect(localSpan).toBeLessThan(14 * INTERVAL);
		console.log(`20 writes of 2 workers: ${sharedSpan} ms shared (one pace) vs ${localSpan} ms each on its own`);
	});

	it('different AWS identities and quota classes do not share slots', async () => {
		const a = worker(url, 'ident-x');
		const b = worker(url, 'ident-y');
		const started = Date.now();
		await Promise.all([a.acquire('CreateOpportunity'), b.acquire('CreateOpportunity'), a.acquire('GetOpportunity')]);
		expect(Date.now() - started).toBeLessThan(INTERVAL);
	});

	it('a throttle seen by one worker pushes the next slot back for all of them', async () => {
		// 2 writes per second: 515 ms slots, far above this machine's timing jitter.
		const a = worker(url, 'throttle-1', 2);
		const b = worker(url, 'throttle-1', 2);
		const slot = (1000 / 2) * (1 + SAFETY_MARGIN);
		await a.acquire('CreateOpportunity');
		expect(a.throttled('CreateOpportunity')).toBe(true);
		// Let the fire-and-forget penalty reach Redis.
		await new Promise((r) => setTimeout(r, 50));
		// b's next slot is two slots after a's (a's own, then the skipped one): more than one slot away now.
		const wait = await b.shared!.reserve('write', slot);
		expect(wait).toBeGreaterThan(slot);
		expect(wait).toBeLessThanOrEqual(2 * slot);
		b.shared!.close();
		a.shared!.close();
	});

	it('falls back to pacing on its own with one warning when Redis is unreachable, then shares again', async () => {
		warnings.length = 0;
		const deadUrl = `redis://127.0.0.1:${await closedPort()}/0`;
		const w = worker(deadUrl, 'fallback-1');
		const slots = w.shared!;
		slots.retryAfterMs = 300;
		const grants = await burst([w], 5);
		// Still paced (locally): 5 writes take 4 intervals, none failed.
		expect(grants[4] - grants[0]).toBeGreaterThanOrEqual(4 * INTERVAL - 100);
		expect(slots.outages).toBe(1);
		expect(warnings.length).toBe(1);
		expect(warnings[0]).toMatch(/shared rate limit \(Redis at redis:\/\/127\.0\.0\.1:\d+\/0\) is unavailable: Could not connect/);
		expect(warnings[0]).toMatch(/paces Partner Central calls on its own/);

		// Redis comes back (here: the same identity, now with a reachable URL).
		const back = new SharedSlots(url, 'fallback-1');
		expect(await back.reserve('write', INTERVAL)).toBe(0);
		expect(await back.reserve('write', INTERVAL)).toBeGreaterThan(INTERVAL - 10);
		back.close();
		slots.close();
	});

	it('recovers by itself after a Redis outage', async () => {
		const own = await startTestRedis();
		const ownUrl = `redis://127.0.0.1:${own.port}`;
		const slots = new SharedSlots(ownUrl, 'outage-1');
		slots.retryAfterMs = 200;
		expect(await slots.reserve('write', 100)).toBe(0);
		await own.stop();
		expect(await slots.reserve('write', 100)).toBeUndefined();
		expect(slots.outages).toBe(1);
		// A Redis on the same port again (e.g. restarted by its supervisor).
		const { spawn } = await import('node:child_process');
		const { redisBin } = await import('./realRedis');
		const again = spawn(redisBin!, ['--port', String(own.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		try {
			let wait: number | undefined;
			for (let i = 0; i < 50 && wait === undefined; i++) {
				await new Promise((r) => setTimeout(r, 250));
				wait = await slots.reserve('write', 100);
			}
			expect(wait).toBe(0);
			expect(slots.lastError).toBeUndefined();
		} finally {
			slots.close();
			again.kill('SIGTERM');
		}
	});

	it('the credential field reaches the limiter: limiterFor() shares through the Redis it names', async () => {
		clearLimiters();
		const c = normaliseCredentials({ accessKeyId: 'AKIA1', secretAccessKey: 's', sharedRateLimitUrl: ` ${url} ` });
		expect(c.sharedRateLimitUrl).toBe(url);
		const limiter = limiterFor(c);
		expect(limiter.shared?.url).toBe(url);
		await limiter.acquire('CreateOpportunity');
		const keys = (await RedisClient.fromUrl(url).command(['KEYS', '*:write'])) as string[];
		expect(keys.some((k) => k.startsWith(`n8n-nodes-aws-partner-central:pace:`))).toBe(true);
		// No Redis named: local pacing, and the fingerprint of such a credential is unchanged by the new field.
		const plain = normaliseCredentials({ accessKeyId: 'AKIA2', secretAccessKey: 's', sharedRateLimitUrl: '' });
		expect('sharedRateLimitUrl' in plain).toBe(false);
		expect(limiterFor(plain).shared).toBeUndefined();
	});
});
