/**
 * PostgreSQL and Redis for the queue-mode tests, from Debian's packages: found on the machine, or installed with
 * `apt-get install -y postgresql redis-server` when missing (root only; the downloaded .debs are kept under
 * ~/.cache/n8n-pc-e2e/apt so repeat installs reuse them). Each service runs on a free loopback port with its data in
 * a temp folder and is stopped (and the folder removed) by `stop()`. PostgreSQL refuses to run as root: as root it
 * runs as the `postgres` user the package creates.
 *
 * `queueServicesAvailable()` is the gate of the queue-mode tests: it installs what is missing and answers why not
 * when that is impossible (not root, no apt-get, no package source), so callers skip with a printed notice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../harness/n8nProcess';
import { cacheRoot } from '../harness/runtime';

export interface ServiceBinaries {
	postgresBin: string;
	initdbBin: string;
	psqlBin: string;
	redisBin: string;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const p = path.join(dir, name);
		try {
			fs.accessSync(p, fs.constants.X_OK);
			return p;
		} catch {
			// not here
		}
	}
	return undefined;
}

/** Debian keeps the server binaries under /usr/lib/postgresql/<major>/bin (off PATH); the newest major wins. */
function postgresLibBin(name: string): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((d) => /^\d+$/.test(d))
		.sort((a, b) => Number(b) - Number(a));
	for (const m of majors) {
		const p = path.join(root, m, 'bin', name);
		if (fs.existsSync(p)) return p;
	}
	return undefined;
}

export function findBinaries(): Partial<ServiceBinaries> {
	return {
		postgresBin: onPath('postgres') ?? postgresLibBin('postgres'),
		initdbBin: onPath('initdb') ?? postgresLibBin('initdb'),
		psqlBin: onPath('psql') ?? postgresLibBin('psql'),
		redisBin: onPath('redis-server'),
	};
}

function missingOf(b: Partial<ServiceBinaries>): string[] {
	const out: string[] = [];
	if (!b.postgresBin || !b.initdbBin || !b.psqlBin) out.push('postgresql');
	if (!b.redisBin) out.push('redis-server');
	return out;
}

/** Where the downloaded .deb files are kept between runs. */
export function aptCacheDir(): string {
	return path.join(cacheRoot(), 'apt', 'archives');
}

function apt(args: string[], log: (m: string) => void): { ok: boolean; output: string } {
	fs.mkdirSync(path.join(aptCacheDir(), 'partial'), { recursive: true });
	const full = [
		'-o',
		`Dir::Cache::Archives=${aptCacheDir()}`,
		// Another apt run on the machine: wait for its lock instead of failing.
		'-o',
		'DPkg::Lock::Timeout=600',
		...args,
	];
	log(`$ apt-get ${args.join(' ')}`);
	const r = spawnSync('apt-get', full, {
		encoding: 'utf8',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 20 * 60 * 1000,
	});
	return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

export interface ServicesGate {
	binaries?: ServiceBinaries;
	reason?: string;
	/** Seconds spent finding and installing the packages (0 when they were there). */
	installSeconds: number;
}

let gate: ServicesGate | undefined;

/**
 * Finds PostgreSQL and Redis, installing the Debian packages that are missing. Answers with the binaries, or with
 * the reason they cannot be had. Synchronous (a test file decides at load time whether to skip); runs once per
 * process.
 */
export function queueServicesAvailable(log: (m: string) => void = () => {}): ServicesGate {
	gate ??= findOrInstall(log);
	return gate;
}

function findOrInstall(log: (m: string) => void): ServicesGate {
	const started = Date.now();
	let found = findBinaries();
	let missing = missingOf(found);
	if (missing.length) {
		if (!isRoot()) return { reason: `${missing.join(' and ')} not installed and not root (cannot apt-get install)`, installSeconds: 0 };
		if (!onPath('apt-get')) return { reason: `${missing.join(' and ')} not installed and no apt-get`, installSeconds: 0 };
		log(`Installing Debian packages: ${missing.join(' ')} (downloads cached in ${aptCacheDir()})`);
		let r = apt(['install', '-y', '--no-install-recommends', ...missing], log);
		if (!r.ok) {
			// A fresh machine has no package lists yet.
			const update = apt(['update'], log);
			if (update.ok) r = apt(['install', '-y', '--no-install-recommends', ...missing], log);
		}
		if (!r.ok) return { reason: `apt-get install ${missing.join(' ')} failed:\n${r.output.slice(-2000)}`, installSeconds: 0 };
		found = findBinaries();
		missing = missingOf(found);
		if (missing.length) return { reason: `${missing.join(' and ')} still not found after apt-get install`, installSeconds: 0 };
		log(`Installed in ${Math.round((Date.now() - started) / 1000)} s`);
	}
	return { binaries: found as ServiceBinaries, installSeconds: (Date.now() - started) / 1000 };
}

export interface RunningService {
	host: string;
	port: number;
	dir: string;
	logFile: string;
	stop(): Promise<void>;
}

/** The user PostgreSQL runs as: the current one, or `postgres` (the Debian package's) when we are root. */
function serviceUser(): { uid?: number; gid?: number; name: string } {
	if (!isRoot()) return { name: os.userInfo().username };
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	const gid = id('-g');
	if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root but there is no "postgres" user to run PostgreSQL as');
	return { uid, gid, name: 'postgres' };
}

async function waitUntil(what: string, child: ChildProcess, logFile: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited during start (${child.exitCode ?? child.signalCode}); log ${logFile}:\n${tail(logFile)}`);
		}
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} not ready within ${timeoutMs} ms; log ${logFile}:\n${tail(logFile)}`);
}

function tail(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
	} catch {
		return '(no log)';
	}
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, dir: string): () => Promise<void> {
	let done: Promise<void> | undefined;
	return () =>
		(done ??= (async () => {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise<void>((r) => child.once('exit', () => r()));
				child.kill(signal);
				const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
				await exited;
				clearTimeout(timer);
			}
			fs.rmSync(dir, { recursive: true, force: true });
		})());
}

/** A throwaway PostgreSQL cluster (trust auth on loopback, superuser `postgres`) with the databases named. */
export async function startPostgres(bins: ServiceBinaries, databases: string[] = ['n8n']): Promise<RunningService> {
	const user = serviceUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(dataDir);
	if (user.uid !== undefined) {
		fs.chownSync(dir, user.uid, user.gid!);
		fs.chownSync(dataDir, user.uid, user.gid!);
	}
	const asUser = { ...(user.uid !== undefined ? { uid: user.uid, gid: user.gid } : {}), cwd: dir };
	const init = spawnSync(bins.initdbBin, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
		...asUser,
		encoding: 'utf8',
	});
	if (init.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (${init.status}): ${init.stdout}${init.stderr}${init.error ?? ''}`);
	}
	const port = await freePort();
	const out = fs.openSync(logFile, 'a');
	if (user.uid !== undefined) fs.fchownSync(out, user.uid, user.gid!);
	const child = spawn(
		bins.postgresBin,
		[
			'-D', dataDir,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			'-c', `unix_socket_directories=${dir}`,
			// Throwaway data: no fsync, small footprint on a shared machine.
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'max_connections=100',
			'-c', 'shared_buffers=32MB',
		],
		{ ...asUser, stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const stop = stopper(child, 'SIGINT', dir); // SIGINT = PostgreSQL's "fast" shutdown
	try {
		const psql = (sql: string) =>
			spawnSync(bins.psqlBin, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
				encoding: 'utf8',
			});
		await waitUntil('PostgreSQL', child, logFile, async () => psql('SELECT 1').status === 0);
		for (const db of databases) {
			const r = psql(`CREATE DATABASE "${db}"`);
			if (r.status !== 0) throw new Error(`CREATE DATABASE ${db} failed: ${r.stderr}`);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, dir, logFile, stop };
}

/** Sends one inline command to a Redis server and resolves with its first reply line. */
export function redisPing(port: number, host = '127.0.0.1'): Promise<string> {
	return new Promise((resolve, reject) => {
		const s = net.connect(port, host);
		let data = '';
		s.setTimeout(2000, () => s.destroy(new Error('timeout')));
		s.on('connect', () => s.write('PING\r\n'));
		s.on('data', (d) => {
			data += String(d);
			if (data.includes('\r\n')) {
				s.end();
				resolve(data.split('\r\n')[0]);
			}
		});
		s.on('error', reject);
	});
}

/** A throwaway Redis on a free loopback port: no persistence, data in a temp folder. */
export async function startRedis(bins: ServiceBinaries, opts: { password?: string } = {}): Promise<RunningService> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-queue-redis-'));
	const logFile = path.join(dir, 'redis.log');
	const port = await freePort();
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		bins.redisBin,
		[
			'--port', String(port),
			'--bind', '127.0.0.1',
			'--dir', dir,
			'--save', '',
			'--appendonly', 'no',
			'--daemonize', 'no',
			...(opts.password ? ['--requirepass', opts.password] : []),
		],
		{ cwd: dir, stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const stop = stopper(child, 'SIGTERM', dir);
	try {
		await waitUntil('Redis', child, logFile, async () => /^(\+PONG|-NOAUTH)/.test(await redisPing(port)));
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, dir, logFile, stop };
}
