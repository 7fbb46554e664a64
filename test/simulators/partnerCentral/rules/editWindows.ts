/**
 * Which opportunity fields an UpdateOpportunity may change, by the CURRENT ReviewStatus and Stage
 * (reference partner-central.md section C4). Paths use API member names (docs' "Address.Country" is the
 * model's Address.CountryCode; "EstimationURL" lives inside Project.ExpectedCustomerSpend).
 */
import type { Json } from '../state';

export type EditWindow =
	| { kind: 'all' }
	| { kind: 'none'; reason: string }
	| { kind: 'only'; paths: string[]; reason: string }
	| { kind: 'except'; paths: string[]; reason: string };

/** C4.3: the only fields editable in Action Required. */
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

/** C4.4: frozen after Approved. */
export const APPROVED_FROZEN = [
	'Customer.Account.Address.CountryCode',
	'Customer.Account.Address.PostalCode',
	'Customer.Account.Industry',
	'Customer.Account.WebsiteUrl',
	'Project.CustomerBusinessProblem',
	'PartnerOpportunityIdentifier',
	'Project.Title',
];

/** C4 additional (ACE field CSV): after Launched only these remain editable. */
export const LAUNCHED_EDITABLE = ['Project.DeliveryModels', 'Project.AdditionalComments', 'SoftwareRevenue'];

/** Read-only LifeCycle members ignored in updates (C1 last bullet). */
export const READ_ONLY_PATHS = ['LifeCycle.ReviewStatus', 'LifeCycle.ReviewComments', 'LifeCycle.ReviewStatusReason', 'LifeCycle.NextStepsHistory'];

export function editWindow(reviewStatus: string | undefined, stage: string | undefined): EditWindow {
	if (reviewStatus === 'Submitted' || reviewStatus === 'In review') {
		return { kind: 'none', reason: `Updates are not allowed while the opportunity ReviewStatus is '${reviewStatus}'.` };
	}
	if (reviewStatus === 'Rejected') {
		return { kind: 'none', reason: "A 'Rejected' opportunity is read-only." };
	}
	if (stage === 'Closed Lost') {
		return { kind: 'none', reason: 'Changes are not allowed when an opportunity stage is "Closed Lost" or "Launched".' };
	}
	if (stage === 'Launched') {
		return { kind: 'only', paths: LAUNCHED_EDITABLE, reason: 'Changes are not allowed when an opportunity stage is "Closed Lost" or "Launched".' };
	}
	if (reviewStatus === 'Action Required') {
		return { kind: 'only', paths: ACTION_REQUIRED_EDITABLE, reason: "Only the fields AWS asked about can be edited while ReviewStatus is 'Action Required'." };
	}
	if (reviewStatus === 'Approved') {
		return { kind: 'except', paths: APPROVED_FROZEN, reason: "This field can no longer be changed after the opportunity was 'Approved'." };
	}
	return { kind: 'all' };
}

function covers(prefixes: string[], path: string): boolean {
	return prefixes.some((p) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));
}

export function isEditable(window: EditWindow, path: string): boolean {
	switch (window.kind) {
		case 'all':
			return true;
		case 'none':
			return false;
		case 'only':
			return covers(window.paths, path);
		case 'except':
			return !covers(window.paths, path);
	}
}

function isEmpty(v: unknown): boolean {
	return (
		v === undefined ||
		v === null ||
		v === '' ||
		(Array.isArray(v) && v.length === 0) ||
		(typeof v === 'object' && !Array.isArray(v) && Object.values(v as Json).every(isEmpty))
	);
}

/** Leaf paths of an opportunity payload; arrays are leaves (compared as a whole). */
export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
	if (isEmpty(value)) return out;
	if (typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value as Json)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
	} else {
		out[prefix] = JSON.stringify(value);
	}
	return out;
}

export function changedPaths(before: Json, after: Json): string[] {
	const a = flatten(before);
	const b = flatten(after);
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].filter((k) => a[k] !== b[k] && !READ_ONLY_PATHS.some((r) => k === r || k.startsWith(`${r}.`))).sort();
}
