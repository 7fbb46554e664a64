import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HubSpotPropertyDefinition } from '../sync/hubspotProperties';
import { DEAL_PROPERTIES, PROPERTY_GROUP } from '../sync/hubspotProperties';
import type { HubSpotContext, HubSpotRequestOptions } from './transport';
import { hubspotRequest } from './transport';

export interface EnsurePropertiesResult {
	objectType: string;
	group: { name: string; created: boolean };
	created: string[];
	existing: string[];
	/** Existing properties whose definition differs in a way that matters (type, uniqueness), in words. */
	warnings: string[];
}

/** The body HubSpot's "create property" takes, from our catalog entry. */
export function propertyCreateBody(def: HubSpotPropertyDefinition, groupName: string): IDataObject {
	const body: IDataObject = {
		name: def.name,
		label: def.label,
		type: def.type,
		fieldType: def.fieldType,
		groupName,
		description: def.description,
	};
	if (def.type === 'bool') {
		body.options = [
			{ label: 'Yes', value: 'true', displayOrder: 0 },
			{ label: 'No', value: 'false', displayOrder: 1 },
		];
	} else if (def.options?.length) {
		body.options = def.options.map((value, i) => ({ label: value, value, displayOrder: i }));
	}
	if (def.hasUniqueValue) body.hasUniqueValue = true;
	return body;
}

function isConflict(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '409';
}

function asApiError(ctx: HubSpotContext, error: unknown): NodeApiError {
	return error instanceof NodeApiError ? error : new NodeApiError(ctx.getNode(), error as JsonObject);
}

/**
 * Creates the `aws_partner_central` property group and every catalog property that is missing, idempotently:
 * lists what exists first (one call), creates only the rest, and treats 409 (created meanwhile) as existing.
 */
export async function ensureDealProperties(
	ctx: HubSpotContext,
	options: HubSpotRequestOptions = {},
	definitions: HubSpotPropertyDefinition[] = DEAL_PROPERTIES,
	objectType = 'deals',
): Promise<EnsurePropertiesResult> {
	const result: EnsurePropertiesResult = {
		objectType,
		group: { name: PROPERTY_GROUP.name, created: false },
		created: [],
		existing: [],
		warnings: [],
	};

	const groups = (await hubspotRequest(ctx, { method: 'GET', path: `/crm/v3/properties/${objectType}/groups` }, options)) as {
		results?: IDataObject[];
	};
	if (!(groups.results ?? []).some((g) => g.name === PROPERTY_GROUP.name)) {
		try {
			await hubspotRequest(
				ctx,
				{
					method: 'POST',
					path: `/crm/v3/properties/${objectType}/groups`,
					body: { name: PROPERTY_GROUP.name, label: PROPERTY_GROUP.label, displayOrder: -1 },
					idempotent: true, // a repeat answers 409, handled below
				},
				options,
			);
			result.group.created = true;
		} catch (error) {
			if (!isConflict(error)) throw asApiError(ctx, error);
		}
	}

	const listed = (await hubspotRequest(ctx, { method: 'GET', path: `/crm/v3/properties/${objectType}` }, options)) as {
		results?: IDataObject[];
	};
	const existing = new Map((listed.results ?? []).map((p) => [String(p.name), p]));

	for (const def of definitions) {
		const found = existing.get(def.name);
		if (found) {
			result.existing.push(def.name);
			if (found.type && found.type !== def.type) {
				result.warnings.push(`${def.name} exists with type ${String(found.type)}; the sync expects ${def.type}.`);
			}
			if (def.hasUniqueValue && found.hasUniqueValue !== true) {
				result.warnings.push(
					`${def.name} exists without "unique values": Upsert by AWS Opportunity ID cannot use it. HubSpot cannot change this on an existing property; archive the property (and its values) and run Ensure again, or ask for help in the docs.`,
				);
			}
			continue;
		}
		try {
			await hubspotRequest(
				ctx,
				{ method: 'POST', path: `/crm/v3/properties/${objectType}`, body: propertyCreateBody(def, PROPERTY_GROUP.name), idempotent: true },
				options,
			);
			result.created.push(def.name);
		} catch (error) {
			if (!isConflict(error)) throw asApiError(ctx, error);
			result.existing.push(def.name);
		}
	}
	return result;
}
