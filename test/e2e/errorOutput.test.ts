/**
 * On real n8n: the AWS Partner Central node set to "On Error: Continue (using error output)" sends a failed item to
 * its error output (n8n only moves items whose `error` is set, or whose json holds nothing but error/message/
 * details; ours carry more, see nodes/shared/errorOutput.ts), and a good item to the success output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSimulators, type Simulators } from '../simulators';
import {
	importAndPublish,
	startN8n,
	waitFor,
	withCredentials,
	type Execution,
	type N8nEnvironment,
	type WorkflowJson,
} from './harness';
import { Admin, SIM_PC_ACCESS_KEY, SIM_PC_SECRET, waitForWebhook } from './harness/stack';

jest.setTimeout(5 * 60 * 1000);

type Json = Record<string, unknown>;

function itemsOf(execution: Execution, nodeName: string): Json[] {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((r) => (r.data?.main?.[0] ?? []).map((i) => i.json));
}

describe('Partner Central node error output on real n8n', () => {
	let sims: Simulators;
	let n8n: N8nEnvironment;
	let workflowId: string;
	let url: string;

	beforeAll(async () => {
		sims = await startSimulators({ timeScale: 1 });
		n8n = await startN8n({ log: (m) => console.log(m) });
		const types = await n8n.api.nodeTypes();
		const cred = await n8n.api.createCredential('AWS Partner Central (simulator)', 'awsPartnerCentralApi', {
			authentication: 'accessKeys',
			accessKeyId: SIM_PC_ACCESS_KEY,
			secretAccessKey: SIM_PC_SECRET,
			catalog: 'AWS',
			region: 'us-east-1',
			endpointUrl: sims.partnerCentral.url,
		});
		const wf = JSON.parse(fs.readFileSync(path.join(__dirname, 'errorOutput', 'workflow.json'), 'utf8')) as WorkflowJson;
		const imported = await importAndPublish(n8n.api, withCredentials(wf, types, { awsPartnerCentralApi: cred }));
		workflowId = imported.id;
		url = `${n8n.baseUrl}/webhook/error-output-e2e`;
		await waitForWebhook(url);
	});

	afterAll(async () => {
		await n8n?.stop();
		await sims?.close();
	});

	/** Posts `{ id }` and returns the finished execution that received it (waitForWebhook's probe runs too). */
	const runWith = async (id: string): Promise<Execution> => {
		const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
		expect(r.status).toBe(200);
		return await waitFor(
			async () =>
				(await n8n.api.executions(workflowId, true)).find(
					(e) => e.finished && itemsOf(e, 'Webhook').some((i) => (i.body as Json | undefined)?.id === id),
				),
			{ what: `the execution for ${id}`, timeoutMs: 60_000, intervalMs: 500 },
		);
	};

	it('routes a failed lookup to the error output, with its message', async () => {
		const e = await runWith('O999999999');
		expect(itemsOf(e, 'Found')).toEqual([]);
		const failed = itemsOf(e, 'Failed');
		expect(failed).toHaveLength(1);
		expect(String(failed[0].error)).toContain('ResourceNotFoundException');
	});

	it('routes a good lookup to the success output', async () => {
		const pc = new Admin(sims.partnerCentral.url);
		const seeded = await pc.post<{ opportunityIds: string[] }>('seed', {
			opportunities: [{ Catalog: 'AWS', Project: { Title: 'Error output e2e' } }],
		});
		const e = await runWith(seeded.opportunityIds[0]);
		expect(itemsOf(e, 'Failed')).toEqual([]);
		expect(itemsOf(e, 'Found').map((i) => i.Id)).toEqual([seeded.opportunityIds[0]]);
	});
});
