import { createHash } from 'crypto';
import * as net from 'net';
import * as tls from 'tls';

import { encodeCommand, RedisReplyError, RespParser, type RedisReply } from './resp';
import { parseRedisUrl, RedisError, type RedisConnectionSettings } from './url';

/**
 * A minimal Redis client over one TCP (or TLS) connection, enough for scripts and simple commands: connects on first
 * use, authenticates (AUTH) and selects the database (SELECT) from the URL, pipelines commands in order, fails a
 * command that gets no answer in time, and reconnects on the next command after any connection failure. No
 * subscriptions, no cluster redirects. The socket does not keep the process alive when idle.
 */
export interface RedisClientOptions {
	connectTimeoutMs?: number;
	commandTimeoutMs?: number;
}

export const REDIS_DEFAULTS = { connectTimeoutMs: 2000, commandTimeoutMs: 2000 };

/** A Lua script sent by SHA-1 (EVALSHA) and by source only when the server does not know it yet (NOSCRIPT). */
export class RedisScript {
	readonly sha: string;

	constructor(readonly source: string) {
		this.sha = createHash('sha1').update(source).digest('hex');
	}
}

interface Pending {
	settle(reply: RedisReply | Error): void;
}

export class RedisClient {
	private socket: net.Socket | undefined;
	private connecting: Promise<net.Socket> | undefined;
	private pending: Pending[] = [];
	private readonly options: Required<RedisClientOptions>;

	constructor(
		readonly settings: RedisConnectionSettings,
		options: RedisClientOptions = {},
	) {
		this.options = { ...REDIS_DEFAULTS, ...options };
	}

	static fromUrl(url: string, options: RedisClientOptions = {}): RedisClient {
		return new RedisClient(parseRedisUrl(url), options);
	}

	get address(): string {
		return `${this.settings.host}:${this.settings.port}`;
	}

	/** Sends one command; resolves with its reply, rejects with a RedisReplyError reply or a connection error. */
	async command(args: Array<string | number>): Promise<RedisReply> {
		const socket = await this.connect();
		return await this.send(socket, args);
	}

	/** Runs a Lua script: EVALSHA, then EVAL when the server answers NOSCRIPT (first use, or after a restart). */
	async evalScript(script: RedisScript, keys: string[], args: Array<string | number>): Promise<RedisReply> {
		try {
			return await this.command(['EVALSHA', script.sha, keys.length, ...keys, ...args]);
		} catch (error) {
			// Not a node: SharedSlots decides what a failure means.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (!(error instanceof RedisReplyError) || error.code !== 'NOSCRIPT') throw error;
			return await this.command(['EVAL', script.source, keys.length, ...keys, ...args]);
		}
	}

	/** Closes the connection; commands still waiting fail. A later command connects again. */
	close(): void {
		if (this.socket) this.fail(this.socket, new RedisError('Redis client closed'));
	}

	private connect(): Promise<net.Socket> {
		if (!this.connecting) {
			const attempt = this.open();
			this.connecting = attempt;
			attempt.catch(() => {
				// The caller gets this rejection; the next command tries a fresh connection.
				if (this.connecting === attempt) this.connecting = undefined;
			});
		}
		return this.connecting;
	}

	private async open(): Promise<net.Socket> {
		const { host, port, tls: useTls, username, password, db } = this.settings;
		const socket = useTls ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
		this.socket = socket;
		const parser = new RespParser();
		socket.setNoDelay(true);
		socket.on('data', (chunk: Buffer) => {
			let replies: RedisReply[];
			try {
				replies = parser.push(chunk);
			} catch (error) {
				this.fail(socket, error as Error);
				return;
			}
			for (const reply of replies) this.pending.shift()?.settle(reply);
		});
		socket.on('error', (error) => this.fail(socket, error));
		socket.on('close', () => this.fail(socket, new RedisError(`Redis at ${this.address} closed the connection`)));
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				const error = new RedisError(`Could not connect to Redis at ${this.address} within ${this.options.connectTimeoutMs} ms`);
				this.fail(socket, error);
				reject(error);
			}, this.options.connectTimeoutMs);
			socket.once(useTls ? 'secureConnect' : 'connect', () => {
				clearTimeout(timer);
				resolve();
			});
			socket.once('error', (error) => {
				clearTimeout(timer);
				reject(new RedisError(`Could not connect to Redis at ${this.address}: ${error.message}`));
			});
		});
		socket.unref();
		try {
			if (password) await this.send(socket, username ? ['AUTH', username, password] : ['AUTH', password]);
			if (db) await this.send(socket, ['SELECT', db]);
		} catch (error) {
			this.fail(socket, error as Error);
			// Not a node: SharedSlots decides what a failure means.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw new RedisError(`Redis at ${this.address} refused the connection settings: ${(error as Error).message}`);
		}
		return socket;
	}

	private send(socket: net.Socket, args: Array<string | number>): Promise<RedisReply> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => this.fail(socket, new RedisError(`Redis at ${this.address} did not answer within ${this.options.commandTimeoutMs} ms`)),
				this.options.commandTimeoutMs,
			);
			this.pending.push({
				settle: (reply) => {
					clearTimeout(timer);
					if (reply instanceof Error) reject(reply);
					else resolve(reply);
				},
			});
			socket.write(encodeCommand(args));
		});
	}

	/** Drops a broken connection: every command waiting on it fails with `error`; the next one reconnects. */
	private fail(socket: net.Socket, error: Error): void {
		if (this.socket !== socket) return;
		this.socket = undefined;
		this.connecting = undefined;
		const waiting = this.pending;
		this.pending = [];
		socket.destroy();
		for (const p of waiting) p.settle(error);
	}
}
