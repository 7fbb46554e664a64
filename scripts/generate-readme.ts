/** Rewrites the generated sections of README.md. Run: npx ts-node --transpile-only scripts/generate-readme.ts */
import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';

import { applySections } from './readmeSections';

const target = resolve(__dirname, '..', 'README.md');
writeFileSync(target, applySections(readFileSync(target, 'utf8')));
console.log(`wrote ${target}`);
