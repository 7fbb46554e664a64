/** The simulator's world: state plus clock, scheduler, events, quotas, faults, keys; shared helpers for operations. */
import { SimClock } from '../common/clock';
import { FaultInjector } from '../common/faults';
import { randomId } from '../common/http';
import { SimScheduler } from '../common/scheduler';
import { businessError, notFound, PcError, validationError } from './errors';
import { EventBus, type SqsEnqueuer } from './events';
import { QuotaTracker } from './quotas';
import {
	AWS_ACCOUNT_ID,
	clone,
	engagementArn,
	initialState,
	invitationArn,
	iso,
	type EngagementRecord,
	type InvitationRecord,
	type Json,
	type OpportunityRecord,
	type PcState,
	snapshotArn,
	type SnapshotRecord,
	stableJson,
} from './state';

export const DEFAULT_ACCESS_KEY_ID = 'AKIAPCSIMULATOR00001';
export const DEFAULT_SECRET_ACCESS_KEY = 'pc-simulator-secret';

export interface SimConfig {
	/** Simulated duration of the async Start*Task operations. */
	taskDurationMs: number;
	/** Simulated delay between Submitted and In review. */
	reviewStartDelayMs: number;
	/** Invitations expire when not answered within this simulated time (15 days, C8). */
	invitationTtlMs: number;
	/** Lifetime of STS temporary credentials (simulated ms). */
	sessionDurationMs: number;
}

export function defaultConfig(): SimConfig {
	return { taskDurationMs: 5_000, reviewStartDelayMs: 60_000, invitationTtlMs: 15 * 86_400_000, sessionDurationMs: 3_600_000 };
}

export interface RequestLogEntry {
	seq: number;
	time: string;
	operation: string;
	accessKeyId?: string;
	catalog?: string;
	status: number;
	errorType?: string;
	validation: 'ok' | 'failed' | 'skipped';
	validationErrors?: unknown[];
	faults?: string[];
	durationMs: number;
}

export interface KeyPair {
	secretAccessKey: string;
	denied?: boolean;
	sessionToken?: string;
	expiresAt?: number;
	roleArn?: string;
}

export interface RoleConfig {
	roleArn: string;
	externalId?: string;
	/** Access keys allowed to assume it (default: any known key). */
	allowedAccessKeyIds?: string[];
}

export class PcSim {
	state: PcState;
	readonly scheduler: SimScheduler;
	readonly events: EventBus;
	readonly quotas = new QuotaTracker();
	readonly faults = new FaultInjector();
	keys: Record<string, KeyPair> = {};
	roles: Record<string, RoleConfig> = {};
	requestLog: RequestLogEntry[] = [];
	private logSeq = 0;
	config: SimConfig = defaultConfig();

	constructor(
		readonly clock: SimClock,
		sqs?: SqsEnqueuer,
	) {
		this.state = initialState(clock.now());
		this.scheduler = new SimScheduler(clock);
		this.events = new EventBus(clock, this.scheduler, sqs);
		this.resetKeys();
	}

	resetKeys(): void {
		this.keys = { [DEFAULT_ACCESS_KEY_ID]: { secretAccessKey: DEFAULT_SECRET_ACCESS_KEY } };
		this.roles = {};
	}

	reset(): void {
		this.state = initialState(this.clock.now());
		this.config = defaultConfig();
		this.scheduler.clear();
		this.events.reset();
		this.events.removeSink();
		this.quotas.restoreDefaults();
		this.faults.remove();
		this.requestLog = [];
		this.resetKeys();
	}

	log(entry: Omit<RequestLogEntry, 'seq' | 'time'>): void {
		this.requestLog.push({ seq: ++this.logSeq, time: new Date(this.now()).toISOString(), ...entry });
		if (this.requestLog.length > 5000) this.requestLog.shift();
	}

	now(): number {
		return Math.floor(this.clock.now());
	}

	today(): string {
		return new Date(this.now()).toISOString().slice(0, 10);
	}

	/** ClientToken idempotency (C3): same token + same body -> same result; different body -> ConflictException. */
	idempotent<T>(operation: string, input: Json, run: () => T): T {
		const token = input.ClientToken as string | undefined;
		if (!token) return run();
		const key = `${operation}|${String(input.Catalog ?? '')}|${token}`;
		const bodyKey = stableJson(input);
		const previous = this.state.idempotency[key];
		if (previous) {
			if (previous.bodyKey !== bodyKey) throw new PcError('ConflictException', 'Conflicting client token submitted for a new request body.');
			return clone(previous.response) as T;
		}
		const response = run();
		this.state.idempotency[key] = { bodyKey, response: clone(response) };
		return response;
	}

	opportunity(catalog: string, id: string): OpportunityRecord {
		const rec = this.state.opportunities[id];
		if (!rec || rec.Catalog !== catalog) throw notFound('Opportunity', id);
		return rec;
	}

	engagement(catalog: string, idOrArn: string): EngagementRecord {
		const id = idOrArn.startsWith('arn:') ? idOrArn.split('/').pop()! : idOrArn;
		const rec = this.state.engagements[id];
		if (!rec || rec.Catalog !== catalog) throw notFound('Engagement', idOrArn);
		return rec;
	}

	invitation(catalog: string, idOrArn: string): InvitationRecord {
		const id = idOrArn.startsWith('arn:') ? idOrArn.split('/').pop()! : idOrArn;
		const rec = this.state.invitations[id];
		if (!rec || rec.Catalog !== catalog) throw notFound('Engagement invitation', idOrArn);
		this.expireIfDue(rec);
		return rec;
	}

	isMember(eng: EngagementRecord): boolean {
		return eng.members.some((m) => m.AccountId === this.state.partner.accountId);
	}

	/** Next LastModifiedDate for a record: now, but strictly after the previous one. */
	nextModified(previous: number): number {
		return Math.max(this.now(), previous + 1);
	}

	newEngagement(catalog: string, createdBy: string, title?: string, description?: string): EngagementRecord {
		const id = `eng-${randomId(14)}`;
		const now = this.now();
		const eng: EngagementRecord = {
			Catalog: catalog,
			Id: id,
			Arn: engagementArn(catalog, id),
			Title: title,
			Description: description,
			CreatedAt: now,
			CreatedBy: createdBy,
			ModifiedAt: now,
			ModifiedBy: createdBy,
			Contexts: [],
			members: [],
			resources: [],
			Tags: [],
			nextContextId: 1,
		};
		this.state.engagements[id] = eng;
		return eng;
	}

	engagementEvent(kind: 'Created' | 'Updated', eng: EngagementRecord): void {
		const base = { engagementArn: eng.Arn, engagementId: eng.Id, ContextTypes: [...new Set(eng.Contexts.map((c) => c.Type))] };
		const detail =
			kind === 'Created'
				? { ...base, CreatedAt: iso(eng.CreatedAt), CreatedBy: eng.CreatedBy }
				: { ...base, LastModifiedAt: iso(eng.ModifiedAt), LastModifiedBy: eng.ModifiedBy };
		this.events.emit(`Engagement ${kind}`, eng.Catalog, { engagement: detail }, [eng.Arn]);
	}

	addMember(eng: EngagementRecord, accountId: string, companyName: string, websiteUrl?: string): void {
		if (eng.members.some((m) => m.AccountId === accountId)) return;
		eng.members.push({ AccountId: accountId, CompanyName: companyName, WebsiteUrl: websiteUrl });
		this.events.emit('Engagement Member Added', eng.Catalog, { engagement: { id: eng.Id }, engagementMember: { accountId, companyName } }, [eng.Arn]);
	}

	newInvitation(inv: Omit<InvitationRecord, 'Id' | 'Arn' | 'InvitationDate' | 'ExpirationDate' | 'Status'>): InvitationRecord {
		const id = `engi-${randomId(13)}`;
		const now = this.now();
		const rec: InvitationRecord = {
			...inv,
			Id: id,
			Arn: invitationArn(inv.Catalog, id),
			Status: 'PENDING',
			InvitationDate: now,
			ExpirationDate: now + this.config.invitationTtlMs,
		};
		this.state.invitations[id] = rec;
		this.invitationEvent('Created', rec);
		this.scheduler.at(rec.ExpirationDate, () => this.expireIfDue(rec));
		return rec;
	}

	invitationEvent(kind: 'Created' | 'Accepted' | 'Rejected' | 'Expired', inv: InvitationRecord): void {
		const partner = this.state.partner.accountId;
		const participantType = inv.SenderAwsAccountId === partner ? 'SENDER' : 'RECEIVER';
		const detail: Json = {
			arn: inv.Arn,
			id: inv.Id,
			engagementId: inv.EngagementId,
			senderAccountId: inv.SenderAwsAccountId,
			receiverAccountId: inv.ReceiverAccountId,
			senderCompanyName: inv.SenderCompanyName,
			participantType,
			payloadType: inv.PayloadType,
		};
		if (kind === 'Created') detail.expirationDate = iso(inv.ExpirationDate);
		this.events.emit(`Engagement Invitation ${kind}`, inv.Catalog, { engagementInvitation: detail }, [inv.Arn]);
	}

	expireIfDue(inv: InvitationRecord): void {
		if (inv.Status === 'PENDING' && this.now() >= inv.ExpirationDate) {
			inv.Status = 'EXPIRED';
			this.invitationEvent('Expired', inv);
		}
	}

	linkResource(eng: EngagementRecord, opportunityId: string, createdBy: string): void {
		if (!eng.resources.some((r) => r.ResourceId === opportunityId)) {
			eng.resources.push({ ResourceType: 'Opportunity', ResourceId: opportunityId, CreatedBy: createdBy });
		}
	}

	/** Creates a new snapshot revision and emits Engagement Resource Snapshot Created (C8). */
	snapshot(eng: EngagementRecord, opp: OpportunityRecord, template: string, createdBy: string): SnapshotRecord {
		const existing = this.state.snapshots.filter((s) => s.EngagementId === eng.Id && s.ResourceId === opp.Id && s.ResourceSnapshotTemplateName === template);
		const revision = existing.length + 1;
		const payload =
			template === 'AwsOpportunitySummaryFullView'
				? { AwsOpportunitySummaryFullView: this.awsSummaryView(opp) }
				: { OpportunitySummary: opportunitySummaryView(opp) };
		const snap: SnapshotRecord = {
			Catalog: eng.Catalog,
			Arn: snapshotArn(eng.Catalog, eng.Id, opp.Id, template, revision),
			EngagementId: eng.Id,
			ResourceType: 'Opportunity',
			ResourceId: opp.Id,
			ResourceSnapshotTemplateName: template,
			Revision: revision,
			CreatedAt: this.now(),
			CreatedBy: createdBy,
			Payload: payload,
			TargetMemberAccounts: template === 'AwsOpportunitySummaryFullView' ? [this.state.partner.accountId] : eng.members.map((m) => m.AccountId),
		};
		this.state.snapshots.push(snap);
		this.linkResource(eng, opp.Id, createdBy);
		this.events.emit(
			'Engagement Resource Snapshot Created',
			eng.Catalog,
			{
				resourceSnapshot: {
					arn: snap.Arn,
					engagementId: eng.Id,
					resourceType: 'Opportunity',
					resourceId: opp.Id,
					createdBy,
					targetMemberAccounts: snap.TargetMemberAccounts,
					resourceSnapshotTemplateName: template,
				},
			},
			[snap.Arn],
		);
		return snap;
	}

	/** After any change of an opportunity: Opportunity Updated, then re-snapshot via running snapshot jobs (C8 scenarios). */
	opportunityChanged(opp: OpportunityRecord, createdBy = this.state.partner.accountId): void {
		this.events.opportunity('Updated', opp.Catalog, opp.Id, opp.Arn);
		for (const job of Object.values(this.state.snapshotJobs)) {
			if (job.Status !== 'Running' || job.ResourceId !== opp.Id || job.Catalog !== opp.Catalog) continue;
			const eng = this.state.engagements[job.EngagementId];
			if (!eng) continue;
			this.snapshot(eng, opp, job.ResourceSnapshotTemplateName, createdBy);
			job.LastSuccessfulExecutionDate = this.now();
		}
	}

	awsSummaryView(opp: OpportunityRecord): Json {
		const s = opp.awsSummary ?? {};
		const data = opp.data;
		const project = (data.Project as Json | undefined) ?? {};
		return stripUndefined({
			RelatedOpportunityId: opp.Id,
			Origin: opp.Origin,
			InvolvementType: opp.submission?.InvolvementType,
			Visibility: opp.submission?.Visibility,
			LifeCycle: s.LifeCycle,
			OpportunityTeam: s.OpportunityTeam,
			Insights: s.Insights,
			InvolvementTypeChangeReason: s.InvolvementTypeChangeReason,
			RelatedEntityIds: {
				AwsProducts: opp.RelatedEntityIdentifiers.AwsProducts ?? [],
				Solutions: opp.RelatedEntityIdentifiers.Solutions ?? [],
				AwsMarketplaceSolutions: opp.RelatedEntityIdentifiers.AwsMarketplaceSolutions ?? [],
				AwsMarketplaceProducts: opp.RelatedEntityIdentifiers.AwsMarketplaceProducts ?? [],
			},
			Customer: s.Customer,
			Project: s.Project ?? { ExpectedCustomerSpend: project.ExpectedCustomerSpend, AwsPartition: project.AwsPartition },
			CosellMotion: s.CosellMotion,
		});
	}

	requireBusiness(errors: { FieldName: string; Message: string; Code: string }[]): void {
		if (errors.length) throw validationError('BUSINESS_VALIDATION_FAILED', errors as never);
	}

	businessFail(field: string, code: Parameters<typeof businessError>[1], message: string): never {
		throw businessError(field, code, message);
	}

	isAws(accountId: string): boolean {
		return accountId === AWS_ACCOUNT_ID;
	}
}

export function stripUndefined<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

/** OpportunitySummaryView (snapshot template OpportunitySummaryView). */
export function opportunitySummaryView(opp: OpportunityRecord): Json {
	const d = opp.data as Json & { LifeCycle?: Json; Project?: Json };
	return stripUndefined({
		OpportunityType: d.OpportunityType,
		Lifecycle: d.LifeCycle
			? { TargetCloseDate: d.LifeCycle.TargetCloseDate, ReviewStatus: d.LifeCycle.ReviewStatus, Stage: d.LifeCycle.Stage, NextSteps: d.LifeCycle.NextSteps }
			: undefined,
		OpportunityTeam: opp.OpportunityTeam,
		PrimaryNeedsFromAws: d.PrimaryNeedsFromAws,
		Customer: d.Customer,
		Project: d.Project
			? {
					DeliveryModels: d.Project.DeliveryModels,
					ExpectedCustomerSpend: d.Project.ExpectedCustomerSpend,
					ExpectedContractDuration: d.Project.ExpectedContractDuration,
					CustomerUseCase: d.Project.CustomerUseCase,
					SalesActivities: d.Project.SalesActivities,
					OtherSolutionDescription: d.Project.OtherSolutionDescription,
				}
			: undefined,
		RelatedEntityIdentifiers: opp.RelatedEntityIdentifiers,
	});
}
