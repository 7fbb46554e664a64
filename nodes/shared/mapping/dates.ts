/** HubSpot dates (ISO date, ISO date-time or epoch milliseconds) <-> AWS dates (YYYY-MM-DD, UTC). */
import { DATE_PATTERN } from './tables/constraints';
import { clean } from './text';

/** YYYY-MM-DD (UTC) for a HubSpot date value, or undefined when it is not a date. */
export function toAwsDate(value: unknown): string | undefined {
	const text = clean(value);
	if (!text) return undefined;
	if (DATE_PATTERN.test(text)) return isRealDate(text) ? text : undefined;
	let date: Date;
	if (/^\d{10,15}$/u.test(text)) date = new Date(Number(text));
	else if (/^\d{4}-\d{2}-\d{2}T/u.test(text)) date = new Date(text);
	else return undefined;
	if (Number.isNaN(date.getTime())) return undefined;
	const iso = date.toISOString().slice(0, 10);
	return DATE_PATTERN.test(iso) ? iso : undefined;
}

function isRealDate(ymd: string): boolean {
	const d = new Date(`${ymd}T00:00:00.000Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}

/** The value HubSpot stores for a date-time property at midnight UTC of an AWS date. */
export function toHubSpotDateTime(awsDate: string | undefined): string | undefined {
	if (!awsDate || !DATE_PATTERN.test(awsDate) || !isRealDate(awsDate)) return undefined;
	return `${awsDate}T00:00:00.000Z`;
}

export function todayUtc(now: Date): string {
	return now.toISOString().slice(0, 10);
}
