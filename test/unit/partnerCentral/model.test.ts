import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { RESOURCES } from '../../../nodes/AwsPartnerCentral/actions/router';
import { OPERATIONS } from '../../../nodes/shared/partnerCentral/operations';

/**
 * Checks the node against the official AWS service model (read in place from ../shared/specs, never copied):
 * every named field fills a member that exists in the operation's request, list result keys and page sizes
 * match, and the ClientToken operations are the idempotency-token operations of the model.
 */
const MODEL_PATH = join(__dirname, '../../../../shared/specs/partnercentral-selling/service-2.json');
const available = existsSync(MODEL_PATH);
if (!available) console.log(`Skipping the AWS model checks: ${MODEL_PATH} is not present.`);

type Shape = {
	type: string;
	members?: Record<string, { shape: string; idempotencyToken?: boolean }>;
	member?: { shape: string };
	max?: number;
};
type Model = {
	operations: Record<string, { input: { shape: string }; output: { shape: string } }>;
	shapes: Record<string, Shape>;
};

(available ? describe : describe.skip)('node vs the AWS service model', () => {
	const model = (available ? JSON.parse(readFileSync(MODEL_PATH, 'utf8')) : { operations: {}, shapes: {} }) as Model;

	function resolve(shapeName: string, path: string[]): boolean {
		let shape = model.shapes[shapeName];
		for (const part of path) {
			while (shape?.type === 'list') shape = model.shapes[shape.member!.shape];
			const member = shape?.members?.[part];
			if (!member) return false;
			shape = model.shapes[member.shape];
		}
		return true;
	}

	it('every named field fills a member of its request', () => {
		const missing: string[] = [];
		let checked = 0;
		expect(resolve('CreateOpportunityRequest', ['Customer', 'Account', 'NoSuchMember'])).toBe(false);
		for (const [resource, module] of Object.entries(RESOURCES)) {
			for (const [operation, paths] of Object.entries(module.requestPaths ?? {})) {
				const sdk = module.sdkOperations[operation];
				const input = model.operations[sdk].input.shape;
				for (const path of paths) {
					const real = path.startsWith('__spend.')
						? ['Project', 'ExpectedCustomerSpend', path.split('.')[1]]
						: path.split('.');
					checked++;
					if (!resolve(input, real)) missing.push(`${resource}.${operation} -> ${sdk}.${path}`);
				}
			}
		}
		expect(missing).toEqual([]);
		expect(checked).toBeGreaterThan(100);
	});

	it('list result keys and largest page sizes match the model', () => {
		for (const [op, info] of Object.entries(OPERATIONS)) {
			if (!info.list) continue;
			const out = model.shapes[model.operations[op].output.shape];
			expect(out.members?.[info.list.resultKey]).toBeDefined();
			const input = model.shapes[model.operations[op].input.shape];
			expect(model.shapes[input.members!.MaxResults.shape].max).toBe(info.list.maxPageSize);
		}
	});

	it('the ClientToken operations are exactly the model idempotency-token operations', () => {
		const modelTokenOps = Object.keys(model.operations).filter((op) =>
			Object.values(model.shapes[model.operations[op].input.shape].members ?? {}).some((m) => m.idempotencyToken),
		);
		const ours = Object.keys(OPERATIONS).filter((op) => OPERATIONS[op].clientToken);
		expect(ours.sort()).toEqual(modelTokenOps.sort());
		const noCatalog = Object.keys(model.operations).filter(
			(op) => !model.shapes[model.operations[op].input.shape].members?.Catalog,
		);
		expect(
			Object.keys(OPERATIONS)
				.filter((op) => OPERATIONS[op].noCatalog)
				.sort(),
		).toEqual(noCatalog.sort());
	});
});
