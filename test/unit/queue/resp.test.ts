/** The RESP2 encoder/parser and the Redis URL parser (no server needed). */
import { encodeCommand, RedisReplyError, RespParser } from '../../../nodes/shared/redis/resp';
import { parseRedisUrl, redactRedisUrl } from '../../../nodes/shared/redis/url';

describe('RESP2', () => {
	it('encodes a command as an array of bulk strings (byte lengths, not characters)', () => {
		expect(encodeCommand(['SET', 'k', 'é', 5]).toString()).toBe('*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n$1\r\n5\r\n');
	});

	it('parses every reply type, nested, split at any byte', () => {
		const wire = Buffer.from('+OK\r\n-NOSCRIPT No matching script\r\n:42\r\n$4\r\nhé!\r\n$-1\r\n*3\r\n:1\r\n*1\r\n$1\r\nx\r\n*-1\r\n');
		for (let cut = 0; cut <= wire.length; cut++) {
			const p = new RespParser();
			const replies = [...p.push(wire.subarray(0, cut)), ...p.push(wire.subarray(cut))];
			expect(replies.length).toBe(6);
			expect(replies[0]).toBe('OK');
			expect(replies[1]).toBeInstanceOf(RedisReplyError);
			expect((replies[1] as RedisReplyError).code).toBe('NOSCRIPT');
			expect(replies[2]).toBe(42);
			expect(replies[3]).toBe('hé!');
			expect(replies[4]).toBeNull();
			expect(replies[5]).toEqual([1, ['x'], null]);
		}
	});

	it('keeps an incomplete reply until the rest arrives', () => {
		const p = new RespParser();
		expect(p.push(Buffer.from('$10\r\n01234'))).toEqual([]);
		expect(p.push(Buffer.from('56789\r\n:7\r'))).toEqual(['0123456789']);
		expect(p.push(Buffer.from('\n'))).toEqual([7]);
	});

	it('refuses a byte stream that is not RESP (e.g. an HTTP server on that port)', () => {
		expect(() => new RespParser().push(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toThrow(/is this a Redis server/);
	});
});

describe('Redis URL', () => {
	it('reads host, port, credentials and database', () => {
		expect(parseRedisUrl('redis://127.0.0.1:6380/2')).toEqual({ host: '127.0.0.1', port: 6380, db: 2, tls: false, username: undefined, password: undefined });
		expect(parseRedisUrl('redis://:s%40cret@redis.internal')).toMatchObject({ host: 'redis.internal', port: 6379, db: 0, password: 's@cret', username: undefined });
		expect(parseRedisUrl('rediss://n8n:pw@[::1]:7000/1')).toMatchObject({ host: '::1', port: 7000, db: 1, tls: true, username: 'n8n', password: 'pw' });
	});

	it('says what is wrong with an unusable URL', () => {
		expect(() => parseRedisUrl('127.0.0.1:6379')).toThrow(/redis:\/\/host:6379/);
		expect(() => parseRedisUrl('http://127.0.0.1:6379')).toThrow(/must start with redis:\/\//);
		expect(() => parseRedisUrl('redis://host/abc')).toThrow(/not a database number/);
		expect(() => parseRedisUrl('not a url')).toThrow(/not a Redis URL/);
	});

	it('hides the password in messages', () => {
		expect(redactRedisUrl('redis://:topsecret@host:6379/0')).toBe('redis://:***@host:6379/0');
		expect(redactRedisUrl('redis://user:topsecret@host')).toBe('redis://user:***@host');
		expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
	});
});
