import type { IDataObject } from 'n8n-workflow';

import {
	readTaskState,
	TaskFailedError,
	TaskTimeoutError,
	waitForTask,
} from '../../../nodes/shared/partnerCentral/waitForTask';

const FAST = { initialDelayMs: 5, maxDelayMs: 20 };

/** A fake List*Tasks / Get* service whose task moves through the given states, one per poll. */
function scripted(states: IDataObject[]) {
	const calls: Array<{ operation: string; input: IDataObject }> = [];
	let i = 0;
	const call = async (operation: string, input: IDataObject): Promise<IDataObject> => {
		calls.push({ operation, input });
		const state = states[Math.min(i++, states.length - 1)];
		if (operation.startsWith('List')) return { TaskSummaries: [{ TaskId: 'oit-1234567890abc', ...state }] };
		return state;
	};
	return { call, calls };
}

describe('waitForTask', () => {
	it('polls the List*Tasks operation by task id until COMPLETE', async () => {
		const svc = scripted([
			{ TaskStatus: 'IN_PROGRESS' },
			{ TaskStatus: 'IN_PROGRESS' },
			{ TaskStatus: 'COMPLETE', EngagementId: 'eng-1' },
		]);
		const task = await waitForTask(svc.call, 'engagementFromOpportunity', 'oit-1234567890abc', {
			timeoutMs: 5000,
			catalog: 'Sandbox',
			...FAST,
		});
		expect(task.EngagementId).toBe('eng-1');
		expect(svc.calls).toHaveLength(3);
		expect(svc.calls[0]).toEqual({
			operation: 'ListEngagementFromOpportunityTasks',
			input: { Catalog: 'Sandbox', TaskIdentifier: ['oit-1234567890abc'] },
		});
	});

	it('uses the matching list operation for each task kind', async () => {
		const svc = scripted([{ TaskStatus: 'COMPLETE' }]);
		await readTaskState(svc.call, 'engagementByAcceptingInvitation', 'oit-1234567890abc');
		await readTaskState(svc.call, 'opportunityFromEngagement', 'oit-1234567890abc');
		expect(svc.calls.map((c) => c.operation)).toEqual([
			'ListEngagementByAcceptingInvitationTasks',
			'ListOpportunityFromEngagementTasks',
		]);
	});

	it('turns FAILED into an error carrying ReasonCode and Message', async () => {
		const svc = scripted([
			{ TaskStatus: 'IN_PROGRESS' },
			{ TaskStatus: 'FAILED', ReasonCode: 'OpportunityValidationFailed', Message: 'Solutions missing' },
		]);
		const wait = waitForTask(svc.call, 'engagementFromOpportunity', 'oit-1234567890abc', {
			timeoutMs: 5000,
			...FAST,
		});
		await expect(wait).rejects.toBeInstanceOf(TaskFailedError);
		await expect(
			waitForTask(
				scripted([{ TaskStatus: 'FAILED', ReasonCode: 'EngagementConflict', Message: 'm' }]).call,
				'engagementFromOpportunity',
				'oit-1234567890abc',
				{ timeoutMs: 5000, ...FAST },
			),
		).rejects.toMatchObject({ reasonCode: 'EngagementConflict', taskMessage: 'm' });
	});

	it('times out with the last state when the task keeps running', async () => {
		const svc = scripted([{ TaskStatus: 'IN_PROGRESS' }]);
		const started = Date.now();
		await expect(
			waitForTask(svc.call, 'engagementFromOpportunity', 'oit-1234567890abc', { timeoutMs: 120, ...FAST }),
		).rejects.toBeInstanceOf(TaskTimeoutError);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(svc.calls.length).toBeGreaterThanOrEqual(2); // polled again before giving up
	});

	it('reads prospecting tasks with GetProspectingFromEngagementTask (done at EndTime; all failed = FAILED)', async () => {
		const done = scripted([
			{ TaskId: 'p1', Engagements: [{ Status: 'IN_PROGRESS' }] },
			{
				TaskId: 'p1',
				EndTime: '2026-01-01T00:00:00.000Z',
				Engagements: [{ Status: 'COMPLETED' }, { Status: 'FAILED' }],
			},
		]);
		const task = await waitForTask(done.call, 'prospectingFromEngagement', 'p1', { timeoutMs: 5000, ...FAST });
		expect(task.EndTime).toBeDefined();
		expect(done.calls[0]).toEqual({ operation: 'GetProspectingFromEngagementTask', input: { TaskIdentifier: 'p1' } });
		const failed = scripted([{ TaskId: 'p1', Engagements: [{ Status: 'FAILED', ReasonCode: 'ContextNotFound' }] }]);
		await expect(
			waitForTask(failed.call, 'prospectingFromEngagement', 'p1', { timeoutMs: 5000, ...FAST }),
		).rejects.toMatchObject({ reasonCode: 'ContextNotFound' });
	});

	it('waits for a snapshot job to reach the wanted status', async () => {
		const svc = scripted([{ Status: 'Stopped' }, { Status: 'Running', Id: 'job-1' }]);
		const job = await waitForTask(svc.call, 'resourceSnapshotJob', 'job-1', {
			timeoutMs: 5000,
			target: 'Running',
			...FAST,
		});
		expect(job.Status).toBe('Running');
		expect(svc.calls[0].operation).toBe('GetResourceSnapshotJob');
	});
});
