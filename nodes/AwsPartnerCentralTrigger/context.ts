import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { partnerCentralCall } from '../shared/partnerCentral/transport';
import type { Page } from '../shared/events/cursors';

/** One emitted trigger item before it becomes INodeExecutionData. */
export interface TriggerEvent extends IDataObject {
	event: string;
	time: string | null;
	opportunityId: string | null;
	invitationId: string | null;
	engagementId: string | null;
	taskId: string | null;
	status: string | null;
	previousStatus: string | null;
	data: IDataObject;
}

export function triggerEvent(event: string, fields: Partial<TriggerEvent> & { data: IDataObject }): TriggerEvent {
	return {
		event,
		time: null,
		opportunityId: null,
		invitationId: null,
		engagementId: null,
		taskId: null,
		status: null,
		previousStatus: null,
		...fields,
	};
}

export interface PollSettings {
	nowMs: number;
	overlapMs: number;
	maxItems: number;
	maxTracked: number;
	startMs: number;
}

export function str(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/** One page of a List operation. */
export async function listPage(
	ctx: IPollFunctions,
	operation: string,
	input: IDataObject,
	resultKey: string,
	nextToken?: string,
): Promise<Page<IDataObject>> {
	const out = await partnerCentralCall(ctx, operation, { ...input, ...(nextToken ? { NextToken: nextToken } : {}) });
	const items = Array.isArray(out[resultKey]) ? (out[resultKey] as IDataObject[]) : [];
	return { items, nextToken: str(out.NextToken) ?? undefined };
}
