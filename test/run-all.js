#!/usr/bin/env node
// `npm test`: builds the package (the end-to-end tests install the packed build into real n8n), then runs every
// jest project (unit, simulators, end-to-end) and ends with the plain line "N passed, N failed[, N skipped]".
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
	return r.status === null ? 1 : r.status;
}

if (run(npm, ['run', 'build']) !== 0) {
	console.log('build failed');
	console.log('0 passed, 1 failed');
	process.exit(1);
}

const report = path.join(os.tmpdir(), `pc-jest-${process.pid}.json`);
const jestBin = require.resolve('jest/bin/jest');
const status = run(process.execPath, [jestBin, '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
	const r = JSON.parse(fs.readFileSync(report, 'utf8'));
	passed = r.numPassedTests;
	failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
	skipped = r.numPendingTests + (r.numTodoTests || 0);
	fs.unlinkSync(report);
} catch {
	failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
