/**
 * Webhooks management API (hubspot.md 2.1 "Webhook management API /webhooks/v3/{appId}/settings|subscriptions"),
 * authenticated with the developer API key (`?hapikey=`). It edits the same settings and subscriptions as the
 * admin API. The simulated account has one app: another appId answers 404.
 */
import { errorBody, HsError, validationError } from '../errors';
import { validateSubscription, type Subscription } from '../webhooks';
import { json, noContent, type Ctx, type Reply, type Router } from '../router';
import { batchEnvelope, batchInputs, bodyObject } from './common';

function app(ctx: Ctx): void {
	if (ctx.params.appId !== ctx.webhooks.settings.appId) {
		throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `App ${ctx.params.appId} not found for this developer account.`));
	}
}

function subOut(s: Subscription): Record<string, unknown> {
	const out: Record<string, unknown> = { id: String(s.id), eventType: s.eventType, active: s.active, createdAt: s.createdAt, updatedAt: s.createdAt };
	if (s.propertyName) out.propertyName = s.propertyName;
	return out;
}

function findSub(ctx: Ctx): Subscription {
	const sub = ctx.webhooks.subscriptions.find((s) => String(s.id) === ctx.params.subscriptionId);
	if (!sub) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Subscription ${ctx.params.subscriptionId} not found.`));
	return sub;
}

function getSettings(ctx: Ctx): Reply {
	app(ctx);
	const s = ctx.webhooks.settings;
	if (!s.targetUrl) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', 'No webhook settings for this app.'));
	return json(200, { targetUrl: s.targetUrl, throttling: { period: 'SECONDLY', maxConcurrentRequests: 10 } });
}

function putSettings(ctx: Ctx): Reply {
	app(ctx);
	const b = bodyObject(ctx);
	if (typeof b.targetUrl !== 'string' || !/^https?:\/\//.test(b.targetUrl)) throw validationError('targetUrl must be an http(s) URL.');
	ctx.webhooks.configure({ targetUrl: b.targetUrl });
	return json(200, { targetUrl: b.targetUrl, throttling: b.throttling ?? { period: 'SECONDLY', maxConcurrentRequests: 10 } });
}

function deleteSettings(ctx: Ctx): Reply {
	app(ctx);
	ctx.webhooks.configure({ targetUrl: undefined });
	return noContent();
}

function listSubs(ctx: Ctx): Reply {
	app(ctx);
	return json(200, { results: ctx.webhooks.subscriptions.map(subOut) });
}

function createSub(ctx: Ctx): Reply {
	app(ctx);
	const b = bodyObject(ctx);
	const problem = validateSubscription(b);
	if (problem) throw validationError(problem);
	return json(201, subOut(ctx.webhooks.subscribe({ eventType: b.eventType, propertyName: b.propertyName, active: b.active })));
}

function getSub(ctx: Ctx): Reply {
	app(ctx);
	return json(200, subOut(findSub(ctx)));
}

function patchSub(ctx: Ctx): Reply {
	app(ctx);
	const sub = findSub(ctx);
	const b = bodyObject(ctx);
	if (typeof b.active === 'boolean') sub.active = b.active;
	return json(200, subOut(sub));
}

function deleteSub(ctx: Ctx): Reply {
	app(ctx);
	findSub(ctx);
	ctx.webhooks.unsubscribe(Number(ctx.params.subscriptionId));
	return noContent();
}

function batchUpdate(ctx: Ctx): Reply {
	app(ctx);
	const startedAt = new Date().toISOString();
	const results = batchInputs(ctx).map((i) => {
		const sub = ctx.webhooks.subscriptions.find((s) => String(s.id) === String(i.id));
		if (!sub) throw new HsError(404, errorBody('OBJECT_NOT_FOUND', `Subscription ${String(i.id)} not found.`));
		if (typeof i.active === 'boolean') sub.active = i.active;
		return subOut(sub);
	});
	return json(200, batchEnvelope(startedAt, new Date().toISOString(), results, []));
}

export function registerWebhookApiRoutes(r: Router): void {
	const base = '/webhooks/v3/:appId';
	const dev = { developerKey: true };
	r.add('GET', `${base}/settings`, 'webhooks.settings', getSettings, dev);
	r.add('PUT', `${base}/settings`, 'webhooks.settings', putSettings, dev);
	r.add('DELETE', `${base}/settings`, 'webhooks.settings', deleteSettings, dev);
	r.add('POST', `${base}/subscriptions/batch/update`, 'webhooks.subscriptions', batchUpdate, dev);
	r.add('GET', `${base}/subscriptions`, 'webhooks.subscriptions', listSubs, dev);
	r.add('POST', `${base}/subscriptions`, 'webhooks.subscriptions', createSub, dev);
	r.add('GET', `${base}/subscriptions/:subscriptionId`, 'webhooks.subscriptions', getSub, dev);
	r.add('PATCH', `${base}/subscriptions/:subscriptionId`, 'webhooks.subscriptions', patchSub, dev);
	r.add('DELETE', `${base}/subscriptions/:subscriptionId`, 'webhooks.subscriptions', deleteSub, dev);
}
