/** Company domains as HubSpot stores them: lowercase host, no scheme, no www., no path. */
export function normalizeDomain(value: string): string {
	let text = value.trim().toLowerCase();
	text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
	text = text.split(/[/?#]/)[0];
	text = text.replace(/:\d+$/, '');
	text = text.replace(/^www\./, '');
	return text.replace(/\.$/, '');
}

/** HubSpot matches contacts by email case-insensitively; we send lowercase so upserts never split one person. */
export function normalizeEmail(value: string): string {
	return value.trim().toLowerCase();
}

/** A host name: dot-separated labels of letters, digits and hyphens, at most 63 characters each and 253 in all (RFC 1035). */
export function isPlausibleDomain(domain: string): boolean {
	return domain.length <= 253 && /^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/.test(domain);
}

/** local@domain.tld, at most 254 characters with a local part of at most 64 (RFC 5321 limits). */
export function isPlausibleEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(email);
}
