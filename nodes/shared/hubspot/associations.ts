import type { IDataObject } from 'n8n-workflow';

import { chunk, uniqueStrings } from './objects';
import type { HubSpotContext, HubSpotRequestOptions } from './transport';
import { hubspotRequest } from './transport';

/** HubSpot-defined association type ids (from HubSpot's official client), as data. */
export const ASSOCIATION_TYPES = {
	dealToContact: 3,
	contactToDeal: 4,
	dealToCompanyPrimary: 5,
	companyToDealPrimary: 6,
	dealToCompany: 341,
	companyToDeal: 342,
	dealToNote: 213,
	noteToDeal: 214,
	dealToTask: 215,
	taskToDeal: 216,
	noteToCompany: 190,
	noteToContact: 202,
	taskToCompany: 192,
	taskToContact: 204,
	dealToLineItem: 19,
	lineItemToDeal: 20,
	contactToCompanyPrimary: 1,
	contactToCompany: 279,
} as const;

export interface AssociationTarget {
	toObjectId: string;
	typeIds: number[];
}

/** v4 association batch read: for each `from` id, its associated ids of `toType` with their type ids. */
export async function readAssociations(
	ctx: HubSpotContext,
	fromType: string,
	toType: string,
	fromIds: string[],
	options: HubSpotRequestOptions = {},
): Promise<Map<string, AssociationTarget[]>> {
	const out = new Map<string, AssociationTarget[]>();
	let pending: Array<{ id: string; after?: string }> = uniqueStrings(fromIds).map((id) => ({ id }));
	// Each `from` may page (more than 500 associations); follow its `after` cursor, bounded.
	for (let round = 0; pending.length > 0 && round < 50; round++) {
		const next: Array<{ id: string; after?: string }> = [];
		for (const part of chunk(pending)) {
			const response = (await hubspotRequest(
				ctx,
				{
					method: 'POST',
					path: `/crm/v4/associations/${fromType}/${toType}/batch/read`,
					body: { inputs: part.map((p) => (p.after ? { id: p.id, after: p.after } : { id: p.id })) },
				},
				options,
			)) as { results?: IDataObject[] };
			for (const result of response.results ?? []) {
				const fromId = String((result.from as IDataObject)?.id ?? '');
				if (!fromId) continue;
				const list = out.get(fromId) ?? [];
				for (const to of (result.to as IDataObject[]) ?? []) {
					const types = ((to.associationTypes as IDataObject[]) ?? [])
						.map((t) => Number(t.typeId))
						.filter((n) => Number.isFinite(n));
					const toObjectId = String(to.toObjectId ?? to.id ?? '');
					if (!toObjectId) continue;
					const existing = list.find((l) => l.toObjectId === toObjectId);
					if (existing) existing.typeIds = [...new Set([...existing.typeIds, ...types])];
					else list.push({ toObjectId, typeIds: types });
				}
				out.set(fromId, list);
				const after = ((result.paging as IDataObject)?.next as IDataObject)?.after;
				if (after) next.push({ id: fromId, after: String(after) });
			}
		}
		pending = next;
	}
	return out;
}

export interface AssociationInput {
	fromId: string;
	toId: string;
	typeId: number;
}

/** v4 association batch create with explicit HubSpot-defined type ids (creating an existing one is harmless). */
export async function createAssociations(
	ctx: HubSpotContext,
	fromType: string,
	toType: string,
	inputs: AssociationInput[],
	options: HubSpotRequestOptions = {},
): Promise<void> {
	const byPair = new Map<string, { from: { id: string }; to: { id: string }; types: IDataObject[] }>();
	for (const input of inputs) {
		const key = `${input.fromId}>${input.toId}`;
		const entry = byPair.get(key) ?? { from: { id: input.fromId }, to: { id: input.toId }, types: [] };
		if (!entry.types.some((t) => t.associationTypeId === input.typeId)) {
			entry.types.push({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: input.typeId });
		}
		byPair.set(key, entry);
	}
	for (const part of chunk([...byPair.values()])) {
		await hubspotRequest(
			ctx,
			{
				method: 'POST',
				path: `/crm/v4/associations/${fromType}/${toType}/batch/create`,
				body: { inputs: part as unknown as IDataObject[] },
			},
			options,
		);
	}
}

/** The `associations` entry of a v3 create body, linking the new record to `toId` with a HubSpot-defined type. */
export function inlineAssociation(toId: string, typeId: number): IDataObject {
	return { to: { id: toId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] };
}
