/**
 * Template "AWS Partner Central: sync status page" on real n8n, looked at in headless Chromium: refused without the
 * header credential; with it, both connections' health, errors with links to the deals, queued updates, recent
 * activity and the last reconciliation's summary. Saves a screenshot (PC_E2E_SCREENSHOT_DIR, default the temp dir).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { configure, driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type TemplatesEnv } from './env';
import { addDeal, opportunityFixture, startWorld, summaryFixture, type World } from './world';

jest.setTimeout(10 * 60 * 1000);

const STATUS_KEY = 'e2e-status-key-0123456789';


function chromiumPath(): string | undefined {
	return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
		(p): p is string => !!p && fs.existsSync(p),
	);
}

describe('template: sync status page', () => {
	let world: World;
	let t: TemplatesEnv;
	let pageUrl: string;

	beforeAll(async () => {
		world = await startWorld();
		t = await startTemplatesEnv(world);
		const cred = t.creds.hubSpotPartnerCentralApi;
		t.creds.httpHeaderAuth = await t.env.api.createCredential('Status page key (e2e)', 'httpHeaderAuth', { name: 'X-Status-Key', value: STATUS_KEY });
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', { publish: true });
		const recon = await importTemplate(t, 'reconciliation.json', {
			edit: configure({ partnerCentralToHubSpotWorkflowId: pcToHs.id, hubspotApiUrl: world.hs.url }, cred),
			publish: true,
		});
		await importTemplate(t, 'sync-status-page.json', {
			edit: (wf) => {
				const edited = configure({ hubspotApiUrl: world.hs.url, hubspotPortalId: '4242', reconciliationWorkflowId: recon.id }, cred)(wf);
				return {
					...edited,
					nodes: edited.nodes.map((n) => (n.name === 'Status Page' ? { ...n, credentials: { httpHeaderAuth: t.creds.httpHeaderAuth } } : n)),
				};
			},
			publish: true,
		});
		pageUrl = `${t.env.baseUrl}/webhook/partner-central-status`;

		// A small book of deals: one synced, one failed, one waiting for AWS review; then a reconciliation run.
		addDeal(world, { dealname: '#AWS Synced deal', aws_opportunity_id: 'O4001', aws_sync_status: 'synced', aws_last_sync_at: '2026-11-24T08:00:00.000Z', aws_review_status: 'Approved' });
		addDeal(world, { dealname: '#AWS <Broken> deal', aws_opportunity_id: 'O4002', aws_sync_status: 'error', aws_last_error: 'Update Opportunity: ConflictException', aws_last_sync_at: '2026-11-24T09:00:00.000Z' });
		addDeal(world, { dealname: '#AWS Waiting deal', aws_opportunity_id: 'O4003', aws_sync_status: 'queued', aws_update_queued: 'true', aws_queued_since: '2026-11-23T10:00:00.000Z', aws_review_status: 'In review', aws_last_sync_at: '2026-11-23T10:00:00.000Z' });
		world.opportunities.set('O4001', opportunityFixture('O4001', { LifeCycle: { ReviewStatus: 'Pending Submission' } }));
		world.opportunities.set('O4003', opportunityFixture('O4003', { LifeCycle: { ReviewStatus: 'In review' } }));
		world.summaries.set('O4001', summaryFixture('O4001'));
		const reconDriver = await driverFor(t, recon.id, 'Reconciliation');
		const r = await reconDriver.run([{}]);
		if (r.status !== 200) await dumpExecutions(t);
	});

	afterAll(async () => {
		await t?.env.stop();
		await world?.close();
	});

	it('refuses callers without the header credential', async () => {
		let status = 404;
		for (let i = 0; i < 40 && status === 404; i++) {
			status = (await fetch(pageUrl)).status;
			if (status === 404) await new Promise((r) => setTimeout(r, 250));
		}
		expect([401, 403]).toContain(status);
	});

	it('shows health, errors with deal links, queued updates, activity and the last reconciliation in Chromium', async () => {
		const r = await fetch(pageUrl, { headers: { 'X-Status-Key': STATUS_KEY } });
		const html = await r.text();
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toContain('text/html');
		expect(html).toContain('&lt;Broken&gt;'); // escaped, never raw HTML from HubSpot

		const executablePath = chromiumPath();
		if (!executablePath) {
			console.log('NOTICE: no Chromium found (set CHROMIUM_PATH); the page was checked over HTTP only');
			return;
		}
		const { chromium } = await import('playwright-core');
		const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
		try {
			const context = await browser.newContext({ extraHTTPHeaders: { 'X-Status-Key': STATUS_KEY }, viewport: { width: 1200, height: 900 } });
			const page = await context.newPage();
			await page.goto(pageUrl);
			const text = await page.innerText('body');
			expect(text).toContain('HubSpot');
			expect(text).toMatch(/HubSpot\s+OK/);
			expect(text).toMatch(/AWS Partner Central\s+OK/);
			expect(text).toContain('Errors (1)');
			expect(text).toContain('Update Opportunity: ConflictException');
			expect(text).toContain('Waiting for AWS review to end (1)');
			expect(text).toContain('#AWS Waiting deal');
			expect(text).toContain('Recent sync activity (3)');
			expect(text).toMatch(/Last run .*success/);
			const href = await page.getAttribute('a:has-text("Broken")', 'href');
			expect(href).toMatch(/^https:\/\/app\.hubspot\.com\/contacts\/4242\/deal\/\d+$/);
			const dir = process.env.PC_E2E_SCREENSHOT_DIR ?? os.tmpdir();
			fs.mkdirSync(dir, { recursive: true });
			const file = path.join(dir, 'sync-status-page.png');
			await page.screenshot({ path: file, fullPage: true });
			console.log(`Screenshot of the sync status page: ${file}`);
			expect(fs.statSync(file).size).toBeGreaterThan(10_000);
		} finally {
			await browser.close();
		}
	});
});
