import type { IDataObject } from 'n8n-workflow';

import { editWindowFor, READ_ONLY_FIELDS, refusedChanges, type EditWindow } from '../sync/editWindows';
import { PartnerCentralError } from './errors';

/**
 * Safe UpdateOpportunity. UpdateOpportunity replaces the whole opportunity (an omitted field becomes null), so:
 * GetOpportunity -> convert the output to an update input -> deep-merge the requested changes -> check the edit
 * window of the current review status / stage -> UpdateOpportunity with the fetched LastModifiedDate. When someone
 * else changed the opportunity in between (ConflictException), fetch again and redo, a bounded number of times.
 */

export type PcCall = (operation: string, input: IDataObject) => Promise<IDataObject>;
export type NotEditablePolicy = 'error' | 'dropWithWarning';

/** Members UpdateOpportunity accepts besides Catalog, Identifier and LastModifiedDate. */
const UPDATABLE_MEMBERS = [
	'PrimaryNeedsFromAws',
	'NationalSecurity',
	'PartnerOpportunityIdentifier',
	'Customer',
	'Project',
	'OpportunityType',
	'Marketing',
	'SoftwareRevenue',
	'LifeCycle',
];

function isPlainObject(v: unknown): v is IDataObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function clone<T>(v: T): T {
	return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function deletePath(obj: IDataObject, path: string): void {
	const parts = path.split('.');
	let cur: unknown = obj;
	for (const p of parts.slice(0, -1)) {
		if (!isPlainObject(cur)) return;
		cur = cur[p];
	}
	if (isPlainObject(cur)) delete cur[parts[parts.length - 1]];
}

/**
 * GetOpportunity output -> UpdateOpportunity input: Id becomes Identifier; CreatedDate, OpportunityTeam,
 * RelatedEntityIdentifiers, Arn and the read-only LifeCycle fields (ReviewStatus, ReviewComments,
 * ReviewStatusReason, NextStepsHistory) are dropped; LastModifiedDate is kept for the optimistic lock.
 */
export function opportunityToUpdateInput(opportunity: IDataObject): IDataObject {
	const input: IDataObject = {
		Catalog: opportunity.Catalog,
		Identifier: opportunity.Id,
		LastModifiedDate: opportunity.LastModifiedDate,
	};
	for (const member of UPDATABLE_MEMBERS) {
		if (opportunity[member] !== undefined && opportunity[member] !== null) {
			input[member] = clone(opportunity[member]);
		}
	}
	for (const path of READ_ONLY_FIELDS) deletePath(input, path);
	if (isPlainObject(input.LifeCycle) && Object.keys(input.LifeCycle).length === 0) delete input.LifeCycle;
	return input;
}

/**
 * Deep merge: objects merge member by member, arrays and scalars replace, null clears a field, undefined is
 * ignored.
 */
export function deepMerge(base: unknown, changes: unknown): unknown {
	if (changes === undefined) return clone(base);
	if (!isPlainObject(changes) || !isPlainObject(base)) return clone(changes);
	const out: IDataObject = clone(base);
	for (const [k, v] of Object.entries(changes)) {
		if (v === undefined) continue;
		out[k] = deepMerge(base[k], v) as IDataObject[keyof IDataObject];
	}
	return out;
}

/** Put `path` of `target` back to its value in `source` (a whole array when the path goes through one). */
export function revertPath(target: IDataObject, source: IDataObject, path: string): void {
	const parts = path.split('.');
	let t: IDataObject = target;
	let s: unknown = source;
	for (let i = 0; i < parts.length; i++) {
		const key = parts[i];
		const sv = isPlainObject(s) ? s[key] : undefined;
		const last = i === parts.length - 1;
		if (last || Array.isArray(t[key]) || Array.isArray(sv) || !isPlainObject(t[key])) {
			if (sv === undefined) delete t[key];
			else t[key] = clone(sv);
			return;
		}
		t = t[key] as IDataObject;
		s = sv;
	}
}

/**
 * Whether a refusal of the edit window goes away by itself. While AWS reviews the opportunity (Submitted,
 * In review) and while it asks for action (Action Required locks every field it does not ask about) the refusal is
 * temporary: the change can be sent again once the review ends. After approval (C4.4 frozen fields), after launch
 * (only delivery models, comments and software revenue), rejected or Closed Lost it is permanent: AWS will never
 * accept the change on this opportunity. Source: ../shared/reference/partner-central.md C4.
 */
export type RefusalKind = 'temporary' | 'permanent';

const REVIEW_IN_PROGRESS = ['Submitted', 'In review', 'Action Required'];

export function refusalKind(reviewStatus?: string | null): RefusalKind {
	return REVIEW_IN_PROGRESS.includes(reviewStatus ?? '') ? 'temporary' : 'permanent';
}

/** The refusal of one plan: which fields, whether it lasts, and why in a rep's words. */
export interface Refusal {
	fields: string[];
	kind: RefusalKind;
	reason: string;
}

export function describeRefusal(refusal: Refusal): string {
	const fields = refusal.fields.join(', ');
	return refusal.kind === 'temporary'
		? `These fields cannot change while AWS reviews this opportunity: ${fields}. ${refusal.reason}. They can be sent again once the review ends.`
		: `AWS does not allow these fields to change any more on this opportunity: ${fields}. ${refusal.reason}.`;
}

export class EditWindowError extends Error {
	/** True while AWS reviews the opportunity (send again later); false when the fields are frozen for good. */
	public readonly temporary: boolean;

	public readonly kind: RefusalKind;

	constructor(
		public readonly fields: string[],
		public readonly window: EditWindow,
		kind: RefusalKind = 'temporary',
	) {
		super(describeRefusal({ fields, kind, reason: window.reason }));
		this.name = 'EditWindowError';
		this.kind = kind;
		this.temporary = kind === 'temporary';
	}

	/** What n8n shows and what workflows can read (error output / continueOnFail). */
	get data(): IDataObject {
		return {
			refusedFields: this.fields,
			refusalTemporary: this.temporary,
			temporarilyRefusedFields: this.temporary ? this.fields : [],
			permanentlyRefusedFields: this.temporary ? [] : this.fields,
			refusalReason: this.window.reason,
		};
	}
}

export interface MergeUpdateOptions {
	identifier: string;
	catalog?: string;
	/**
	 * Request-shaped fields to change (e.g. { LifeCycle: { NextSteps: '...' } }), or a function of the fetched
	 * opportunity that returns them (for changes that depend on current values).
	 */
	changes: IDataObject | ((opportunity: IDataObject) => IDataObject);
	notEditable?: NotEditablePolicy;
	/** Attempts in total when ConflictException keeps coming back (default 3). */
	maxAttempts?: number;
}

export interface MergeUpdateResult {
	/** UpdateOpportunity's answer (Id, LastModifiedDate), or the current values when nothing had to change. */
	result: IDataObject;
	/** False when there was nothing to send (no change, or every change was dropped). */
	updated: boolean;
	/** Fields that were not sent because the edit window refuses them (policy dropWithWarning). */
	droppedFields: string[];
	/** True when the dropped fields can be sent once AWS's review ends; false when nothing was dropped or for good. */
	refusalTemporary: boolean;
	/** Dropped while AWS reviews: send them again later. */
	temporarilyRefusedFields: string[];
	/** Dropped because AWS does not allow them to change any more (approved, launched, rejected, closed lost). */
	permanentlyRefusedFields: string[];
	/** The edit window's reason when something was dropped, else ''. */
	refusalReason: string;
	warnings: string[];
	attempts: number;
}

export interface MergePlan {
	request: IDataObject;
	changed: boolean;
	droppedFields: string[];
	refusal: Refusal | null;
	warnings: string[];
}

function refusalOutcome(plan: MergePlan) {
	const kind = plan.refusal?.kind;
	return {
		droppedFields: plan.droppedFields,
		refusalTemporary: kind === 'temporary',
		temporarilyRefusedFields: kind === 'temporary' ? plan.droppedFields : [],
		permanentlyRefusedFields: kind === 'permanent' ? plan.droppedFields : [],
		refusalReason: plan.refusal?.reason ?? '',
		warnings: plan.warnings,
	};
}

export function isConflict(error: unknown): boolean {
	if (error instanceof PartnerCentralError) return error.awsName === 'ConflictException';
	const e = error as { name?: string; context?: { data?: { name?: string } } } | undefined;
	return e?.name === 'ConflictException';
}

/** Build the update request for one fetched opportunity (pure: the edit-window decision lives here). */
export function planMergeUpdate(
	opportunity: IDataObject,
	changes: IDataObject,
	notEditable: NotEditablePolicy = 'error',
): MergePlan {
	const base = opportunityToUpdateInput(opportunity);
	const sanitized = clone(changes);
	for (const k of ['Catalog', 'Identifier', 'LastModifiedDate', 'Id']) delete sanitized[k];
	const request = deepMerge(base, sanitized) as IDataObject;
	const lifeCycle = (opportunity.LifeCycle ?? {}) as IDataObject;
	const window = editWindowFor(lifeCycle.ReviewStatus as string, lifeCycle.Stage as string);
	const refused = refusedChanges(window, base, request);
	const warnings: string[] = [];
	const refusal: Refusal | null = refused.length
		? { fields: refused, kind: refusalKind(lifeCycle.ReviewStatus as string), reason: window.reason }
		: null;
	if (refusal) {
		if (notEditable === 'error') throw new EditWindowError(refused, window, refusal.kind);
		for (const path of refused) revertPath(request, base, path);
		warnings.push(`Not sent: ${describeRefusal(refusal)}`);
	}
	// Sandbox lets a partner set LifeCycle.ReviewStatus to simulate AWS's review: an explicit value counts as a change.
	const simulatesReview = isPlainObject(sanitized.LifeCycle) && sanitized.LifeCycle.ReviewStatus !== undefined;
	const changed = simulatesReview || refusedChanges({ mode: 'none', fields: [], reason: '' }, base, request).length > 0;
	return { request, changed, droppedFields: refused, refusal, warnings };
}

export async function mergeUpdateOpportunity(call: PcCall, options: MergeUpdateOptions): Promise<MergeUpdateResult> {
	const maxAttempts = options.maxAttempts ?? 3;
	for (let attempt = 1; ; attempt++) {
		const opportunity = await call('GetOpportunity', {
			Identifier: options.identifier,
			...(options.catalog ? { Catalog: options.catalog } : {}),
		});
		const changes = typeof options.changes === 'function' ? options.changes(opportunity) : options.changes;
		const plan = planMergeUpdate(opportunity, changes, options.notEditable);
		if (!plan.changed) {
			return {
				result: { Id: opportunity.Id, LastModifiedDate: opportunity.LastModifiedDate },
				updated: false,
				...refusalOutcome(plan),
				attempts: attempt,
			};
		}
		try {
			const result = await call('UpdateOpportunity', plan.request);
			return {
				result,
				updated: true,
				...refusalOutcome(plan),
				attempts: attempt,
			};
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- rendered by the caller
			if (!isConflict(error) || attempt >= maxAttempts) throw error;
		}
	}
}
