/**
 * The core scenarios of templates 1 and 2 on n8n in queue mode: PostgreSQL and Redis from Debian's packages, a main
 * process and two `n8n worker` processes (harness/queueMode.ts), the Partner Central credential sharing its pace
 * through Redis. Main receives HubSpot's webhooks and runs the pollers; the workers run every execution.
 *
 * Opt-in: `npm run test:queue` (PC_QUEUE=1). Skipped with a printed notice otherwise, or when PostgreSQL/Redis can
 * neither be found nor installed.
 */
import * as fs from 'node:fs';

import { KEY_PREFIX } from '../../../nodes/shared/partnerCentral/sharedLimiter';
import { RedisClient } from '../../../nodes/shared/redis';
import { describeExecutions, waitFor, type Execution } from '../harness';
import type { WorkflowJson } from '../harness/n8nApi';
import { queueModeSkipReason, startQueueStack, type QueueStack } from '../harness/queueMode';
import {
	DEMO_PC_REFERRAL,
	hubspotCall,
	withNodeParameters,
	withSetting,
	type TemplateKey,
} from '../harness/stack';

jest.setTimeout(30 * 60 * 1000);

const skip = queueModeSkipReason((m) => console.log(m));
if (skip) console.log(`queue-mode e2e skipped: ${skip}`);
const describeQueue = skip ? describe.skip : describe;

interface HsDeal {
	id: string;
	properties: Record<string, string | null>;
}
interface PcOpportunity {
	Id: string;
	invitationId?: string;
	data: {
		PartnerOpportunityIdentifier?: string;
		Project?: {
			Title?: string;
			CustomerBusinessProblem?: string;
			ExpectedCustomerSpend?: Array<{ Amount?: string; TargetCompany?: string }>;
		};
	};
}

const DEAL_PROPS = [
	'dealname',
	'aws_opportunity_id',
	'aws_sync_status',
	'aws_last_error',
	'aws_invitation_id',
	'aws_invitation_status',
	'aws_referral_decision',
];

/** What ops set for the test: referrals accepted by policy, polled every minute (n8n's shortest). */
function adjust(key: TemplateKey, wf: WorkflowJson): WorkflowJson {
	if (key !== 'awsReferralsToHubSpot') return wf;
	const polled = withNodeParameters(wf, 'AWS Referral Poll', (p) => ({ ...p, pollTimes: { item: [{ mode: 'everyMinute' }] } }));
	return withSetting(polled, 'decisionPolicy', 'acceptAll');
}

describeQueue('templates on n8n in queue mode (PostgreSQL, Redis, main + 2 workers, shared limiter)', () => {
	let stack: QueueStack;
	let companyId: string;
	let contactId: string;

	const hs = <T>(method: string, path: string, body?: unknown): Promise<T> =>
		hubspotCall<T>(stack.sims!.hubspot.url, method, path, body);
	const deal = (id: string) => hs<HsDeal>('GET', `/crm/v3/objects/deals/${id}?properties=${DEAL_PROPS.join(',')}`);
	const opportunities = async (): Promise<PcOpportunity[]> =>
		Object.values((await stack.pc!.get<{ state: { opportunities: Record<string, PcOpportunity> } }>('state')).state.opportunities);
	const notesOf = async (id: string): Promise<string[]> => {
		const assoc = await hs<{ results: Array<{ toObjectId: number | string }> }>('GET', `/crm/v4/objects/deals/${id}/associations/notes`);
		const bodies: string[] = [];
		for (const a of assoc.results) {
			const note = await hs<HsDeal>('GET', `/crm/v3/objects/notes/${a.toObjectId}?properties=hs_note_body`);
			bodies.push(String(note.properties.hs_note_body ?? ''));
		}
		return bodies;
	};
	const createDeal = async (properties: Record<string, string>): Promise<string> =>
		(
			await stack.hubspot!.post<{ id: string }>('ui/deals/create', {
				properties: { pipeline: 'default', dealstage: 'qualifiedtobuy', closedate: '2027-04-30', amount: '120000', ...properties },
				associations: [
					{ toType: 'companies', toId: companyId, primary: true },
					{ toType: 'contacts', toId: contactId },
				],
			})
		).id;
	const allExecutions = async (): Promise<Execution[]> => {
		const out: Execution[] = [];
		for (const wf of Object.values(stack.workflows)) if (wf) out.push(...(await stack.n8n.api.executions(wf.id)));
		return out;
	};
	const settled = async () =>
		await waitFor(async () => (await allExecutions()).every((e) => e.status !== 'running' && e.status !== 'new'), {
			what: 'no running or queued executions',
			timeoutMs: 180_000,
		});
	const synced = (id: string, check: (d: HsDeal) => boolean = () => true) =>
		waitFor(
			async () => {
				const d = await deal(id);
				return d.properties.aws_sync_status === 'synced' && d.properties.aws_opportunity_id && check(d) ? d : undefined;
			},
			{ what: `deal ${id} synced`, timeoutMs: 180_000 },
		);

	beforeAll(async () => {
		const started = Date.now();
		stack = await startQueueStack({
			timeScale: 10,
			workers: 2,
			sharedLimiter: true,
			adjust,
			log: (m) => console.log(m),
		});
		console.log(`Queue-mode stack up in ${Math.round((Date.now() - started) / 1000)} s`);
		companyId = (
			await stack.hubspot!.post<{ id: string }>('ui/companies/create', {
				properties: {
					name: 'Wayne Enterprises',
					domain: 'wayne.example',
					country: 'United States',
					state: 'New Jersey',
					city: 'Gotham',
					zip: '07001',
					address: '1007 Mountain Drive',
					industry: 'COMPUTER_SOFTWARE',
				},
			})
		).id;
		contactId = (
			await stack.hubspot!.post<{ id: string }>('ui/contacts/create', {
				properties: { firstname: 'Lucius', lastname: 'Fox', email: 'lucius@wayne.example', phone: '+1 201 555 0100', jobtitle: 'CTO' },
				associations: [{ toType: 'companies', toId: companyId, primary: true }],
			})
		).id;
	});

	afterAll(async () => {
		if (!stack) return;
		for (const [key, wf] of Object.entries(stack.workflows)) {
			if (!wf) continue;
			const report = await describeExecutions(stack.n8n.api, wf.id, 8).catch((e: unknown) => String(e));
			console.log(`Latest executions of ${key}:\n${report}`);
		}
		await stack.stop();
	});

	it('a new tagged deal becomes one opportunity, linked back on the deal', async () => {
		const before = await opportunities();
		const id = await createDeal({
			dealname: '#AWS Wayne analytics lake',
			description: 'Consolidate the research division data into a governed analytics lake on AWS.',
			aws_use_case: 'Migration/Database Migration',
			aws_delivery_models: 'Professional Services',
		});
		const d = await synced(id);
		const after = await opportunities();
		expect(after.length).toBe(before.length + 1);
		const opp = after.find((o) => o.Id === d.properties.aws_opportunity_id);
		expect(opp?.data.Project?.Title).toBe('Wayne analytics lake');
		expect(opp?.data.PartnerOpportunityIdentifier).toBe(`HUBSPOT-${id}`);
		// The worker took its write slot from the shared Redis (the key lives a minute after the last slot).
		const redis = RedisClient.fromUrl(stack.limiterRedisUrl);
		const keys = (await redis.command(['KEYS', `${KEY_PREFIX}:*`])) as string[];
		redis.close();
		expect(keys.some((k) => k.endsWith(':write'))).toBe(true);
	});

	it('a change of the deal updates the opportunity', async () => {
		const id = await createDeal({
			dealname: '#AWS Wayne fleet telemetry',
			description: 'Vehicle telemetry ingestion and dashboards on AWS IoT and analytics services.',
			aws_use_case: 'IOT',
			aws_delivery_models: 'Professional Services',
		});
		const d = await synced(id);
		const oppId = d.properties.aws_opportunity_id!;
		await settled();
		await stack.hubspot!.post(`ui/deals/${id}/update`, {
			properties: {
				amount: '180000',
				description: 'Vehicle telemetry ingestion, anomaly detection and dashboards on AWS IoT and analytics services.',
			},
		});
		const spend = (o?: PcOpportunity) => o?.data.Project?.ExpectedCustomerSpend?.find((x) => x.TargetCompany === 'AWS')?.Amount;
		const updated = await waitFor(
			async () => {
				const o = (await opportunities()).find((x) => x.Id === oppId);
				return o && Number(spend(o)) === 15000 ? o : undefined;
			},
			{ what: 'opportunity updated', timeoutMs: 180_000 },
		);
		expect(updated.data.Project?.CustomerBusinessProblem).toContain('anomaly detection');
		await synced(id);
		expect((await opportunities()).filter((o) => o.data.PartnerOpportunityIdentifier === `HUBSPOT-${id}`)).toHaveLength(1);
	});

	it('an invalid deal gets a note listing what to fix, and nothing is written to AWS', async () => {
		await settled();
		const before = (await opportunities()).length;
		const id = await createDeal({ dealname: '#AWS Wayne tiny', description: 'Short' });
		const d = await waitFor(
			async () => {
				const x = await deal(id);
				return x.properties.aws_sync_status === 'error' ? x : undefined;
			},
			{ what: 'invalid deal marked error', timeoutMs: 180_000 },
		);
		expect(d.properties.aws_last_error).toBeTruthy();
		const notes = await notesOf(id);
		expect(notes).toHaveLength(1);
		expect(notes[0].toLowerCase()).toContain('delivery model');
		await settled();
		expect((await opportunities()).length).toBe(before);
	});

	it('an AWS referral becomes a HubSpot deal with its accepted opportunity', async () => {
		const body = JSON.parse(JSON.stringify(DEMO_PC_REFERRAL)) as typeof DEMO_PC_REFERRAL;
		body.opportunity.Project.Title = 'Queue mode referral platform';
		body.opportunity.Customer.Account.CompanyName = 'Queue Referral Inc';
		body.opportunity.Customer.Account.WebsiteUrl = 'https://queue-referral.example';
		body.opportunity.Customer.Contacts[0].Email = 'buyer@queue-referral.example';
		const inv = (await stack.pc!.post<{ Id: string }>('invitations', body)).Id;
		// n8n polls once a minute (on main); the accepted referral's work runs on a worker.
		const dealOfReferral = await waitFor(
			async () => {
				const r = await hs<{ results: HsDeal[] }>('POST', '/crm/v3/objects/deals/search', {
					filterGroups: [{ filters: [{ propertyName: 'aws_invitation_id', operator: 'EQ', value: inv }] }],
					properties: DEAL_PROPS,
				});
				return r.results.length === 1 && r.results[0].properties.aws_opportunity_id ? r.results[0] : undefined;
			},
			{ what: 'deal of the accepted referral', timeoutMs: 240_000, intervalMs: 1000 },
		);
		expect(dealOfReferral.properties.aws_invitation_status).toBe('ACCEPTED');
		const opp = (await opportunities()).filter((o) => o.Id === dealOfReferral.properties.aws_opportunity_id);
		expect(opp).toHaveLength(1);
	});

	it('every execution ran on a worker and none failed', async () => {
		await settled();
		const runs = await allExecutions();
		expect(runs.length).toBeGreaterThan(0);
		expect(runs.filter((e) => e.status !== 'success')).toEqual([]);
		const byWorker = stack.workers.map((w) => new Set(w.startedExecutions()));
		console.log(`Executions per worker: ${byWorker.map((s) => s.size).join(' / ')} (of ${runs.length})`);
		const notOnAWorker = runs.filter((e) => !byWorker.some((s) => s.has(String(e.id))));
		expect(notOnAWorker.map((e) => e.id)).toEqual([]);
		// No worker fell back to pacing on its own.
		for (const w of stack.workers) expect(fs.readFileSync(w.process.logFile, 'utf8')).not.toContain('shared rate limit');
		// Partner Central: no throttle reached a workflow (the shared limiter keeps both workers at one pace).
		const throttles = (await stack.pc!.get<{ requests: Array<{ errorType?: string }> }>('requests')).requests.filter(
			(r) => r.errorType === 'ThrottlingException',
		);
		console.log(`Partner Central ThrottlingException answers during the run: ${throttles.length}`);
	});
});
