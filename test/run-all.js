#!/usr/bin/env node
// `npm test`: builds the package (the end-to-end tests install the packed build into real n8n), type-checks the
// tests, runs the unit project (pure functions, nodes, simulators; in parallel) and then the e2e project (real n8n;
// in band, one n8n at a time on this machine; queue mode included), and ends with the plain line
// "N passed, N failed, N skipped" summed over both.
// Extra arguments run one jest invocation with them instead, e.g. `npm test -- --selectProjects unit`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const jestBin = require.resolve('jest/bin/jest');

function run(cmd, args, env = process.env) {
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
	return r.status === null ? 1 : r.status;
}

function jest(args, env = process.env) {
	const report = path.join(os.tmpdir(), `pc-jest-${process.pid}-${Date.now()}.json`);
	const status = run(process.execPath, [jestBin, '--json', `--outputFile=${report}`, ...args], env);
	try {
		const r = JSON.parse(fs.readFileSync(report, 'utf8'));
		fs.unlinkSync(report);
		return {
			status,
			passed: r.numPassedTests,
			failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0),
			skipped: r.numPendingTests + (r.numTodoTests || 0),
		};
	} catch {
		return { status, passed: 0, failed: 1, skipped: 0 };
	}
}

if (run(npm, ['run', 'build']) !== 0) {
	console.log('build failed');
	console.log('0 passed, 1 failed');
	process.exit(1);
}

// The tests are type-checked too (jest transpiles them without checking types).
if (run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.test.json', '--noEmit']) !== 0) {
	console.log('type check of the tests failed');
	console.log('0 passed, 1 failed');
	process.exit(1);
}

const extra = process.argv.slice(2);
// Queue mode (PostgreSQL + Redis from Debian's packages, main + 2 workers) is part of the e2e run; PC_QUEUE=0 skips it.
const e2eEnv = { ...process.env, PC_QUEUE: process.env.PC_QUEUE ?? '1' };
const runs = extra.length
	? [jest(extra)]
	: [jest(['--selectProjects', 'unit']), jest(['--selectProjects', 'e2e', '--runInBand'], e2eEnv)];

const total = runs.reduce(
	(t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
	{ passed: 0, failed: 0, skipped: 0 },
);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(runs.some((r) => r.status !== 0) || total.failed > 0 ? 1 : 0);
