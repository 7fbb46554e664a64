/**
 * The credential as n8n uses it: `authenticate` adds the Bearer header, and the credential test request (resolved
 * the way n8n resolves it) succeeds with a good token and maps 401/403 to the messages users see.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { HubSpotPartnerCentralApi } from '../../../credentials/HubSpotPartnerCentralApi.credentials';
import type { HubSpotSimulator } from '../../simulators/hubspot';
import { startHubSpotSimulator } from '../../simulators/hubspot';
import { applyAuthenticate, credentialsFor } from './helpers/fakeContext';

const credential = new HubSpotPartnerCentralApi();
let sim: HubSpotSimulator;

beforeAll(async () => {
	sim = await startHubSpotSimulator({ port: 0 });
	sim.addToken('contacts-only', ['crm.objects.contacts.read']);
});

afterAll(async () => {
	await sim.close();
});

/** What n8n's credential tester reports: 'OK' or the message of the first matching rule. */
async function runCredentialTest(credentials: ICredentialDataDecryptedObject): Promise<string> {
	const test = credential.test;
	const base = String(test.request.baseURL).replace('={{$credentials.baseUrl}}', String(credentials.baseUrl));
	const url = new URL(String(test.request.url), base.endsWith('/') ? base : `${base}/`);
	for (const [k, v] of Object.entries(test.request.qs ?? {})) url.searchParams.set(k, String(v));
	const options = applyAuthenticate({ url: url.toString(), method: 'GET' } as IHttpRequestOptions, credentials);
	const response = await fetch(url, { headers: options.headers as Record<string, string> });
	if (response.ok) return 'OK';
	const rule = (test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === response.status);
	return rule ? String(rule.properties.message) : `HTTP ${response.status}`;
}

describe('HubSpot for Partner Central credential', () => {
	it('has the contract name, fields and a password-typed token and secret', () => {
		expect(credential.name).toBe('hubSpotPartnerCentralApi');
		const byName = new Map(credential.properties.map((p) => [p.name, p]));
		expect([...byName.keys()]).toEqual(['accessToken', 'clientSecret', 'baseUrl', 'rateLimitPer10s']);
		expect(byName.get('accessToken')?.typeOptions?.password).toBe(true);
		expect(byName.get('clientSecret')?.typeOptions?.password).toBe(true);
		expect(byName.get('baseUrl')?.default).toBe('https://api.hubapi.com');
		expect(byName.get('rateLimitPer10s')?.options?.map((o) => (o as { value: number }).value)).toEqual([100, 190]);
	});

	it('sends the token as a Bearer header', () => {
		const out = applyAuthenticate({ url: '/x' }, { accessToken: 'pat-na1-abc' });
		expect(out.headers?.Authorization).toBe('Bearer pat-na1-abc');
	});

	it('passes with a good token, and explains a wrong token and a missing scope', async () => {
		expect(await runCredentialTest(credentialsFor(sim.url, sim.token))).toBe('OK');
		expect(await runCredentialTest(credentialsFor(`${sim.url}/`, sim.token))).toBe('OK');
		expect(await runCredentialTest(credentialsFor(sim.url, 'not-a-token'))).toContain('did not accept the access token');
		expect(await runCredentialTest(credentialsFor(sim.url, 'contacts-only'))).toContain('crm.objects.deals.read');
	});
});
