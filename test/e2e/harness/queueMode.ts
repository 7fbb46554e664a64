/**
 * n8n in queue mode on one machine, the way docs/queue-mode.md tells a user to set it up: PostgreSQL and Redis
 * (Debian's packages, test/e2e/queue/services.ts), a main process (UI, API, webhooks, pollers; it puts executions
 * on the Redis queue) and `n8n worker` processes that run them, all with EXECUTIONS_MODE=queue, the same database,
 * the same Redis and the same encryption key, each with this package installed in its own user folder the way the
 * harness installs it for one n8n (packageInstall.ts).
 *
 * `startQueueStack` is the e2e stack (stack.ts: simulators, credentials, templates) on such a deployment, plus the
 * workers; optionally the Partner Central credential gets the "Shared Rate Limit (Redis URL)" field.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
	queueServicesAvailable,
	startPostgres,
	startRedis,
	type RunningService,
	type ServiceBinaries,
} from '../queue/services';
import { E2E_ENCRYPTION_KEY, freePort, N8nProcess } from './n8nProcess';
import { installPackageInto, preparePackage } from './packageInstall';
import { ensureN8nRuntime } from './runtime';
import { startStack, type Stack, type StackOptions } from './stack';

export interface QueueServices {
	postgres: RunningService;
	redis: RunningService;
	/** Database name n8n uses. */
	database: string;
	stop(): Promise<void>;
}

export async function startQueueServices(bins: ServiceBinaries, database = 'n8n'): Promise<QueueServices> {
	const postgres = await startPostgres(bins, [database]);
	let redis: RunningService;
	try {
		redis = await startRedis(bins);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	return {
		postgres,
		redis,
		database,
		async stop() {
			await Promise.all([postgres.stop(), redis.stop()]);
		},
	};
}

/** Environment of every n8n instance of the deployment (main and workers). */
export function queueModeEnv(s: QueueServices): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: s.redis.host,
		QUEUE_BULL_REDIS_PORT: String(s.redis.port),
		QUEUE_BULL_REDIS_DB: '0',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: s.postgres.host,
		DB_POSTGRESDB_PORT: String(s.postgres.port),
		DB_POSTGRESDB_DATABASE: s.database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		// Same key everywhere: workers decrypt the credentials main stored (n8nProcess sets E2E_ENCRYPTION_KEY).
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
	};
}

/** The shared limiter's Redis URL: the deployment's Redis, another database than Bull's queue. */
export function sharedLimiterUrl(s: QueueServices): string {
	return `redis://${s.redis.host}:${s.redis.port}/1`;
}

export interface QueueWorker {
	process: N8nProcess;
	userFolder: string;
	/** Executions this worker started so far (from its log: "Worker started execution <id>"). */
	startedExecutions(): string[];
}

/** Starts `count` workers (`n8n worker`), each with its own user folder, the package installed, a health port. */
export async function startWorkers(
	count: number,
	env: Record<string, string>,
	opts: {
		concurrency?: number;
		log?: (m: string) => void;
		/** The staged package to install (preparePackage()); default: packed now from the current build. */
		packageDir?: string;
	} = {},
): Promise<QueueWorker[]> {
	const runtime = await ensureN8nRuntime(opts.log);
	const prepared = opts.packageDir ?? (await preparePackage(opts.log));
	const workers: QueueWorker[] = [];
	try {
		for (let i = 0; i < count; i++) {
			const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `pc-e2e-worker${i + 1}-`));
			installPackageInto(userFolder, prepared);
			const port = await freePort();
			const proc = new N8nProcess({
				runtime,
				userFolder,
				port,
				command: ['worker', `--concurrency=${opts.concurrency ?? 10}`],
				readyLine: 'n8n worker is now ready',
				env: {
					...env,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
			workers.push({
				process: proc,
				userFolder,
				startedExecutions: () => {
					const log = fs.existsSync(proc.logFile) ? fs.readFileSync(proc.logFile, 'utf8') : '';
					return [...log.matchAll(/Worker started execution (\S+)/g)].map((m) => m[1]);
				},
			});
			await proc.start();
			opts.log?.(`n8n worker ${i + 1} ready (health ${proc.baseUrl}/healthz, log ${proc.logFile})`);
		}
		return workers;
	} catch (error) {
		await stopWorkers(workers);
		throw error;
	}
}

export async function stopWorkers(workers: QueueWorker[], keepFolders = false): Promise<void> {
	await Promise.all(workers.map((w) => w.process.stop()));
	if (keepFolders || process.env.PC_E2E_KEEP) return;
	for (const w of workers) fs.rmSync(w.userFolder, { recursive: true, force: true });
}

export interface QueueStackOptions extends StackOptions {
	/** Number of `n8n worker` processes (default 2). */
	workers?: number;
	/** Worker concurrency (default 10, n8n's default). */
	concurrency?: number;
	/** Set the Partner Central credential's "Shared Rate Limit (Redis URL)" to the deployment's Redis (db 1). */
	sharedLimiter?: boolean;
	/** Change the Partner Central credential's fields after the stack created it (e.g. writesPerSecond). */
	pcCredentialFields?: Record<string, unknown>;
}

export interface QueueStack extends Stack {
	services: QueueServices;
	workers: QueueWorker[];
	/** The Redis URL the shared limiter uses (whether or not the credential names it). */
	limiterRedisUrl: string;
}

/**
 * Changes some fields of a credential, as a user does in the credential dialog (public API, partial update). Tried
 * twice: n8n closes idle keep-alive connections after 5 s, and a request sent on one at that moment fails with
 * "other side closed" before n8n saw it (an idempotent update is safe to repeat).
 */
export async function updateCredential(stack: Stack, id: string, fields: Record<string, unknown>): Promise<void> {
	const send = () => stack.n8n.api.pub('PATCH', `/credentials/${id}`, { data: fields, isPartialData: true });
	try {
		await send();
	} catch (error) {
		if (!/fetch failed|other side closed|ECONNRESET/i.test(`${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`)) throw error;
		await send();
	}
}

/**
 * The whole product on n8n in queue mode. Throws with the reason when PostgreSQL/Redis cannot be had: callers gate
 * on `queueServicesAvailable()` first and skip with a notice.
 */
export async function startQueueStack(opts: QueueStackOptions = {}): Promise<QueueStack> {
	const log = opts.log ?? (() => {});
	const gate = queueServicesAvailable(log);
	if (!gate.binaries) throw new Error(`Queue mode needs PostgreSQL and Redis: ${gate.reason}`);
	const services = await startQueueServices(gate.binaries);
	log(`PostgreSQL on 127.0.0.1:${services.postgres.port}, Redis on 127.0.0.1:${services.redis.port}`);
	const env = { ...queueModeEnv(services), ...(opts.env ?? {}) };
	let stack: Stack | undefined;
	let workers: QueueWorker[] = [];
	try {
		stack = await startStack({ ...opts, env });
		const pcCred = stack.credentials.awsPartnerCentralApi;
		const fields = {
			...(opts.sharedLimiter ? { sharedRateLimitUrl: sharedLimiterUrl(services) } : {}),
			...(opts.pcCredentialFields ?? {}),
		};
		if (pcCred && Object.keys(fields).length) {
			await updateCredential(stack, pcCred.id, fields);
			log(`Partner Central credential updated: ${Object.keys(fields).join(', ')}`);
		}
		workers = await startWorkers(opts.workers ?? 2, env, { concurrency: opts.concurrency, log });
		const base = stack;
		return {
			...base,
			services,
			workers,
			limiterRedisUrl: sharedLimiterUrl(services),
			async stop() {
				await stopWorkers(workers);
				await base.stop();
				await services.stop();
			},
		};
	} catch (error) {
		await stopWorkers(workers).catch(() => {});
		await stack?.stop().catch(() => {});
		await services.stop().catch(() => {});
		throw error;
	}
}

/**
 * The gate of the queue-mode tests: opt-in with PC_QUEUE=1 (`npm run test:queue`), and PostgreSQL and Redis found
 * or installable. Returns undefined when the tests may run, else the reason printed with the skip.
 */
export function queueModeSkipReason(log: (m: string) => void = () => {}): string | undefined {
	if (process.env.PC_QUEUE !== '1') return 'opt-in with PC_QUEUE=1 (npm run test:queue)';
	const gate = queueServicesAvailable(log);
	return gate.binaries ? undefined : `PostgreSQL/Redis not available: ${gate.reason}`;
}
