/** Deal pipelines (hubspot.md 2.1 "Pipelines") and owners (/crm/v3/owners). */
import { requireScopes } from '../auth';
import { errorBody, HsError } from '../errors';
import { readScope } from '../schema/objectTypes';
import { json, type Ctx, type Reply, type Router } from '../router';
import { limitParam, typeParam } from './common';

function pipelinesOf(ctx: Ctx) {
	const t = typeParam(ctx);
	requireScopes(ctx.token, [readScope(t)]);
	if (t.name !== 'deals') return [];
	return ctx.world.pipelines.filter((p) => !p.archived);
}

function notFound(what: string): HsError {
	return new HsError(404, errorBody('OBJECT_NOT_FOUND', `${what} not found`));
}

function listPipelines(ctx: Ctx): Reply {
	return json(200, { results: pipelinesOf(ctx) });
}

function getPipeline(ctx: Ctx): Reply {
	const p = pipelinesOf(ctx).find((x) => x.id === ctx.params.id);
	if (!p) throw notFound(`Pipeline ${ctx.params.id}`);
	return json(200, p);
}

function listStages(ctx: Ctx): Reply {
	const p = pipelinesOf(ctx).find((x) => x.id === ctx.params.id);
	if (!p) throw notFound(`Pipeline ${ctx.params.id}`);
	return json(200, { results: p.stages });
}

function listOwners(ctx: Ctx): Reply {
	requireScopes(ctx.token, ['crm.objects.owners.read']);
	const email = ctx.query.get('email');
	const limit = limitParam(ctx.query, 100, 500);
	const after = Number(ctx.query.get('after') ?? 0);
	const all = ctx.world.owners.filter((o) => !o.archived && (!email || o.email.toLowerCase() === email.toLowerCase()));
	const page = all.slice(after, after + limit);
	const body: Record<string, unknown> = { results: page };
	if (after + limit < all.length) body.paging = { next: { after: String(after + limit), link: `${ctx.baseUrl}/crm/v3/owners?after=${after + limit}` } };
	return json(200, body);
}

function getOwner(ctx: Ctx): Reply {
	requireScopes(ctx.token, ['crm.objects.owners.read']);
	const byUser = ctx.query.get('idProperty') === 'userId';
	const o = ctx.world.owners.find((x) => (byUser ? String(x.userId) : x.id) === ctx.params.id);
	if (!o) throw notFound(`Owner ${ctx.params.id}`);
	return json(200, o);
}

export function registerPipelineOwnerRoutes(r: Router): void {
	r.add('GET', '/crm/v3/pipelines/:type', 'pipelines', listPipelines);
	r.add('GET', '/crm/v3/pipelines/:type/:id', 'pipelines', getPipeline);
	r.add('GET', '/crm/v3/pipelines/:type/:id/stages', 'pipelines', listStages);
	r.add('GET', '/crm/v3/owners', 'owners', listOwners);
	r.add('GET', '/crm/v3/owners/:id', 'owners', getOwner);
}
