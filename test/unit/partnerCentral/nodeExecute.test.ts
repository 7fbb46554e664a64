import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { AwsPartnerCentral } from '../../../nodes/AwsPartnerCentral/AwsPartnerCentral.node';
import { resolveClientToken } from '../../../nodes/shared/partnerCentral/clientTokens';
import { awsError, startAwsJsonServer, type AwsJsonServer } from './helpers/awsJsonServer';
import { createExecuteContext } from './helpers/fakeContext';
import { localCredentials, resetPartnerCentralCaches, useFastTiming } from './helpers/setup';

/** For promises that must reject: fail loudly when they resolve. */
function unexpected(): never {
	throw new Error('expected the node to fail');
}

/** The node's execute() with a fake n8n context, over the real SDK client, against a scripted endpoint. */
describe('AWS Partner Central node execute()', () => {
	let server: AwsJsonServer;
	let restore: () => void;
	const node = new AwsPartnerCentral();

	beforeAll(async () => {
		restore = useFastTiming();
		server = await startAwsJsonServer(() => ({ body: {} }));
	});
	afterAll(async () => {
		restore();
		await server.close();
	});
	beforeEach(() => {
		resetPartnerCentralCaches();
		server.requests.length = 0;
	});

	const run = async (parameters: IDataObject, extra: Partial<Parameters<typeof createExecuteContext>[0]> = {}) =>
		await node.execute.call(createExecuteContext({ parameters, credentials: localCredentials(server.url), ...extra }));

	it('builds the nested request from named fields, merges Additional Fields (JSON) and pairs items', async () => {
		server.setHandler(() => ({ body: { Id: 'O100', LastModifiedDate: '2026-01-01T00:00:00Z' } }));
		const out = await run({
			resource: 'opportunity',
			operation: 'create',
			catalog: 'AWS',
			options: {
				customerCompanyName: 'Acme',
				industry: 'Retail',
				countryCode: 'GB',
				title: 'Data lake',
				deliveryModels: ['SaaS or PaaS'],
				expectedMonthlyAwsSpend: '2500',
				spendCurrency: 'EUR',
				partnerOpportunityIdentifier: 'deal-7',
				stage: '',
			},
			additionalFieldsJson: '{"Project": {"CustomerUseCase": "Database"}, "Origin": "Partner Referral"}',
		});
		expect(out[0]).toEqual([
			{ json: { Id: 'O100', LastModifiedDate: '2026-01-01T00:00:00.000Z' }, pairedItem: { item: 0 } },
		]);
		const body = server.requests[0].body;
		const expectedWithoutToken = {
			Catalog: 'AWS',
			Customer: { Account: { CompanyName: 'Acme', Industry: 'Retail', Address: { CountryCode: 'GB' } } },
			Project: {
				Title: 'Data lake',
				DeliveryModels: ['SaaS or PaaS'],
				CustomerUseCase: 'Database',
				ExpectedCustomerSpend: [{ Amount: '2500', CurrencyCode: 'EUR', Frequency: 'Monthly', TargetCompany: 'AWS' }],
			},
			PartnerOpportunityIdentifier: 'deal-7',
			Origin: 'Partner Referral',
		};
		expect(body).toEqual({ ...expectedWithoutToken, ClientToken: expect.any(String) });
		expect(body.ClientToken).toBe(resolveClientToken('CreateOpportunity', expectedWithoutToken));
	});

	it('sends the same deterministic ClientToken on a re-run and a new one in random mode', async () => {
		server.setHandler(() => ({ body: { Id: 'O100' } }));
		const params = {
			resource: 'engagementTask',
			operation: 'startFromOpportunity',
			opportunityId: 'O100',
			involvementType: 'Co-Sell',
			idempotencyKey: 'deal-7',
		};
		await run(params);
		await run(params);
		await run({ ...params, clientTokenMode: 'random' });
		const tokens = server.requests.map((r) => r.body.ClientToken);
		expect(tokens[0]).toBe(tokens[1]);
		expect(tokens[2]).not.toBe(tokens[0]);
		expect(server.requests[0].body).toMatchObject({
			Catalog: 'Sandbox',
			Identifier: 'O100',
			AwsSubmission: { InvolvementType: 'Co-Sell' },
		});
	});

	it('lists with Return All or Limit, one item per result', async () => {
		const all = Array.from({ length: 5 }, (_, i) => ({ Id: `O${i}` }));
		server.setHandler((_op, body) => {
			const start = Number(body.NextToken ?? 0);
			const size = Math.min(Number(body.MaxResults), 2);
			const next = start + size < all.length ? String(start + size) : undefined;
			return { body: { OpportunitySummaries: all.slice(start, start + size), ...(next ? { NextToken: next } : {}) } };
		});
		const everything = await run({ resource: 'opportunity', operation: 'list', returnAll: true });
		expect(everything[0].map((i) => i.json.Id)).toEqual(['O0', 'O1', 'O2', 'O3', 'O4']);
		expect(everything[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const three = await run({
			resource: 'opportunity',
			operation: 'list',
			returnAll: false,
			limit: 3,
			options: { stages: ['Qualified'], sortOrder: 'ASCENDING' },
		});
		expect(three[0].map((i) => i.json.Id)).toEqual(['O0', 'O1', 'O2']);
		const firstListRequest = server.requests.find((r) => r.body.LifeCycleStage)!;
		expect(firstListRequest.body).toMatchObject({
			LifeCycleStage: ['Qualified'],
			Sort: { SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' },
		});
	});

	describe('Opportunity > Update', () => {
		let stored: IDataObject;
		beforeEach(() => {
			stored = {
				Catalog: 'Sandbox',
				Id: 'O200',
				LastModifiedDate: '2026-01-01T00:00:00.000Z',
				Project: { Title: 'Old title', CustomerBusinessProblem: 'A problem that is long enough.' },
				LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Approved', NextSteps: 'old' },
			};
			server.setHandler((op, body) => {
				if (op === 'GetOpportunity') return { body: stored };
				if (op === 'UpdateOpportunity') {
					if (body.LastModifiedDate !== stored.LastModifiedDate) return awsError('ConflictException', 'stale');
					stored = { ...stored, ...body, Id: 'O200', LastModifiedDate: '2026-01-02T00:00:00.000Z' };
					return { body: { Id: 'O200', LastModifiedDate: stored.LastModifiedDate } };
				}
				return awsError('ValidationException', 'unexpected');
			});
		});

		it('refuses frozen fields by default with the field names and the item index', async () => {
			const error = await run(
				{ resource: 'opportunity', operation: 'update', opportunityId: 'O200', options: { title: 'New' } },
				{ items: [{ json: {} }] },
			).then(unexpected, (e: unknown) => e as NodeOperationError);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Project\.Title/);
			expect(error.context.itemIndex).toBe(0);
			expect(server.requests.map((r) => r.operation)).toEqual(['GetOpportunity']);
		});

		it('drops frozen fields with a warning and keeps every other field', async () => {
			const out = await run({
				resource: 'opportunity',
				operation: 'update',
				opportunityId: 'O200',
				notEditable: 'dropWithWarning',
				options: { title: 'New', nextSteps: 'Workshop' },
			});
			expect(out[0][0].json).toMatchObject({
				Id: 'O200',
				updated: true,
				droppedFields: ['Project.Title'],
				warnings: [expect.stringMatching(/Project\.Title/)],
			});
			const update = server.requests.find((r) => r.operation === 'UpdateOpportunity')!.body;
			expect(update).toMatchObject({
				Identifier: 'O200',
				LastModifiedDate: '2026-01-01T00:00:00.000Z',
				Project: { Title: 'Old title', CustomerBusinessProblem: 'A problem that is long enough.' },
				LifeCycle: { Stage: 'Qualified', NextSteps: 'Workshop' },
			});
			expect((update.LifeCycle as IDataObject).ReviewStatus).toBeUndefined();
		});

		it('replace mode sends exactly the given fields with the current LastModifiedDate', async () => {
			await run({
				resource: 'opportunity',
				operation: 'update',
				opportunityId: 'O200',
				updateMode: 'replace',
				options: { nextSteps: 'Only this' },
			});
			const update = server.requests.find((r) => r.operation === 'UpdateOpportunity')!.body;
			expect(update).toEqual({
				Catalog: 'Sandbox',
				Identifier: 'O200',
				LastModifiedDate: '2026-01-01T00:00:00.000Z',
				LifeCycle: { NextSteps: 'Only this' },
			});
		});
	});

	it('continues on fail with an error item per failing input item, paired', async () => {
		server.setHandler((_op, body) =>
			body.Identifier === 'bad'
				? awsError('ResourceNotFoundException', 'Opportunity not found')
				: { body: { Id: body.Identifier } },
		);
		const out = await run(
			{ resource: 'opportunity', operation: 'get' },
			{
				items: [{ json: {} }, { json: {} }],
				itemParameters: [{ opportunityId: 'bad' }, { opportunityId: 'O1' }],
				continueOnFail: true,
			},
		);
		expect(out[0]).toEqual([
			{
				json: {
					error: 'GetOpportunity failed: ResourceNotFoundException: Opportunity not found',
					description: expect.stringMatching(/catalog "Sandbox"/),
				},
				pairedItem: { item: 0 },
			},
			{ json: { Id: 'O1' }, pairedItem: { item: 1 } },
		]);
	});

	it('stops on the first failure without Continue On Fail, with a NodeApiError for that item', async () => {
		server.setHandler(() => awsError('AccessDeniedException', 'not allowed'));
		const error = await run(
			{ resource: 'solution', operation: 'list', returnAll: true },
			{ items: [{ json: {} }, { json: {} }] },
		).then(unexpected, (e: unknown) => e as NodeApiError);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(0);
		expect(error.description).toMatch(/partnercentral:ListSolutions/);
	});

	it('waits for a task: COMPLETE merges the final record, FAILED fails with the ReasonCode', async () => {
		let polls = 0;
		let outcome: IDataObject = { TaskStatus: 'COMPLETE', EngagementId: 'eng-1' };
		server.setHandler((op) => {
			if (op === 'StartEngagementFromOpportunityTask') {
				return { body: { TaskId: 'oit-0000000000001', TaskStatus: 'IN_PROGRESS' } };
			}
			polls++;
			const state = polls < 3 ? { TaskStatus: 'IN_PROGRESS' } : outcome;
			return { body: { TaskSummaries: [{ TaskId: 'oit-0000000000001', ...state }] } };
		});
		const params = {
			resource: 'engagementTask',
			operation: 'startFromOpportunity',
			opportunityId: 'O1',
			involvementType: 'Co-Sell',
			waitForCompletion: true,
			waitTimeoutSeconds: 10,
		};
		const out = await run(params);
		expect(out[0][0].json).toMatchObject({
			TaskId: 'oit-0000000000001',
			TaskStatus: 'COMPLETE',
			EngagementId: 'eng-1',
		});
		expect(server.requests.filter((r) => r.operation === 'ListEngagementFromOpportunityTasks')[0].body).toEqual({
			Catalog: 'Sandbox',
			TaskIdentifier: ['oit-0000000000001'],
		});
		polls = 0;
		outcome = { TaskStatus: 'FAILED', ReasonCode: 'OpportunityValidationFailed', Message: 'No solution' };
		const error = await run(params).then(unexpected, (e: unknown) => e as NodeOperationError);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/OpportunityValidationFailed/);
		expect(error.description).toMatch(/ReasonCode: OpportunityValidationFailed/);
	});

	it('rejects invalid Additional Fields (JSON) clearly', async () => {
		await expect(
			run({ resource: 'opportunity', operation: 'get', opportunityId: 'O1', additionalFieldsJson: '{oops' }),
		).rejects.toThrow(/Additional Fields \(JSON\) is not valid JSON/);
		expect(server.requests).toHaveLength(0);
	});
});
