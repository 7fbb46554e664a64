/** HubSpot contacts -> Customer.Contacts (customer people only; AWS team members never become contacts). */
import { stableStringify } from '../sync/stableJson';

import { countryCode, normaliseEmail } from './address';
import { toE164 } from './phone';
import type { ProblemList } from './problems';
import { HUBSPOT_CONTACT } from './tables/defaults';
import { LIMITS } from './tables/constraints';
import { clean, charLength, truncate } from './text';
import type { HsObject, OpportunityContact } from './types';

function limited(value: string, max: number, label: string, who: string, problems: ProblemList, field: string, hs: string): string | undefined {
	if (!value) return undefined;
	if (charLength(value) <= max) return value;
	problems.warn(field, 'truncated', `${who}: ${label} is longer than ${max} characters and was cut`, hs);
	return truncate(value, max);
}

export function mapContact(
	contact: HsObject,
	index: number,
	regionFallback: string | undefined,
	problems: ProblemList,
): OpportunityContact | undefined {
	const p = contact.properties ?? {};
	const first = clean(p[HUBSPOT_CONTACT.firstName]);
	const last = clean(p[HUBSPOT_CONTACT.lastName]);
	const rawEmail = clean(p[HUBSPOT_CONTACT.email]);
	const who = [first, last].filter(Boolean).join(' ') || rawEmail || `Contact ${contact.id}`;
	const field = `Customer.Contacts[${index}]`;
	const out: OpportunityContact = {};

	const email = normaliseEmail(rawEmail);
	if (email) out.Email = email;
	else if (rawEmail) {
		problems.warn(`${field}.Email`, 'invalid_value', `${who}: "${rawEmail}" is not a valid e-mail address, so it was left out`, 'contact.email');
	}

	const firstName = limited(first, LIMITS.contactName, 'the first name', who, problems, `${field}.FirstName`, 'contact.firstname');
	if (firstName) out.FirstName = firstName;
	const lastName = limited(last, LIMITS.contactName, 'the last name', who, problems, `${field}.LastName`, 'contact.lastname');
	if (lastName) out.LastName = lastName;
	const title = limited(clean(p[HUBSPOT_CONTACT.jobTitle]), LIMITS.contactTitle, 'the job title', who, problems, `${field}.BusinessTitle`, 'contact.jobtitle');
	if (title) out.BusinessTitle = title;

	const rawPhone = clean(p[HUBSPOT_CONTACT.phone]) || clean(p[HUBSPOT_CONTACT.mobile]);
	if (rawPhone) {
		const region = countryCode(p[HUBSPOT_CONTACT.country]) ?? regionFallback;
		const phone = toE164(rawPhone, region);
		if (phone) out.Phone = phone;
		else {
			problems.warn(
				`${field}.Phone`,
				'invalid_value',
				`${who}: "${rawPhone}" is not a valid phone number${region ? ` for ${region}` : ''} (write it with the country code, e.g. +1 415 555 0100), so it was left out`,
				'contact.phone',
			);
		}
	}
	return Object.keys(out).length ? out : undefined;
}

export function mapContacts(contacts: HsObject[] | undefined, regionFallback: string | undefined, problems: ProblemList): OpportunityContact[] {
	const out: OpportunityContact[] = [];
	const seen = new Set<string>();
	(contacts ?? []).forEach((c, i) => {
		if (!c || typeof c !== 'object') return;
		const mapped = mapContact(c, i, regionFallback, problems);
		if (!mapped) return;
		if (mapped.Email) {
			if (seen.has(mapped.Email)) return;
			seen.add(mapped.Email);
		}
		out.push(mapped);
	});
	return out;
}

/** Same person: same e-mail; without e-mails the same name; without names the same details. */
function samePerson(a: OpportunityContact, b: OpportunityContact): boolean {
	if (a.Email || b.Email) return !!a.Email && !!b.Email && a.Email.toLowerCase() === b.Email.toLowerCase();
	const name = (c: OpportunityContact) => [c.FirstName ?? '', c.LastName ?? ''].join(' ').trim().toLowerCase();
	if (name(a) || name(b)) return name(a) === name(b);
	return stableStringify(a) === stableStringify(b);
}

/**
 * Merge for updates: contacts matched by e-mail (or by name when neither has one); the HubSpot values win field
 * by field, fields HubSpot lacks keep the opportunity's value, and contacts only AWS has are kept.
 */
export function mergeContacts(current: OpportunityContact[] | undefined, mapped: OpportunityContact[]): OpportunityContact[] {
	const result: OpportunityContact[] = (current ?? []).map((c) => ({ ...c }));
	for (const m of mapped) {
		const i = result.findIndex((c) => samePerson(c, m));
		if (i >= 0) result[i] = { ...result[i], ...m };
		else result.push(m);
	}
	return result;
}
