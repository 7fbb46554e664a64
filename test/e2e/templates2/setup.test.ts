/**
 * Template "AWS Partner Central: setup (run once)" on real n8n against the simulators: creates the HubSpot property
 * group and every aws_* deal property (keeping existing ones), tests both credentials, names "AWS Partner Central:
 * error handling" as the error workflow of every imported template (importing gives new ids, so the shipped
 * awspcSyncErrors1 points nowhere), never publishes someone's unpublished edits, leaves other workflows alone, prints
 * what it did; safe to run again; a failing connection is reported, not hidden.
 */
import { DEAL_PROPERTY_NAMES, PROPERTY_GROUP } from '../../../nodes/shared/sync/hubspotProperties';
import type { WorkflowJson } from '../harness';
import { driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { hubspotOutage, startSimWorld, type SimWorld } from './simWorld';

jest.setTimeout(10 * 60 * 1000);

type Report = {
	hubspotProperties: string;
	hubspotConnection: string;
	partnerCentralConnection: string;
	errorWorkflowLinks: string;
	ready: boolean;
	nextSteps: string;
};

describe('template: setup (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let drive: Driver;
	const ids: Record<string, string> = {};

	const run = async (): Promise<Report> => {
		const r = await drive.run([{}]);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
		const reports = r.body as Report[];
		expect(reports).toHaveLength(1);
		return reports[0];
	};
	const errorWorkflowOf = async (id: string) => (await t.env.api.getWorkflow(id)).settings?.errorWorkflow;

	beforeAll(async () => {
		w = await startSimWorld({ awsProperties: false });
		t = await startTemplatesEnv(w);
		// Imported as a user imports them: the shipped settings (errorWorkflow "awspcSyncErrors1") and new ids.
		ids.errors = (await importTemplate(t, 'error-handling.json', { publish: true })).id;
		ids.submit = (await importTemplate(t, 'submit-to-aws.json', { publish: true })).id;
		ids.reconciliation = (await importTemplate(t, 'reconciliation.json')).id;
		ids.setup = (await importTemplate(t, 'setup.json', { publish: true })).id;
		const own: WorkflowJson = { name: 'My own workflow', nodes: [], connections: {}, settings: { executionOrder: 'v1' } };
		ids.own = (await t.env.api.createWorkflow(own)).id;
		drive = await driverFor(t, ids.setup, 'Setup');
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('creates the properties, tests both connections, links the error workflow and says what to configure next', async () => {
		expect(await errorWorkflowOf(ids.submit)).toBe('awspcSyncErrors1'); // as shipped: points nowhere here
		const report = await run();

		const state = w.hubspot.state();
		expect(state.propertyGroups.deals).toEqual(expect.arrayContaining([expect.objectContaining({ name: PROPERTY_GROUP.name })]));
		const names = new Set((state.properties.deals as Array<{ name: string }>).map((p) => p.name));
		for (const name of DEAL_PROPERTY_NAMES) expect(names.has(name)).toBe(true);
		expect(report.hubspotProperties).toBe(`OK: ${DEAL_PROPERTY_NAMES.length} created, 0 already there`);
		expect(report.hubspotConnection).toMatch(/^OK: \d+ deal stages/);
		expect(report.partnerCentralConnection).toContain('OK: catalog Sandbox, 1 solutions found (e.g. S-1234567');
		expect(report.ready).toBe(true);
		expect(report.nextSteps).toContain('https://n8n.example.com/webhook/3f6d1c2e-8b7a-4d5e-9f10-2a4b6c8d0e01/hubspot');
		expect(report.nextSteps).toContain('aws.partnercentral-selling');

		expect(report.errorWorkflowLinks).toMatch(new RegExp(`^OK: error workflow id ${ids.errors}\\. linked 3: `));
		for (const name of ['Submit HubSpot deals to AWS', 'AWS Partner Central: reconciliation (nightly)', 'AWS Partner Central: setup (run once)'])
			expect(report.errorWorkflowLinks).toContain(name);
		for (const key of ['submit', 'reconciliation', 'setup']) expect(await errorWorkflowOf(ids[key])).toBe(ids.errors);
		expect(await errorWorkflowOf(ids.errors)).toBeUndefined(); // never its own error workflow
		expect(await errorWorkflowOf(ids.own)).toBeUndefined(); // someone else's workflow is left alone
		// Published templates stay published; reconciliation (never published) stays a draft.
		expect((await t.env.api.getWorkflow(ids.submit)).active).toBe(true);
		expect((await t.env.api.getWorkflow(ids.reconciliation)).active).toBe(false);
	});

	it('is safe to run again, never publishes unpublished edits, and reports a connection that fails', async () => {
		// A template imported later, published, then edited without publishing (a draft).
		const later = await importTemplate(t, 'partner-central-to-hubspot.json', { publish: true });
		const draft = await t.env.api.getWorkflow(later.id);
		const edited = draft.nodes.map((n) => (n.name === 'Settings' ? { ...n, notes: 'work in progress' } : n));
		const put = await fetch(`${t.env.baseUrl}/api/v1/workflows/${later.id}?publishIfActive=false`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', 'x-n8n-api-key': t.env.api.apiKey },
			body: JSON.stringify({ name: draft.name, nodes: edited, connections: draft.connections, settings: draft.settings }),
		});
		expect(put.status).toBe(200);
		const restore = hubspotOutage(w, '/crm/v3/pipelines/deals*', 'GET');
		const report = await run();
		restore();

		expect(report.hubspotProperties).toBe(`OK: 0 created, ${DEAL_PROPERTY_NAMES.length} already there`);
		expect(report.hubspotConnection).toMatch(/^FAILED: /);
		expect(report.ready).toBe(false);
		expect(report.errorWorkflowLinks).toMatch(/^INCOMPLETE: .*linked 0\. already linked 3: /);
		expect(report.errorWorkflowLinks).toContain('NOT linked, unpublished changes');
		expect(report.errorWorkflowLinks).toContain('AWS Partner Central to HubSpot (review, seller, score)');
		expect(await errorWorkflowOf(later.id)).toBe('awspcSyncErrors1');
	});
});
