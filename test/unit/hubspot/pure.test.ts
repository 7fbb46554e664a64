import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { propertyCreateBody } from '../../../nodes/shared/hubspot/ensureProperties';
import {
	fieldErrors,
	hubspotApiError,
	isRateLimitBody,
	parseRetryAfter,
	rateLimitPolicy,
} from '../../../nodes/shared/hubspot/errors';
import { escapeHtml, textToHtml } from '../../../nodes/shared/hubspot/html';
import { isSearchPath, WindowLimiter } from '../../../nodes/shared/hubspot/limiter';
import { isPlausibleDomain, normalizeDomain, normalizeEmail } from '../../../nodes/shared/hubspot/normalize';
import { chunk, toPropertyStrings, uniqueStrings, withIdFloor } from '../../../nodes/shared/hubspot/objects';
import { decideRetry, MAX_RATE_LIMIT_RETRIES, MAX_TRANSIENT_RETRIES } from '../../../nodes/shared/hubspot/retryPolicy';
import { isIdempotent, networkErrorCode, normalizeBaseUrl, rateTier } from '../../../nodes/shared/hubspot/transport';
import { flattenStages } from '../../../nodes/HubSpotPartnerCentral/actions/pipeline/getStages.operation';
import { DEAL_PROPERTIES } from '../../../nodes/shared/sync/hubspotProperties';

const node: INode = { id: '1', name: 'HubSpot', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

describe('batch and search helpers', () => {
	it('chunks into batches of at most 100 and keeps order', () => {
		const ids = Array.from({ length: 250 }, (_, i) => String(i));
		const parts = chunk(ids);
		expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
		expect(parts.flat()).toEqual(ids);
		expect(chunk([])).toEqual([]);
		expect(() => chunk([1], 0)).toThrow();
	});

	it('dedupes ids and drops blanks', () => {
		expect(uniqueStrings(['1', ' 1', 2, null, undefined, '', '3'])).toEqual(['1', '2', '3']);
	});

	it('adds the id floor to every filter group (groups are ORed)', () => {
		const groups = [{ filters: [{ propertyName: 'a', operator: 'EQ', value: 'x' }] }, { filters: [{ propertyName: 'b', operator: 'EQ', value: 'y' }] }];
		const floored = withIdFloor(groups, '42');
		expect(floored).toHaveLength(2);
		for (const g of floored) expect(g.filters).toContainEqual({ propertyName: 'hs_object_id', operator: 'GT', value: '42' });
		expect(withIdFloor(undefined, '7')).toEqual([{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '7' }] }]);
		expect(withIdFloor(groups, undefined)).toBe(groups);
	});

	it('sends every property value as a string', () => {
		expect(toPropertyStrings({ amount: 1000, flag: true, none: null, when: new Date('2026-01-02T03:04:05Z'), skip: undefined })).toEqual({
			amount: '1000',
			flag: 'true',
			none: '',
			when: '2026-01-02T03:04:05.000Z',
		});
	});
});

describe('normalisation', () => {
	it.each([
		['https://www.Example.com/about?x=1', 'example.com'],
		['example.co.uk.', 'example.co.uk'],
		['HTTP://sub.example.com:8080', 'sub.example.com'],
		['  acme.io  ', 'acme.io'],
	])('domain %s -> %s', (input, expected) => {
		expect(normalizeDomain(input)).toBe(expected);
		expect(isPlausibleDomain(normalizeDomain(input))).toBe(true);
	});

	it('rejects things that are not domains', () => {
		expect(isPlausibleDomain(normalizeDomain('not a domain'))).toBe(false);
		expect(isPlausibleDomain(normalizeDomain(''))).toBe(false);
	});

	it('lowercases emails', () => {
		expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
	});
});

describe('HTML for notes and tasks', () => {
	it('escapes markup so text from AWS is read, not rendered', () => {
		expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
	});

	it('keeps paragraphs and line breaks', () => {
		expect(textToHtml('Line 1\nLine <2>\n\nPara 2\r\n')).toBe('<p>Line 1<br>Line &lt;2&gt;</p><p>Para 2</p>');
		expect(textToHtml('   ')).toBe('');
	});
});

describe('rate limit bodies and Retry-After', () => {
	it('recognises both 429 body shapes', () => {
		const a = { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' };
		const b = { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS', correlationId: 'c' };
		expect(isRateLimitBody(a)).toBe(true);
		expect(isRateLimitBody(b)).toBe(true);
		expect(rateLimitPolicy(a)).toBe('TEN_SECONDLY_ROLLING');
		expect(rateLimitPolicy(b)).toBe('SECONDLY');
		expect(rateLimitPolicy({ errorType: 'RATE_LIMIT', policyName: 'DAILY' })).toBe('DAILY');
		expect(rateLimitPolicy({ message: 'You have reached your daily limit.', category: 'RATE_LIMITS' })).toBe('DAILY');
		expect(isRateLimitBody({ category: 'VALIDATION_ERROR' })).toBe(false);
	});

	it('reads Retry-After in seconds or as a date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(['1.5'])).toBe(1500);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		const now = Date.parse('2026-11-24T10:00:00Z');
		expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000);
	});
});

describe('retry policy', () => {
	const fixed = () => 0.5;
	it('waits Retry-After on 429 and gives up after the bound', () => {
		const d = decideRetry({ kind: 'rateLimited', policy: 'TEN_SECONDLY_ROLLING', retryAfterMs: 1000 }, 0, false, fixed);
		expect(d.retry).toBe(true);
		expect(d.delayMs).toBeGreaterThanOrEqual(1000);
		expect(d.delayMs).toBeLessThan(1300);
		expect(decideRetry({ kind: 'rateLimited', policy: 'SECONDLY' }, MAX_RATE_LIMIT_RETRIES, true, fixed).retry).toBe(false);
	});

	it('never retries the daily limit', () => {
		expect(decideRetry({ kind: 'rateLimited', policy: 'DAILY', retryAfterMs: 1000 }, 0, true).retry).toBe(false);
	});

	it('does not wait for absurd Retry-After values', () => {
		expect(decideRetry({ kind: 'rateLimited', policy: 'UNKNOWN', retryAfterMs: 3_600_000 }, 0, true).retry).toBe(false);
	});

	it('retries 5xx and resets only for idempotent requests, bounded, with growing backoff', () => {
		const first = decideRetry({ kind: 'serverError', status: 502 }, 0, true, fixed);
		const second = decideRetry({ kind: 'serverError', status: 502 }, 1, true, fixed);
		expect(first.retry && second.retry).toBe(true);
		expect(second.delayMs).toBeGreaterThan(first.delayMs);
		expect(decideRetry({ kind: 'serverError', status: 502 }, MAX_TRANSIENT_RETRIES, true).retry).toBe(false);
		expect(decideRetry({ kind: 'serverError', status: 502 }, 0, false).retry).toBe(false);
		expect(decideRetry({ kind: 'serverError', status: 501 }, 0, true).retry).toBe(false);
		expect(decideRetry({ kind: 'network', code: 'ECONNRESET' }, 0, true).retry).toBe(true);
		expect(decideRetry({ kind: 'network', code: 'ENOTFOUND' }, 0, true).retry).toBe(false);
		expect(decideRetry({ kind: 'network', code: 'ECONNREFUSED' }, 0, true).retry).toBe(false);
	});

	it('knows which requests are safe to repeat', () => {
		expect(isIdempotent({ method: 'GET', path: '/crm/v3/objects/deals/1' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/crm/v3/objects/deals/search' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/crm/v4/associations/deals/companies/batch/create' })).toBe(true);
		expect(isIdempotent({ method: 'POST', path: '/crm/v3/objects/notes' })).toBe(false);
		expect(isIdempotent({ method: 'POST', path: '/crm/v3/objects/companies/batch/create' })).toBe(false);
		expect(isIdempotent({ method: 'POST', path: '/crm/v3/objects/notes', idempotent: true })).toBe(true);
	});

	it('finds the network code behind wrapped errors', () => {
		const inner = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
		expect(networkErrorCode(new NodeApiError(node, inner as never))).toBe('ECONNRESET');
		expect(networkErrorCode(Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }))).toBe('UND_ERR_SOCKET');
		expect(networkErrorCode(new Error('timeout of 60000ms exceeded'))).toBe('ETIMEDOUT');
		expect(networkErrorCode(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('ABORTED');
	});
});

describe('limiter', () => {
	it('allows the tier in any 10 s window, never more (HubSpot counts a rolling window)', () => {
		let now = 0;
		const limiter = new WindowLimiter(100, 10_000, () => now);
		for (let i = 0; i < 100; i++) expect(limiter.take()).toBe(0);
		expect(limiter.take()).toBe(10_000);
		now = 4_000;
		expect(limiter.take()).toBe(6_000);
		// Property: for any arrival pattern, no 10 s window holds more than 100 sends.
		now = 20_000;
		const sends: number[] = [];
		for (let i = 0; i < 350; i++) {
			now += i % 7 === 0 ? 150 : 3;
			sends.push(now + limiter.take());
		}
		sends.sort((a, b) => a - b);
		for (let i = 100; i < sends.length; i++) expect(sends[i] - sends[i - 100]).toBeGreaterThanOrEqual(10_000);
	});

	it('pauses everyone after a 429', () => {
		let now = 0;
		const limiter = new WindowLimiter(5, 1_000, () => now);
		limiter.pause(2_000);
		expect(limiter.take()).toBe(2_000);
		now = 2_500;
		expect(limiter.take()).toBe(0);
	});

	it('recognises the CRM search paths', () => {
		expect(isSearchPath('/crm/v3/objects/deals/search')).toBe(true);
		expect(isSearchPath('/crm/v3/objects/0-3/search?x=1')).toBe(true);
		expect(isSearchPath('/crm/v3/objects/deals/batch/read')).toBe(false);
	});

	it('normalises credential values', () => {
		expect(normalizeBaseUrl('http://127.0.0.1:4020/')).toBe('http://127.0.0.1:4020');
		expect(normalizeBaseUrl('')).toBe('https://api.hubapi.com');
		expect(rateTier('190')).toBe(190);
		expect(rateTier(undefined)).toBe(100);
	});
});

describe('errors', () => {
	it('renders HubSpot message, category, correlation id and field errors', () => {
		const body = {
			status: 'error',
			message: 'Property values were not valid',
			correlationId: 'aaaa-bbbb',
			category: 'VALIDATION_ERROR',
			errors: [{ message: 'is not a valid email', in: 'email' }, { message: 'unknown', context: { propertyName: ['foo'] } }],
		};
		expect(fieldErrors(body)).toEqual(['email: is not a valid email', 'foo: unknown']);
		const error = hubspotApiError(node, body, { status: 400, method: 'POST', path: '/crm/v3/objects/contacts', itemIndex: 3 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('HubSpot: Property values were not valid');
		expect(error.description).toContain('email: is not a valid email');
		expect(error.description).toContain('aaaa-bbbb');
		expect(error.description).toContain('VALIDATION_ERROR');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
		expect(error.context.hubspot).toMatchObject({ category: 'VALIDATION_ERROR', correlationId: 'aaaa-bbbb' });
	});

	it('explains missing scopes and bad tokens', () => {
		const scopes = hubspotApiError(
			node,
			{ message: 'This app hasn\'t been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.', category: 'MISSING_SCOPES', errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.deals.read'] } }] },
			{ status: 403, method: 'GET', path: '/crm/v3/objects/deals' },
		);
		expect(scopes.message).toContain('required scopes');
		expect(scopes.description).toContain('docs/hubspot-node.md');
		const auth = hubspotApiError(node, '', { status: 401, method: 'GET', path: '/x' });
		expect(auth.message).toBe('HubSpot: request failed with HTTP 401');
		expect(auth.description).toContain('access token');
	});
});

describe('property catalog', () => {
	it('creates the ids the upsert keys on with unique values', () => {
		const byName = new Map(DEAL_PROPERTIES.map((p) => [p.name, p]));
		expect(propertyCreateBody(byName.get('aws_opportunity_id')!, 'aws_partner_central')).toMatchObject({ hasUniqueValue: true, groupName: 'aws_partner_central', type: 'string' });
		expect(propertyCreateBody(byName.get('aws_invitation_id')!, 'g').hasUniqueValue).toBe(true);
		expect(propertyCreateBody(byName.get('aws_stage')!, 'g').hasUniqueValue).toBeUndefined();
		const bool = propertyCreateBody(byName.get('aws_submit_request')!, 'g');
		expect(bool.options).toEqual([
			{ label: 'Yes', value: 'true', displayOrder: 0 },
			{ label: 'No', value: 'false', displayOrder: 1 },
		]);
	});
});

describe('pipeline stages', () => {
	it('flattens pipelines into ordered stages with probability and closed flag', () => {
		const stages = flattenStages([
			{
				id: 'default',
				label: 'Sales',
				stages: [
					{ id: 'closedwon', label: 'Closed won', displayOrder: 5, metadata: { probability: '1.0', isClosed: 'true' } },
					{ id: 'appointmentscheduled', label: 'Appointment', displayOrder: 0, metadata: { probability: '0.2', isClosed: 'false' } },
				],
			},
		]);
		expect(stages.map((s) => s.stageId)).toEqual(['appointmentscheduled', 'closedwon']);
		expect(stages[1]).toMatchObject({ pipelineId: 'default', probability: 1, isClosed: true });
	});
});
