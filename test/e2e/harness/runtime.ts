/**
 * The n8n runtime the end-to-end tests and `npm start` use: a pinned n8n with a pinned Node.js, installed from the
 * npm registry into a cache outside the clone (keyed by version), so every clone and CI run on the machine reuses it.
 *
 * Install recipe (the only one that works without internet beyond the npm registry):
 *   1. `npm install --ignore-scripts node-<os>-<arch>@NODE n8n@N8N` in the cache folder (skips the native builds that
 *      download zlib/OpenSSL/curl, e.g. @confluentinc/kafka-javascript);
 *   2. with that Node first on PATH, `npm rebuild sqlite3 isolated-vm --nodedir=<node package>` (the two native
 *      modules n8n needs for SQLite and its expression sandbox).
 * A marker file is written only after both steps and a load check succeed; a lock folder keeps two processes from
 * installing at once (the second waits).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The one place the versions are pinned. */
export const N8N_VERSION = '2.40.7';
export const NODE_VERSION = '24.21.0';

const MARKER = '.pc-e2e-installed.json';
const INSTALL_TIMEOUT_MS = 80 * 60 * 1000;

export interface N8nRuntime {
	/** Folder holding node_modules/n8n and the Node binary package. */
	dir: string;
	/** The Node 24 binary n8n runs on. */
	nodeBin: string;
	/** n8n's CLI entry (run as `nodeBin n8nBin start`). */
	n8nBin: string;
	n8nVersion: string;
}

export function cacheRoot(): string {
	return process.env.N8N_PC_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-pc-e2e');
}

function nodePackageName(): string {
	return `node-${process.platform}-${process.arch}`;
}

export function runtimeLayout(dir = path.join(cacheRoot(), `n8n-${N8N_VERSION}`)): N8nRuntime {
	const nodePkg = path.join(dir, 'node_modules', nodePackageName());
	return {
		dir,
		nodeBin: path.join(nodePkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nVersion: N8N_VERSION,
	};
}

function expectedMarker(): string {
	return JSON.stringify({
		n8n: N8N_VERSION,
		node: NODE_VERSION,
		nodePackage: nodePackageName(),
	});
}

export function isRuntimeInstalled(rt: N8nRuntime = runtimeLayout()): boolean {
	try {
		return (
			fs.readFileSync(path.join(rt.dir, MARKER), 'utf8').trim() === expectedMarker() &&
			fs.existsSync(rt.nodeBin) &&
			fs.existsSync(rt.n8nBin)
		);
	} catch {
		return false;
	}
}

/** Runs a command, appending its output to a log file; rejects with the log tail on a non-zero exit. */
export function runLogged(
	cmd: string,
	args: string[],
	opts: {
		cwd: string;
		env?: NodeJS.ProcessEnv;
		log: string;
		timeoutMs?: number;
	},
): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(opts.log, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}\n`);
		const child = spawn(cmd, args, {
			cwd: opts.cwd,
			env: opts.env ?? process.env,
			stdio: ['ignore', out, out],
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? INSTALL_TIMEOUT_MS);
		child.on('error', (e) => {
			clearTimeout(timer);
			fs.closeSync(out);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(opts.log, 'utf8').split('\n').slice(-30).join('\n');
			reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal}); see ${opts.log}:\n${tail}`));
		});
	});
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Runs `fn` holding a lock folder (stale locks of dead processes are taken over). */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + INSTALL_TIMEOUT_MS;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			let owner = 0;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// lock folder just created by another process, pid not written yet
			}
			if (owner && !pidAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`Timed out waiting for the install lock ${lockDir}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Installs the pinned runtime when missing or incomplete; returns its layout. Safe to call concurrently. */
export async function ensureN8nRuntime(log: (msg: string) => void = () => {}): Promise<N8nRuntime> {
	const rt = runtimeLayout();
	if (isRuntimeInstalled(rt)) return rt;
	fs.mkdirSync(cacheRoot(), { recursive: true });
	return await withLock(`${rt.dir}.lock`, async () => {
		if (isRuntimeInstalled(rt)) return rt;
		fs.mkdirSync(rt.dir, { recursive: true });
		fs.rmSync(path.join(rt.dir, MARKER), { force: true });
		const logFile = path.join(rt.dir, 'install.log');
		log(`Installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${rt.dir} (cold: ~10 minutes; log: ${logFile})`);
		fs.writeFileSync(
			path.join(rt.dir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-pc-e2e-runtime',
					private: true,
					description: 'n8n runtime for the n8n-nodes-aws-partner-central end-to-end tests (generated)',
					dependencies: { n8n: N8N_VERSION, [nodePackageName()]: NODE_VERSION },
				},
				null,
				2,
			),
		);
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		await runLogged(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: rt.dir,
			log: logFile,
		});
		const nodeDir = path.dirname(path.dirname(rt.nodeBin));
		const env = {
			...process.env,
			PATH: `${path.dirname(rt.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
		};
		await runLogged(npm, ['rebuild', 'sqlite3', 'isolated-vm', `--nodedir=${nodeDir}`], {
			cwd: rt.dir,
			env,
			log: logFile,
		});
		// Load check with the runtime's own Node: both native modules must load.
		await runLogged(
			rt.nodeBin,
			['-e', "require('sqlite3'); require('isolated-vm'); console.log('native modules load')"],
			{
				cwd: path.join(rt.dir, 'node_modules', 'n8n'),
				env,
				log: logFile,
				timeoutMs: 60_000,
			},
		);
		fs.writeFileSync(path.join(rt.dir, MARKER), expectedMarker());
		log(`n8n ${N8N_VERSION} installed`);
		return rt;
	});
}
