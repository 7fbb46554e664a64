import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { HeaderBag, SignatureVersion } from '../shared/hubspot/signatures';
import { candidateRequestUrls, verifyHubSpotSignature } from '../shared/hubspot/signatures';
import type { DedupState, HubSpotWebhookEvent } from '../shared/hubspot/webhookEvents';
import {
	dropSeenEvents,
	eventsByRecordToItemJson,
	eventToItemJson,
	isOwnWrite,
	matchesFilters,
	parseEventBatch,
	splitList,
} from '../shared/hubspot/webhookEvents';

/** The parts of express' request and response this trigger uses (express types are not a dependency). */
interface WebhookRequest {
	method?: string;
	originalUrl?: string;
	url?: string;
	protocol?: string;
	headers: HeaderBag;
	rawBody?: Buffer;
	body?: unknown;
	readRawBody?: () => Promise<void>;
}

interface WebhookResponse {
	status(code: number): WebhookResponse;
	json(body: unknown): unknown;
}

interface TriggerOptions {
	signatureVersions?: SignatureVersion[];
	deduplicate?: boolean;
	dedupWindowHours?: number;
	dedupMaxEntries?: number;
	publicWebhookUrl?: string;
	trustProxyHeaders?: boolean;
	groupByRecord?: boolean;
}

/** Answers the request ourselves (no execution starts). */
function refuse(ctx: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	const res = ctx.getResponseObject() as unknown as WebhookResponse;
	res.status(status).json({ status: 'error', message: error });
	return { noWebhookResponse: true };
}

/**
 * n8n saves a webhook's static data after answering, but only if it is still marked as changed. When an execution
 * starts, n8n 2.40 wraps the same static data object again for the new execution, which clears that mark, so the
 * remembered events would not be saved (seen in n8n 2.40.7). Writing the same value again once n8n has moved on
 * (next event-loop turns, before the save that follows its database work) marks it again. Harmless where the mark
 * was not cleared.
 */
function keepStaticDataMarked(staticData: IDataObject, key: string): void {
	const value = staticData[key] as IDataObject | undefined;
	const revision = value?.revision;
	const remark = () => {
		// Only if nothing replaced it meanwhile (a newer request's state must not be overwritten). Compared by a
		// revision field because n8n may wrap the stored object in a new proxy.
		const current = staticData[key] as IDataObject | undefined;
		if (current !== undefined && current.revision === revision) staticData[key] = value;
	};
	setTimeout(remark, 0);
	setTimeout(remark, 50);
}

async function readRawBody(req: WebhookRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		await req.readRawBody();
	}
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
	// Only a text body can be trusted byte for byte; a parsed object cannot be re-serialised into what was signed.
	if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
	return undefined;
}

/**
 * The webhook handler: verify the signature on the raw body (401 otherwise), parse the batch (400 otherwise), split,
 * filter, drop own writes and redeliveries, and start one execution with one item per remaining event. When nothing
 * remains, HubSpot still gets a 200 and no execution starts.
 */
export async function handleHubSpotWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject() as unknown as WebhookRequest;
	const options = ctx.getNodeParameter('options', {}) as TriggerOptions;

	const credentials = await ctx.getCredentials<{ clientSecret?: string }>('hubSpotPartnerCentralApi');
	const clientSecret = String(credentials.clientSecret ?? '');
	if (!clientSecret) {
		// A configuration error: answer 500 so HubSpot retries once the secret is set, instead of losing events.
		throw new NodeOperationError(
			ctx.getNode(),
			'The HubSpot credential has no client secret, so webhook signatures cannot be checked',
			{ description: "Copy the client secret from your HubSpot app's Auth tab into the credential." },
		);
	}

	const rawBody = await readRawBody(req);
	if (rawBody === undefined) {
		// Not the sender's fault: answer 500 so HubSpot retries while the setup is fixed, instead of dropping events.
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide the raw request body, so the signature cannot be checked', {
			description: 'HubSpot signs the exact bytes it sends. Use an n8n version that keeps the raw body of webhook requests (1.0 or later).',
		});
	}

	const verification = verifyHubSpotSignature({
		headers: req.headers ?? {},
		method: req.method ?? 'POST',
		urls: candidateRequestUrls({
			originalUrl: req.originalUrl ?? req.url ?? '/',
			headers: req.headers ?? {},
			nodeWebhookUrl: ctx.getNodeWebhookUrl('default'),
			publicUrlOverride: options.publicWebhookUrl,
			trustForwardedHeaders: options.trustProxyHeaders !== false,
			requestProtocol: req.protocol,
		}),
		rawBody,
		clientSecret,
		allowedVersions: options.signatureVersions?.length ? options.signatureVersions : ['v3'],
	});
	if (!verification.ok) {
		const tried = verification.urlsTried ? ` URLs tried: ${verification.urlsTried.join(' , ') || 'none'}` : '';
		ctx.logger.warn(`HubSpot webhook refused (401): ${verification.reason}.${tried}`);
		return refuse(ctx, 401, `Invalid HubSpot signature: ${verification.reason}`);
	}

	const parsed = parseEventBatch(rawBody);
	if (!parsed.ok) return refuse(ctx, 400, parsed.error);

	const objectTypes = ctx.getNodeParameter('objectTypes', []) as string[];
	const actions = ctx.getNodeParameter('actions', []) as string[];
	const propertyNames = splitList(ctx.getNodeParameter('propertyNames', '') as string);
	const ignoreOwnWrites = ctx.getNodeParameter('ignoreOwnWrites', false) as boolean;
	const ownAppIds = ignoreOwnWrites ? splitList(ctx.getNodeParameter('ownAppIds', '') as string) : [];
	if (ignoreOwnWrites && ownAppIds.length === 0) {
		ctx.logger.warn('HubSpot trigger: "Ignore Changes Made by This Sync" is on but no app ID is set, so nothing is ignored');
	}

	const matching = parsed.events.filter((event) =>
		matchesFilters(event, { objectTypes, actions, propertyNames }),
	);
	const notOwn = matching.filter((event) => !isOwnWrite(event, ownAppIds));

	let fresh: HubSpotWebhookEvent[] = notOwn;
	let duplicates = 0;
	if (options.deduplicate !== false && notOwn.length > 0) {
		const staticData = ctx.getWorkflowStaticData('node');
		const result = dropSeenEvents(notOwn, staticData.dedup as DedupState | undefined, {
			now: Date.now(),
			windowMs: (options.dedupWindowHours ?? 25) * 3600 * 1000,
			maxEntries: options.dedupMaxEntries ?? 5000,
		});
		fresh = result.fresh;
		duplicates = result.duplicates.length;
		staticData.dedup = { ...result.state, revision: `${Date.now()}-${Math.random().toString(36).slice(2)}` } as IDataObject;
		keepStaticDataMarked(staticData, 'dedup');
	}

	const summary = {
		received: parsed.events.length,
		filteredOut: parsed.events.length - matching.length,
		ownWrites: matching.length - notOwn.length,
		duplicates,
		accepted: fresh.length,
		signature: verification.version,
	};
	if (fresh.length === 0) return { webhookResponse: summary };

	const items = options.groupByRecord ? eventsByRecordToItemJson(fresh) : fresh.map(eventToItemJson);
	return {
		webhookResponse: summary,
		workflowData: [items.map((json) => ({ json: json as IDataObject }))],
	};
}
