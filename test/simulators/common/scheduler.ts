/**
 * Runs callbacks at simulated times. Due work runs on a short real-time interval and whenever tick() is called
 * (the simulators call it on every request and after an admin clock advance), so both timeScale and
 * SimClock.advance() move tasks, expiries and retries forward.
 */
import type { SimClock } from './clock';

interface Job {
	at: number;
	seq: number;
	run: () => void | Promise<void>;
}

export class SimScheduler {
	private jobs: Job[] = [];
	private seq = 0;
	private timer: NodeJS.Timeout | undefined;
	private running = false;

	constructor(
		private readonly clock: SimClock,
		intervalMs = 10,
	) {
		this.timer = setInterval(() => void this.tick(), intervalMs);
		this.timer.unref();
	}

	at(simTime: number, run: () => void | Promise<void>): void {
		this.jobs.push({ at: simTime, seq: this.seq++, run });
	}

	after(simMs: number, run: () => void | Promise<void>): void {
		this.at(this.clock.now() + simMs, run);
	}

	/** Runs every job that is due now (in order); jobs scheduled by jobs run on a later tick if not yet due. */
	async tick(): Promise<void> {
		if (this.running) return;
		this.running = true;
		try {
			for (;;) {
				const now = this.clock.now();
				const due = this.jobs.filter((j) => j.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
				if (!due.length) break;
				this.jobs = this.jobs.filter((j) => !due.includes(j));
				for (const job of due) {
					try {
						await job.run();
					} catch (err) {
						console.error('simulator scheduled job failed', err);
					}
				}
			}
		} finally {
			this.running = false;
		}
	}

	clear(): void {
		this.jobs = [];
	}

	get pending(): number {
		return this.jobs.length;
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.jobs = [];
	}
}
