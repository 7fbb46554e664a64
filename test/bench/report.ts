/** Printing a benchmark's table and writing its JSON result (test/bench/results/<name>.json). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_VERSION } from '../e2e/harness/runtime';

export const RESULTS_DIR = path.join(__dirname, 'results');

export interface Row {
	metric: string;
	value: string | number;
	target?: string;
	met?: boolean;
}

export function machine(): Record<string, unknown> {
	return {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 1024 ** 3),
		platform: `${os.platform()} ${os.release()}`,
		node: process.version,
		n8n: N8N_VERSION,
	};
}

export function printTable(title: string, rows: Row[]): void {
	const cells = rows.map((r) => [r.metric, String(r.value), r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'NOT met']);
	const head = ['metric', 'value', 'target', ''];
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
	console.log(`\n${title}`);
	console.log(line(head));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const c of cells) console.log(line(c));
}

export function writeResult(name: string, command: string, result: unknown, rows: Row[]): string {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const file = path.join(RESULTS_DIR, `${name}.json`);
	const body = { name, command, finishedAt: new Date().toISOString(), machine: machine(), table: rows, result };
	fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
	return file;
}
