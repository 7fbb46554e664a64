/**
 * Smoke test of the harness: the packed package installed into `.n8n/nodes` loads in real n8n under its package
 * name (never CUSTOM.*), the owner and API key bootstrap works, and n8n survives a restart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8N_VERSION, PACKAGE_NAME, REPO_ROOT, packageNodeTypes, startN8n, type N8nEnvironment } from './harness';

jest.setTimeout(30 * 60 * 1000); // a cold install of the n8n runtime on a fresh machine happens in the first suite

const declaredNodes: string[] = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).n8n.nodes;

describe(`n8n ${N8N_VERSION} with the packed package`, () => {
	let env: N8nEnvironment;

	beforeAll(async () => {
		env = await startN8n({ log: (m) => console.log(m) });
	});

	afterAll(async () => {
		await env?.stop();
	});

	it('loads every built node as a community package type, none as CUSTOM', async () => {
		const loaded = await packageNodeTypes(env.api);
		// The names the built node classes declare (nodes other helpers have not built yet are simply absent).
		const built: string[] = [];
		for (const f of declaredNodes.filter((file) => fs.existsSync(path.join(REPO_ROOT, file)))) {
			const mod = (await import(path.join(REPO_ROOT, f))) as Record<
				string,
				new () => { description: { name: string } }
			>;
			built.push(new mod[path.basename(f, '.node.js')]().description.name);
		}
		expect(built.length).toBeGreaterThan(0);
		const all = (await env.api.nodeTypes()).map((t) => t.name);
		expect(all.filter((n) => n.startsWith('CUSTOM.'))).toEqual([]);
		for (const name of built) expect(loaded).toContain(`${PACKAGE_NAME}.${name}`);
		const installed = path.join(env.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json');
		const pkg = JSON.parse(fs.readFileSync(installed, 'utf8'));
		expect(pkg.devDependencies).toBeUndefined();
		expect(pkg.peerDependencies).toBeUndefined();
	});

	it('keeps the owner, API key and node types across a restart', async () => {
		await env.restart();
		expect(await packageNodeTypes(env.api)).not.toEqual([]);
		const creds = await env.api.pub<{ data: unknown[] }>('GET', '/workflows');
		expect(Array.isArray(creds.data)).toBe(true);
	});
});
