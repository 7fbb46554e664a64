/**
 * HubSpot webhook event batches: parse, validate, split, filter, spot our own writes, and drop redeliveries.
 * Pure functions over plain data; the trigger node wires them to n8n.
 */

/** One event of a HubSpot webhook batch (classic `deal.*` and generic `object.*` subscriptions). */
export interface HubSpotWebhookEvent {
	eventId?: number | string;
	subscriptionId?: number;
	portalId?: number;
	appId?: number;
	occurredAt: number;
	subscriptionType: string;
	attemptNumber?: number;
	objectId: number | string;
	objectTypeId?: string;
	changeSource?: string;
	sourceId?: string;
	changeFlag?: string;
	propertyName?: string;
	propertyValue?: string;
	[key: string]: unknown;
}

export type ParseResult = { ok: true; events: HubSpotWebhookEvent[] } | { ok: false; error: string };

/** Object type ids HubSpot uses in generic (`object.*`) subscriptions, and the names of the classic ones. */
export const OBJECT_TYPE_IDS: Readonly<Record<string, string>> = {
	'0-1': 'contact',
	'0-2': 'company',
	'0-3': 'deal',
	'0-5': 'ticket',
	'0-7': 'product',
	'0-8': 'line_item',
};

export const EVENT_ACTIONS = [
	'creation',
	'propertyChange',
	'deletion',
	'merge',
	'restore',
	'associationChange',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The largest time a JavaScript Date can hold (ms). */
const MAX_DATE_MS = 8.64e15;

/** Change sources that mean "written through the API by an app" (candidates for our own writes). */
export const APP_CHANGE_SOURCES = ['API', 'INTEGRATION'];

/** Parses the raw request body. Anything but a JSON array of well-formed events is refused, with the reason. */
export function parseEventBatch(raw: Buffer | string): ParseResult {
	// The signature covers the bytes as sent; a byte order mark is only dropped for parsing.
	const text = (Buffer.isBuffer(raw) ? raw.toString('utf8') : raw).replace(/^\uFEFF/, '');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return { ok: false, error: `The body is not valid JSON: ${(error as Error).message}` };
	}
	if (!Array.isArray(parsed)) {
		return { ok: false, error: 'The body must be a JSON array of HubSpot events' };
	}
	const events: HubSpotWebhookEvent[] = [];
	for (let i = 0; i < parsed.length; i++) {
		const problem = eventProblem(parsed[i]);
		if (problem) return { ok: false, error: `Event ${i}: ${problem}` };
		events.push(parsed[i] as HubSpotWebhookEvent);
	}
	return { ok: true, events };
}

function eventProblem(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
	const event = value as Record<string, unknown>;
	if (typeof event.subscriptionType !== 'string' || !event.subscriptionType.includes('.')) {
		return 'subscriptionType is missing or not of the form "<object>.<action>"';
	}
	const id = event.objectId;
	const positiveInteger =
		(typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[1-9]\d{0,30}$/.test(id));
	if (!positiveInteger) return 'objectId is missing or not a positive whole number';
	const at = event.occurredAt;
	if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0 || at > MAX_DATE_MS) {
		return 'occurredAt is missing or not a time in milliseconds';
	}
	return undefined;
}

/** `deal`, `company`, `contact`, ... for classic and generic subscriptions (generic: from objectTypeId). */
export function eventObjectType(event: HubSpotWebhookEvent): string {
	const prefix = event.subscriptionType.split('.')[0];
	if (prefix !== 'object') return prefix;
	const typeId = event.objectTypeId ?? '';
	return OBJECT_TYPE_IDS[typeId] ?? typeId;
}

/** `creation`, `propertyChange`, `deletion`, `merge`, `restore`, `associationChange`, ... */
export function eventAction(event: HubSpotWebhookEvent): string {
	return event.subscriptionType.split('.').slice(1).join('.');
}

export interface EventFilters {
	/** Object types to keep (`deal`, `company`, ...); empty keeps all. */
	objectTypes?: string[];
	/** Actions to keep (`creation`, `propertyChange`, ...); empty keeps all. */
	actions?: string[];
	/** Property names to keep for `propertyChange` events; empty keeps all. Other actions are not affected. */
	propertyNames?: string[];
}

export function matchesFilters(event: HubSpotWebhookEvent, filters: EventFilters): boolean {
	const has = (list?: string[]) => Array.isArray(list) && list.length > 0;
	if (has(filters.objectTypes) && !filters.objectTypes!.includes(eventObjectType(event))) return false;
	const action = eventAction(event);
	if (has(filters.actions) && !filters.actions!.includes(action)) return false;
	if (action === 'propertyChange' && has(filters.propertyNames)) {
		return typeof event.propertyName === 'string' && filters.propertyNames!.includes(event.propertyName);
	}
	return true;
}

/**
 * True when the event was caused by one of our apps: changeSource API or INTEGRATION and a sourceId naming one of
 * `appIds`. HubSpot writes the app id either bare (`123456`) or prefixed (`appId:123456`); both match.
 */
export function isOwnWrite(event: HubSpotWebhookEvent, appIds: string[]): boolean {
	if (!appIds.length) return false;
	if (!APP_CHANGE_SOURCES.includes(String(event.changeSource ?? '').toUpperCase())) return false;
	const source = String(event.sourceId ?? '').trim();
	if (!source) return false;
	const id = source.includes(':') ? source.slice(source.lastIndexOf(':') + 1) : source;
	return appIds.some((appId) => appId.trim() !== '' && appId.trim() === id.trim());
}

/** Splits a comma/space/semicolon-separated list typed by a person into trimmed non-empty values. */
export function splitList(value: string | undefined): string[] {
	return (value ?? '')
		.split(/[\s,;]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/**
 * Redelivery key. eventId alone is not unique across subscriptions, so the key combines the fields that identify one
 * change: eventId + occurredAt + objectId + subscriptionType + propertyName.
 */
export function dedupKey(event: HubSpotWebhookEvent): string {
	return [
		String(event.eventId ?? ''),
		String(event.occurredAt),
		String(event.objectId),
		event.subscriptionType,
		event.propertyName ?? '',
	].join('|');
}

/** Seen keys with the time (ms) they were first seen, oldest first. Stored in workflow static data. */
export interface DedupState {
	seen: Record<string, number>;
}

export interface DedupOptions {
	now: number;
	/** How long a key is remembered. HubSpot retries for about a day, so the default covers that. */
	windowMs: number;
	/** Hard cap on remembered keys (oldest forgotten first), so the static data stays small. */
	maxEntries: number;
}

/**
 * Returns the events not seen within the window (also dropping duplicates inside the same batch) and the new state.
 * The input state is not mutated.
 */
export function dropSeenEvents(
	events: HubSpotWebhookEvent[],
	state: DedupState | undefined,
	options: DedupOptions,
): { fresh: HubSpotWebhookEvent[]; duplicates: HubSpotWebhookEvent[]; state: DedupState } {
	const cutoff = options.now - options.windowMs;
	const entries = Object.entries(state?.seen ?? {}).filter(
		([, seenAt]) => typeof seenAt === 'number' && seenAt > cutoff,
	);
	const seen = new Map(entries);
	const fresh: HubSpotWebhookEvent[] = [];
	const duplicates: HubSpotWebhookEvent[] = [];
	for (const event of events) {
		const key = dedupKey(event);
		if (seen.has(key)) {
			duplicates.push(event);
			continue;
		}
		seen.set(key, options.now);
		fresh.push(event);
	}
	const kept = [...seen.entries()].sort((a, b) => a[1] - b[1]).slice(-Math.max(0, options.maxEntries));
	return { fresh, duplicates, state: { seen: Object.fromEntries(kept) } };
}

/** The output item of one event: the event as HubSpot sent it plus normalised ids for the next nodes. */
export function eventToItemJson(event: HubSpotWebhookEvent): Record<string, unknown> {
	const objectType = eventObjectType(event);
	const objectId = String(event.objectId);
	const json: Record<string, unknown> = {
		...event,
		objectId,
		objectType,
		action: eventAction(event),
		occurredAtIso: new Date(event.occurredAt).toISOString(),
		dedupKey: dedupKey(event),
	};
	if (objectType === 'deal') json.dealId = objectId;
	if (objectType === 'company') json.companyId = objectId;
	if (objectType === 'contact') json.contactId = objectId;
	if (objectType === 'ticket') json.ticketId = objectId;
	return json;
}

/**
 * One output per record instead of one per event: a new deal typically arrives as a creation plus one property
 * change per property set. Groups keep the order of first appearance; each item carries every event of its record.
 */
export function eventsByRecordToItemJson(events: HubSpotWebhookEvent[]): Array<Record<string, unknown>> {
	const groups = new Map<string, HubSpotWebhookEvent[]>();
	for (const event of events) {
		const key = `${eventObjectType(event)}|${String(event.objectId)}`;
		const list = groups.get(key);
		if (list) list.push(event);
		else groups.set(key, [event]);
	}
	return [...groups.values()].map((group) => {
		const first = eventToItemJson(group[0]);
		const occurredAt = Math.max(...group.map((e) => e.occurredAt));
		const json: Record<string, unknown> = {
			objectType: first.objectType,
			objectId: first.objectId,
			portalId: group[0].portalId,
			actions: [...new Set(group.map(eventAction))],
			propertyNames: [...new Set(group.map((e) => e.propertyName).filter((n): n is string => typeof n === 'string'))],
			occurredAt,
			occurredAtIso: new Date(occurredAt).toISOString(),
			events: group.map(eventToItemJson),
		};
		for (const idKey of ['dealId', 'companyId', 'contactId', 'ticketId']) if (first[idKey] !== undefined) json[idKey] = first[idKey];
		return json;
	});
}
