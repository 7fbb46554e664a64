/**
 * Template "AWS Partner Central: error handling" on real n8n against the simulators: a template that fails in
 * production (here "AWS Partner Central to HubSpot", started by Partner Central's own EventBridge events through an
 * API destination) starts the error workflow, which records the failure on the deal (note, sync status error, last
 * error naming the step): the deal is on the retry list that reconciliation drains. A failure with no deal to blame
 * is still recorded in the error workflow's output, and nothing is written to HubSpot.
 */
import { waitFor, webhookUrl } from '../harness';
import { dumpExecutions, E2E_EVENT_API_KEY, executionsOf, importTemplate, nodeOutput, startTemplatesEnv, type TemplatesEnv } from './env';
import {
	advance,
	awsReview,
	createOpportunity,
	dealProps,
	eventDestination,
	hubspotOutage,
	hubspotWrites,
	mark,
	notesOf,
	partnerCentralEdit,
	seedDeal,
	startSimWorld,
	submitToAws,
	tasksOf,
	type SimWorld,
} from './simWorld';

jest.setTimeout(10 * 60 * 1000);

describe('template: error handling (simulators)', () => {
	let w: SimWorld;
	let t: TemplatesEnv;
	let eventUrl: string;
	let errorWorkflowId: string;

	const failuresRecorded = async (count: number) => {
		try {
			return await executionsOf(t, errorWorkflowId, count, 120_000);
		} catch (error) {
			await dumpExecutions(t);
			throw error;
		}
	};

	beforeAll(async () => {
		w = await startSimWorld();
		t = await startTemplatesEnv(w);
		errorWorkflowId = (await importTemplate(t, 'error-handling.json', { publish: true })).id;
		// As the setup note says: switch to the event trigger (webhook mode); the error workflow by its real id.
		const pcToHs = await importTemplate(t, 'partner-central-to-hubspot.json', {
			settings: { errorWorkflow: errorWorkflowId },
			edit: (wf) => ({
				...wf,
				nodes: wf.nodes.map((n) => (n.name === 'AWS Opportunity Event (alternative)' ? { ...n, disabled: false } : n)),
			}),
			publish: true,
		});
		eventUrl = webhookUrl(t.env.baseUrl, pcToHs.json, 'AWS Opportunity Event (alternative)', t.types);
	});

	afterAll(async () => {
		await t?.env.stop();
		await w?.close();
	});

	it('a failed sync lands on the deal: one note, sync status error, the failing step and reason', async () => {
		const oppId = await createOpportunity(w);
		await submitToAws(w, oppId);
		await advance(w, w.pc.sim.config.reviewStartDelayMs); // AWS starts its review (In review)
		const deal = seedDeal(w, { dealname: '#AWS Will fail', aws_opportunity_id: oppId, aws_review_status: 'In review', aws_sync_status: 'synced' });
		// HubSpot refuses new tasks while AWS asks for action (the run fails at "Task: Answer AWS").
		const restoreTasks = hubspotOutage(w, '/crm/v3/objects/tasks*', 'POST');
		const removeRule = eventDestination(w, eventUrl, { 'x-api-key': E2E_EVENT_API_KEY });
		try {
			await awsReview(w, oppId, 'Action Required', 'Add the customer use case and a website.');
			await waitFor(async () => dealProps(w, deal.id).aws_sync_status === 'error', { timeoutMs: 120_000, what: 'the error workflow to mark the deal' }).catch(
				async (error: unknown) => {
					await dumpExecutions(t);
					throw error;
				},
			);
		} finally {
			removeRule();
			restoreTasks();
		}
		const p = dealProps(w, deal.id);
		expect(p.aws_last_error).toContain('AWS Partner Central to HubSpot');
		expect(p.aws_last_error).toContain('Task: Answer AWS');
		expect(p.aws_review_status).toBe('In review'); // the failed run did not write the deal
		const failureNotes = notesOf(w, deal.id).filter((n) => n.includes('sync failed'));
		expect(failureNotes).toHaveLength(1);
		expect(failureNotes[0]).toContain('Workflow: AWS Partner Central to HubSpot');
		expect(failureNotes[0]).toContain('Step: Task: Answer AWS');
		expect(failureNotes[0]).toContain('The next reconciliation run retries it.');
		expect(tasksOf(w, deal.id)).toHaveLength(0);

		const [recorded] = await failuresRecorded(1);
		expect(recorded.status).toBe('success');
		expect(nodeOutput(recorded, 'Failure Recorded')).toEqual([expect.objectContaining({ dealId: deal.id, onRetryList: true, node: 'Task: Answer AWS' })]);
	});

	it('a failure with no deal to blame (AWS down, opportunity not linked) is recorded, HubSpot untouched', async () => {
		const oppId = await createOpportunity(w, { Project: { Title: 'Not in HubSpot' } });
		const fault = w.pc.sim.faults.add({ operation: 'GetOpportunity', kind: 'internal' });
		const before = mark(w);
		const removeRule = eventDestination(w, eventUrl, { 'x-api-key': E2E_EVENT_API_KEY });
		const seen = (await t.env.api.executions(errorWorkflowId)).length;
		let latest;
		try {
			partnerCentralEdit(w, oppId, { Project: { AdditionalComments: 'Edited in Partner Central' } });
			const all = await failuresRecorded(seen + 1);
			latest = all.find((e) => nodeOutput(e, 'Failure Without Deal').length);
		} finally {
			removeRule();
			w.pc.sim.faults.remove(fault.id);
		}
		expect(latest?.status).toBe('success');
		expect(nodeOutput(latest!, 'Failure Without Deal')).toEqual([
			expect.objectContaining({ workflowName: 'AWS Partner Central to HubSpot (review, seller, score)', node: 'Get Opportunity', onRetryList: false }),
		]);
		expect(hubspotWrites(w, before)).toEqual([]);
	});
});
