import {
	MARGIN_DECAY,
	MARGIN_STEP,
	MAX_MARGIN,
	PacedBucket,
	PartnerCentralLimiter,
} from '../../../nodes/shared/partnerCentral/limiter';
import { backoffDelay, isRetryable, withRetries } from '../../../nodes/shared/partnerCentral/retry';

describe('PacedBucket / limiter', () => {
	it('spaces N acquisitions by at least (N-1)/rate seconds', async () => {
		const bucket = new PacedBucket(20); // one slot every 50 ms
		const started = Date.now();
		for (let i = 0; i < 5; i++) await bucket.acquire();
		expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 50 - 5);
	});

	it('reserves slots for concurrent callers without bursting', () => {
		const bucket = new PacedBucket(10);
		const now = 1_000_000;
		expect([0, 1, 2, 3].map(() => bucket.reserve(now))).toEqual([0, 100, 200, 300]);
	});

	it('paces writes and reads separately and leaves unlisted operations alone', async () => {
		const limiter = new PartnerCentralLimiter(20, 2);
		const started = Date.now();
		await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('UpdateOpportunity')));
		expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 50 - 5);
		// Reads at 2/s would need >= 1.5 s for 4 calls; unlisted operations at any pace would too.
		const t = Date.now();
		await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('GetEngagement')));
		expect(Date.now() - t).toBeLessThan(1000);
		const r = Date.now();
		await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('GetOpportunity')));
		expect(Date.now() - r).toBeGreaterThanOrEqual(3 * 500 - 5);
		expect(limiter.rateFor('prospectingWrite')).toBe(2);
		expect(limiter.rateFor('engagementWrite')).toBe(15);
		expect(limiter.rateFor('write')).toBe(20);
		expect(limiter.rateFor('unlisted')).toBeUndefined();
	});
});

describe('retries', () => {
	const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

	it('classifies retryable failures', () => {
		expect(isRetryable({ name: 'ThrottlingException' })).toBe(true);
		expect(isRetryable({ name: 'InternalServerException' })).toBe(true);
		expect(isRetryable({ name: 'Whatever', $metadata: { httpStatusCode: 503 } })).toBe(true);
		expect(isRetryable({ name: 'Error', code: 'ECONNRESET' })).toBe(true);
		expect(isRetryable({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(false);
		expect(isRetryable({ name: 'ConflictException' })).toBe(false);
		expect(isRetryable({ name: 'AccessDeniedException' })).toBe(false);
		expect(isRetryable({ name: 'ServiceQuotaExceededException' })).toBe(false);
	});

	it('uses full jitter under an exponential ceiling', () => {
		const policy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
		expect(backoffDelay(3, policy, () => 0.999)).toBe(799);
		expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
		expect(backoffDelay(10, policy, () => 0)).toBe(0);
	});

	it('retries until success, invisibly', async () => {
		let n = 0;
		const out = await withRetries(async () => {
			n++;
			if (n < 3) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
			return 'ok';
		}, fast);
		expect(out).toEqual({ result: 'ok', attempts: 3 });
	});

	it('is bounded and reports the attempts on the last error', async () => {
		let n = 0;
		const err = await withRetries(async () => {
			n++;
			throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
		}, fast).catch((e: unknown) => e);
		expect(n).toBe(4);
		expect(err).toMatchObject({ name: 'ThrottlingException', attempts: 4 });
	});

	it('does not retry a client error', async () => {
		let n = 0;
		await expect(
			withRetries(async () => {
				n++;
				throw Object.assign(new Error('bad'), { name: 'ValidationException' });
			}, fast),
		).rejects.toThrow('bad');
		expect(n).toBe(1);
	});
});

describe('pacing margin and throttle handling (benchmark finding: exact pacing lost a third of the write quota)', () => {
	it('paces a margin under the quota; a throttle widens it, requests let through narrow it back to the base', () => {
		const bucket = new PacedBucket(1, 0.03);
		const now = 5_000_000;
		expect([0, 1, 2].map(() => bucket.reserve(now))).toEqual([0, 1030, 2060]);
		bucket.penalize();
		expect(bucket.margin).toBeCloseTo(0.03 + MARGIN_STEP);
		expect(bucket.intervalMs).toBeCloseTo(1000 * (1.03 + MARGIN_STEP));
		for (let i = 0; i < 10 * Math.ceil(MARGIN_STEP / MARGIN_DECAY); i++) bucket.granted(now);
		expect(bucket.margin).toBeCloseTo(0.03);
		for (let i = 0; i < 1000; i++) bucket.penalize();
		expect(bucket.margin).toBe(MAX_MARGIN);
	});

	it('counts the next interval from when a caller was actually let through (a late wake-up does not shorten it)', () => {
		const bucket = new PacedBucket(1, 0);
		const now = 9_000_000;
		expect(bucket.reserve(now)).toBe(0);
		bucket.granted(now + 40); // woke up 40 ms late
		expect(bucket.reserve(now + 1000)).toBe(40);
	});

	it('lets the retry of a throttled request go half an interval after it when nobody else went or waits', () => {
		const bucket = new PacedBucket(1, 0);
		const now = 7_000_000;
		expect(bucket.reserve(now)).toBe(0);
		bucket.granted(now);
		bucket.penalize(now + 50); // answered "too fast" 50 ms later
		const half = bucket.intervalMs / 2;
		expect(bucket.reserve(now + 50)).toBeCloseTo(half - 50);
		const full = bucket.intervalMs;
		bucket.granted(now + half);
		// A throttle whose answer came late (another request may have gone since): the retry takes a full turn.
		bucket.penalize(now + half + full * 0.6);
		expect(bucket.reserve(now + half)).toBeCloseTo(full);
	});

	it('lets concurrent callers through one at a time, one interval apart', async () => {
		const bucket = new PacedBucket(20, 0); // 50 ms
		const at: number[] = [];
		await Promise.all([1, 2, 3, 4].map(async () => {
			await bucket.acquire();
			at.push(Date.now());
		}));
		for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(49);
	});

	it('lets a throttled paced call wait for its slot instead of a backoff; unpaced calls keep the backoff', () => {
		const limiter = new PartnerCentralLimiter(1, 10);
		expect(limiter.throttled('CreateOpportunity')).toBe(true);
		expect(limiter.throttled('GetEngagement')).toBe(false);
	});

	it('uses the caller-given delay for a retry when there is one', async () => {
		const delays: number[] = [];
		let calls = 0;
		const started = Date.now();
		const { attempts } = await withRetries(
			async () => {
				if (++calls < 3) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
				return 'ok';
			},
			{ maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 },
			(_e, n) => {
				delays.push(n);
				return 0;
			},
		);
		expect(attempts).toBe(3);
		expect(delays).toEqual([1, 2]);
		expect(Date.now() - started).toBeLessThan(1000); // the 10 s backoff was not used
	});
});
