/**
 * Installs this package into an n8n user folder the way n8n's own community-package install does: `npm pack`, extract
 * into `<userFolder>/.n8n/nodes/node_modules/<name>`, strip dev/peer/optional dependencies from its package.json,
 * then `npm install` its runtime dependencies with lifecycle scripts off. n8n loads it from there with node types
 * named `<package name>.<node name>` (never `CUSTOM.*`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { runLogged } from './runtime';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PACKAGE_NAME: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(dir: string, filter: (f: string) => boolean): number {
	let newest = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
		else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** Builds dist/ when it is missing or older than the sources (npm test builds first; running e2e alone may not). */
export function ensureBuilt(log: (msg: string) => void = () => {}): void {
	const src = Math.max(
		newestMtime(path.join(REPO_ROOT, 'nodes'), () => true),
		newestMtime(path.join(REPO_ROOT, 'credentials'), () => true),
		fs.statSync(path.join(REPO_ROOT, 'package.json')).mtimeMs,
	);
	const built = newestMtime(path.join(REPO_ROOT, 'dist'), () => true);
	if (built >= src && built > 0) return;
	log('dist/ is missing or stale: running npm run build');
	const r = spawnSync(npm, ['run', 'build'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

let prepared: { dir: string; key: string } | undefined;

/** Files package.json names that the build did not produce (empty once every node exists). */
export const missingFiles: string[] = [];

/**
 * Packs the package and installs it with its runtime dependencies once per process into a staging folder;
 * `installPackageInto` then copies that staging folder into each user folder.
 */
export async function preparePackage(log: (msg: string) => void = () => {}): Promise<string> {
	ensureBuilt(log);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-pack-'));
	const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const tgz = path.join(work, JSON.parse(out)[0].filename as string);
	const key = crypto.createHash('sha256').update(fs.readFileSync(tgz)).digest('hex').slice(0, 16);
	if (prepared?.key === key && fs.existsSync(prepared.dir)) {
		fs.rmSync(work, { recursive: true, force: true });
		return prepared.dir;
	}
	execFileSync('tar', ['-xzf', tgz, '-C', work]);
	const pkgDir = path.join(work, 'package');
	const pkgJsonPath = path.join(pkgDir, 'package.json');
	const pkgJson = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
	// What n8n's community-packages service does before installing: no dev/peer/optional dependencies.
	delete pkgJson.devDependencies;
	delete pkgJson.peerDependencies;
	delete pkgJson.optionalDependencies;
	// While nodes are still being written, the package lists files that are not built yet; n8n refuses a package
	// with a missing file, so the staged copy lists only what exists (said loudly; a complete build loses nothing).
	for (const list of ['nodes', 'credentials'] as const) {
		const files: string[] = pkgJson.n8n?.[list] ?? [];
		const missing = files.filter((f) => !fs.existsSync(path.join(pkgDir, f)));
		if (missing.length) {
			log(`WARNING: package.json n8n.${list} names files that are not built: ${missing.join(', ')} (left out)`);
			pkgJson.n8n[list] = files.filter((f) => !missing.includes(f));
			missingFiles.push(...missing);
		}
	}
	fs.writeFileSync(pkgJsonPath, JSON.stringify(pkgJson, null, 2));
	await runLogged(
		npm,
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--omit=dev',
			'--prefer-offline',
			'--loglevel=error',
		],
		{
			cwd: pkgDir,
			log: path.join(work, 'npm-install.log'),
			timeoutMs: 15 * 60 * 1000,
		},
	);
	prepared = { dir: pkgDir, key };
	return pkgDir;
}

/** Copies the prepared package into `<userFolder>/.n8n/nodes/node_modules/<name>` and records it as a dependency. */
export function installPackageInto(userFolder: string, preparedDir: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(preparedDir, target, { recursive: true });
	const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: version },
			},
			null,
			2,
		),
	);
	return target;
}
