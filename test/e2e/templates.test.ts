/**
 * The shipped templates against the rules for templates and against real n8n: importable as they are (plus the
 * credentials a user picks), every node type, version, resource, operation and parameter known to the loaded nodes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT, loadTemplate, startN8n, withCredentials, type N8nEnvironment } from './harness';
import { nodeTypeProblems, staticTemplateProblems, type NodeTypeDescription } from './harness/templateCheck';

jest.setTimeout(30 * 60 * 1000);

const TEMPLATES = fs
	.readdirSync(path.join(REPO_ROOT, 'workflows'))
	.filter((f) => f.endsWith('.json'))
	.sort();

describe('workflow templates', () => {
	it('exist: HubSpot to Partner Central and AWS referrals to HubSpot', () => {
		expect(TEMPLATES).toEqual(
			expect.arrayContaining(['aws-referrals-to-hubspot.json', 'hubspot-to-partner-central.json']),
		);
	});

	it.each(TEMPLATES)('%s carries no credentials or instance data and has Settings and setup notes', (file) => {
		expect(staticTemplateProblems(loadTemplate(file))).toEqual([]);
	});

	describe('in real n8n', () => {
		let env: N8nEnvironment;
		let types: NodeTypeDescription[];
		let creds: Record<string, { id: string; name: string }>;

		beforeAll(async () => {
			env = await startN8n({ log: (m) => console.log(m) });
			types = (await env.api.nodeTypes()) as NodeTypeDescription[];
			creds = {};
			const loadedCreds = new Set(types.flatMap((t) => (t.credentials ?? []).map((c) => c.name)));
			if (loadedCreds.has('awsPartnerCentralApi')) {
				creds.awsPartnerCentralApi = await env.api.createCredential(
					'AWS Partner Central (template check)',
					'awsPartnerCentralApi',
					{
						authentication: 'accessKeys',
						accessKeyId: 'AKIAPCSIMULATOR00001',
						secretAccessKey: 'pc-simulator-secret',
						catalog: 'Sandbox',
						region: 'us-east-1',
						endpointUrl: 'http://127.0.0.1:9',
					},
				);
			}
			if (loadedCreds.has('hubSpotPartnerCentralApi')) {
				creds.hubSpotPartnerCentralApi = await env.api.createCredential(
					'HubSpot (template check)',
					'hubSpotPartnerCentralApi',
					{
						accessToken: 'demo-token',
						clientSecret: 'demo-secret',
						baseUrl: 'http://127.0.0.1:9',
					},
				);
			}
		});

		afterAll(async () => {
			await env?.stop();
		});

		it.each(TEMPLATES)('%s uses only node types, versions, operations and parameters n8n knows', (file) => {
			const { problems, missingTypes } = nodeTypeProblems(loadTemplate(file), types);
			if (missingTypes.length) {
				console.log(
					`NOTICE ${file}: node types not built yet, their parameters are not checked: ${missingTypes.join(', ')}`,
				);
			}
			expect(problems).toEqual([]);
		});

		it.each(TEMPLATES)('%s imports through the public API with the credentials picked', async (file) => {
			const wf = withCredentials(loadTemplate(file), types, creds);
			const created = await env.api.createWorkflow(wf);
			const back = await env.api.getWorkflow(created.id);
			expect(back.nodes.map((n) => n.name).sort()).toEqual(wf.nodes.map((n) => n.name).sort());
			for (const n of back.nodes) {
				const wanted = (types.find((t) => t.name === n.type)?.credentials ?? [])
					.map((c) => c.name)
					.filter((c) => creds[c]);
				for (const c of wanted) expect(n.credentials?.[c]?.id).toBe(creds[c].id);
			}
		});
	});
});
