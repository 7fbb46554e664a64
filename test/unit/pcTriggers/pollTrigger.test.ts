import {
	PartnerCentralSellingClient,
	StartEngagementByAcceptingInvitationTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AwsPartnerCentralTrigger } from '../../../nodes/AwsPartnerCentralTrigger/AwsPartnerCentralTrigger.node';
import { SELLING_OPERATIONS_BY_EVENT } from '../../../nodes/AwsPartnerCentralTrigger/tasks';
import { startPartnerCentralSimulator, type PartnerCentralSimulator } from '../../simulators/partnerCentral';
import { createReferral, expireInvitations, seedOpportunities, setAwsSummary, uiEdit } from '../../simulators/partnerCentral/awsSide';
import { pcCredentials, pollContext, resetCaches } from './helpers';

/**
 * The polling trigger against the Partner Central simulator: cursors start at activation, survive ties over page
 * boundaries and records changing while pages are read, never repeat, and an idle poll costs one call per event type.
 */
describe('AWS Partner Central Trigger (polling) against the simulator', () => {
	let pc: PartnerCentralSimulator;
	const node = new AwsPartnerCentralTrigger();

	beforeAll(async () => {
		pc = await startPartnerCentralSimulator({ port: 0 });
	});
	afterAll(async () => {
		await pc.close();
	});
	beforeEach(() => {
		pc.sim.reset();
		resetCaches();
	});

	const calls = (operation?: string) => pc.sim.requestLog.filter((r) => !operation || r.operation === operation).length;

	function harness(parameters: IDataObject, staticData: IDataObject = {}, mode: 'manual' | 'trigger' = 'trigger') {
		return pollContext({
			parameters: { options: { overlapSeconds: 0 }, ...parameters },
			credentials: { awsPartnerCentralApi: pcCredentials(pc.url) },
			staticData,
			mode,
		});
	}

	async function poll(parameters: IDataObject, staticData: IDataObject): Promise<IDataObject[]> {
		const out = (await node.poll.call(harness(parameters, staticData).ctx)) as INodeExecutionData[][] | null;
		return out ? out[0].map((i) => i.json) : [];
	}

	const seed = (n: number, title = 'Deal') =>
		seedOpportunities(
			pc.sim,
			Array.from({ length: n }, (_, i) => ({ Project: { Title: `${title} ${i}` } })),
		);

	async function tick(ms = 5) {
		await new Promise((r) => setTimeout(r, ms));
	}

	it('starts from now, then emits created and updated opportunities once; an idle poll is one call per event type', async () => {
		seed(3, 'Before activation');
		const state: IDataObject = {};
		const events = ['opportunityChanged', 'invitationCreated'];
		expect(await poll({ events }, state)).toEqual([]);
		await tick();
		const [created] = seed(1, 'New');
		const [old] = Object.keys(pc.sim.state.opportunities);
		await tick();
		uiEdit(pc.sim, { identifier: old, changes: { Project: { Title: 'Edited in the Partner Central UI' } } });
		const first = await poll({ events }, state);
		expect(first.map((e) => [e.event, e.opportunityId, e.isNew])).toEqual([
			['opportunityChanged', created, true],
			['opportunityChanged', old, false],
		]);
		pc.sim.requestLog = [];
		expect(await poll({ events }, state)).toEqual([]);
		expect(calls('ListOpportunities')).toBe(1);
		expect(calls('ListEngagementInvitations')).toBe(1);
		expect(calls()).toBe(2);
	});

	it('reads ties spread over pages and records changed while paging without gaps or repeats', async () => {
		const state: IDataObject = {};
		const events = ['opportunityChanged'];
		await poll({ events }, state); // activate
		await tick();
		const ids = seed(230, 'Tie').sort(); // the simulator orders ties by id
		const tie = pc.sim.now() + 1;
		for (const id of ids) pc.sim.state.opportunities[id].LastModifiedDate = tie; // 230 records at one millisecond
		// While the trigger pages, change one record it already read and one it has not read yet.
		const push = pc.sim.requestLog.push.bind(pc.sim.requestLog);
		let listCalls = 0;
		pc.sim.requestLog.push = (...entries) => {
			for (const e of entries) {
				if (e.operation === 'ListOpportunities' && ++listCalls === 2) {
					pc.clock.advance(5);
					uiEdit(pc.sim, { identifier: ids[0], changes: { Project: { Title: 'changed while paging (read)' } } });
					uiEdit(pc.sim, { identifier: ids[229], changes: { Project: { Title: 'changed while paging (unread)' } } });
				}
			}
			return push(...entries);
		};
		const emitted = new Map<string, string[]>();
		const record = (list: IDataObject[]) => {
			for (const e of list) {
				const versions = emitted.get(String(e.opportunityId)) ?? [];
				versions.push(String(e.time));
				emitted.set(String(e.opportunityId), versions);
			}
		};
		record(await poll({ events }, state));
		pc.sim.requestLog.push = push;
		record(await poll({ events }, state));
		record(await poll({ events }, state));
		// every record, in its current version, exactly once per version
		for (const id of ids) {
			const versions = emitted.get(id) ?? [];
			expect(new Set(versions).size).toBe(versions.length);
			expect(versions[versions.length - 1]).toBe(new Date(pc.sim.state.opportunities[id].LastModifiedDate).toISOString());
		}
		expect(emitted.size).toBe(230);
		expect(listCalls).toBeGreaterThanOrEqual(3); // the tie group took more than one page
		// both changed records moved out of the tie while it was being read, and were emitted in their new version
		// (one poll emits a record once, in its newest version)
		for (const id of [ids[0], ids[229]]) {
			expect(pc.sim.state.opportunities[id].LastModifiedDate).toBeGreaterThan(tie);
			expect(emitted.get(id)).toEqual([new Date(pc.sim.state.opportunities[id].LastModifiedDate).toISOString()]);
		}
	});

	it('resumes a large backlog over several polls (max items per poll) without skipping', async () => {
		const state: IDataObject = {};
		const events = ['opportunityChanged'];
		await poll({ events }, state);
		await tick();
		const ids = seed(250, 'Backlog');
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) {
			const out = await poll({ events, options: { overlapSeconds: 0, maxItemsPerPoll: 100 } }, state);
			seen.push(...out.map((e) => String(e.opportunityId)));
		}
		expect(seen.sort()).toEqual([...ids].sort());
	});

	it('backfills from a given date on first activation', async () => {
		const ids = seed(2, 'Old');
		const state: IDataObject = {};
		const out = await poll(
			{ events: ['opportunityChanged'], options: { overlapSeconds: 0, backfillFrom: new Date(pc.sim.now() - 60_000).toISOString() } },
			state,
		);
		expect(out.map((e) => e.opportunityId).sort()).toEqual([...ids].sort());
	});

	it('emits new invitations (with filters) and their status changes once', async () => {
		const state: IDataObject = {};
		const events = ['invitationCreated', 'invitationStatusChanged'];
		await poll({ events }, state);
		await tick();
		const lead = createReferral(pc.sim, { opportunity: { Project: { Title: 'Lead' } }, payloadType: 'LeadInvitation' });
		const opp = createReferral(pc.sim, { opportunity: { Project: { Title: 'Referral' } } });
		const filtered = await poll({ events, invitationPayloadType: ['OpportunityInvitation'] }, { ...state });
		expect(filtered.map((e) => e.invitationId)).toEqual([opp.Id]);
		const out = await poll({ events }, state);
		expect(out.map((e) => [e.event, e.invitationId, e.status]).sort()).toEqual(
			[
				['invitationCreated', lead.Id, 'PENDING'],
				['invitationCreated', opp.Id, 'PENDING'],
			].sort(),
		);
		expect(await poll({ events }, state)).toEqual([]);
		expireInvitations(pc.sim, [opp.Id]);
		const changed = await poll({ events }, state);
		expect(changed.map((e) => [e.event, e.invitationId, e.previousStatus, e.status])).toEqual([
			['invitationStatusChanged', opp.Id, 'PENDING', 'EXPIRED'],
		]);
		expect(await poll({ events }, state)).toEqual([]);
	});

	it('new invitations only: one call per poll even while old invitations stay pending', async () => {
		const state: IDataObject = {};
		const events = ['invitationCreated'];
		await poll({ events, invitationStatus: ['PENDING'] }, state);
		await tick();
		for (let i = 0; i < 3; i++) createReferral(pc.sim, { opportunity: { Project: { Title: `Pending ${i}` } } });
		expect(await poll({ events, invitationStatus: ['PENDING'] }, state)).toHaveLength(3);
		pc.clock.advance(3_600_000);
		const latest = createReferral(pc.sim, { opportunity: { Project: { Title: 'Later' } } });
		expect((await poll({ events, invitationStatus: ['PENDING'] }, state)).map((e) => e.invitationId)).toEqual([latest.Id]);
		pc.sim.requestLog = [];
		expect(await poll({ events, invitationStatus: ['PENDING'] }, state)).toEqual([]);
		expect(calls()).toBe(1);
		// the three older pending invitations are not followed (no status-change events wanted): only the newest is remembered
		expect(Object.keys((state.partnerCentral as { invitations: { known: object } }).invitations.known)).toEqual([latest.Id]);
	});

	it('AWS summary changes: opt-in, one call per followed opportunity, baseline first', async () => {
		const state: IDataObject = {};
		const events = ['awsSummaryChanged'];
		await poll({ events }, state);
		await tick();
		const ids = seed(3, 'Submitted');
		expect(await poll({ events, options: { overlapSeconds: 0, maxTrackedOpportunities: 2 } }, state)).toEqual([]);
		pc.sim.requestLog = [];
		setAwsSummary(pc.sim, { identifier: ids[2], summary: { LifeCycle: { Stage: 'Qualified', NextSteps: 'Call the customer' } } });
		const out = await poll({ events, options: { overlapSeconds: 0, maxTrackedOpportunities: 2 } }, state);
		expect(out.map((e) => [e.event, e.opportunityId])).toEqual([['awsSummaryChanged', ids[2]]]);
		expect(calls('GetAwsOpportunitySummary')).toBe(2);
		expect(calls('ListOpportunities')).toBe(1);
	});

	it('reports a finished task once, including one that started and finished between two polls', async () => {
		const state: IDataObject = {};
		const events = ['acceptInvitationTaskCompleted'];
		await poll({ events }, state);
		await tick();
		const first = createReferral(pc.sim, { opportunity: { Project: { Title: 'Accept me' } } });
		const second = createReferral(pc.sim, { opportunity: { Project: { Title: 'Accept me too' } } });
		const client = new PartnerCentralSellingClient({ endpoint: pc.url, region: 'us-east-1', credentials: pc.credentials });
		const t1 = await client.send(
			new StartEngagementByAcceptingInvitationTaskCommand({ Catalog: 'AWS', Identifier: first.Id, ClientToken: 'accept-1' }),
		);
		expect(await poll({ events }, state)).toEqual([]); // still in progress: followed, not reported
		pc.clock.advance(pc.sim.config.taskDurationMs + 1);
		await pc.tick();
		const t2 = await client.send(
			new StartEngagementByAcceptingInvitationTaskCommand({ Catalog: 'AWS', Identifier: second.Id, ClientToken: 'accept-2' }),
		);
		pc.clock.advance(pc.sim.config.taskDurationMs + 1);
		await pc.tick();
		const done = await poll({ events }, state);
		expect(done.map((e) => [e.event, e.taskId, e.status]).sort()).toEqual(
			[
				['acceptInvitationTaskCompleted', t1.TaskId, 'COMPLETE'],
				['acceptInvitationTaskCompleted', t2.TaskId, 'COMPLETE'],
			].sort(),
		);
		expect(done.every((e) => typeof e.opportunityId === 'string')).toBe(true);
		expect(await poll({ events }, state)).toEqual([]);
		client.destroy();
	});

	it.each(Object.keys(SELLING_OPERATIONS_BY_EVENT))(
		'event type %s calls only the operations declared for it (the IAM role is built from that table)',
		async (event) => {
			const state: IDataObject = {};
			await poll({ events: [event] }, state);
			await tick();
			const [id] = seed(1, 'Declared');
			const inv = createReferral(pc.sim, { opportunity: { Project: { Title: 'Declared' } } });
			await poll({ events: [event] }, state);
			setAwsSummary(pc.sim, { identifier: id, summary: { LifeCycle: { Stage: 'Qualified' } } });
			expireInvitations(pc.sim, [inv.Id]);
			await poll({ events: [event] }, state);
			await node.poll.call(harness({ events: [event] }, {}, 'manual').ctx);
			const called = new Set(pc.sim.requestLog.map((r) => r.operation));
			expect([...called].filter((op) => !SELLING_OPERATIONS_BY_EVENT[event].includes(op))).toEqual([]);
		},
	);

	it('a manual test run returns real recent items and leaves the cursor alone', async () => {
		seed(5, 'Recent');
		const state: IDataObject = {};
		const h = harness({ events: ['opportunityChanged'] }, state, 'manual');
		const out = (await node.poll.call(h.ctx)) as INodeExecutionData[][];
		expect(out[0]).toHaveLength(3);
		expect(out[0][0].json.event).toBe('opportunityChanged');
		expect(state).toEqual({});
	});
});
