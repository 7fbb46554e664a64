/**
 * Screenshots of each workflow template on the n8n canvas, for the README (docs/screenshots/*.png).
 * Not part of `npm test`. Run: `npx ts-node --transpile-only test/e2e/screenshot.ts`
 *
 * - Uses Debian's Chromium (/usr/bin/chromium; installed with apt-get when missing) through playwright-core.
 * - With N8N_URL set (e.g. the running `npm start` demo at http://localhost:5678), logs into that n8n with the demo
 *   login and opens the templates found there. Without it, starts its own n8n (the e2e harness) and imports the
 *   templates as shipped (no credentials, not published).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { chromium } from 'playwright-core';

import { loadTemplate, OWNER, REPO_ROOT, startN8n, type N8nEnvironment } from './harness';
import { N8nApi } from './harness/n8nApi';
import { TEMPLATE_FILES } from './harness/stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

function ensureChromium(): void {
	if (fs.existsSync(CHROMIUM)) return;
	console.log('Installing chromium from Debian packages (apt-get)...');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

async function main(): Promise<void> {
	ensureChromium();
	fs.mkdirSync(OUT_DIR, { recursive: true });
	let env: N8nEnvironment | undefined;
	let baseUrl = process.env.N8N_URL?.replace(/\/$/, '');
	const workflows: Array<{ id: string; file: string }> = [];
	try {
		if (baseUrl) {
			const api = new N8nApi(baseUrl);
			await api.login();
			const list = await api.rest<Array<{ id: string; name: string }>>('GET', '/workflows');
			for (const file of Object.values(TEMPLATE_FILES)) {
				const name = loadTemplate(file).name;
				const found = list.find((w) => w.name === name);
				if (!found) throw new Error(`No workflow named "${name}" in ${baseUrl}`);
				workflows.push({ id: found.id, file });
			}
		} else {
			env = await startN8n({ log: (m) => console.log(m) });
			baseUrl = env.baseUrl;
			for (const file of Object.values(TEMPLATE_FILES)) {
				const created = await env.api.createWorkflow(loadTemplate(file));
				workflows.push({ id: created.id, file });
			}
		}

		const browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		try {
			const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
			await page.goto(`${baseUrl}/signin`);
			await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
			await page.locator('input[type="password"]').first().fill(OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60_000 });
			for (const wf of workflows) {
				await page.goto(`${baseUrl}/workflow/${wf.id}`);
				await page.locator('.vue-flow__node').first().waitFor({ timeout: 60_000 });
				await page.waitForTimeout(1500);
				// Fit the whole workflow into the view ("1" = zoom to fit) and close any popups.
				await page.keyboard.press('Escape');
				await page.locator('.vue-flow__pane, [data-test-id="canvas"]').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
				await page.keyboard.press('1');
				await page.waitForTimeout(1000);
				const file = path.join(OUT_DIR, wf.file.replace(/\.json$/, '.png'));
				await page.screenshot({ path: file });
				console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
			}
		} finally {
			await browser.close();
		}
	} finally {
		await env?.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
