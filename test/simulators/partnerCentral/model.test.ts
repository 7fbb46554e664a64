/**
 * The checked-in constraint table (model/constraints.ts) must equal what the generator derives from the official
 * service model, shape by shape. Skipped with a notice when ../shared (the model) is not available.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildConstraintTable, MODEL_RELATIVE_PATH, type ServiceModel } from './model/build';
import { CONSTRAINTS } from './model/constraints';
import { modelPatternToRegExp, validateRequest } from './validation';

const modelPath = resolve(__dirname, '../../..', MODEL_RELATIVE_PATH);
const available = existsSync(modelPath);
if (!available) console.log(`model.test: ${modelPath} not found; skipping the comparison with the official model`);
const describeIfModel = available ? describe : describe.skip;

describeIfModel('constraint table is derived from the official model', () => {
	const model = available ? (JSON.parse(readFileSync(modelPath, 'utf8')) as ServiceModel) : { operations: {}, shapes: {} };
	const regenerated = buildConstraintTable(model);

	it('has the same 45 operations and input shapes', () => {
		expect(Object.keys(regenerated.operations)).toHaveLength(45);
		expect(CONSTRAINTS.operations).toEqual(regenerated.operations);
	});

	it('has the same set of shapes', () => {
		expect(Object.keys(CONSTRAINTS.shapes).sort()).toEqual(Object.keys(regenerated.shapes).sort());
	});

	it.each(Object.keys(regenerated.shapes))('shape %s matches the model', (name) => {
		expect(CONSTRAINTS.shapes[name]).toEqual(regenerated.shapes[name]);
	});
});

describe('model patterns become anchored JS regular expressions', () => {
	it('every pattern compiles with the u flag; (?s) becomes the s flag', () => {
		const patterns = Object.values(CONSTRAINTS.shapes).flatMap((s) => (s.type === 'string' && s.pattern ? [s.pattern] : []));
		expect(patterns.length).toBeGreaterThan(50);
		for (const p of patterns) expect(modelPatternToRegExp(p).flags).toContain('u');
		expect(modelPatternToRegExp('(?s).{0,120}').flags).toBe('su');
		expect(modelPatternToRegExp('(?s).{0,5}').test('a\nb')).toBe(true);
		expect(modelPatternToRegExp('O[0-9]{1,19}').test('xO123')).toBe(false);
	});

	it('validates required members, enums, lengths, patterns, list sizes, nested structures and unions', () => {
		const errors = validateRequest('CreateOpportunity', {
			Catalog: 'AWS',
			Customer: { Account: { Industry: 'Space', WebsiteUrl: 'ab', Duns: '12' } },
			Project: { CustomerBusinessProblem: 'too short' },
			OpportunityTeam: Array.from({ length: 11 }, () => ({ Email: 'a@b.example' })),
		});
		const byField = Object.fromEntries(errors.map((e) => [e.FieldName, e.Code]));
		expect(byField).toMatchObject({
			ClientToken: 'REQUIRED_FIELD_MISSING',
			'Customer.Account.CompanyName': 'REQUIRED_FIELD_MISSING',
			'Customer.Account.Industry': 'INVALID_ENUM_VALUE',
			'Customer.Account.WebsiteUrl': 'INVALID_STRING_FORMAT',
			'Customer.Account.Duns': 'INVALID_STRING_FORMAT',
			'Project.CustomerBusinessProblem': 'INVALID_STRING_FORMAT',
			OpportunityTeam: 'TOO_MANY_VALUES',
		});
		const union = validateRequest('CreateEngagementContext', {
			Catalog: 'AWS',
			ClientToken: 't',
			EngagementIdentifier: 'eng-abcdefghijklmn',
			Type: 'Lead',
			Payload: {},
		});
		expect(union.map((e) => e.FieldName)).toContain('Payload');
	});
});
