import * as sdk from '@aws-sdk/client-partnercentral-selling';
import { randomUUID } from 'crypto';
import { NodeOperationError, type ICredentialDataDecryptedObject, type IDataObject, type INode } from 'n8n-workflow';

import { invalidateSession } from './awsIdentity';
import { dropClient, getPartnerCentralClient } from './client';
import {
	credentialProblems,
	normaliseCredentials,
	PARTNER_CENTRAL_CREDENTIAL_TYPE,
	type PartnerCentralCredentials,
} from './credentials';
import { PartnerCentralError, renderPartnerCentralError, toNodeApiError } from './errors';
import { toJsonObject } from './json';
import { limiterFor } from './limiter';
import { operationInfo } from './operations';
import { isThrottling, retryPolicy, withRetries, type RetryPolicy } from './retry';

/**
 * Partner Central transport (contract 1 of the project): every call to the Partner Central Selling API goes through
 * here. It uses the official SDK client for the credential (endpoint override, assumed-role sessions), waits for the
 * identity's quota limiter before each attempt, retries throttling / 5xx / network failures with backoff and full
 * jitter, turns failures into readable NodeApiErrors and returns JSON-safe output (dates as ISO strings).
 */

/** Any n8n functions context that can read credentials and name its node (execute, poll, webhook, hook, load options). */
export interface PartnerCentralContext {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

export interface CallOptions {
	itemIndex?: number;
}

export interface PaginateOptions extends CallOptions {
	/** Stop after this many results (all pages otherwise). */
	limit?: number;
}

export interface CoreOptions {
	retry?: RetryPolicy;
}

type CommandConstructor = new (input: IDataObject) => Parameters<sdk.PartnerCentralSellingClient['send']>[0];

function commandFor(operation: string): CommandConstructor {
	const ctor = (sdk as unknown as Record<string, unknown>)[`${operation}Command`];
	if (!operationInfo(operation) || typeof ctor !== 'function') {
		throw new Error(`"${operation}" is not a Partner Central Selling API operation`);
	}
	return ctor as CommandConstructor;
}

export function endpointOf(c: PartnerCentralCredentials): string {
	return c.endpointUrl ?? `https://partnercentral-selling.${c.region}.api.aws`;
}

/** The request as sent: Catalog from the credential when absent, a ClientToken fixed once for all attempts. */
export function prepareRequest(operation: string, input: IDataObject, c: PartnerCentralCredentials): IDataObject {
	const info = operationInfo(operation);
	const request: IDataObject = {};
	for (const [k, v] of Object.entries(input ?? {})) if (v !== undefined) request[k] = v;
	if (!info?.noCatalog && (request.Catalog === undefined || request.Catalog === null || request.Catalog === '')) {
		request.Catalog = c.catalog;
	}
	if (info?.clientToken && !request.ClientToken) {
		// The SDK would invent one per attempt; one fixed token keeps our own retries idempotent.
		request.ClientToken = randomUUID();
	}
	return request;
}

/** Core call with already-loaded credentials. Throws PartnerCentralError. */
export async function sendPartnerCentral(
	c: PartnerCentralCredentials,
	operation: string,
	input: IDataObject,
	options: CoreOptions = {},
): Promise<IDataObject> {
	const Command = commandFor(operation);
	const request = prepareRequest(operation, input, c);
	const catalog = typeof request.Catalog === 'string' ? request.Catalog : undefined;
	const problems = credentialProblems(c);
	if (problems.length) {
		const rendered = renderPartnerCentralError(
			{ name: 'InvalidCredentialSettings', message: problems.join('; ') },
			{ operation, catalog },
		);
		rendered.details.hint =
			rendered.description = `What to do: fix the AWS Partner Central credential: ${problems.join('; ')}.`;
		throw new PartnerCentralError(rendered, undefined);
	}
	const limiter = limiterFor(c);
	const attempt = async () => {
		const client = getPartnerCentralClient(c);
		const { result } = await withRetries(
			async () => {
				await limiter.acquire(operation);
				return await client.send(new Command(request));
			},
			options.retry ?? retryPolicy,
			// A first throttle of a paced call (arrival jitter at the quota edge) waits for its next slot, one slot
			// later, instead of an exponential backoff; repeated throttles (someone else shares the quota) back off.
			(error, attempt) => (attempt === 1 && isThrottling(error) && limiter.throttled(operation) ? 0 : undefined),
		);
		return result;
	};
	try {
		try {
			return toJsonObject(await attempt());
		} catch (error) {
			// An assumed-role session AWS considers expired (clock skew, revoked session): assume the role again, once.
			if (c.authentication !== 'assumeRole' || (error as { name?: string })?.name !== 'ExpiredTokenException') {
				// Rendered just below.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				throw error;
			}
			invalidateSession(c);
			dropClient(c);
			return toJsonObject(await attempt());
		}
	} catch (error) {
		// No n8n node here (credential tests call this too): partnerCentralCall turns it into a NodeApiError.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new PartnerCentralError(
			renderPartnerCentralError(error, { operation, catalog, endpoint: endpointOf(c) }),
			error,
		);
	}
}

/** Core pagination with already-loaded credentials: follows NextToken until done or `limit` results. */
export async function paginatePartnerCentral(
	c: PartnerCentralCredentials,
	operation: string,
	input: IDataObject,
	resultKey: string,
	options: CoreOptions & { limit?: number } = {},
): Promise<IDataObject[]> {
	const maxPage = operationInfo(operation)?.list?.maxPageSize;
	const requestedPage = typeof input.MaxResults === 'number' ? input.MaxResults : undefined;
	const results: IDataObject[] = [];
	const seenTokens = new Set<string>();
	let nextToken = typeof input.NextToken === 'string' ? input.NextToken : undefined;
	for (;;) {
		const remaining = options.limit !== undefined ? options.limit - results.length : undefined;
		if (remaining !== undefined && remaining <= 0) break;
		let pageSize = requestedPage ?? maxPage;
		if (remaining !== undefined && pageSize !== undefined) pageSize = Math.min(pageSize, remaining);
		const page = await sendPartnerCentral(
			c,
			operation,
			{
				...input,
				...(pageSize !== undefined ? { MaxResults: pageSize } : {}),
				NextToken: nextToken,
			},
			options,
		);
		const items = page[resultKey];
		if (Array.isArray(items)) results.push(...(items as IDataObject[]));
		nextToken = typeof page.NextToken === 'string' && page.NextToken !== '' ? page.NextToken : undefined;
		if (!nextToken) break;
		if (seenTokens.has(nextToken)) {
			throw new PartnerCentralError(
				renderPartnerCentralError(
					{ name: 'PaginationLoop', message: `${operation} returned the same NextToken twice` },
					{ operation },
				),
				undefined,
			);
		}
		seenTokens.add(nextToken);
	}
	return options.limit !== undefined ? results.slice(0, options.limit) : results;
}

/** Read and normalise the node's Partner Central credential. */
export async function getPartnerCentralCredentials(
	ctx: PartnerCentralContext,
	itemIndex?: number,
): Promise<PartnerCentralCredentials> {
	const raw = await ctx.getCredentials(PARTNER_CENTRAL_CREDENTIAL_TYPE, itemIndex);
	try {
		return normaliseCredentials(raw);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}

function asNodeError(ctx: PartnerCentralContext, error: unknown, itemIndex?: number): unknown {
	if (error instanceof PartnerCentralError) return toNodeApiError(ctx.getNode(), error, itemIndex);
	if (error instanceof Error && !('node' in error)) {
		return new NodeOperationError(ctx.getNode(), error, { itemIndex });
	}
	return error;
}

/** Contract 1: one Partner Central call, e.g. `partnerCentralCall(this, 'GetOpportunity', { Identifier })`. */
export async function partnerCentralCall(
	ctx: PartnerCentralContext,
	operation: string,
	input: IDataObject,
	options: CallOptions = {},
): Promise<IDataObject> {
	const c = await getPartnerCentralCredentials(ctx, options.itemIndex);
	try {
		return await sendPartnerCentral(c, operation, input);
	} catch (error) {
		throw asNodeError(ctx, error, options.itemIndex);
	}
}

/** Contract 1: all results of a List operation (or the first `limit`), following NextToken. */
export async function partnerCentralPaginate(
	ctx: PartnerCentralContext,
	operation: string,
	input: IDataObject,
	resultKey: string,
	options: PaginateOptions = {},
): Promise<IDataObject[]> {
	const c = await getPartnerCentralCredentials(ctx, options.itemIndex);
	try {
		return await paginatePartnerCentral(c, operation, input, resultKey, { limit: options.limit });
	} catch (error) {
		throw asNodeError(ctx, error, options.itemIndex);
	}
}

export { getAwsCredentialsProvider } from './awsIdentity';
export { getPartnerCentralClient } from './client';
export { normaliseCredentials, type PartnerCentralCredentials } from './credentials';
export { PartnerCentralError } from './errors';
