/**
 * Which opportunity fields Partner Central lets a partner change, by review status and stage.
 * Source: ../shared/reference/partner-central.md, section C4 (AWS developer guide "working with opportunity
 * updates", SDK LifeCycle docs, ACE field-definition CSV). Paths use the UpdateOpportunity request shape;
 * array members are addressed without an index (`Project.ExpectedCustomerSpend.Amount`).
 */

export type EditMode = 'all' | 'none' | 'listed' | 'allExceptListed';

export interface EditWindow {
	mode: EditMode;
	fields: string[];
	/** Why, in words a sales rep understands. */
	reason: string;
}

/** Action Required: only these may change (C4.3; "Address.Country" is the CountryCode member). */
export const ACTION_REQUIRED_EDITABLE = [
	'Customer.Account.Address.City',
	'Customer.Account.Address.CountryCode',
	'Customer.Account.Address.PostalCode',
	'Customer.Account.Address.StateOrRegion',
	'Customer.Account.Address.StreetAddress',
	'Customer.Account.WebsiteUrl',
	'LifeCycle.TargetCloseDate',
	'Project.ExpectedCustomerSpend',
	'Project.CustomerBusinessProblem',
	'PartnerOpportunityIdentifier',
];

/** Approved: everything except these (C4.4). */
export const FROZEN_AFTER_APPROVAL = [
	'Customer.Account.Address.CountryCode',
	'Customer.Account.Address.PostalCode',
	'Customer.Account.Industry',
	'Customer.Account.WebsiteUrl',
	'Project.CustomerBusinessProblem',
	'PartnerOpportunityIdentifier',
	'Project.Title',
];

/** Stage Launched: only these (ACE field-definition CSV, "Update - After Launched"). */
export const EDITABLE_AFTER_LAUNCH = ['Project.DeliveryModels', 'Project.AdditionalComments', 'SoftwareRevenue'];

/** Fields the partner never writes; removed from update payloads, never reported as refused. */
export const READ_ONLY_FIELDS = [
	'LifeCycle.ReviewStatus',
	'LifeCycle.ReviewComments',
	'LifeCycle.ReviewStatusReason',
	'LifeCycle.NextStepsHistory',
];

export function editWindowFor(reviewStatus?: string | null, stage?: string | null): EditWindow {
	switch (reviewStatus) {
		case 'Submitted':
		case 'In review':
			return {
				mode: 'none',
				fields: [],
				reason: `AWS is reviewing this opportunity (review status "${reviewStatus}"): no field can change until the review ends`,
			};
		case 'Rejected':
			return { mode: 'none', fields: [], reason: 'AWS rejected this opportunity: it is read-only' };
		case 'Action Required':
			return {
				mode: 'listed',
				fields: ACTION_REQUIRED_EDITABLE,
				reason: 'AWS asked for action: only address, website, close date, spend, business problem and partner id can change',
			};
		default:
			break;
	}
	if (stage === 'Closed Lost') {
		return { mode: 'none', fields: [], reason: 'The opportunity is Closed Lost: changes are not allowed' };
	}
	if (stage === 'Launched') {
		return {
			mode: 'listed',
			fields: EDITABLE_AFTER_LAUNCH,
			reason: 'The opportunity is Launched: only delivery models, additional comments and software revenue can change',
		};
	}
	if (reviewStatus === 'Approved') {
		return {
			mode: 'allExceptListed',
			fields: FROZEN_AFTER_APPROVAL,
			reason: 'AWS approved this opportunity: country, postal code, industry, website, business problem, partner id and title are frozen',
		};
	}
	return { mode: 'all', fields: [], reason: 'The opportunity is editable' };
}

function covers(listed: string, path: string): boolean {
	return path === listed || path.startsWith(`${listed}.`) || listed.startsWith(`${path}.`);
}

export function isPathEditable(window: EditWindow, path: string): boolean {
	switch (window.mode) {
		case 'all':
			return true;
		case 'none':
			return false;
		case 'listed':
			return window.fields.some((f) => path === f || path.startsWith(`${f}.`));
		case 'allExceptListed':
			return !window.fields.some((f) => covers(f, path));
	}
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(normaliseEmpty(a)) === JSON.stringify(normaliseEmpty(b));
}

function normaliseEmpty(v: unknown): unknown {
	if (v === undefined || v === null || v === '') return null;
	if (v instanceof Date) return v.toISOString();
	if (Array.isArray(v)) return v.length ? v.map(normaliseEmpty) : null;
	if (isPlainObject(v)) {
		const out: Record<string, unknown> = {};
		for (const k of Object.keys(v).sort()) {
			const n = normaliseEmpty(v[k]);
			if (n !== null) out[k] = n;
		}
		return Object.keys(out).length ? out : null;
	}
	return v;
}

/**
 * Leaf paths whose values differ between two request-shaped objects. Arrays of objects are compared per member
 * path (index dropped); arrays of scalars as a whole. Empty string, null and missing are the same.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
	if (same(before, after)) return [];
	if (isPlainObject(before) || isPlainObject(after)) {
		const b = isPlainObject(before) ? before : {};
		const a = isPlainObject(after) ? after : {};
		const keys = Array.from(new Set([...Object.keys(b), ...Object.keys(a)])).sort();
		return keys.flatMap((k) => changedPaths(b[k], a[k], prefix ? `${prefix}.${k}` : k));
	}
	const arrays = [before, after].filter(Array.isArray) as unknown[][];
	if (arrays.length && arrays.some((arr) => arr.some(isPlainObject))) {
		const b = Array.isArray(before) ? before : [];
		const a = Array.isArray(after) ? after : [];
		const paths = new Set<string>();
		for (let i = 0; i < Math.max(a.length, b.length); i++) {
			const sub = changedPaths(b[i], a[i], prefix);
			(sub.length ? sub : []).forEach((p) => paths.add(p));
		}
		return paths.size ? Array.from(paths).sort() : [prefix];
	}
	return [prefix];
}

/** The changed paths that the current window refuses. Read-only fields are ignored (they are never sent). */
export function refusedChanges(window: EditWindow, before: unknown, after: unknown): string[] {
	return changedPaths(before, after).filter(
		(p) => !READ_ONLY_FIELDS.some((r) => covers(r, p)) && !isPathEditable(window, p),
	);
}
