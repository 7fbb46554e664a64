import { readFileSync } from 'fs';
import { resolve } from 'path';

import { renderMappingDocs } from '../../../scripts/mappingDocs';
import { HUBSPOT_INDUSTRIES } from '../../../nodes/shared/mapping/tables/industries';

describe('docs/mapping.md', () => {
	it('is generated from the current tables (run scripts/generate-mapping-docs.ts after changing them)', () => {
		const onDisk = readFileSync(resolve(__dirname, '../../../docs/mapping.md'), 'utf8');
		expect(onDisk).toBe(renderMappingDocs());
	});
	it('lists every industry row', () => {
		const doc = renderMappingDocs();
		for (const [value] of HUBSPOT_INDUSTRIES) expect(doc).toContain(`| ${value} |`);
	});
});
