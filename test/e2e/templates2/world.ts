/**
 * The other side of the wire for the Templates-2 scenarios: a small in-memory Partner Central (AWS JSON 1.0 over
 * the real SDK, signatures not checked) and a small HubSpot CRM (deals, notes, tasks, search, batch update), both
 * plain HTTP servers that n8n's nodes call for real. They keep only what these templates read and write, record
 * every call, and answer like the services do for those calls. When the shared simulators
 * (test/simulators/partnerCentral, test/simulators/hubspot) expose their start functions, the scenarios can move
 * onto them; the assertions read state through the same small interface.
 */
import { awsError, startAwsJsonServer, type AwsJsonServer, type Reply } from '../../unit/partnerCentral/helpers/awsJsonServer';
import { startScriptedServer, type Received, type ScriptedResponse, type ScriptedServer } from '../../unit/hubspot/helpers/scriptedServer';

export type Json = Record<string, unknown>;

export interface HsRecord {
	id: string;
	properties: Record<string, string | null>;
	createdAt: string;
	updatedAt: string;
	/** Deal ids a note or task is associated with. */
	dealIds?: string[];
}

export interface EngagementTask {
	TaskId: string;
	TaskArn: string;
	OpportunityId: string;
	TaskStatus: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
	ReasonCode?: string;
	Message?: string;
	StartTime: string;
	EngagementId?: string;
	EngagementInvitationId?: string;
	ResourceSnapshotJobId?: string;
	ClientToken?: string;
	polls: number;
}

export interface World {
	pc: AwsJsonServer;
	hs: ScriptedServer;
	opportunities: Map<string, Json>;
	summaries: Map<string, Json>;
	/** Solutions the catalog offers (AssociateOpportunity refuses others). */
	solutions: Set<string>;
	engagementTasks: EngagementTask[];
	/** Engagements: their opportunity, members and current snapshot revision. */
	engagements: Map<string, { opportunityId: string; members: Json[]; revision: number }>;
	/** UpdateOpportunity requests AWS accepted. */
	updates: Array<{ id: string; body: Json }>;
	/** What StartEngagementFromOpportunityTask does with the next task: complete or fail with a reason. */
	nextTaskOutcome: { status: 'COMPLETE' } | { status: 'FAILED'; reasonCode: string; message: string };
	deals: Map<string, HsRecord>;
	companies: Map<string, HsRecord>;
	/** Deleted (or merged-away) deals, readable with ?archived=true. */
	archivedDeals: Map<string, HsRecord>;
	/** Tags on Partner Central resources, by ARN. */
	tags: Map<string, Record<string, string>>;
	/** deal id -> associated company ids (primary first). */
	dealCompanies: Map<string, string[]>;
	/** Deal property definitions and property groups (Ensure properties). */
	dealProperties: Map<string, Json>;
	propertyGroups: Set<string>;
	notes: HsRecord[];
	tasks: HsRecord[];
	/** HubSpot answers 503 to these many calls first (a failing HubSpot), then works again. */
	hubspotOutage: { remaining: number; paths: RegExp };
	pcWrites(): string[];
	hsWrites(): Received[];
	close(): Promise<void>;
}

const WRITE_OPS = new Set([
	'CreateOpportunity',
	'UpdateOpportunity',
	'AssociateOpportunity',
	'DisassociateOpportunity',
	'StartEngagementFromOpportunityTask',
	'SubmitOpportunity',
	'AssignOpportunity',
]);

let counter = 1000;
const nextId = () => String(++counter);
const iso = () => new Date().toISOString();

export function opportunityFixture(id: string, overrides: Json = {}): Json {
	const base: Json = {
		Id: id,
		Arn: `arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/${id}`,
		Catalog: 'Sandbox',
		CreatedDate: '2026-11-01T10:00:00.000Z',
		LastModifiedDate: '2026-11-20T10:00:00.000Z',
		PartnerOpportunityIdentifier: 'HUBSPOT-1',
		OpportunityType: 'Net New Business',
		PrimaryNeedsFromAws: ['Co-Sell - Deal Support'],
		NationalSecurity: 'No',
		Origin: 'Partner Referral',
		Customer: {
			Account: {
				CompanyName: 'Acme Analytics',
				WebsiteUrl: 'https://acme.example.com',
				Industry: 'Software and Internet',
				Address: { CountryCode: 'US', StateOrRegion: 'Washington', City: 'Seattle', PostalCode: '98101' },
			},
			Contacts: [],
		},
		Project: {
			Title: 'Data lake migration',
			CustomerBusinessProblem: 'Acme runs nightly batch reports on an overloaded on-premises warehouse.',
			CustomerUseCase: 'Migration/Database Migration',
			DeliveryModels: ['SaaS or PaaS'],
			SalesActivities: ['Initialized discussions with customer'],
			ExpectedCustomerSpend: [{ Amount: '5000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
		},
		LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Submitted', TargetCloseDate: '2027-06-30' },
		RelatedEntityIdentifiers: { Solutions: [] },
	};
	return deepMerge(base, overrides);
}

export function summaryFixture(id: string, overrides: Json = {}): Json {
	return deepMerge(
		{
			RelatedOpportunityId: id,
			Catalog: 'Sandbox',
			Origin: 'Partner Referral',
			InvolvementType: 'Co-Sell',
			Visibility: 'Full',
			LifeCycle: { Stage: 'Qualified', NextSteps: 'Intro call with the AWS account team' },
			Insights: { EngagementScore: 'Medium' },
			OpportunityTeam: [],
		},
		overrides,
	);
}

function deepMerge(a: Json, b: Json): Json {
	const out: Json = { ...a };
	for (const [k, v] of Object.entries(b)) {
		const prev = out[k];
		out[k] =
			v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
				? deepMerge(prev as Json, v as Json)
				: v;
	}
	return out;
}

export function setPath(target: Json, path: string, value: unknown): void {
	const parts = path.split('.');
	let cur = target;
	for (const p of parts.slice(0, -1)) {
		if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {};
		cur = cur[p] as Json;
	}
	cur[parts[parts.length - 1]] = value;
}

function matches(record: HsRecord, filter: Json): boolean {
	const value = record.properties[String(filter.propertyName)] ?? (filter.propertyName === 'hs_object_id' ? record.id : null);
	switch (filter.operator) {
		case 'EQ':
			return value === String(filter.value);
		case 'NEQ':
			return value !== String(filter.value);
		case 'IN':
			return ((filter.values as string[]) ?? []).map(String).includes(String(value));
		case 'HAS_PROPERTY':
			return value !== null && value !== undefined && value !== '';
		case 'NOT_HAS_PROPERTY':
			return value === null || value === undefined || value === '';
		case 'GT':
			return Number(value) > Number(filter.value);
		case 'CONTAINS_TOKEN':
			return String(value ?? '').toLowerCase().includes(String(filter.value).replace(/\*/g, '').toLowerCase());
		default:
			return false;
	}
}

export async function startWorld(): Promise<World> {
	const world = {
		opportunities: new Map<string, Json>(),
		summaries: new Map<string, Json>(),
		solutions: new Set<string>(['S-1234567']),
		engagementTasks: [] as EngagementTask[],
		updates: [] as Array<{ id: string; body: Json }>,
		engagements: new Map<string, { opportunityId: string; members: Json[]; revision: number }>(),
		nextTaskOutcome: { status: 'COMPLETE' } as World['nextTaskOutcome'],
		deals: new Map<string, HsRecord>(),
		companies: new Map<string, HsRecord>(),
		archivedDeals: new Map<string, HsRecord>(),
		tags: new Map<string, Record<string, string>>(),
		dealCompanies: new Map<string, string[]>(),
		dealProperties: new Map<string, Json>([
			['dealname', { name: 'dealname', type: 'string' }],
			['amount', { name: 'amount', type: 'number' }],
		]),
		propertyGroups: new Set<string>(['dealinformation']),
		notes: [] as HsRecord[],
		tasks: [] as HsRecord[],
		hubspotOutage: { remaining: 0, paths: /./ },
	} as unknown as World;

	const notFound = (what: string) => awsError('ResourceNotFoundException', `${what} not found`);
	const pcHandler = (operation: string, body: Json): Reply => {
		const opp = (key: string) => world.opportunities.get(String(body[key] ?? ''));
		switch (operation) {
			case 'GetOpportunity': {
				const o = opp('Identifier');
				return o ? { body: o } : notFound(`Opportunity ${String(body.Identifier)}`);
			}
			case 'GetAwsOpportunitySummary': {
				const s = world.summaries.get(String(body.RelatedOpportunityIdentifier));
				return s ? { body: s } : notFound(`AWS opportunity summary for ${String(body.RelatedOpportunityIdentifier)}`);
			}
			case 'AssociateOpportunity': {
				const o = opp('OpportunityIdentifier');
				if (!o) return notFound(`Opportunity ${String(body.OpportunityIdentifier)}`);
				const id = String(body.RelatedEntityIdentifier);
				if (body.RelatedEntityType === 'Solutions' && !world.solutions.has(id))
					return awsError('ValidationException', `Solution ${id} is not available to this partner`, {
						Reason: 'REQUEST_VALIDATION_FAILED',
						ErrorList: [{ FieldName: 'RelatedEntityIdentifier', Message: `Unknown solution ${id}`, Code: 'INVALID_VALUE' }],
					});
				const rel = (o.RelatedEntityIdentifiers ?? {}) as Json;
				const list = new Set((rel.Solutions as string[]) ?? []);
				list.add(id);
				o.RelatedEntityIdentifiers = { ...rel, Solutions: [...list] };
				o.LastModifiedDate = iso();
				return { body: {} };
			}
			case 'StartEngagementFromOpportunityTask': {
				const o = opp('Identifier');
				if (!o) return notFound(`Opportunity ${String(body.Identifier)}`);
				const existing = world.engagementTasks.find((t) => t.ClientToken && t.ClientToken === body.ClientToken);
				const task: EngagementTask = existing ?? {
					TaskId: `task-${nextId()}`,
					TaskArn: '',
					OpportunityId: String(o.Id),
					TaskStatus: 'IN_PROGRESS',
					StartTime: iso(),
					ClientToken: body.ClientToken as string | undefined,
					polls: 0,
				};
				if (!existing) {
					task.TaskArn = `arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-from-opportunity-task/${task.TaskId}`;
					world.engagementTasks.push(task);
				}
				return { body: { TaskId: task.TaskId, TaskArn: task.TaskArn, OpportunityId: task.OpportunityId, TaskStatus: task.TaskStatus, StartTime: task.StartTime } };
			}
			case 'ListEngagementFromOpportunityTasks': {
				const ids = (body.TaskIdentifier as string[] | undefined) ?? [];
				const out = world.engagementTasks.filter((t) => !ids.length || ids.includes(t.TaskId)).map((t) => settle(t));
				return { body: { TaskSummaries: out } };
			}
			case 'ListOpportunities': {
				const all = [...world.opportunities.values()].sort((a, b) => String(a.Id).localeCompare(String(b.Id)));
				const start = Number(body.NextToken ?? 0);
				const size = Math.min(Number(body.MaxResults ?? 20), 20);
				const page = all.slice(start, start + size).map((o) => ({
					Id: o.Id,
					Arn: o.Arn,
					Catalog: o.Catalog,
					PartnerOpportunityIdentifier: o.PartnerOpportunityIdentifier,
					OpportunityType: o.OpportunityType,
					LastModifiedDate: o.LastModifiedDate,
					CreatedDate: o.CreatedDate,
					LifeCycle: o.LifeCycle,
					Customer: { Account: { CompanyName: ((o.Customer as Json)?.Account as Json)?.CompanyName } },
				}));
				return { body: { OpportunitySummaries: page, ...(start + size < all.length ? { NextToken: String(start + size) } : {}) } };
			}
			case 'UpdateOpportunity': {
				const o = opp('Identifier');
				if (!o) return notFound(`Opportunity ${String(body.Identifier)}`);
				if (String(body.LastModifiedDate) !== String(o.LastModifiedDate) && Date.parse(String(body.LastModifiedDate)) !== Date.parse(String(o.LastModifiedDate)))
					return awsError('ConflictException', 'The opportunity was modified since it was read');
				const review = String((o.LifeCycle as Json)?.ReviewStatus ?? '');
				if (review === 'Submitted' || review === 'In review')
					return awsError('ValidationException', `The opportunity cannot be updated while its review status is ${review}`, { Reason: 'BUSINESS_VALIDATION_FAILED' });
				for (const [k, v] of Object.entries(body)) {
					if (['Catalog', 'Identifier', 'LastModifiedDate', 'ClientToken'].includes(k)) continue;
					if (k === 'LifeCycle') o.LifeCycle = { ...(v as Json), ReviewStatus: review, ReviewComments: (o.LifeCycle as Json)?.ReviewComments };
					else o[k] = v;
				}
				o.LastModifiedDate = iso();
				world.updates.push({ id: String(o.Id), body });
				return { body: { Id: o.Id, LastModifiedDate: o.LastModifiedDate } };
			}
			case 'TagResource': {
				const arn = String(body.ResourceArn);
				const o = [...world.opportunities.values()].find((x) => x.Arn === arn);
				if (!o) return notFound(`Resource ${arn}`);
				const tags = world.tags.get(arn) ?? {};
				for (const t of (body.Tags as Json[]) ?? []) tags[String(t.Key)] = String(t.Value);
				world.tags.set(arn, tags);
				return { body: {} };
			}
			case 'GetResourceSnapshot': {
				const o = world.opportunities.get(String(body.ResourceIdentifier));
				const engagementId = String(body.EngagementIdentifier);
				if (!o || world.engagements.get(engagementId)?.opportunityId !== o.Id) return notFound(`Snapshot of ${String(body.ResourceIdentifier)} in ${engagementId}`);
				const revision = world.engagements.get(engagementId)!.revision;
				const life = (o.LifeCycle ?? {}) as Json;
				return {
					body: {
						Catalog: 'Sandbox',
						Arn: `arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/${engagementId}/resource/Opportunity/${String(o.Id)}/template/${String(body.ResourceSnapshotTemplateIdentifier)}/snapshot/${revision}`,
						CreatedBy: 'aws',
						CreatedAt: iso(),
						EngagementId: engagementId,
						ResourceType: 'Opportunity',
						ResourceId: o.Id,
						ResourceSnapshotTemplateName: body.ResourceSnapshotTemplateIdentifier,
						Revision: revision,
						Payload: { OpportunitySummary: { Lifecycle: { Stage: life.Stage, ReviewStatus: life.ReviewStatus, NextSteps: 'AWS specialist joins the next call', TargetCloseDate: life.TargetCloseDate }, Project: { Title: (o.Project as Json)?.Title } } },
					},
				};
			}
			case 'ListEngagementResourceAssociations': {
				const e = world.engagements.get(String(body.EngagementIdentifier));
				return {
					body: { EngagementResourceAssociationSummaries: e ? [{ Catalog: 'Sandbox', EngagementId: String(body.EngagementIdentifier), ResourceType: 'Opportunity', ResourceId: e.opportunityId, CreatedBy: '123456789012' }] : [] },
				};
			}
			case 'ListEngagementMembers': {
				const e = world.engagements.get(String(body.Identifier));
				return e ? { body: { EngagementMemberList: e.members } } : notFound(`Engagement ${String(body.Identifier)}`);
			}
			case 'ListSolutions':
				return {
					body: {
						SolutionSummaries: [...world.solutions].map((id) => ({
							Id: id,
							Arn: `arn:aws:partnercentral:us-east-1::catalog/Sandbox/solution/${id}`,
							Name: `Solution ${id}`,
							Status: 'Active',
							Category: 'Software Product',
							CreatedDate: '2026-01-01T00:00:00.000Z',
							Catalog: 'Sandbox',
						})),
					},
				};
			default:
				return awsError('ValidationException', `${operation} is not modelled by the Templates-2 world`);
		}
	};

	/** A task finishes on its second look: success marks the opportunity submitted; failure carries AWS's reason. */
	const settle = (t: EngagementTask): Json => {
		t.polls++;
		if (t.TaskStatus === 'IN_PROGRESS' && t.polls >= 2) {
			const outcome = world.nextTaskOutcome;
			if (outcome.status === 'COMPLETE') {
				t.TaskStatus = 'COMPLETE';
				t.EngagementId = `eng-${nextId()}`;
				t.EngagementInvitationId = `engi-${nextId()}`;
				const o = world.opportunities.get(t.OpportunityId);
				if (o) {
					(o.LifeCycle as Json).ReviewStatus = 'Submitted';
					o.LastModifiedDate = iso();
				}
			} else {
				t.TaskStatus = 'FAILED';
				t.ReasonCode = outcome.reasonCode;
				t.Message = outcome.message;
			}
		}
		const rest: Json = { ...t };
		delete rest.polls;
		delete rest.ClientToken;
		return rest;
	};

	const hsHandler = (req: Received): ScriptedResponse => {
		const url = new URL(req.url, 'http://x');
		const path = url.pathname;
		const body = (req.body ?? {}) as Json;
		if (world.hubspotOutage.remaining > 0 && world.hubspotOutage.paths.test(`${req.method} ${path}`)) {
			world.hubspotOutage.remaining--;
			return { status: 503, body: { status: 'error', message: 'Service unavailable', category: 'SERVICE_UNAVAILABLE' } };
		}
		const out = (r: HsRecord) => ({ id: r.id, properties: r.properties, createdAt: r.createdAt, updatedAt: r.updatedAt, archived: false });
		if (req.method === 'POST' && path === '/crm/v3/objects/deals/search') {
			const groups = (body.filterGroups as Json[]) ?? [];
			const all = [...world.deals.values()]
				.filter((d) => !groups.length || groups.some((g) => ((g.filters as Json[]) ?? []).every((f) => matches(d, f))))
				.sort((a, b) => Number(a.id) - Number(b.id));
			const start = Number(body.after ?? 0);
			const limit = Number(body.limit ?? 10);
			const page = all.slice(start, start + limit);
			const next = start + limit < all.length ? { next: { after: String(start + limit) } } : undefined;
			return { body: { total: all.length, results: page.map(out), ...(next ? { paging: next } : {}) } };
		}
		if (req.method === 'POST' && path === '/crm/v3/objects/deals/batch/update') {
			const results: unknown[] = [];
			const errors: unknown[] = [];
			for (const input of (body.inputs as Json[]) ?? []) {
				const d = world.deals.get(String(input.id));
				if (!d) {
					errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Deal ${String(input.id)} not found`, context: { ids: [String(input.id)] } });
					continue;
				}
				for (const [k, v] of Object.entries((input.properties as Json) ?? {})) d.properties[k] = v === null ? null : String(v);
				d.updatedAt = iso();
				results.push(out(d));
			}
			return { status: errors.length ? 207 : 200, body: { status: 'COMPLETE', results, ...(errors.length ? { errors, numErrors: errors.length } : {}) } };
		}
		if (req.method === 'POST' && path === '/crm/v3/objects/deals/batch/read') {
			const results = ((body.inputs as Json[]) ?? []).map((i) => world.deals.get(String(i.id))).filter((d): d is HsRecord => !!d);
			return { body: { status: 'COMPLETE', results: results.map(out) } };
		}
		const assocRead = /^\/crm\/v4\/associations\/deals\/(companies|contacts)\/batch\/read$/.exec(path);
		if (req.method === 'POST' && assocRead) {
			// Companies are associated as primary (type 5); contacts with the default type (3).
			const results = ((body.inputs as Json[]) ?? [])
				.map((i) => String(i.id))
				.map((dealId) => {
					const ids = assocRead[1] === 'companies' ? (world.dealCompanies.get(dealId) ?? []) : [];
					return { from: { id: dealId }, to: ids.map((toObjectId) => ({ toObjectId, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 5 }] })) };
				})
				.filter((r) => r.to.length);
			return { body: { status: 'COMPLETE', results } };
		}
		if (req.method === 'POST' && path === '/crm/v3/objects/companies/batch/read') {
			const results = ((body.inputs as Json[]) ?? []).map((i) => world.companies.get(String(i.id))).filter((c): c is HsRecord => !!c);
			return { body: { status: 'COMPLETE', results: results.map(out) } };
		}
		if (req.method === 'POST' && path === '/crm/v3/objects/contacts/batch/read') return { body: { status: 'COMPLETE', results: [] } };
		const dealsOf = /^\/crm\/v4\/objects\/(companies|contacts)\/(\d+)\/associations\/deals$/.exec(path);
		if (req.method === 'GET' && dealsOf) {
			const dealIds = dealsOf[1] === 'companies' ? [...world.dealCompanies.entries()].filter(([, c]) => c.includes(dealsOf[2])).map(([d]) => d) : [];
			return { body: { results: dealIds.map((toObjectId) => ({ toObjectId: Number(toObjectId), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 6, label: 'Primary' }] })) } };
		}
		if (path === '/crm/v3/properties/deals/groups') {
			if (req.method === 'GET') return { body: { results: [...world.propertyGroups].map((name) => ({ name, label: name })) } };
			const name = String(body.name);
			if (world.propertyGroups.has(name)) return { status: 409, body: { status: 'error', category: 'CONFLICT', message: 'Group exists' } };
			world.propertyGroups.add(name);
			return { status: 201, body: { name, label: body.label } };
		}
		if (path === '/crm/v3/properties/deals') {
			if (req.method === 'GET') return { body: { results: [...world.dealProperties.values()] } };
			const name = String(body.name);
			if (world.dealProperties.has(name)) return { status: 409, body: { status: 'error', category: 'CONFLICT', message: `Property ${name} exists` } };
			world.dealProperties.set(name, body);
			return { status: 201, body };
		}
		if (req.method === 'GET' && path === '/crm/v3/pipelines/deals') {
			return {
				body: {
					results: [
						{
							id: 'default',
							label: 'Sales Pipeline',
							displayOrder: 0,
							stages: [
								{ id: 'appointmentscheduled', label: 'Appointment Scheduled', displayOrder: 0, metadata: { probability: '0.2', isClosed: 'false' } },
								{ id: 'closedwon', label: 'Closed Won', displayOrder: 1, metadata: { probability: '1.0', isClosed: 'true' } },
								{ id: 'closedlost', label: 'Closed Lost', displayOrder: 2, metadata: { probability: '0.0', isClosed: 'true' } },
							],
						},
					],
				},
			};
		}
		const dealGet = /^\/crm\/v3\/objects\/deals\/(\d+)$/.exec(path);
		if (req.method === 'GET' && dealGet) {
			const d = url.searchParams.get('archived') === 'true' ? world.archivedDeals.get(dealGet[1]) : world.deals.get(dealGet[1]);
			return d ? { body: out(d) } : { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Object not found' } };
		}
		if (req.method === 'POST' && (path === '/crm/v3/objects/notes' || path === '/crm/v3/objects/tasks')) {
			const dealIds = ((body.associations as Json[]) ?? []).map((a) => String((a.to as Json).id));
			for (const id of dealIds)
				if (!world.deals.has(id)) return { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: `Deal ${id} not found` } };
			const rec: HsRecord = {
				id: nextId(),
				properties: Object.fromEntries(Object.entries((body.properties as Json) ?? {}).map(([k, v]) => [k, v === null ? null : String(v)])),
				createdAt: iso(),
				updatedAt: iso(),
				dealIds,
			};
			(path.endsWith('notes') ? world.notes : world.tasks).push(rec);
			return { status: 201, body: out(rec) };
		}
		return { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: `${req.method} ${path} is not modelled by the Templates-2 world` } };
	};

	world.pc = await startAwsJsonServer(pcHandler);
	world.hs = await startScriptedServer(hsHandler);
	world.pcWrites = () => world.pc.requests.map((r) => r.operation).filter((op) => WRITE_OPS.has(op));
	world.hsWrites = () => world.hs.received.filter((r) => r.method !== 'GET' && !r.url.includes('/search') && !r.url.includes('/batch/read'));
	world.close = async () => {
		await world.pc.close();
		await world.hs.close();
	};
	return world;
}

export function addDeal(world: World, properties: Record<string, string | null>): HsRecord {
	const d: HsRecord = { id: nextId(), properties: { hubspot_owner_id: '77', pipeline: 'default', ...properties }, createdAt: iso(), updatedAt: iso() };
	d.properties.hs_object_id = d.id;
	world.deals.set(d.id, d);
	return d;
}

export function notesOn(world: World, dealId: string): HsRecord[] {
	return world.notes.filter((n) => n.dealIds?.includes(dealId));
}

export function tasksOn(world: World, dealId: string): HsRecord[] {
	return world.tasks.filter((n) => n.dealIds?.includes(dealId));
}

export function addCompany(world: World, properties: Record<string, string | null>, dealIds: string[] = []): HsRecord {
	const c: HsRecord = { id: nextId(), properties: { ...properties }, createdAt: iso(), updatedAt: iso() };
	c.properties.hs_object_id = c.id;
	world.companies.set(c.id, c);
	for (const d of dealIds) world.dealCompanies.set(d, [...(world.dealCompanies.get(d) ?? []), c.id]);
	return c;
}

/** Deletes (archives) a deal the way HubSpot does: gone from the CRM, readable with ?archived=true. */
export function archiveDeal(world: World, dealId: string): void {
	const d = world.deals.get(dealId);
	if (!d) return;
	world.deals.delete(dealId);
	world.archivedDeals.set(dealId, d);
}
