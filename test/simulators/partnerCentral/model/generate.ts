/**
 * Regenerates constraints.ts from the official service model.
 * Run from the repository root: npx ts-node --transpile-only test/simulators/partnerCentral/model/generate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildConstraintTable, MODEL_RELATIVE_PATH, renderConstraintTable, type ServiceModel } from './build';

const repoRoot = resolve(__dirname, '../../../..');
const modelPath = resolve(repoRoot, MODEL_RELATIVE_PATH);
const model = JSON.parse(readFileSync(modelPath, 'utf8')) as ServiceModel & { metadata?: { uid?: string } };
const table = buildConstraintTable(model);
const out = join(__dirname, 'constraints.ts');
writeFileSync(out, renderConstraintTable(table, `service-2.json, ${model.metadata?.uid ?? 'partnercentral-selling'}`));
console.log(`wrote ${out}: ${Object.keys(table.operations).length} operations, ${Object.keys(table.shapes).length} shapes`);
