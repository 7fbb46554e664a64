/**
 * Redis connection URLs as Redis clients commonly write them:
 * `redis://[[username]:password@]host[:port][/db]`, or `rediss://` for TLS. Port 6379 and database 0 by default.
 */
export interface RedisConnectionSettings {
	host: string;
	port: number;
	username?: string;
	password?: string;
	db: number;
	tls: boolean;
}

/** A Redis URL that cannot be used, or a connection problem (no n8n node at this level: callers render it). */
export class RedisError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RedisError';
	}
}

/** Parses a Redis URL; throws a RedisError saying what is wrong (shown to the user as is). */
export function parseRedisUrl(value: string): RedisConnectionSettings {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		// Not a node: the caller shows the message.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new RedisError(`"${value}" is not a Redis URL (expected redis://host:6379/0)`);
	}
	if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
		throw new RedisError(`"${value}" must start with redis:// (or rediss:// for TLS)`);
	}
	if (!url.hostname) throw new RedisError(`"${value}" names no host`);
	const dbText = url.pathname.replace(/^\/+/, '') || url.searchParams.get('db') || '0';
	const db = Number(dbText);
	if (!Number.isInteger(db) || db < 0) throw new RedisError(`"${dbText}" in "${value}" is not a database number`);
	const port = url.port ? Number(url.port) : 6379;
	return {
		// URL keeps IPv6 literals in brackets; sockets want them bare.
		host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
		port,
		username: url.username ? decodeURIComponent(url.username) : undefined,
		password: url.password ? decodeURIComponent(url.password) : undefined,
		db,
		tls: url.protocol === 'rediss:',
	};
}

/** The URL with its password replaced by `***` (for messages and logs). */
export function redactRedisUrl(value: string): string {
	return value.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}
