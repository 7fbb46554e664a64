import {
	candidateRequestUrls,
	computeV1Signature,
	computeV2Signature,
	computeV3Signature,
	decodeUriForV3,
	headerValue,
	safeEqual,
	verifyHubSpotSignature,
} from '../../../nodes/shared/hubspot/signatures';

// Vectors from HubSpot's docs and official clients, as recorded in shared/reference/hubspot.md.
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const V1_BODY =
	'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
const URI = 'https://www.example.com/webhook_uri';
const BODY = '{"example_field":"example_value"}';
const TS = '1700000000000';

function signV3(url: string, body: string | Buffer, timestamp = TS, secret = SECRET, method = 'POST') {
	return computeV3Signature(secret, method, decodeUriForV3(url), body, timestamp);
}

describe('signature vectors', () => {
	it('v1 official vector', () => {
		expect(computeV1Signature(SECRET, V1_BODY)).toBe(
			'232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
		);
	});
	it('v2 vectors (GET without body, POST with body)', () => {
		expect(computeV2Signature(SECRET, 'GET', URI, '')).toBe(
			'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e',
		);
		expect(computeV2Signature(SECRET, 'POST', URI, BODY)).toBe(
			'9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
		);
	});
	it('v3 vector', () => {
		expect(computeV3Signature(SECRET, 'POST', URI, BODY, TS)).toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
	});
	it('Buffer and string bodies give the same signatures', () => {
		expect(computeV3Signature(SECRET, 'POST', URI, Buffer.from(BODY), TS)).toBe(
			computeV3Signature(SECRET, 'POST', URI, BODY, TS),
		);
		expect(computeV1Signature(SECRET, Buffer.from(V1_BODY))).toBe(computeV1Signature(SECRET, V1_BODY));
	});
});

describe('decodeUriForV3', () => {
	it('decodes exactly the characters of the table, in either hex case', () => {
		expect(decodeUriForV3('https://x.test/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
			"https://x.test/a:b/c?d@e!f$g'h(i)j*k,l;m",
		);
		expect(decodeUriForV3('https://x.test/p?x=%3a%2f')).toBe('https://x.test/p?x=:/');
	});
	it('leaves other encodings alone', () => {
		expect(decodeUriForV3('https://x.test/p?q=a%20b%26c%3D%25')).toBe('https://x.test/p?q=a%20b%26c%3D%25');
	});
});

describe('safeEqual and headerValue', () => {
	it('compares with a length check', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
	});
	it('finds headers whatever their case, first value of a list', () => {
		expect(headerValue({ 'X-HubSpot-Signature-V3': ' s ' }, 'x-hubspot-signature-v3')).toBe('s');
		expect(headerValue({ 'x-a': ['1', '2'] }, 'X-A')).toBe('1');
		expect(headerValue({}, 'x')).toBeUndefined();
	});
});

describe('verifyHubSpotSignature', () => {
	const now = Number(TS) + 1000;
	const base = { method: 'POST', urls: [URI], rawBody: BODY, clientSecret: SECRET, now };

	it('accepts the v3 vector, header names in any case', () => {
		const result = verifyHubSpotSignature({
			...base,
			headers: { 'X-HubSpot-Signature-v3': signV3(URI, BODY), 'X-HubSpot-Request-Timestamp': TS },
		});
		expect(result).toEqual({ ok: true, version: 'v3', url: URI });
	});

	it('refuses a timestamp older than 5 minutes and one far in the future', () => {
		const headers = { 'x-hubspot-signature-v3': signV3(URI, BODY), 'x-hubspot-request-timestamp': TS };
		const old = verifyHubSpotSignature({ ...base, headers, now: Number(TS) + 5 * 60 * 1000 + 1 });
		expect(old.ok).toBe(false);
		expect(!old.ok && old.reason).toMatch(/old/);
		expect(verifyHubSpotSignature({ ...base, headers, now: Number(TS) + 5 * 60 * 1000 }).ok).toBe(true);
		expect(verifyHubSpotSignature({ ...base, headers, now: Number(TS) - 6 * 60 * 1000 }).ok).toBe(false);
	});

	it('refuses a non-numeric or missing timestamp', () => {
		const sig = signV3(URI, BODY);
		expect(verifyHubSpotSignature({ ...base, headers: { 'x-hubspot-signature-v3': sig } }).ok).toBe(false);
		expect(
			verifyHubSpotSignature({
				...base,
				headers: { 'x-hubspot-signature-v3': sig, 'x-hubspot-request-timestamp': '2023-11-14T22:13:20Z' },
			}).ok,
		).toBe(false);
	});

	it('refuses a wrong secret, a changed body, a changed timestamp and another URL', () => {
		const headers = { 'x-hubspot-signature-v3': signV3(URI, BODY), 'x-hubspot-request-timestamp': TS };
		expect(verifyHubSpotSignature({ ...base, headers, clientSecret: 'other' }).ok).toBe(false);
		expect(verifyHubSpotSignature({ ...base, headers, rawBody: BODY + ' ' }).ok).toBe(false);
		expect(
			verifyHubSpotSignature({ ...base, headers: { ...headers, 'x-hubspot-request-timestamp': '1700000000001' } }).ok,
		).toBe(false);
		const other = verifyHubSpotSignature({ ...base, headers, urls: ['https://www.example.com/other'] });
		expect(other.ok).toBe(false);
		expect(!other.ok && other.urlsTried).toEqual(['https://www.example.com/other']);
		expect(!other.ok && other.reason).not.toContain('example.com');
	});

	it('refuses a missing signature header', () => {
		const result = verifyHubSpotSignature({ ...base, headers: { 'content-type': 'application/json' } });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/Missing X-HubSpot-Signature-v3/);
	});

	it('refuses when no client secret is configured', () => {
		const headers = { 'x-hubspot-signature-v3': signV3(URI, BODY), 'x-hubspot-request-timestamp': TS };
		expect(verifyHubSpotSignature({ ...base, headers, clientSecret: '' }).ok).toBe(false);
	});

	it('handles URL-encoded query strings the way HubSpot decodes them', () => {
		const called = 'https://n8n.example.com/webhook/abc/hubspot?redirect=https%3A%2F%2Fx.test%2Fa&note=a%20b';
		// HubSpot signs the decoded form; we receive the raw form and decode the same table.
		const signed = computeV3Signature(
			SECRET,
			'POST',
			'https://n8n.example.com/webhook/abc/hubspot?redirect=https://x.test/a&note=a%20b',
			BODY,
			TS,
		);
		const headers = { 'x-hubspot-signature-v3': signed, 'x-hubspot-request-timestamp': TS };
		expect(verifyHubSpotSignature({ ...base, headers, urls: [called] }).ok).toBe(true);
	});

	it('also accepts a signature over the URL as received (how the official clients sign)', () => {
		const called = 'https://n8n.example.com/webhook/abc/hubspot?next=a%3Ab';
		const signed = computeV3Signature(SECRET, 'POST', called, BODY, TS);
		const headers = { 'x-hubspot-signature-v3': signed, 'x-hubspot-request-timestamp': TS };
		expect(verifyHubSpotSignature({ ...base, headers, urls: [called] }).ok).toBe(true);
	});

	it('signs the raw bytes of a unicode body', () => {
		const unicode = Buffer.from('[{"propertyValue":"Café Zürich — 東京 🚀","objectId":1}]', 'utf8');
		const headers = { 'x-hubspot-signature-v3': signV3(URI, unicode), 'x-hubspot-request-timestamp': TS };
		expect(verifyHubSpotSignature({ ...base, headers, rawBody: unicode }).ok).toBe(true);
		// The same text re-encoded differently (latin1) must not pass.
		expect(
			verifyHubSpotSignature({ ...base, headers, rawBody: Buffer.from(unicode.toString('utf8'), 'latin1') }).ok,
		).toBe(false);
	});

	it('tries every candidate URL and reports the one that matched', () => {
		const url = 'https://public.example.com/webhook/abc/hubspot';
		const headers = { 'x-hubspot-signature-v3': signV3(url, BODY), 'x-hubspot-request-timestamp': TS };
		expect(
			verifyHubSpotSignature({ ...base, headers, urls: ['http://localhost:5678/webhook/abc/hubspot', url] }),
		).toEqual({ ok: true, version: 'v3', url });
	});

	it('refuses v1 unless enabled, then accepts the official vector', () => {
		const headers = {
			'X-HubSpot-Signature': '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
			'X-HubSpot-Signature-Version': 'v1',
		};
		const refused = verifyHubSpotSignature({ ...base, headers, rawBody: V1_BODY });
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.reason).toMatch(/v1 is not accepted/);
		expect(verifyHubSpotSignature({ ...base, headers, rawBody: V1_BODY, allowedVersions: ['v1', 'v3'] })).toEqual({
			ok: true,
			version: 'v1',
		});
		expect(
			verifyHubSpotSignature({ ...base, headers, rawBody: V1_BODY + ' ', allowedVersions: ['v1'] }).ok,
		).toBe(false);
	});

	it('accepts v2 only when enabled, against the request URL', () => {
		const headers = {
			'x-hubspot-signature': '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
			'x-hubspot-signature-version': 'v2',
		};
		expect(verifyHubSpotSignature({ ...base, headers }).ok).toBe(false);
		expect(verifyHubSpotSignature({ ...base, headers, allowedVersions: ['v2'] }).ok).toBe(true);
		expect(verifyHubSpotSignature({ ...base, headers, allowedVersions: ['v2'], method: 'PUT' }).ok).toBe(false);
	});

	it('refuses v3 when the user accepts only legacy versions, and prefers v3 when both are sent', () => {
		const headers = {
			'x-hubspot-signature-v3': signV3(URI, BODY),
			'x-hubspot-request-timestamp': TS,
			'x-hubspot-signature': 'bogus',
			'x-hubspot-signature-version': 'v1',
		};
		expect(verifyHubSpotSignature({ ...base, headers, allowedVersions: ['v1'] }).ok).toBe(false);
		expect(verifyHubSpotSignature({ ...base, headers, allowedVersions: ['v1', 'v3'] })).toMatchObject({
			ok: true,
			version: 'v3',
		});
	});
});

describe('candidateRequestUrls', () => {
	it('uses only the override when set, adding the received query', () => {
		expect(
			candidateRequestUrls({
				originalUrl: '/webhook/abc/hubspot?a=1',
				headers: { host: 'localhost:5678' },
				nodeWebhookUrl: 'https://n8n.example.com/webhook/abc/hubspot',
				publicUrlOverride: 'https://tunnel.example.net/hs',
			}),
		).toEqual(['https://tunnel.example.net/hs?a=1']);
		expect(
			candidateRequestUrls({
				originalUrl: '/webhook/abc/hubspot?a=1',
				headers: {},
				publicUrlOverride: 'https://tunnel.example.net/hs?b=2',
			}),
		).toEqual(['https://tunnel.example.net/hs?b=2']);
	});

	it('starts with WEBHOOK_URL-based URL plus the raw query, then proxy headers, then Host', () => {
		const urls = candidateRequestUrls({
			originalUrl: '/webhook/abc/hubspot?x=a%3Ab',
			headers: { host: '10.0.0.5:5678', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'crm.example.com' },
			nodeWebhookUrl: 'https://n8n.example.com/webhook/abc/hubspot',
			requestProtocol: 'http',
		});
		expect(urls).toEqual([
			'https://n8n.example.com/webhook/abc/hubspot?x=a%3Ab',
			'https://crm.example.com/webhook/abc/hubspot?x=a%3Ab',
			'http://10.0.0.5:5678/webhook/abc/hubspot?x=a%3Ab',
		]);
	});

	it('keeps a WEBHOOK_URL path prefix that the proxy strips, and maps test URLs onto it', () => {
		const urls = candidateRequestUrls({
			originalUrl: '/webhook-test/abc/hubspot',
			headers: {},
			nodeWebhookUrl: 'https://example.com/n8n/webhook/abc/hubspot',
		});
		expect(urls).toContain('https://example.com/n8n/webhook-test/abc/hubspot');
	});

	it('reads RFC 7239 Forwarded and can ignore proxy headers', () => {
		const headers = { forwarded: 'for=1.2.3.4;proto=https;host="hooks.example.org"', host: 'n8n:5678' };
		expect(candidateRequestUrls({ originalUrl: '/webhook/a/hubspot', headers })).toEqual([
			'https://hooks.example.org/webhook/a/hubspot',
			'http://n8n:5678/webhook/a/hubspot',
		]);
		expect(
			candidateRequestUrls({ originalUrl: '/webhook/a/hubspot', headers, trustForwardedHeaders: false }),
		).toEqual(['http://n8n:5678/webhook/a/hubspot']);
	});
});
