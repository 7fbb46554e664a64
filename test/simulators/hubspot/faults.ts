/**
 * Fault injection rules set through the admin API: by path pattern (glob with `*`, or a regex starting with `^`)
 * and method, with a probability (seeded, deterministic) and a count. Kinds: added latency, an error status
 * (5xx by default), 429 bursts (either HubSpot body shape), connection resets, slow bodies.
 */
export type FaultKind = 'latency' | 'error' | 'rateLimit' | 'reset' | 'slowBody';

export interface FaultRule {
	id: number;
	kind: FaultKind;
	path: string;
	method?: string;
	probability: number;
	/** Remaining firings; null = unlimited. */
	remaining: number | null;
	latencyMs?: number;
	status?: number;
	body?: unknown;
	/** rateLimit: 'TEN_SECONDLY_ROLLING' | 'DAILY' (errorType shape) or 'SECONDLY' (category RATE_LIMITS shape). */
	policy?: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';
	retryAfter?: number;
	/** slowBody: bytes per chunk and real ms between chunks. */
	chunkBytes?: number;
	chunkDelayMs?: number;
	fired: number;
}

const KINDS: FaultKind[] = ['latency', 'error', 'rateLimit', 'reset', 'slowBody'];

/** mulberry32: small deterministic PRNG so probabilistic faults repeat run to run. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pathMatcher(pattern: string): RegExp {
	if (pattern.startsWith('^')) return new RegExp(pattern);
	return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export class FaultInjector {
	rules: FaultRule[] = [];
	private nextId = 1;
	private random: () => number;

	constructor(private seed = 42) {
		this.random = rng(seed);
	}

	reset(): void {
		this.rules = [];
		this.random = rng(this.seed);
	}

	add(input: Record<string, unknown>): FaultRule {
		const kind = String(input.kind ?? input.type) as FaultKind;
		if (!KINDS.includes(kind)) throw new Error(`Unknown fault kind ${kind}; use one of ${KINDS.join(', ')}`);
		if (typeof input.path !== 'string') throw new Error('A fault needs a path pattern (glob with * or a regex starting with ^)');
		pathMatcher(input.path);
		const rule: FaultRule = {
			id: this.nextId++,
			kind,
			path: input.path,
			method: typeof input.method === 'string' ? input.method.toUpperCase() : undefined,
			probability: typeof input.probability === 'number' ? input.probability : 1,
			remaining: typeof input.count === 'number' ? input.count : null,
			latencyMs: typeof input.latencyMs === 'number' ? input.latencyMs : undefined,
			status: typeof input.status === 'number' ? input.status : undefined,
			body: input.body,
			policy: input.policy as FaultRule['policy'],
			retryAfter: typeof input.retryAfter === 'number' ? input.retryAfter : undefined,
			chunkBytes: typeof input.chunkBytes === 'number' ? input.chunkBytes : undefined,
			chunkDelayMs: typeof input.chunkDelayMs === 'number' ? input.chunkDelayMs : undefined,
			fired: 0,
		};
		this.rules.push(rule);
		return rule;
	}

	remove(id: number): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((r) => r.id !== id);
		return before !== this.rules.length;
	}

	/** Rules firing for this request (each consumes one of its count). */
	pick(method: string, path: string): FaultRule[] {
		const out: FaultRule[] = [];
		for (const rule of this.rules) {
			if (rule.remaining === 0) continue;
			if (rule.method && rule.method !== method) continue;
			if (!pathMatcher(rule.path).test(path)) continue;
			if (rule.probability < 1 && this.random() >= rule.probability) continue;
			if (rule.remaining !== null) rule.remaining -= 1;
			rule.fired += 1;
			out.push(rule);
		}
		return out;
	}
}
