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

export function isPlausibleDomain(domain: string): boolean {
	return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain);
}

export function isPlausibleEmail(email: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
