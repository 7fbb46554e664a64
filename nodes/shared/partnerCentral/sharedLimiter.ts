import { LoggerProxy, sleep } from 'n8n-workflow';

import { RedisClient, redactRedisUrl, RedisScript } from '../redis';
import type { PacedBucket } from './limiter';

/**
 * Pacing shared by every n8n process that uses the same AWS identity and the same Redis (the credential's "Shared
 * Rate Limit (Redis URL)"). Partner Central counts its quota per AWS account, so two queue-mode workers that each
 * pace 1 write per second on their own send 2 per second together, and half of them are throttled. With a shared
 * Redis, each request slot is reserved atomically in Redis (one Lua script: read the next free slot of the identity's
 * quota class, take it, move it one interval on) and the caller waits for its slot, so all workers together keep
 * the pace of one. The slots follow Redis's clock, so the workers' clocks need not agree.
 *
 * When Redis cannot be reached (down, wrong URL, wrong password), calls are not failed: the worker paces on its
 * own, as without the setting, and logs one warning per outage; it tries Redis again after RETRY_REDIS_AFTER_MS.
 * The sync loses nothing that way (the transport's retries absorb the throttles of the overlap) and recovers by
 * itself when Redis is back.
 */

/** KEYS[1]: the next free slot of one identity and quota class (ms on Redis's clock); ARGV[1]: interval (ms). */
export const RESERVE_SLOT_SCRIPT = new RedisScript(`
if redis.replicate_commands then pcall(redis.replicate_commands) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local slot = math.max(now, nextSlot)
local taken = slot + interval
redis.call('SET', KEYS[1], string.format('%.3f', taken), 'PX', math.ceil(taken - now) + 60000)
return math.ceil(slot - now)
`);

export const KEY_PREFIX = 'n8n-nodes-aws-partner-central:pace';

/** After Redis failed, pace locally this long before trying it again. */
export const RETRY_REDIS_AFTER_MS = 15_000;

export class SharedSlots {
	private readonly client: RedisClient;
	private localUntil = 0;
	/** Outages so far (each logged once); for tests and diagnostics. */
	outages = 0;
	/** How long to pace locally after Redis failed before trying it again. */
	retryAfterMs = RETRY_REDIS_AFTER_MS;
	lastError: string | undefined;

	constructor(
		readonly url: string,
		/** The limiter's identity key (a hash: no secret in Redis). */
		readonly identity: string,
		client?: RedisClient,
	) {
		this.client = client ?? RedisClient.fromUrl(url);
	}

	keyFor(quota: string): string {
		return `${KEY_PREFIX}:${this.identity}:${quota}`;
	}

	/**
	 * Reserves the next shared slot of `quota` and returns the milliseconds to wait for it, or undefined when Redis
	 * is unavailable (the caller paces locally).
	 */
	async reserve(quota: string, intervalMs: number): Promise<number | undefined> {
		if (Date.now() < this.localUntil) return undefined;
		try {
			const wait = await this.client.evalScript(RESERVE_SLOT_SCRIPT, [this.keyFor(quota)], [intervalMs.toFixed(3)]);
			if (typeof wait !== 'number' || !Number.isFinite(wait)) {
				throw new Error(`unexpected answer ${JSON.stringify(wait)} to the slot script`);
			}
			if (this.lastError) {
				LoggerProxy.info(`AWS Partner Central: shared rate limit at ${redactRedisUrl(this.url)} is reachable again`);
				this.lastError = undefined;
			}
			return Math.max(0, wait);
		} catch (error) {
			this.localUntil = Date.now() + this.retryAfterMs;
			const message = (error as Error).message;
			if (!this.lastError) {
				this.outages++;
				LoggerProxy.warn(
					`AWS Partner Central: the shared rate limit (Redis at ${redactRedisUrl(this.url)}) is unavailable: ${message}. ` +
						'This n8n process paces Partner Central calls on its own until Redis answers again; with several ' +
						'workers some calls may be throttled and retried.',
				);
			}
			this.lastError = message;
			return undefined;
		}
	}

	/** Waits for a shared slot of `quota`; paces with the local bucket while Redis is unavailable. */
	async acquire(quota: string, local: PacedBucket): Promise<void> {
		const wait = await this.reserve(quota, local.intervalMs);
		if (wait === undefined) return await local.acquire();
		if (wait > 0) await sleep(wait);
	}

	/** The service throttled a call of `quota`: every process sharing the quota skips one slot. */
	async penalize(quota: string, local: PacedBucket): Promise<void> {
		local.penalize();
		await this.reserve(quota, local.intervalMs);
	}

	close(): void {
		this.client.close();
	}
}

const shared = new Map<string, SharedSlots>();
const unusable = new Set<string>();

/**
 * The shared slots for an identity and Redis URL (one connection per URL and identity in this process), or
 * undefined when the credential names no Redis. An invalid URL is reported once and paced locally.
 */
export function sharedSlotsFor(url: string | undefined, identity: string): SharedSlots | undefined {
	if (!url) return undefined;
	const key = `${identity} ${url}`;
	let slots = shared.get(key);
	if (!slots) {
		if (unusable.has(url)) return undefined;
		try {
			slots = new SharedSlots(url, identity);
		} catch (error) {
			unusable.add(url);
			LoggerProxy.warn(
				`AWS Partner Central: the credential's Shared Rate Limit is not usable (${(error as Error).message}); this n8n process paces Partner Central calls on its own`,
			);
			return undefined;
		}
		shared.set(key, slots);
	}
	return slots;
}

/** For tests: close and forget every shared-slot connection. */
export function clearSharedSlots(): void {
	for (const s of shared.values()) s.close();
	shared.clear();
	unusable.clear();
}
