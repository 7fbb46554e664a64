import type { IDataObject } from 'n8n-workflow';

import type { EnvelopeOptions } from '../shared/events/envelope';

/** Envelope rules from the node's Catalog and Event Types parameters. */
export function envelopeOptions(catalog: string, detailTypes: unknown): EnvelopeOptions {
	return {
		catalogs: catalog && catalog !== 'any' ? [catalog] : [],
		detailTypes: Array.isArray(detailTypes) ? (detailTypes as string[]) : [],
	};
}

export interface SqsOptions extends IDataObject {
	waitTimeSeconds?: number;
	maxMessages?: number;
	visibilityTimeout?: number;
}
