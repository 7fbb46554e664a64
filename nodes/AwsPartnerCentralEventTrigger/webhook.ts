import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { checkEnvelope } from '../shared/events/envelope';
import { isAuthorised, type WebhookAuthSettings } from '../shared/events/webhookAuth';
import { envelopeOptions } from './settings';

export const WEBHOOK_CREDENTIAL_TYPE = 'partnerCentralEventWebhookApi';

function refuse(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * An EventBridge API destination call: check the connection's secret (401), then the envelope (400); only a
 * valid Partner Central event starts an execution. Nothing is logged about the secret.
 */
export async function handleEventWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getNodeParameter('mode', 'sqs') !== 'webhook') {
		return refuse(this, 404, { accepted: false, error: 'This trigger reads an SQS queue; it takes no webhook calls.' });
	}
	let settings: WebhookAuthSettings;
	try {
		settings = (await this.getCredentials(WEBHOOK_CREDENTIAL_TYPE)) as unknown as WebhookAuthSettings;
	} catch {
		return refuse(this, 401, { accepted: false, error: 'Unauthorized' });
	}
	const headers = this.getHeaderData() as Record<string, unknown>;
	if (!isAuthorised(headers, settings)) {
		return refuse(this, 401, { accepted: false, error: 'Unauthorized' });
	}
	const check = checkEnvelope(
		this.getBodyData(),
		envelopeOptions(this.getNodeParameter('catalog', 'AWS') as string, this.getNodeParameter('detailTypes', [])),
	);
	if (!check.ok && check.field === 'filtered') {
		// valid, but not an event type this trigger listens to: acknowledge so EventBridge does not retry
		return refuse(this, 200, { accepted: false, ignored: true, reason: check.reason });
	}
	if (!check.ok) {
		return refuse(this, 400, { accepted: false, error: check.reason, field: check.field });
	}
	return { workflowData: [this.helpers.returnJsonArray([check.event])] };
}
