/** The minimal RESP2 client against a real redis-server (skipped with a notice when none is installed). */
import * as net from 'node:net';

import { RedisClient, RedisReplyError, RedisScript } from '../../../nodes/shared/redis';
import type { RunningService } from '../../e2e/queue/services';
import { describeWithRedis, startTestRedis } from './realRedis';

jest.setTimeout(30_000);

describeWithRedis('Redis client against redis-server', () => {
	let plain: RunningService;
	let locked: RunningService;

	beforeAll(async () => {
		[plain, locked] = await Promise.all([startTestRedis(), startTestRedis({ password: 'p@ss word' })]);
	});
	afterAll(async () => {
		await Promise.all([plain?.stop(), locked?.stop()]);
	});

	it('sends commands in order on one connection and reads every reply type', async () => {
		const c = RedisClient.fromUrl(`redis://127.0.0.1:${plain.port}`);
		const replies = await Promise.all([
			c.command(['SET', 'greeting', 'hällo']),
			c.command(['GET', 'greeting']),
			c.command(['INCRBY', 'counter', 5]),
			c.command(['GET', 'missing']),
			c.command(['MGET', 'greeting', 'missing']),
		]);
		expect(replies).toEqual(['OK', 'hällo', 5, null, ['hällo', null]]);
		await expect(c.command(['NOSUCHCOMMAND'])).rejects.toBeInstanceOf(RedisReplyError);
		// An error reply does not break the connection.
		expect(await c.command(['PING'])).toBe('PONG');
		c.close();
	});

	it('authenticates and selects the database from the URL', async () => {
		const db3 = RedisClient.fromUrl(`redis://:${encodeURIComponent('p@ss word')}@127.0.0.1:${locked.port}/3`);
		await db3.command(['SET', 'where', 'db3']);
		const db0 = RedisClient.fromUrl(`redis://:${encodeURIComponent('p@ss word')}@127.0.0.1:${locked.port}/0`);
		expect(await db0.command(['GET', 'where'])).toBeNull();
		expect(await db3.command(['GET', 'where'])).toBe('db3');
		const wrong = RedisClient.fromUrl(`redis://:nope@127.0.0.1:${locked.port}`);
		await expect(wrong.command(['PING'])).rejects.toThrow(/refused the connection settings: WRONGPASS/);
		const none = RedisClient.fromUrl(`redis://127.0.0.1:${locked.port}`);
		await expect(none.command(['PING'])).rejects.toThrow(/NOAUTH/);
		for (const c of [db3, db0, wrong, none]) c.close();
	});

	it('runs a script by SHA, loading it with EVAL when the server does not know it (NOSCRIPT)', async () => {
		const c = RedisClient.fromUrl(`redis://127.0.0.1:${plain.port}`);
		const script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
		await c.command(['SCRIPT', 'FLUSH']);
		expect(await c.evalScript(script, ['n'], [2])).toBe(2);
		expect(await c.command(['SCRIPT', 'EXISTS', script.sha])).toEqual([1]);
		expect(await c.evalScript(script, ['n'], [3])).toBe(5);
		c.close();
	});

	it('reconnects on the next command after the server dropped the connection', async () => {
		const c = RedisClient.fromUrl(`redis://127.0.0.1:${plain.port}`);
		expect(await c.command(['CLIENT', 'SETNAME', 'victim'])).toBe('OK');
		const admin = RedisClient.fromUrl(`redis://127.0.0.1:${plain.port}`);
		expect(await admin.command(['CLIENT', 'KILL', 'SKIPME', 'yes', 'TYPE', 'normal'])).toBeGreaterThanOrEqual(1);
		// The first command may meet the dead socket; the client reconnects for the next one.
		await c.command(['PING']).catch(() => 'dropped');
		expect(await c.command(['PING'])).toBe('PONG');
		c.close();
		admin.close();
	});

	it('fails clearly when nothing listens, and when a server does not answer in time', async () => {
		const closedPort = await new Promise<number>((resolve) => {
			const s = net.createServer().listen(0, '127.0.0.1', () => {
				const p = (s.address() as net.AddressInfo).port;
				s.close(() => resolve(p));
			});
		});
		await expect(RedisClient.fromUrl(`redis://127.0.0.1:${closedPort}`).command(['PING'])).rejects.toThrow(
			/Could not connect to Redis at 127.0.0.1:\d+: .*ECONNREFUSED/,
		);
		const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
		await new Promise((r) => silent.once('listening', r));
		const port = (silent.address() as net.AddressInfo).port;
		const c = RedisClient.fromUrl(`redis://127.0.0.1:${port}`, { commandTimeoutMs: 300 });
		const started = Date.now();
		await expect(c.command(['PING'])).rejects.toThrow(/did not answer within 300 ms/);
		expect(Date.now() - started).toBeLessThan(5000);
		c.close();
		silent.close();
	});
});
