import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { awsPartnerCentralApiTest } from '../../../nodes/AwsPartnerCentral/methods/credentialTest';
import {
	assumedRoleProvider,
	assumeRoleCallCount,
	identityClock,
	REFRESH_MARGIN_MS,
} from '../../../nodes/shared/partnerCentral/awsIdentity';
import { normaliseCredentials } from '../../../nodes/shared/partnerCentral/credentials';
import { mergeUpdateOpportunity } from '../../../nodes/shared/partnerCentral/mergeUpdate';
import { partnerCentralCall, sendPartnerCentral } from '../../../nodes/shared/partnerCentral/transport';
import { SimClock } from '../../simulators/common/clock';
import { setReviewOutcome, uiEdit } from '../../simulators/partnerCentral/awsSide';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { createExecuteContext } from './helpers/fakeContext';
import { localCredentials, resetPartnerCentralCaches, useFastTiming } from './helpers/setup';
import { runNode } from './helpers/simulator';

/** Transport, merge-update, waiting and credentials against the Partner Central simulator (real time). */
describe('Partner Central behaviour against the simulator', () => {
	let pc: PartnerCentralSimulator;
	let restore: () => void;

	beforeAll(async () => {
		restore = useFastTiming();
		pc = await startPartnerCentralSimulator({ port: 0, clock: new SimClock(1) });
	});
	afterAll(async () => {
		restore();
		await pc.close();
	});
	beforeEach(() => {
		resetPartnerCentralCaches();
		pc.sim.reset();
		// The credentials below allow 1000 requests/s so tests run fast; the pacing test turns quotas back on.
		pc.sim.quotas.enabled = false;
		pc.sim.config.taskDurationMs = 200;
	});

	const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
	const credentials = (extra: IDataObject = {}) => localCredentials(pc.url, { catalog: 'AWS', ...extra });
	const ctx = (extra: IDataObject = {}) => createExecuteContext({ parameters: {}, credentials: credentials(extra) });
	const log = (operation: string) => pc.sim.requestLog.filter((r) => r.operation === operation);

	async function createOpportunity(): Promise<string> {
		const out = await partnerCentralCall(ctx(), 'CreateOpportunity', {
			Customer: {
				Account: {
					CompanyName: 'Acme',
					Industry: 'Retail',
					WebsiteUrl: 'https://acme.example',
					Address: { CountryCode: 'GB', PostalCode: 'SW1A 1AA' },
				},
			},
			Project: {
				Title: 'Data lake',
				CustomerBusinessProblem: 'Acme needs a governed data lake for sales analytics.',
				CustomerUseCase: 'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
				DeliveryModels: ['SaaS or PaaS'],
				SalesActivities: ['Initialized discussions with customer'],
				ExpectedCustomerSpend: [{ Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
			},
			PrimaryNeedsFromAws: ['Co-Sell - Architectural Validation'],
			LifeCycle: { TargetCloseDate: inAYear, Stage: 'Qualified' },
		});
		return String(out.Id);
	}

	/** An opportunity with a solution, submitted to AWS (review status Submitted). */
	async function submitted(): Promise<string> {
		const id = await createOpportunity();
		await partnerCentralCall(ctx(), 'AssociateOpportunity', {
			OpportunityIdentifier: id,
			RelatedEntityType: 'Solutions',
			RelatedEntityIdentifier: 'S-0000001',
		});
		await partnerCentralCall(ctx(), 'SubmitOpportunity', { Identifier: id, InvolvementType: 'Co-Sell' });
		return id;
	}

	describe('retries (simulator fault rules)', () => {
		it('hides a burst of ThrottlingException and 5xx answers', async () => {
			pc.sim.faults.add({ operation: 'ListSolutions', kind: 'throttle', remaining: 3 });
			pc.sim.faults.add({ operation: 'ListSolutions', kind: 'internal', remaining: 1, status: 503 });
			const out = await partnerCentralCall(ctx(), 'ListSolutions', {});
			expect(Array.isArray(out.SolutionSummaries)).toBe(true);
			const statuses = log('ListSolutions').map((r) => r.status);
			expect(statuses.filter((s) => s !== 200).length).toBeGreaterThanOrEqual(3);
			expect(statuses[statuses.length - 1]).toBe(200);
		});

		it('hides a dropped connection', async () => {
			pc.sim.faults.add({ operation: 'ListSolutions', kind: 'reset', remaining: 2 });
			await expect(partnerCentralCall(ctx(), 'ListSolutions', {})).resolves.toHaveProperty('SolutionSummaries');
		});

		it('stops after 6 attempts and says it was throttled', async () => {
			pc.sim.faults.add({ operation: 'ListSolutions', kind: 'throttle' });
			const error = await partnerCentralCall(ctx(), 'ListSolutions', {}).then(
				() => undefined,
				(e: NodeApiError) => e,
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error?.message).toMatch(/^ListSolutions failed: ThrottlingException/);
			expect(error?.description).toMatch(/after 6 attempts/);
			expect(log('ListSolutions')).toHaveLength(6);
		});
	});

	/** Six (paced) or ten (unpaced) AssociateOpportunity writes at once against a simulator quota of 5 writes/s. */
	async function burst(writesPerSecond: number, writes: number) {
		const id = await createOpportunity();
		pc.sim.quotas.enabled = true;
		pc.sim.quotas.groups.write.perSecond = 5;
		pc.sim.quotas.reset();
		pc.sim.requestLog = [];
		const c = normaliseCredentials(credentials({ writesPerSecond }));
		const started = Date.now();
		const results = await Promise.all(
			Array.from({ length: writes }, (_, i) =>
				sendPartnerCentral(c, 'AssociateOpportunity', {
					OpportunityIdentifier: id,
					RelatedEntityType: 'AwsProducts',
					RelatedEntityIdentifier: `product-${i}`,
				}).catch((e: Error) => e),
			),
		);
		return {
			elapsed: Date.now() - started,
			failed: results.filter((r) => r instanceof Error),
			throttled: log('AssociateOpportunity').filter((r) => r.errorType === 'ThrottlingException').length,
		};
	}

	it('paces writes at the credential rate, so the simulator quota (almost) never throttles', async () => {
		const paced = await burst(4, 6);
		expect(paced.elapsed).toBeGreaterThanOrEqual(5 * 250 - 10);
		expect(paced.failed).toEqual([]);
		// The simulator runs in this process: under heavy load it may handle two paced requests late and close
		// together, so one throttle (retried invisibly) is tolerated; without pacing there are many (next test).
		expect(paced.throttled).toBeLessThanOrEqual(1);
	});

	it('without pacing the same kind of burst is throttled many times', async () => {
		const unpaced = await burst(1000, 10);
		expect(unpaced.throttled).toBeGreaterThanOrEqual(4);
	});

	describe('merge-update', () => {
		it('survives a concurrent edit (ConflictException -> re-fetch -> retry) and keeps both changes', async () => {
			const id = await createOpportunity();
			const c = normaliseCredentials(credentials());
			let edited = false;
			const out = await mergeUpdateOpportunity(
				async (operation, input) => {
					const result = await sendPartnerCentral(c, operation, input);
					if (operation === 'GetOpportunity' && !edited) {
						edited = true; // someone edits in the Partner Central UI right after our read
						uiEdit(pc.sim, { identifier: id, changes: { Project: { AdditionalComments: 'edited in the UI' } } });
					}
					return result;
				},
				{ identifier: id, changes: { LifeCycle: { NextSteps: 'from n8n' } } },
			);
			expect(out.attempts).toBe(2);
			expect(log('UpdateOpportunity').map((r) => r.errorType ?? 'ok')).toEqual(['ConflictException', 'ok']);
			const final = await partnerCentralCall(ctx(), 'GetOpportunity', { Identifier: id });
			expect((final.Project as IDataObject).AdditionalComments).toBe('edited in the UI');
			expect((final.LifeCycle as IDataObject).NextSteps).toBe('from n8n');
		});

		it('refuses or drops fields frozen after approval (node Update, both policies)', async () => {
			const id = await submitted();
			setReviewOutcome(pc.sim, { identifier: id, outcome: 'Approved' });
			const params = { resource: 'opportunity', operation: 'update', opportunityId: id };
			const refused = await runNode(pc, { ...params, options: { title: 'Renamed', nextSteps: 'Kick-off' } }).then(
				() => undefined,
				(e: NodeOperationError) => e,
			);
			expect(refused).toBeInstanceOf(NodeOperationError);
			expect(refused?.message).toMatch(/Project\.Title.*approved/i);
			expect(log('UpdateOpportunity')).toHaveLength(0);

			const [dropped] = await runNode(pc, {
				...params,
				notEditable: 'dropWithWarning',
				options: { title: 'Renamed', nextSteps: 'Kick-off' },
			});
			expect(dropped).toMatchObject({ updated: true, droppedFields: ['Project.Title'] });
			const final = await partnerCentralCall(ctx(), 'GetOpportunity', { Identifier: id });
			expect((final.Project as IDataObject).Title).toBe('Data lake');
			expect((final.LifeCycle as IDataObject).NextSteps).toBe('Kick-off');
		});
	});

	describe('merge-update: temporary vs permanent refusals', () => {
		const newAddress = { postalCode: 'EC1A 1BB', city: 'London' };
		const addressOf = async (id: string) =>
			((await partnerCentralCall(ctx(), 'GetOpportunity', { Identifier: id })).Customer as { Account: IDataObject })
				.Account.Address as IDataObject;

		it('after approval: the city is sent, the frozen postal code is reported as refused for good', async () => {
			const id = await submitted();
			setReviewOutcome(pc.sim, { identifier: id, outcome: 'Approved' });
			const params = { resource: 'opportunity', operation: 'update', opportunityId: id };
			const [out] = await runNode(pc, { ...params, notEditable: 'dropWithWarning', options: newAddress });
			expect(out).toMatchObject({
				updated: true,
				droppedFields: ['Customer.Account.Address.PostalCode'],
				refusalTemporary: false,
				temporarilyRefusedFields: [],
				permanentlyRefusedFields: ['Customer.Account.Address.PostalCode'],
			});
			expect(String((out.warnings as string[])[0])).toMatch(/does not allow these fields to change any more/);
			expect(await addressOf(id)).toMatchObject({ City: 'London', PostalCode: 'SW1A 1AA' });

			const error = await runNode(pc, { ...params, options: { postalCode: 'N1 9GU' } }).then(
				() => undefined,
				(e: NodeOperationError) => e,
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toMatch(/any more.*PostalCode/);
			expect(error?.context).toMatchObject({ refusalTemporary: false, permanentlyRefusedFields: ['Customer.Account.Address.PostalCode'] });
			expect(log('UpdateOpportunity').filter((r) => !r.errorType)).toHaveLength(1);
		});

		it('while AWS reviews: nothing is sent and the refusal is temporary (send again later)', async () => {
			const id = await submitted();
			const params = { resource: 'opportunity', operation: 'update', opportunityId: id };
			const [out] = await runNode(pc, { ...params, notEditable: 'dropWithWarning', options: newAddress });
			expect(out).toMatchObject({ updated: false, refusalTemporary: true, permanentlyRefusedFields: [] });
			expect(out.temporarilyRefusedFields).toEqual(['Customer.Account.Address.City', 'Customer.Account.Address.PostalCode']);
			expect(String(out.refusalReason)).toMatch(/reviewing/);
			expect(log('UpdateOpportunity')).toHaveLength(0);

			const error = await runNode(pc, { ...params, options: newAddress }).then(
				() => undefined,
				(e: NodeOperationError) => e,
			);
			expect(error?.message).toMatch(/while AWS reviews this opportunity/);
			expect(error?.context).toMatchObject({ refusalTemporary: true, permanentlyRefusedFields: [] });
			expect(await addressOf(id)).toMatchObject({ PostalCode: 'SW1A 1AA' });
		});

		it('Action Required: fields AWS does not ask about are held back for now, the asked-for ones are sent', async () => {
			const id = await submitted();
			setReviewOutcome(pc.sim, { identifier: id, outcome: 'Action Required', comments: 'Fix the address' });
			const [out] = await runNode(pc, {
				resource: 'opportunity',
				operation: 'update',
				opportunityId: id,
				notEditable: 'dropWithWarning',
				options: { ...newAddress, title: 'Renamed' },
			});
			expect(out).toMatchObject({ updated: true, refusalTemporary: true, temporarilyRefusedFields: ['Project.Title'], permanentlyRefusedFields: [] });
			expect(await addressOf(id)).toMatchObject({ City: 'London', PostalCode: 'EC1A 1BB' });
		});
	});

	describe('task waiting', () => {
		it('fails with the task ReasonCode when the submission fails', async () => {
			const id = await createOpportunity(); // no solution associated: the submission fails validation
			const error = await runNode(pc, {
				resource: 'engagementTask',
				operation: 'startFromOpportunity',
				opportunityId: id,
				involvementType: 'Co-Sell',
				waitForCompletion: true,
				waitTimeoutSeconds: 30,
			}).then(
				() => undefined,
				(e: NodeOperationError) => e,
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error?.message).toMatch(/failed \(\w+\)/);
			expect(error?.description).toMatch(/ReasonCode: \w+/);
		}, 20_000);

		it('times out while the task is still running', async () => {
			pc.sim.config.taskDurationMs = 60_000;
			const id = await createOpportunity();
			await partnerCentralCall(ctx(), 'AssociateOpportunity', {
				OpportunityIdentifier: id,
				RelatedEntityType: 'Solutions',
				RelatedEntityIdentifier: 'S-0000001',
			});
			const started = Date.now();
			const error = await runNode(pc, {
				resource: 'engagementTask',
				operation: 'startFromOpportunity',
				opportunityId: id,
				involvementType: 'Co-Sell',
				waitForCompletion: true,
				waitTimeoutSeconds: 1,
			}).then(
				() => undefined,
				(e: NodeOperationError) => e,
			);
			expect(error?.message).toMatch(/still running after 1 s/);
			expect(Date.now() - started).toBeLessThan(5000);
		});
	});

	describe('credentials', () => {
		const ROLE = 'arn:aws:iam::111122223333:role/PartnerCentralN8n';
		const roleCredentials = (extra: IDataObject = {}) =>
			credentials({
				authentication: 'assumeRole',
				roleArn: ROLE,
				externalId: 'n8n-external-id-1',
				stsEndpointUrl: pc.url,
				...extra,
			});

		beforeEach(() => {
			pc.sim.roles[ROLE] = { roleArn: ROLE, externalId: 'n8n-external-id-1' };
		});

		it('assume role: one AssumeRole (with the External ID) for many requests', async () => {
			const before = assumeRoleCallCount();
			const context = createExecuteContext({ parameters: {}, credentials: roleCredentials() });
			for (let i = 0; i < 5; i++) await partnerCentralCall(context, 'ListSolutions', {});
			await Promise.all([1, 2, 3].map(() => partnerCentralCall(context, 'ListSolutions', {})));
			expect(pc.sim.state.counters.assumeRole).toBe(1);
			expect(assumeRoleCallCount() - before).toBe(1);
			const keys = new Set(log('ListSolutions').map((r) => r.accessKeyId));
			expect(keys.size).toBe(1);
			expect([...keys][0]).not.toBe('AKIAPCSIMULATOR00001');
		});

		it('assume role: renews the session from the simulator STS before it expires, not earlier', async () => {
			// The SDK client asks the provider again when fewer than 5 minutes are left (its own real-time check);
			// the provider then renews. Here the provider's clock is moved instead of waiting 10 minutes.
			const provider = assumedRoleProvider(normaliseCredentials(roleCredentials({ durationSeconds: 900 })));
			const realNow = identityClock.now;
			try {
				const first = await provider();
				let shift = 15 * 60_000 - REFRESH_MARGIN_MS - 60_000; // 1 minute before the renewal point
				identityClock.now = () => realNow() + shift;
				expect((await provider()).accessKeyId).toBe(first.accessKeyId);
				expect(pc.sim.state.counters.assumeRole).toBe(1);
				shift = 15 * 60_000 - REFRESH_MARGIN_MS + 60_000; // inside the last 5 minutes
				const renewed = await provider();
				expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
				expect(pc.sim.state.counters.assumeRole).toBe(2);
			} finally {
				identityClock.now = realNow;
			}
		});

		it('assume role: a session AWS calls expired is replaced once, invisibly', async () => {
			const context = createExecuteContext({ parameters: {}, credentials: roleCredentials({ durationSeconds: 900 }) });
			await partnerCentralCall(context, 'ListSolutions', {});
			pc.clock.advance(16 * 60_000); // the simulator now rejects the session (ExpiredTokenException)
			await expect(partnerCentralCall(context, 'ListSolutions', {})).resolves.toHaveProperty('SolutionSummaries');
			expect(log('ListSolutions').map((r) => r.errorType ?? 'ok')).toEqual(['ok', 'ExpiredTokenException', 'ok']);
			expect(pc.sim.state.counters.assumeRole).toBe(2);
		});

		it('assume role: a wrong External ID fails clearly and is not retried', async () => {
			const context = createExecuteContext({ parameters: {}, credentials: roleCredentials({ externalId: 'wrong' }) });
			await expect(partnerCentralCall(context, 'ListSolutions', {})).rejects.toMatchObject({
				message: expect.stringMatching(/Could not assume role .*ExternalId mismatch/),
				description: expect.stringMatching(/External ID/),
			});
			expect(pc.sim.state.counters.assumeRole).toBe(1);
			expect(log('ListSolutions')).toHaveLength(0);
		});

		it('host credentials: the default chain picks the keys from environment variables', async () => {
			const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
			process.env.AWS_ACCESS_KEY_ID = 'AKIAPCSIMULATOR00001';
			process.env.AWS_SECRET_ACCESS_KEY = 'pc-simulator-secret';
			try {
				const context = createExecuteContext({
					parameters: {},
					credentials: { authentication: 'defaultChain', catalog: 'AWS', endpointUrl: pc.url },
				});
				await expect(partnerCentralCall(context, 'ListSolutions', {})).resolves.toHaveProperty('SolutionSummaries');
				expect(log('ListSolutions')[0].accessKeyId).toBe('AKIAPCSIMULATOR00001');
			} finally {
				for (const [k, v] of [
					['AWS_ACCESS_KEY_ID', saved.id],
					['AWS_SECRET_ACCESS_KEY', saved.secret],
				] as const) {
					if (v === undefined) delete process.env[k];
					else process.env[k] = v;
				}
			}
		});

		it('credential test: passes, and fails clearly on bad keys and denied access', async () => {
			const test = async (data: ICredentialDataDecryptedObject) =>
				await awsPartnerCentralApiTest.call({} as never, { id: '1', name: 'c', type: 'awsPartnerCentralApi', data });
			expect(await test(credentials())).toEqual({
				status: 'OK',
				message: 'Connected to Partner Central (catalog AWS)',
			});
			const badSecret = await test(credentials({ secretAccessKey: 'wrong-secret' }));
			expect(badSecret.status).toBe('Error');
			expect(badSecret.message).toMatch(/^Invalid AWS keys/);
			const unknownKey = await test(credentials({ accessKeyId: 'AKIAUNKNOWN000000001' }));
			expect(unknownKey.message).toMatch(/^Invalid AWS keys/);
			pc.sim.keys.AKIAPCSIMULATOR00001.denied = true;
			const denied = await test(credentials());
			expect(denied.message).toMatch(/^Access denied in catalog AWS/);
		});
	});
});
