/**
 * Simulated time shared by the simulators started together. now() = start + (real elapsed x timeScale) + offset.
 * timeScale speeds everything time-based (quotas, task durations, invitation expiry); advance() jumps forward.
 * Quota windows and durations are expressed in simulated milliseconds; use sleepSim() to wait in simulated time.
 */
export class SimClock {
	private realStart = Date.now();
	private simStart: number;
	private offsetMs = 0;
	private scale: number;

	constructor(timeScale = 1, start: number = Date.now()) {
		this.scale = timeScale;
		this.simStart = start;
	}

	get timeScale(): number {
		return this.scale;
	}

	/** Changing the speed keeps simulated time continuous (no jump). */
	set timeScale(value: number) {
		const current = this.now();
		this.realStart = Date.now();
		this.simStart = current;
		this.offsetMs = 0;
		this.scale = value;
	}

	now(): number {
		return this.simStart + (Date.now() - this.realStart) * this.scale + this.offsetMs;
	}

	date(): Date {
		return new Date(this.now());
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}

	/** Real milliseconds that correspond to `simMs` of simulated time. */
	toRealMs(simMs: number): number {
		return simMs / this.timeScale;
	}

	sleepSim(simMs: number): Promise<void> {
		return new Promise((resolve) => setTimeout(resolve, Math.max(0, this.toRealMs(simMs))));
	}
}

export interface RunningSimulator {
	/** Base URL, e.g. http://127.0.0.1:4010 */
	url: string;
	port: number;
	close(): Promise<void>;
}
