import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { PartnerCentralMapper } from '../../../nodes/PartnerCentralMapper/PartnerCentralMapper.node';
import { DEFAULT_MAPPER_CONFIG, dealToOpportunity, parseMapperConfig } from '../../../nodes/shared/mapping';

import { asOpportunity, NOW, testConfig, validBundle } from './helpers/fixtures';

type Param = unknown | ((itemIndex: number) => unknown);

/** A fake execution context: parameters by name (functions receive the item index, like expressions). */
function context(items: INodeExecutionData[], params: Record<string, Param>, opts: { continueOnFail?: boolean; type?: string } = {}): IExecuteFunctions {
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const p = params[name];
			if (p === undefined) return fallback;
			return typeof p === 'function' ? (p as (i: number) => unknown)(itemIndex) : p;
		},
		getNode: () => ({ id: '1', name: 'Partner Central Mapper', type: opts.type ?? 'n8n-nodes-aws-partner-central.partnerCentralMapper', typeVersion: 1, position: [0, 0], parameters: {} }),
		continueOnFail: () => opts.continueOnFail ?? false,
	} as unknown as IExecuteFunctions;
}

const settings = {
	defaults: { deliveryModels: ['SaaS or PaaS'], customerUseCase: 'Migration/Database Migration' },
	options: { catalog: 'Sandbox' },
};

describe('Partner Central Mapper node', () => {
	const node = new PartnerCentralMapper();

	it('has two outputs named Valid and Invalid', () => {
		expect(node.description.outputs).toHaveLength(2);
		expect(node.description.outputNames).toEqual(['Valid', 'Invalid']);
	});

	it('routes items to Valid and Invalid with pairedItem, never throwing on bad data', async () => {
		const good = validBundle();
		const bad = validBundle({ company: { country: 'Narnia' } });
		const items = [{ json: good as never }, { json: bad as never }, { json: { nothing: true } }];
		const ctx = context(items, { operation: 'dealToOpportunity', bundle: (i: number) => items[i].json, ...settings });
		const [valid, invalid] = await node.execute.call(ctx);
		expect(valid.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(invalid.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(valid[0].json).toMatchObject({ dealId: '1234', valid: true, request: { Catalog: 'Sandbox', Project: { Title: 'Acme Cloud Migration' } } });
		expect(invalid[0].json).toMatchObject({ valid: false, errors: [{ field: 'Customer.Account.Address.CountryCode', hubspotField: 'company.country' }] });
		expect(String(invalid[0].json.noteBody)).toContain('Narnia');
	});

	it('reads JSON text parameters and reports unreadable ones on Invalid', async () => {
		const ctx = context([{ json: {} }, { json: {} }], { operation: 'dealToOpportunity', bundle: (i: number) => (i === 0 ? JSON.stringify(validBundle()) : '{not json'), ...settings });
		const [valid, invalid] = await node.execute.call(ctx);
		expect(valid).toHaveLength(1);
		expect(invalid[0].json).toMatchObject({ valid: false, errors: [{ code: 'invalid_json' }] });
	});

	it('runs the update, reverse, referral and submission operations', async () => {
		const request = dealToOpportunity(validBundle(), testConfig(), { now: NOW }).request;
		const opportunity = asOpportunity(request);
		const items = [{ json: { bundle: validBundle({ deal: { amount: '240000' } }), opportunity } as never }];
		const run = async (params: Record<string, Param>) => node.execute.call(context(items, { ...settings, ...params }));

		const [updated] = await run({ operation: 'dealToUpdate', bundle: validBundle({ deal: { amount: '240000' } }), opportunity });
		expect(updated[0].json).toMatchObject({ changed: true, changedFields: ['Project.ExpectedCustomerSpend.Amount'], request: { Identifier: 'O1234567' } });

		const [deal] = await run({ operation: 'opportunityToDeal', opportunity, summary: '' });
		expect(deal[0].json).toMatchObject({ deal: { properties: { aws_opportunity_id: 'O1234567', dealstage: 'qualifiedtobuy' } } });

		const [, notReady] = await run({ operation: 'validateSubmission', source: 'opportunity', opportunity });
		expect(notReady[0].json).toMatchObject({ valid: false, errors: [{ field: 'RelatedEntityIdentifiers.Solutions' }] });
		const [ready] = await run({ operation: 'validateSubmission', source: 'deal', bundle: validBundle({ deal: { aws_solution_ids: 'S-1234567' } }) });
		expect(ready[0].json).toMatchObject({ valid: true, solutionIds: ['S-1234567'] });

		const [referral] = await run({
			operation: 'referralToDeal',
			invitation: { Id: 'engi-1', Status: 'PENDING', Payload: { LeadInvitation: { Customer: { CompanyName: 'Initech' }, Interaction: { Usecase: 'ERP migration' } } } },
		});
		expect(referral[0].json).toMatchObject({ invitationId: 'engi-1', deal: { properties: { aws_invitation_id: 'engi-1' } } });
	});

	it('stops on its own bad settings (unless continue on fail)', async () => {
		const bad = { operation: 'dealToOpportunity', bundle: validBundle(), stageMaps: { pipeline: [{ pipelineId: 'x', stages: { stage: [{ hubspotStage: 'a', awsStage: 'Nope' }] } }] } };
		await expect(node.execute.call(context([{ json: {} }], bad))).rejects.toThrow('not a Partner Central stage');
		const [, invalid] = await node.execute.call(context([{ json: {} }], bad, { continueOnFail: true }));
		expect(invalid[0]).toMatchObject({ json: { valid: false }, pairedItem: { item: 0 } });
	});

	it('as an AI tool, hands every result to the first output', async () => {
		const ctx = context([{ json: {} }], { operation: 'dealToOpportunity', bundle: validBundle({ company: null }) }, { type: 'n8n-nodes-aws-partner-central.partnerCentralMapperTool' });
		const [first, second] = await node.execute.call(ctx);
		expect(first[0].json.valid).toBe(false);
		expect(second).toEqual([]);
	});

	it('UI defaults equal the library defaults', () => {
		const props = node.description.properties;
		const collectDefaults = (name: string) =>
			Object.fromEntries(((props.find((p) => p.name === name)?.options ?? []) as INodeProperties[]).map((o) => [o.name, o.default]));
		const { config } = parseMapperConfig({
			titleTag: props.find((p) => p.name === 'titleTag')?.default,
			amountMonths: props.find((p) => p.name === 'amountMonths')?.default,
			defaults: collectDefaults('defaults'),
			propertyNames: collectDefaults('propertyNames'),
			...collectDefaults('currency'),
			...collectDefaults('options'),
			conversionRates: {},
			industryOverrides: {},
		});
		expect(config).toEqual(DEFAULT_MAPPER_CONFIG);
	});
});
