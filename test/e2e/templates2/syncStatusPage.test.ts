/**
 * Template "AWS Partner Central: sync status page" on real n8n against the simulators, looked at in headless
 * Chromium: refused without the header credential; with it, both connections' health, errors with links to the
 * deals, queued updates, recent activity in both directions (deals the sync wrote; opportunities changed in Partner
 * Central with their deals) and the last reconciliation's summary; a failing HubSpot shows as failing, not as an
 * empty page. Saves a screenshot (PC_E2E_SCREENSHOT_DIR, default the temp dir; docs/screenshots for the README).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { configure, driverFor, dumpExecutions, importTemplate, startTemplatesEnv, type TemplatesEnv } from './env';
import { advance, createOpportunity, hubspotOutage, seedDeal, startSimWorld, submitToAws, type SimWorld } from './simWorld';
import { htmlToText } from './simWorldB';

jest.setTimeout(10 * 60 * 1000);

const STATUS_KEY = 'e2e-status-key-0123456789';
const PORTAL = '4242';

/** A Chromium to drive (CHROMIUM_PATH, else the usual install paths); CHROMIUM_PATH=none: no browser. */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH === 'none') return undefined;
	return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
		(p): p is string => !!p && fs.existsSync(p),
	);
}

describe('template: sync status page (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let pageUrl: string;
	const deals: Record<string, string> = {};
	const opps: Record<string, string> = {};
	let reconciliationSummary = '';

	const page = async (headers: Record<string, string> = { 'X-Status-Key': STATUS_KEY }) => {
		let r = await fetch(pageUrl, { headers });
		for (let i = 0; i < 40 && r.status === 404; i++) {
			await r.text();
			await new Promise((resolve) => setTimeout(resolve, 250)); // n8n registers a published webhook a moment later
			r = await fetch(pageUrl, { headers });
		}
		return r;
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		const cred = t.creds.hubSpotPartnerCentralApi;
		t.creds.httpHeaderAuth = await t.env.api.createCredential('Status page key (e2e)', 'httpHeaderAuth', { name: 'X-Status-Key', value: STATUS_KEY });
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', { publish: true });
		const logDeal = seedDeal(w, { dealname: 'Sync log' }).id;
		const recon = await importTemplate(t, 'reconciliation.json', {
			edit: configure({ partnerCentralToHubSpotWorkflowId: pcToHs.id, summaryDealId: logDeal }, cred),
			publish: true,
		});
		await importTemplate(t, 'sync-status-page.json', {
			edit: (wf) => {
				const edited = configure({ hubspotPortalId: PORTAL, reconciliationWorkflowId: recon.id }, cred)(wf);
				return { ...edited, nodes: edited.nodes.map((n) => (n.name === 'Status Page' ? { ...n, credentials: { httpHeaderAuth: t.creds.httpHeaderAuth } } : n)) };
			},
			publish: true,
		});
		pageUrl = `${t.env.baseUrl}/webhook/partner-central-status`;

		// A small book: one synced deal, reconciled once; then a failure and an update waiting for AWS's review.
		opps.synced = await createOpportunity(w, { Customer: { Account: { CompanyName: 'Synced Corp' } } });
		deals.synced = seedDeal(w, { dealname: '#AWS Synced deal', aws_opportunity_id: opps.synced, aws_sync_status: 'synced', aws_last_sync_at: '2026-11-24T08:00:00.000Z', aws_review_status: 'Pending Submission' }).id;
		const r = await (await driverFor(t, recon.id, 'Reconciliation')).run([{}]);
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
		reconciliationSummary = String((r.body as Array<{ text?: string }>)[0]?.text ?? '');
		expect(reconciliationSummary).toContain('repaired'); // what it found (drift) is part of its summary
		opps.broken = await createOpportunity(w, { Customer: { Account: { CompanyName: 'Broken Corp' } } });
		deals.broken = seedDeal(w, { dealname: '#AWS <Broken> deal', aws_opportunity_id: opps.broken, aws_sync_status: 'error', aws_last_error: 'Update Opportunity: ConflictException', aws_last_sync_at: '2026-11-24T09:00:00.000Z' }).id;
		opps.waiting = await createOpportunity(w, { Customer: { Account: { CompanyName: 'Waiting Corp' } } });
		await submitToAws(w, opps.waiting);
		await advance(w, w.pc.sim.config.reviewStartDelayMs); // AWS starts its review
		deals.waiting = seedDeal(w, {
			dealname: '#AWS Waiting deal',
			aws_opportunity_id: opps.waiting,
			aws_sync_status: 'queued',
			aws_update_queued: 'true',
			aws_queued_since: '2026-11-23T10:00:00.000Z',
			aws_review_status: 'In review',
			aws_last_sync_at: '2026-11-23T10:00:00.000Z',
		}).id;
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('refuses callers without the header credential', async () => {
		const r = await page({});
		await r.text();
		expect([401, 403]).toContain(r.status);
	});

	it('a failing HubSpot shows as failing, with the reason, instead of an empty page', async () => {
		const restore = hubspotOutage(w, '/crm/v3/*', undefined);
		let html: string;
		try {
			const r = await page();
			html = await r.text();
			expect(r.status).toBe(200);
		} finally {
			restore();
		}
		expect(html).toMatch(/<strong>HubSpot<\/strong><br><span class="bad">Failing<\/span>/);
		expect(html).toContain('Could not read');
		expect(html).toContain('unknown (HubSpot unreadable)'); // never "not linked" while HubSpot cannot be asked
		expect(html).not.toContain('not linked');
		expect(html).toMatch(/<strong>AWS Partner Central<\/strong><br><span class="ok">OK<\/span>/);
	});

	it('shows health, errors with deal links, queued updates, activity both ways and the last reconciliation (screenshot in Chromium)', async () => {
		const r = await page();
		const html = await r.text();
		if (r.status !== 200) await dumpExecutions(t);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toContain('text/html');
		expect(html).toContain('&lt;Broken&gt;'); // escaped, never raw HTML from HubSpot
		expect(html).not.toContain('<Broken>');
		// What the page says (checked over HTTP, so it holds on a machine without a browser too).
		const text = htmlToText(html);
		expect(text).toMatch(/HubSpot\s+OK/);
		expect(text).toMatch(/AWS Partner Central\s+OK/);
		expect(text).toContain('Errors (1)');
		expect(text).toContain('Update Opportunity: ConflictException');
		expect(text).toContain('Waiting for AWS review to end (1)');
		expect(text).toContain('#AWS Waiting deal');
		expect(text).toContain('Recent sync activity (3)');
		expect(text).toMatch(/Last run .*success/);
		expect(text).toContain(reconciliationSummary); // the drift the last reconciliation found and repaired
		expect(text).toContain('Recently changed in AWS Partner Central (3)');
		const dealLink = `https://app.hubspot.com/contacts/${PORTAL}/deal/`;
		expect(html).toContain(`<a href="${dealLink}${deals.broken}">#AWS &lt;Broken&gt; deal</a>`);
		const awsRow = html.split('<tr>').filter((row) => row.includes(opps.waiting)).pop() ?? '';
		expect(awsRow).toContain('Waiting Corp');
		expect(awsRow).toContain('In review');
		expect(awsRow).toContain(`<a href="${dealLink}${deals.waiting}">`);

		const executablePath = chromiumPath();
		if (!executablePath) {
			console.log("NOTICE: no Chromium found (set CHROMIUM_PATH or install Debian's chromium): no screenshot of the sync status page");
			return;
		}
		const { chromium } = await import('playwright-core');
		const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
		try {
			const context = await browser.newContext({ extraHTTPHeaders: { 'X-Status-Key': STATUS_KEY }, viewport: { width: 1200, height: 900 } });
			const tab = await context.newPage();
			await tab.goto(pageUrl);
			// As a browser renders it: the cards, the tables and the links are there and clickable.
			expect(await tab.innerText('body')).toMatch(/HubSpot\s+OK[\s\S]*Errors \(1\)[\s\S]*Recently changed in AWS Partner Central \(3\)/);
			expect(await tab.getAttribute('a:has-text("Broken") >> nth=0', 'href')).toBe(`${dealLink}${deals.broken}`);
			const dir = process.env.PC_E2E_SCREENSHOT_DIR ?? os.tmpdir();
			fs.mkdirSync(dir, { recursive: true });
			const file = path.join(dir, 'sync-status-page.png');
			await tab.screenshot({ path: file, fullPage: true });
			console.log(`Screenshot of the sync status page: ${file}`);
			expect(fs.statSync(file).size).toBeGreaterThan(10_000);
		} finally {
			await browser.close();
		}
	});
});
