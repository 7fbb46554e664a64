/** SimClock: scaled time, advance(), and continuous time when the speed changes. */
import { SimClock } from './clock';

describe('SimClock', () => {
	it('advance() jumps forward and toRealMs() divides by the scale', () => {
		const c = new SimClock(1000, 0);
		const t = c.now();
		c.advance(5000);
		expect(c.now() - t).toBeGreaterThanOrEqual(5000);
		expect(c.toRealMs(5000)).toBe(5);
	});

	it('changing timeScale does not make time jump', () => {
		const c = new SimClock(1000, 1_000_000);
		c.advance(60_000);
		const before = c.now();
		c.timeScale = 1;
		const after = c.now();
		expect(after).toBeGreaterThanOrEqual(before);
		expect(after - before).toBeLessThan(1000);
		expect(c.timeScale).toBe(1);
	});
});
