/** Writes docs/mapping.md from the mapping tables. Run: npx ts-node --transpile-only scripts/generate-mapping-docs.ts */
import { writeFileSync } from 'fs';
import { resolve } from 'path';

import { renderMappingDocs } from './mappingDocs';

const target = resolve(__dirname, '..', 'docs', 'mapping.md');
writeFileSync(target, renderMappingDocs());
console.log(`wrote ${target}`);
