/**
 * Admin-configurable fault injection: per operation (or '*'), a probability and a count.
 * Kinds: latency (extra delay), internal (5xx InternalServerException), throttle (ThrottlingException),
 * reset (destroy the connection), slowBody (response body dribbled out over slowBodyMs).
 */
export type FaultKind = 'latency' | 'internal' | 'throttle' | 'reset' | 'slowBody';

export interface FaultRule {
	id: string;
	operation: string;
	kind: FaultKind;
	probability: number;
	/** Remaining number of times this rule fires; undefined/null = unlimited. */
	remaining?: number | null;
	latencyMs?: number;
	slowBodyMs?: number;
	status?: number;
}

export interface FaultDecision {
	latencyMs: number;
	error?: 'internal' | 'throttle';
	status?: number;
	reset: boolean;
	slowBodyMs?: number;
	fired: string[];
}

export class FaultInjector {
	private rules: FaultRule[] = [];
	private next = 1;

	add(input: Partial<FaultRule> & { kind: FaultKind }): FaultRule {
		const rule: FaultRule = {
			id: `fault-${this.next++}`,
			operation: input.operation ?? '*',
			kind: input.kind,
			probability: input.probability ?? 1,
			remaining: input.remaining ?? (input as { count?: number }).count ?? null,
			latencyMs: input.latencyMs,
			slowBodyMs: input.slowBodyMs,
			status: input.status,
		};
		if (!['latency', 'internal', 'throttle', 'reset', 'slowBody'].includes(rule.kind)) {
			throw new Error(`unknown fault kind ${String(rule.kind)}`);
		}
		this.rules.push(rule);
		return rule;
	}

	list(): FaultRule[] {
		return this.rules.map((r) => ({ ...r }));
	}

	remove(id?: string): void {
		this.rules = id ? this.rules.filter((r) => r.id !== id) : [];
	}

	decide(operation: string): FaultDecision {
		const d: FaultDecision = { latencyMs: 0, reset: false, fired: [] };
		for (const rule of this.rules) {
			if (rule.operation !== '*' && rule.operation !== operation) continue;
			if (rule.remaining !== null && rule.remaining !== undefined && rule.remaining <= 0) continue;
			if (Math.random() >= rule.probability) continue;
			if (rule.remaining !== null && rule.remaining !== undefined) rule.remaining -= 1;
			d.fired.push(rule.id);
			if (rule.kind === 'latency') d.latencyMs += rule.latencyMs ?? 1000;
			else if (rule.kind === 'internal') {
				d.error = d.error ?? 'internal';
				d.status = rule.status ?? 500;
			} else if (rule.kind === 'throttle') d.error = d.error ?? 'throttle';
			else if (rule.kind === 'reset') d.reset = true;
			else if (rule.kind === 'slowBody') d.slowBodyMs = rule.slowBodyMs ?? 2000;
		}
		this.rules = this.rules.filter((r) => r.remaining === null || r.remaining === undefined || r.remaining > 0);
		return d;
	}
}
