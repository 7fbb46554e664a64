import type { IDataObject } from 'n8n-workflow';

/**
 * EventBridge events from AWS Partner Central (source `aws.partnercentral-selling`, default bus, us-east-1): check the
 * envelope and turn it into one flat item. Events carry ids only; a workflow re-fetches what it needs. Delivery is
 * best effort and at least once on every route, so the same event (same `eventId`) can arrive more than once and
 * events can arrive out of order.
 */

export const PARTNER_CENTRAL_EVENT_SOURCE = 'aws.partnercentral-selling';

/**
 * Detail types named by AWS. The EventBridge reference and the Partner Central developer guide list different sets;
 * this is their union.
 */
export const PARTNER_CENTRAL_DETAIL_TYPES = [
	'Opportunity Created',
	'Opportunity Updated',
	'Opportunity Accepted',
	'Opportunity Rejected',
	'Engagement Invitation Created',
	'Engagement Invitation Accepted',
	'Engagement Invitation Rejected',
	'Engagement Invitation Expired',
	'Engagement Member Joined',
	'Engagement Member Added',
	'Resource Snapshot Created',
	'Engagement Resource Snapshot Created',
	'Engagement Created',
	'Engagement Updated',
] as const;

export type PartnerCentralDetailType = (typeof PARTNER_CENTRAL_DETAIL_TYPES)[number];

export const PARTNER_CENTRAL_CATALOGS = ['AWS', 'Sandbox'] as const;

/** One event as a workflow sees it. */
export interface NormalisedEvent extends IDataObject {
	eventId: string | null;
	detailType: PartnerCentralDetailType;
	catalog: string;
	time: string | null;
	account: string | null;
	region: string | null;
	opportunityId: string | null;
	invitationId: string | null;
	engagementId: string | null;
	snapshotArn: string | null;
	/** The opportunity (or other resource) a snapshot is of. */
	resourceId: string | null;
	resourceType: string | null;
	raw: IDataObject;
}

export type EnvelopeCheck =
	| { ok: true; event: NormalisedEvent }
	| { ok: false; reason: string; field: 'body' | 'source' | 'detail-type' | 'detail' | 'catalog' | 'filtered' };

export interface EnvelopeOptions {
	/** Catalogs accepted (empty = both). */
	catalogs?: readonly string[];
	/** Detail types accepted (empty = every known type). */
	detailTypes?: readonly string[];
}

function str(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function obj(value: unknown): IDataObject | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null;
}

/** Parse a JSON text (SQS message body) or take an already parsed object (webhook body). */
export function parseEventBody(body: unknown): IDataObject | null {
	if (typeof body === 'string') {
		try {
			return obj(JSON.parse(body));
		} catch {
			return null;
		}
	}
	return obj(body);
}

export function checkEnvelope(body: unknown, options: EnvelopeOptions = {}): EnvelopeCheck {
	const event = parseEventBody(body);
	if (!event) return { ok: false, field: 'body', reason: 'The body is not a JSON object (an EventBridge event).' };
	if (event.source !== PARTNER_CENTRAL_EVENT_SOURCE) {
		return {
			ok: false,
			field: 'source',
			reason: `Event source must be "${PARTNER_CENTRAL_EVENT_SOURCE}", got ${JSON.stringify(event.source ?? null)}.`,
		};
	}
	const detailType = event['detail-type'];
	if (typeof detailType !== 'string' || !(PARTNER_CENTRAL_DETAIL_TYPES as readonly string[]).includes(detailType)) {
		return {
			ok: false,
			field: 'detail-type',
			reason: `Unknown Partner Central detail-type ${JSON.stringify(detailType ?? null)}.`,
		};
	}
	if (options.detailTypes?.length && !options.detailTypes.includes(detailType)) {
		// A valid event the user chose not to receive (not an error: see the triggers for what happens to it).
		return {
			ok: false,
			field: 'filtered',
			reason: `Detail-type "${detailType}" is not one this trigger listens to.`,
		};
	}
	const detail = obj(event.detail);
	if (!detail) return { ok: false, field: 'detail', reason: 'The event has no "detail" object.' };
	const catalog = str(detail.catalog);
	if (!catalog || !(PARTNER_CENTRAL_CATALOGS as readonly string[]).includes(catalog)) {
		return {
			ok: false,
			field: 'catalog',
			reason: `detail.catalog must be "AWS" or "Sandbox", got ${JSON.stringify(detail.catalog ?? null)}.`,
		};
	}
	if (options.catalogs?.length && !options.catalogs.includes(catalog)) {
		return {
			ok: false,
			field: 'catalog',
			reason: `Catalog "${catalog}" is not the one this trigger is set to (${options.catalogs.join(', ')}).`,
		};
	}
	return { ok: true, event: normalise(event, detail, detailType as PartnerCentralDetailType, catalog) };
}

function normalise(
	event: IDataObject,
	detail: IDataObject,
	detailType: PartnerCentralDetailType,
	catalog: string,
): NormalisedEvent {
	const opportunity = obj(detail.opportunity);
	const invitation = obj(detail.engagementInvitation);
	const engagement = obj(detail.engagement);
	const snapshot = obj(detail.resourceSnapshot);

	const resourceType = str(snapshot?.resourceType);
	const resourceId = str(snapshot?.resourceId);
	const opportunityId =
		str(opportunity?.identifier) ??
		str(opportunity?.id) ??
		(resourceType === null || resourceType === 'Opportunity' ? resourceId : null);

	return {
		eventId: str(event.id),
		detailType,
		catalog,
		time: str(event.time),
		account: str(event.account),
		region: str(event.region),
		opportunityId,
		invitationId: str(invitation?.id) ?? idFromArn(str(invitation?.arn), 'engagement-invitation'),
		engagementId:
			str(invitation?.engagementId) ??
			str(engagement?.id) ??
			str(engagement?.engagementId) ??
			str(snapshot?.engagementId),
		snapshotArn: str(snapshot?.arn),
		resourceId,
		resourceType,
		raw: event,
	};
}

/** The last path segment after `/<kind>/` in an ARN, e.g. engi-... from .../engagement-invitation/engi-... */
function idFromArn(arn: string | null, kind: string): string | null {
	if (!arn) return null;
	const marker = `/${kind}/`;
	const at = arn.lastIndexOf(marker);
	if (at < 0) return null;
	const rest = arn.slice(at + marker.length).split('/')[0];
	return rest || null;
}
