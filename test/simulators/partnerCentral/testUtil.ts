/** Helpers for the Partner Central simulator tests (real SDK client, admin calls, polling, fixtures). */
import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { SimClock } from '../common/clock';
import { type PartnerCentralSimulator, startPartnerCentralSimulator, type PartnerCentralSimulatorOptions } from './index';

export async function startForTest(opts: PartnerCentralSimulatorOptions & { timeScale?: number } = {}): Promise<PartnerCentralSimulator> {
	return startPartnerCentralSimulator({ clock: new SimClock(opts.timeScale ?? 1000), ...opts });
}

export function clientFor(pc: PartnerCentralSimulator, credentials = pc.credentials, maxAttempts = 3): PartnerCentralSellingClient {
	return new PartnerCentralSellingClient({ endpoint: pc.url, region: 'us-east-1', credentials, maxAttempts });
}

export async function admin<T = Record<string, unknown>>(pc: { url: string }, method: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${pc.url}/__admin${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await res.json()) as T;
	if (!res.ok) throw new Error(`admin ${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
	return json;
}

export async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v !== undefined && v !== false && v !== null) return v;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** A date string `days` after the simulator's today. */
export function futureDate(pc: PartnerCentralSimulator, days = 365): string {
	return new Date(pc.sim.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A complete, submittable opportunity body (Create/Update members). */
export function fullOpportunity(pc: PartnerCentralSimulator, overrides: Record<string, unknown> = {}) {
	return {
		PrimaryNeedsFromAws: ['Co-Sell - Deal Support' as const],
		NationalSecurity: 'No' as const,
		PartnerOpportunityIdentifier: 'hs-deal-1001',
		OpportunityType: 'Net New Business' as const,
		Customer: {
			Account: {
				CompanyName: 'Acme Corp',
				Industry: 'Retail' as const,
				WebsiteUrl: 'https://acme.example.com',
				Address: { CountryCode: 'US' as const, StateOrRegion: 'California', PostalCode: '94105', City: 'San Francisco', StreetAddress: '1 Main St' },
			},
			Contacts: [{ Email: 'jane@acme.example.com', FirstName: 'Jane', LastName: 'Doe', BusinessTitle: 'CTO' }],
		},
		Project: {
			Title: 'Acme data platform migration',
			CustomerBusinessProblem: 'Acme needs to move its on-premises warehouse to a managed cloud service.',
			CustomerUseCase: 'Database',
			DeliveryModels: ['SaaS or PaaS' as const],
			SalesActivities: ['Initialized discussions with customer' as const],
			ExpectedCustomerSpend: [{ Amount: '5000', CurrencyCode: 'USD' as const, Frequency: 'Monthly' as const, TargetCompany: 'AWS' }],
		},
		LifeCycle: { Stage: 'Qualified' as const, TargetCloseDate: futureDate(pc), NextSteps: 'Kick-off call' },
		Marketing: { Source: 'None' as const },
		...overrides,
	};
}

/** Sends a raw AWS JSON 1.0 request signed with SigV4 (for bodies the SDK cannot produce, e.g. explicit null). */
export async function rawCall(pc: PartnerCentralSimulator, operation: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
	const { computeSignature } = await import('../common/sigv4');
	const { createHash } = await import('node:crypto');
	const u = new URL(pc.url);
	const amzDate = new Date().toISOString().replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');
	const headers: Record<string, string> = {
		host: u.host,
		'content-type': 'application/x-amz-json-1.0',
		'x-amz-target': `AWSPartnerCentralSelling.${operation}`,
		'x-amz-date': amzDate,
		'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
	};
	const auth = {
		accessKeyId: pc.credentials.accessKeyId,
		date: amzDate.slice(0, 8),
		region: 'us-east-1',
		service: 'partnercentral-selling',
		signedHeaders: Object.keys(headers).sort(),
		signature: '',
	};
	const signature = computeSignature({ method: 'POST', url: '/', headers, body: Buffer.from(body) }, auth, pc.credentials.secretAccessKey);
	headers.authorization = `AWS4-HMAC-SHA256 Credential=${auth.accessKeyId}/${auth.date}/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=${auth.signedHeaders.join(';')}, Signature=${signature}`;
	delete headers.host;
	const res = await fetch(`${pc.url}/`, { method: 'POST', headers, body });
	return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
