/**
 * Screenshots of every workflow template on the n8n canvas, for the README: docs/screenshots/<template>.png
 * (the status page's own rendering is sync-status-page.png, taken by its e2e test; its canvas is
 * sync-status-page-canvas.png). Not part of `npm test`. Run: `npm run screenshots`.
 *
 * - Uses Debian's Chromium (/usr/bin/chromium; installed with apt-get when missing) through playwright-core.
 * - With N8N_URL set (e.g. the running `npm start` demo at http://localhost:5678), logs into that n8n with the demo
 *   login and opens the templates found there by name. Without it, starts the demo stack itself (simulators, n8n,
 *   every template imported, wired and published as `npm start` does, on free ports) and stops it afterwards.
 * - ONLY=<file>[,<file>] limits the run to some templates (file names as in workflows/).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { loadTemplate, OWNER, REPO_ROOT } from './harness';
import { templateFiles } from './harness/demoTemplates';
import { N8nApi } from './harness/n8nApi';
import { startStack, type Stack } from './harness/stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1920, height: 1080 };
/** Heights the viewport may take so that a tall workflow fills the width (readable labels) instead of shrinking. */
const MIN_HEIGHT = 900;
const MAX_HEIGHT = 2200;

/** Runs in the page: the canvas pane and the union of the workflow's nodes (sticky notes included), in CSS px. */
const MEASURE = `(() => {
	const pane = document.querySelector('.vue-flow')?.getBoundingClientRect();
	const rects = [...document.querySelectorAll('.vue-flow__node')].map((n) => n.getBoundingClientRect());
	if (!pane || !rects.length) return null;
	const box = {
		left: Math.min(...rects.map((r) => r.left)),
		top: Math.min(...rects.map((r) => r.top)),
		right: Math.max(...rects.map((r) => r.right)),
		bottom: Math.max(...rects.map((r) => r.bottom)),
	};
	const outside = rects.filter((r) => r.right < pane.left || r.bottom < pane.top || r.left > pane.right || r.top > pane.bottom).length;
	return { pane: { width: pane.width, height: pane.height }, box: { width: box.right - box.left, height: box.bottom - box.top }, outside };
})()`;

interface Measure {
	pane: { width: number; height: number };
	box: { width: number; height: number };
	outside: number;
}

/** docs/screenshots name of a template's canvas (the status page's own name is its rendered page's). */
export function canvasScreenshotName(file: string): string {
	const base = file.replace(/\.json$/, '');
	return base === 'sync-status-page' ? `${base}-canvas.png` : `${base}.png`;
}

function ensureChromium(): void {
	if (fs.existsSync(CHROMIUM)) return;
	console.log('Installing chromium from Debian packages (apt-get)...');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** Hides what is not the workflow: toasts, the logs panel, floating help; then fits the whole workflow. */
async function fitCanvas(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.addStyleTag({
		content: [
			'.el-notification, .el-message, [data-test-id="ask-assistant-floating-button"] { display: none !important; }',
			'[data-test-id="canvas-chat-button"], [data-test-id="logs-overview-header"] { display: none !important; }',
		].join('\n'),
	});
	const fit = page.locator('[data-test-id="zoom-to-fit"]').first();
	if (await fit.isVisible().catch(() => false)) await fit.click();
	else {
		await page.locator('.vue-flow__pane').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
		await page.keyboard.press('1');
	}
	// Let the fit animation end, then move the pointer off the nodes (no hover toolbars).
	await page.mouse.move(2, (page.viewportSize()?.height ?? VIEWPORT.height) - 2);
	await page.waitForTimeout(1200);
}

/** The viewport height at which the fitted workflow uses the full width (clamped), from a first fit. */
async function heightForWorkflow(page: Page): Promise<number> {
	const m = (await page.evaluate(MEASURE)) as Measure | null;
	if (!m || !m.box.width) return VIEWPORT.height;
	const chrome = VIEWPORT.height - m.pane.height;
	const wanted = Math.ceil(m.pane.width * (m.box.height / m.box.width) * 1.08 + chrome);
	return Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, wanted));
}

/** Fails loudly when the page is not the canvas of the workflow we asked for. */
async function checkCanvas(page: Page, expectedName: string): Promise<void> {
	if (page.url().includes('/signin')) throw new Error(`Landed on the sign-in page instead of "${expectedName}"`);
	const errors = await page.locator('.el-notification--error, .el-notification.error').count();
	if (errors) throw new Error(`An error toast is shown on "${expectedName}"`);
	const nodes = await page.locator('.vue-flow__node').count();
	if (nodes < 2) throw new Error(`"${expectedName}" shows ${nodes} node(s) on the canvas`);
	const hidden = ((await page.evaluate(MEASURE)) as Measure | null)?.outside ?? 0;
	if (hidden) throw new Error(`${hidden} node(s) of "${expectedName}" are outside the view after zoom to fit`);
}

async function main(): Promise<void> {
	ensureChromium();
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const only = process.env.ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
	const files = templateFiles().filter((f) => !only || only.includes(f));
	let stack: Stack | undefined;
	let baseUrl = process.env.N8N_URL?.replace(/\/$/, '');
	const workflows: Array<{ id: string; file: string; name: string }> = [];
	try {
		if (baseUrl) {
			const api = new N8nApi(baseUrl);
			await api.login();
			const list = await api.rest<Array<{ id: string; name: string }>>('GET', '/workflows');
			for (const file of files) {
				const name = loadTemplate(file).name;
				const found = list.find((w) => w.name === name);
				if (!found) throw new Error(`No workflow named "${name}" (${file}) in ${baseUrl}`);
				workflows.push({ id: found.id, file, name });
			}
		} else {
			stack = await startStack({ allTemplates: true, log: (m) => console.log(m) });
			baseUrl = stack.n8n.baseUrl;
			for (const d of stack.demoWorkflows ?? [])
				if (files.includes(d.file)) workflows.push({ id: d.id, file: d.file, name: d.name });
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
			const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
			await page.goto(`${baseUrl}/signin`);
			await page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first()
				.fill(OWNER.email);
			await page.locator('input[type="password"]').first().fill(OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 60_000 });
			for (const wf of workflows) {
				await page.goto(`${baseUrl}/workflow/${wf.id}`);
				await page.locator('.vue-flow__node').first().waitFor({ timeout: 60_000 });
				await page.waitForLoadState('networkidle').catch(() => {});
				await page.setViewportSize(VIEWPORT);
				await fitCanvas(page);
				const height = await heightForWorkflow(page);
				if (height !== VIEWPORT.height) {
					await page.setViewportSize({ width: VIEWPORT.width, height });
					await fitCanvas(page);
				}
				await checkCanvas(page, wf.name);
				const file = path.join(OUT_DIR, canvasScreenshotName(wf.file));
				await page.screenshot({ path: file });
				console.log(`wrote ${path.relative(REPO_ROOT, file)} (${wf.name})`);
			}
		} finally {
			await browser.close();
		}
	} finally {
		await stack?.stop();
	}
}

if (require.main === module)
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
