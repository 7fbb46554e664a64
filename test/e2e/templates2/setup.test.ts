/**
 * Template "AWS Partner Central: setup (run once)" on real n8n: creates the HubSpot property group and every aws_*
 * deal property (keeping existing ones), tests both credentials, prints what to configure next; safe to run again;
 * a failing connection is reported, not hidden.
 */
import { DEAL_PROPERTY_NAMES, PROPERTY_GROUP } from '../../../nodes/shared/sync/hubspotProperties';
import { driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type Driver, type TemplatesEnv } from './env';
import { startWorld, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

type Report = { hubspotProperties: string; hubspotConnection: string; partnerCentralConnection: string; ready: boolean; nextSteps: string };

describe('template: setup', () => {
	let world: World;
	let t: TemplatesEnv;
	let drive: Driver;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const template = await importTemplate(t, 'setup.json', { publish: true });
		drive = await driverFor(t, template.id, 'Setup');
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('creates the properties, tests both connections and says what to configure next', async () => {
		const r = await drive.run([{}]);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
		const reports = r.body as Report[];
		expect(reports).toHaveLength(1);
		const report = reports[0];
		expect(world.propertyGroups.has(PROPERTY_GROUP.name)).toBe(true);
		for (const name of DEAL_PROPERTY_NAMES) expect(world.dealProperties.has(name)).toBe(true);
		expect(report.hubspotProperties).toBe(`OK: ${DEAL_PROPERTY_NAMES.length} created, 0 already there`);
		expect(report.hubspotConnection).toMatch(/^OK: 3 deal stages/);
		expect(report.partnerCentralConnection).toContain('OK: catalog Sandbox, 1 solutions found (e.g. S-1234567');
		expect(report.ready).toBe(true);
		expect(report.nextSteps).toContain('https://n8n.example.com/webhook/3f6d1c2e-8b7a-4d5e-9f10-2a4b6c8d0e01/hubspot');
		expect(report.nextSteps).toContain('aws.partnercentral-selling');
	});

	it('is safe to run again, and reports a connection that fails', async () => {
		world.hubspotOutage = { remaining: 1000, paths: /^GET \/crm\/v3\/pipelines\/deals$/ };
		const r = await drive.run([{}]);
		world.hubspotOutage = { remaining: 0, paths: /./ };
		expect(r.status).toBe(200);
		const report = (r.body as Report[])[0];
		expect(report.hubspotProperties).toBe(`OK: 0 created, ${DEAL_PROPERTY_NAMES.length} already there`);
		expect(report.hubspotConnection).toMatch(/^FAILED: /);
		expect(report.ready).toBe(false);
	});
});
