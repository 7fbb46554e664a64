/**
 * Sync fingerprints per direction, over exactly the fields listed in tables/defaults.ts. The same function reads
 * a request and a GetOpportunity output, so "what we sent" and "what AWS now has" compare directly. Values are
 * put in canonical form first (amounts, dates, e-mail case, order of multi-values and contacts).
 */
import { syncFingerprint } from '../sync/fingerprint';
import { stableStringify } from '../sync/stableJson';

import { toAwsDate } from './dates';
import { canonicalAmount } from './money';
import { INBOUND_SYNC_PROPERTIES, OUTBOUND_SYNC_FIELDS } from './tables/defaults';
import type { ExpectedCustomerSpend, OpportunityBody, OpportunityContact } from './types';

export function getPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const part of path.split('.')) {
		if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

function canonicalContacts(contacts: OpportunityContact[]): unknown[] {
	return contacts
		.map((c) => ({
			Email: c.Email?.toLowerCase(),
			FirstName: c.FirstName,
			LastName: c.LastName,
			BusinessTitle: c.BusinessTitle,
			Phone: c.Phone,
		}))
		.sort((a, b) => stableStringify(a).localeCompare(stableStringify(b)));
}

function canonicalSpend(spend: ExpectedCustomerSpend[]): unknown[] {
	return spend
		.filter((s) => (s.TargetCompany ?? 'AWS') === 'AWS')
		.map((s) => ({
			Amount: canonicalAmount(s.Amount),
			CurrencyCode: s.CurrencyCode,
			Frequency: s.Frequency,
			TargetCompany: 'AWS',
		}))
		.sort((a, b) => stableStringify(a).localeCompare(stableStringify(b)));
}

/** The HubSpot -> Partner Central synced fields of an opportunity-shaped object, canonical. */
export function outboundSyncedFields(o: OpportunityBody): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const path of OUTBOUND_SYNC_FIELDS) {
		let v = getPath(o, path);
		if (path === 'Customer.Contacts' && Array.isArray(v)) v = canonicalContacts(v as OpportunityContact[]);
		else if (path === 'Project.ExpectedCustomerSpend' && Array.isArray(v)) v = canonicalSpend(v as ExpectedCustomerSpend[]);
		else if (Array.isArray(v)) v = [...(v as unknown[])].map(String).sort();
		out[path] = v;
	}
	return out;
}

export function outboundFingerprint(o: OpportunityBody): string {
	return syncFingerprint(outboundSyncedFields(o));
}

/** The Partner Central -> HubSpot synced deal properties, canonical. */
export function inboundSyncedProperties(props: Record<string, string | null | undefined>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const name of INBOUND_SYNC_PROPERTIES) {
		let v: unknown = props[name];
		if (name === 'closedate') v = toAwsDate(v) ?? v;
		if (name === 'aws_expected_spend' && typeof v === 'string') v = canonicalAmount(v);
		if (typeof v === 'string') v = v.trim();
		out[name] = v;
	}
	return out;
}

export function inboundFingerprint(props: Record<string, string | null | undefined>): string {
	return syncFingerprint(inboundSyncedProperties(props));
}

export interface Fingerprints {
	/** HubSpot -> Partner Central fields (compare with the deal's aws_sync_fingerprint). */
	outbound: string;
	/** Partner Central -> HubSpot properties (compare with the deal's aws_inbound_fingerprint). */
	inbound: string;
}
