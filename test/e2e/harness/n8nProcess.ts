/**
 * One real n8n process (SQLite) on a free port with its own user folder: start, wait until the editor is ready,
 * stop gracefully or crash it, restart on the same folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import type { N8nRuntime } from './runtime';

/** Fixed so that credentials can be seeded and survive restarts; the demo and tests use throwaway folders. */
export const E2E_ENCRYPTION_KEY = 'n8n-pc-e2e-encryption-key-not-a-secret';

/**
 * Settings that keep n8n from calling n8n.io services in the background (telemetry, version checks, template
 * gallery, banners, license renewal, MCP server registry) and keep it quiet and local.
 */
export const QUIET_ENV: Record<string, string> = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	N8N_DISABLED_MODULES: 'mcp-registry',
	N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
};

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as net.AddressInfo).port;
			srv.close(() => resolve(port));
		});
	});
}

export interface N8nProcessOptions {
	runtime: N8nRuntime;
	userFolder: string;
	port?: number;
	/** Extra environment (e.g. N8N_LOG_LEVEL). */
	env?: Record<string, string>;
	/** Listen address; tests use 127.0.0.1, the demo may use 0.0.0.0. */
	listenAddress?: string;
	/** Host name used in URLs n8n prints and registers. */
	host?: string;
	/** n8n CLI command and flags (default `['start']`), e.g. `['worker', '--concurrency=10']` for a queue-mode worker. */
	command?: string[];
	/** Log line that says the process is up (default: `n8n start`'s "Editor is now accessible"). */
	readyLine?: string;
}

export class N8nProcess {
	private child: ChildProcess | undefined;
	private logStream: fs.WriteStream | undefined;
	port = 0;
	/** Port of n8n's task broker (Code node runners); must differ between n8n instances on one machine. */
	brokerPort = 0;
	readonly logFile: string;

	constructor(private readonly opts: N8nProcessOptions) {
		this.logFile = path.join(opts.userFolder, 'n8n.log');
	}

	get baseUrl(): string {
		return `http://${this.opts.host ?? '127.0.0.1'}:${this.port}`;
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Runs an n8n CLI command (import:credentials, publish:workflow, ...) against the same folder and database. */
	async cli(args: string[]): Promise<string> {
		const env = this.environment();
		return await new Promise((resolve, reject) => {
			const child = spawn(this.opts.runtime.nodeBin, [this.opts.runtime.n8nBin, ...args], {
				cwd: this.opts.userFolder,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let out = '';
			child.stdout.on('data', (d) => (out += String(d)));
			child.stderr.on('data', (d) => (out += String(d)));
			child.on('error', reject);
			child.on('exit', (code) =>
				code === 0 ? resolve(out) : reject(new Error(`n8n ${args.join(' ')} exited ${code}:\n${out}`)),
			);
		});
	}

	private environment(): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {};
		for (const [k, v] of Object.entries(process.env)) {
			// Leave jest/npm context behind: NODE_ENV=test changes n8n's behaviour.
			if (
				k === 'NODE_ENV' ||
				k === 'NODE_OPTIONS' ||
				k.startsWith('JEST_') ||
				k.startsWith('npm_') ||
				k.startsWith('N8N_')
			)
				continue;
			env[k] = v;
		}
		const host = this.opts.host ?? '127.0.0.1';
		return {
			...env,
			PATH: `${path.dirname(this.opts.runtime.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
			...QUIET_ENV,
			N8N_USER_FOLDER: this.opts.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: this.opts.listenAddress ?? '127.0.0.1',
			N8N_HOST: host,
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `http://${host}:${this.port}/`,
			WEBHOOK_URL: `http://${host}:${this.port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			N8N_USER_MANAGEMENT_JWT_SECRET: `${E2E_ENCRYPTION_KEY}-jwt`,
			DB_TYPE: 'sqlite',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_RUNNERS_ENABLED: 'true',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			...(this.opts.env ?? {}),
		};
	}

	async start(timeoutMs = 120_000): Promise<void> {
		if (this.running) return;
		if (!this.port) this.port = this.opts.port || (await freePort());
		if (!this.brokerPort) this.brokerPort = await freePort();
		fs.mkdirSync(this.opts.userFolder, { recursive: true });
		this.logStream = fs.createWriteStream(this.logFile, { flags: 'a' });
		this.logStream.write(`\n===== n8n start ${new Date().toISOString()} on port ${this.port} =====\n`);
		let output = '';
		const child = spawn(this.opts.runtime.nodeBin, [this.opts.runtime.n8nBin, ...(this.opts.command ?? ['start'])], {
			cwd: this.opts.userFolder,
			env: this.environment(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child = child;
		const onData = (d: Buffer) => {
			output += d.toString();
			if (output.length > 200_000) output = output.slice(-100_000);
			this.logStream?.write(d);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.running) {
				throw new Error(
					`n8n exited during start (code ${child.exitCode}); log ${this.logFile}:\n${output.slice(-4000)}`,
				);
			}
			if (output.includes(this.opts.readyLine ?? 'Editor is now accessible')) {
				try {
					const r = await fetch(`${this.baseUrl}/healthz/readiness`);
					if (r.status === 200) return;
				} catch {
					// not listening yet
				}
			}
			await new Promise((r) => setTimeout(r, 250));
		}
		await this.stop();
		throw new Error(`n8n did not become ready within ${timeoutMs} ms; log ${this.logFile}:\n${output.slice(-4000)}`);
	}

	/** Graceful stop (SIGTERM: n8n finishes running executions up to its shutdown timeout), SIGKILL as fallback. */
	async stop(timeoutMs = 30_000): Promise<void> {
		await this.signal('SIGTERM', timeoutMs);
	}

	/** Kills n8n without warning (power cut): running executions are interrupted. */
	async crash(): Promise<void> {
		await this.signal('SIGKILL', 10_000);
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	private async signal(sig: NodeJS.Signals, timeoutMs: number): Promise<void> {
		const child = this.child;
		if (!child || !this.running) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		const killGroup = (s: NodeJS.Signals) => {
			try {
				process.kill(-(child.pid as number), s); // n8n and its task runner
			} catch {
				// already gone
			}
		};
		killGroup(sig);
		const timer = setTimeout(() => killGroup('SIGKILL'), timeoutMs);
		await exited;
		clearTimeout(timer);
		// The task runner may outlive the main process for a moment.
		killGroup('SIGKILL');
		this.logStream?.end();
		this.child = undefined;
	}
}
