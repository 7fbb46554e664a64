import type { IDataObject } from 'n8n-workflow';

import { PartnerCentralError, renderPartnerCentralError } from '../../../nodes/shared/partnerCentral/errors';
import {
	deepMerge,
	EditWindowError,
	mergeUpdateOpportunity,
	opportunityToUpdateInput,
	planMergeUpdate,
	refusalKind,
} from '../../../nodes/shared/partnerCentral/mergeUpdate';

function opportunity(overrides: IDataObject = {}): IDataObject {
	return {
		Catalog: 'Sandbox',
		Id: 'O1234567',
		Arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/O1234567',
		CreatedDate: '2026-01-01T00:00:00.000Z',
		LastModifiedDate: '2026-02-01T00:00:00.000Z',
		PartnerOpportunityIdentifier: 'deal-1',
		OpportunityTeam: [{ Email: 'a@example.com' }],
		RelatedEntityIdentifiers: { Solutions: ['S-1234567'] },
		Customer: {
			Account: {
				CompanyName: 'Acme',
				Industry: 'Retail',
				WebsiteUrl: 'https://acme.example',
				Address: { CountryCode: 'US', PostalCode: '98101', StateOrRegion: 'Washington' },
			},
		},
		Project: {
			Title: 'Data lake',
			CustomerBusinessProblem: 'The customer needs a data lake for analytics at scale.',
			ExpectedCustomerSpend: [{ Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
			DeliveryModels: ['SaaS or PaaS'],
		},
		LifeCycle: {
			Stage: 'Qualified',
			ReviewStatus: 'Pending Submission',
			NextStepsHistory: [{ Value: 'x', Time: '2026-01-02T00:00:00.000Z' }],
			TargetCloseDate: '2027-01-01',
		},
		...overrides,
	};
}

function conflict(): PartnerCentralError {
	return new PartnerCentralError(
		renderPartnerCentralError({ name: 'ConflictException', message: 'stale' }, { operation: 'UpdateOpportunity' }),
		undefined,
	);
}

describe('opportunityToUpdateInput', () => {
	it('renames Id and drops what UpdateOpportunity does not take', () => {
		const input = opportunityToUpdateInput(opportunity());
		expect(input.Identifier).toBe('O1234567');
		expect(input.LastModifiedDate).toBe('2026-02-01T00:00:00.000Z');
		for (const k of ['Id', 'Arn', 'CreatedDate', 'OpportunityTeam', 'RelatedEntityIdentifiers']) {
			expect(input).not.toHaveProperty(k);
		}
		expect(input.LifeCycle).toEqual({ Stage: 'Qualified', TargetCloseDate: '2027-01-01' });
		expect((input.Customer as IDataObject).Account).toEqual((opportunity().Customer as IDataObject).Account);
	});
});

describe('deepMerge', () => {
	it('merges objects, replaces arrays and scalars, clears with null, ignores undefined', () => {
		expect(
			deepMerge(
				{ a: { b: 1, c: 2 }, list: [1, 2], keep: 'x', gone: 'y' },
				{ a: { c: 3 }, list: [9], keep: undefined, gone: null },
			),
		).toEqual({ a: { b: 1, c: 3 }, list: [9], keep: 'x', gone: null });
	});
});

describe('planMergeUpdate (edit windows)', () => {
	it('keeps every field that was not changed', () => {
		const plan = planMergeUpdate(opportunity(), { LifeCycle: { NextSteps: 'Call the CTO' } });
		expect(plan.changed).toBe(true);
		expect((plan.request.Project as IDataObject).Title).toBe('Data lake');
		expect((plan.request.LifeCycle as IDataObject).NextSteps).toBe('Call the CTO');
		expect((plan.request.LifeCycle as IDataObject).Stage).toBe('Qualified');
	});

	it('refuses every change while AWS reviews, naming the fields', () => {
		const inReview = opportunity({ LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Submitted' } });
		expect(() => planMergeUpdate(inReview, { Project: { Title: 'New title' } })).toThrow(EditWindowError);
		expect(() => planMergeUpdate(inReview, { Project: { Title: 'New title' } })).toThrow(/Project\.Title/);
	});

	it('drops refused fields with a warning and sends the rest (Approved: title frozen)', () => {
		const approved = opportunity({ LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Approved' } });
		const plan = planMergeUpdate(
			approved,
			{ Project: { Title: 'New title' }, LifeCycle: { NextSteps: 'Demo' } },
			'dropWithWarning',
		);
		expect(plan.droppedFields).toEqual(['Project.Title']);
		expect(plan.warnings[0]).toMatch(/Project\.Title/);
		expect((plan.request.Project as IDataObject).Title).toBe('Data lake');
		expect((plan.request.LifeCycle as IDataObject).NextSteps).toBe('Demo');
		expect(plan.changed).toBe(true);
	});

	it('reports nothing to send when every change was dropped', () => {
		const rejected = opportunity({ LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Rejected' } });
		const plan = planMergeUpdate(rejected, { Project: { Title: 'x' } }, 'dropWithWarning');
		expect(plan.changed).toBe(false);
		expect(plan.droppedFields).toEqual(['Project.Title']);
	});

	it('restores a whole array when a member path is refused (Action Required allows spend, not delivery models)', () => {
		const actionRequired = opportunity({ LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Action Required' } });
		const plan = planMergeUpdate(
			actionRequired,
			{
				Project: {
					DeliveryModels: ['Resell'],
					ExpectedCustomerSpend: [{ Amount: '2000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
				},
			},
			'dropWithWarning',
		);
		expect(plan.droppedFields).toEqual(['Project.DeliveryModels']);
		const project = plan.request.Project as IDataObject;
		expect(project.DeliveryModels).toEqual(['SaaS or PaaS']);
		expect((project.ExpectedCustomerSpend as IDataObject[])[0].Amount).toBe('2000');
	});
});

describe('refusals: temporary while AWS reviews, permanent after approval or launch', () => {
	const at = (ReviewStatus: string, Stage = 'Qualified') => opportunity({ LifeCycle: { Stage, ReviewStatus } });

	it('classifies by review status', () => {
		expect(['Submitted', 'In review', 'Action Required'].map((r) => refusalKind(r))).toEqual(['temporary', 'temporary', 'temporary']);
		expect(['Approved', 'Rejected', 'Pending Submission', undefined].map((r) => refusalKind(r))).toEqual(['permanent', 'permanent', 'permanent', 'permanent']);
	});

	it('Approved: the frozen postal code is refused for good, the city goes', () => {
		const plan = planMergeUpdate(at('Approved'), { Customer: { Account: { Address: { PostalCode: '10001', City: 'New York' } } } }, 'dropWithWarning');
		expect(plan.refusal).toMatchObject({ kind: 'permanent', fields: ['Customer.Account.Address.PostalCode'] });
		expect(plan.warnings[0]).toMatch(/does not allow these fields to change any more/);
		expect(((plan.request.Customer as IDataObject).Account as IDataObject).Address).toMatchObject({ PostalCode: '98101', City: 'New York' });
	});

	it('Launched: only delivery models, comments and software revenue; the rest is refused for good', () => {
		const plan = planMergeUpdate(at('Approved', 'Launched'), { LifeCycle: { NextSteps: 'Renewal' }, Project: { AdditionalComments: 'Live' } }, 'dropWithWarning');
		expect(plan.refusal).toMatchObject({ kind: 'permanent', fields: ['LifeCycle.NextSteps'] });
		expect((plan.request.Project as IDataObject).AdditionalComments).toBe('Live');
	});

	it('the error says the same as the output, in its message and its data', () => {
		const frozen = (() => {
			try {
				planMergeUpdate(at('Approved'), { Project: { Title: 'x' } });
			} catch (e) {
				return e as EditWindowError;
			}
			return undefined;
		})();
		expect(frozen?.message).toMatch(/any more on this opportunity: Project\.Title/);
		expect(frozen?.data).toEqual({
			refusedFields: ['Project.Title'],
			refusalTemporary: false,
			temporarilyRefusedFields: [],
			permanentlyRefusedFields: ['Project.Title'],
			refusalReason: expect.stringMatching(/approved/i),
		});
		expect(() => planMergeUpdate(at('In review'), { Project: { Title: 'x' } })).toThrow(/while AWS reviews this opportunity: Project\.Title/);
	});
});

describe('mergeUpdateOpportunity', () => {
	function fakeService(conflicts: number) {
		let version = 1;
		let remainingConflicts = conflicts;
		const calls: Array<{ operation: string; input: IDataObject }> = [];
		const call = async (operation: string, input: IDataObject): Promise<IDataObject> => {
			calls.push({ operation, input });
			if (operation === 'GetOpportunity') {
				return opportunity({ LastModifiedDate: `2026-02-0${version}T00:00:00.000Z` });
			}
			if (remainingConflicts > 0) {
				remainingConflicts--;
				version++; // someone else changed it meanwhile
				throw conflict();
			}
			return { Id: input.Identifier, LastModifiedDate: '2026-03-01T00:00:00.000Z' };
		};
		return { call, calls };
	}

	it('updates with the fetched LastModifiedDate', async () => {
		const svc = fakeService(0);
		const out = await mergeUpdateOpportunity(svc.call, {
			identifier: 'O1234567',
			changes: { LifeCycle: { NextSteps: 'Go' } },
		});
		expect(out.updated).toBe(true);
		expect(out.attempts).toBe(1);
		const update = svc.calls.find((c) => c.operation === 'UpdateOpportunity')!;
		expect(update.input.LastModifiedDate).toBe('2026-02-01T00:00:00.000Z');
		expect(update.input.Identifier).toBe('O1234567');
	});

	it('re-fetches and retries on ConflictException', async () => {
		const svc = fakeService(2);
		const out = await mergeUpdateOpportunity(svc.call, {
			identifier: 'O1234567',
			changes: { LifeCycle: { NextSteps: 'Go' } },
		});
		expect(out.attempts).toBe(3);
		expect(svc.calls.map((c) => c.operation)).toEqual([
			'GetOpportunity',
			'UpdateOpportunity',
			'GetOpportunity',
			'UpdateOpportunity',
			'GetOpportunity',
			'UpdateOpportunity',
		]);
		const lastUpdate = svc.calls[5].input;
		expect(lastUpdate.LastModifiedDate).toBe('2026-02-03T00:00:00.000Z');
	});

	it('gives up after the bounded number of attempts with the conflict error', async () => {
		const svc = fakeService(10);
		await expect(
			mergeUpdateOpportunity(svc.call, { identifier: 'O1234567', changes: { LifeCycle: { NextSteps: 'Go' } } }),
		).rejects.toThrow(/ConflictException/);
		expect(svc.calls.filter((c) => c.operation === 'UpdateOpportunity')).toHaveLength(3);
	});

	it('does not call UpdateOpportunity when nothing changes', async () => {
		const svc = fakeService(0);
		const out = await mergeUpdateOpportunity(svc.call, {
			identifier: 'O1234567',
			changes: { Project: { Title: 'Data lake' } },
		});
		expect(out.updated).toBe(false);
		expect(svc.calls.map((c) => c.operation)).toEqual(['GetOpportunity']);
	});
});
