import { readFileSync } from 'fs';
import { resolve } from 'path';

import { applySections } from '../../../scripts/readmeSections';

describe('README generated sections', () => {
	it('match the mapping and field-ownership tables (run scripts/generate-readme.ts after changing them)', () => {
		const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
		expect(applySections(readme)).toBe(readme);
	});

	it('open with the two commands, and .ci/run runs exactly the README test command', () => {
		const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
		const firstBlock = readme.slice(readme.indexOf('```'), readme.indexOf('```', readme.indexOf('```') + 3));
		expect(firstBlock).toContain('npm start');
		expect(firstBlock).toContain('npm test');
		const ci = readFileSync(resolve(__dirname, '../../../.ci/run'), 'utf8');
		expect(ci.split('\n').map((l) => l.trim())).toContain('npm test');
	});
});
