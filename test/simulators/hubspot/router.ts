/** Minimal router: `:name` path parameters, one category per route (used by the call counters). */
import type { ChangeSource, HubSpotWorld } from './world';
import type { TokenInfo } from './auth';
import type { WebhookDispatcher } from './webhooks';

export interface Ctx {
	method: string;
	path: string;
	query: URLSearchParams;
	body: unknown;
	params: Record<string, string>;
	world: HubSpotWorld;
	token: TokenInfo;
	source: ChangeSource;
	baseUrl: string;
	webhooks: WebhookDispatcher;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Reply;

export interface Route {
	method: string;
	template: string;
	pattern: RegExp;
	keys: string[];
	category: string;
	handler: Handler;
	search: boolean;
	/** Authenticated with the developer API key (`hapikey` query parameter) instead of a bearer token. */
	developerKey: boolean;
}

export class Router {
	readonly routes: Route[] = [];

	add(method: string, template: string, category: string, handler: Handler, opts: { search?: boolean; developerKey?: boolean } = {}): void {
		const keys: string[] = [];
		const source = template.replace(/[.]/g, '\\.').replace(/:([A-Za-z]+)/g, (_m, k: string) => {
			keys.push(k);
			return '([^/]+)';
		});
		this.routes.push({ method, template, pattern: new RegExp(`^${source}/?$`), keys, category, handler, search: opts.search === true, developerKey: opts.developerKey === true });
	}

	match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } {
		const allowed: string[] = [];
		for (const route of this.routes) {
			const m = route.pattern.exec(path);
			if (!m) continue;
			if (route.method !== method) {
				allowed.push(route.method);
				continue;
			}
			const params: Record<string, string> = {};
			route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
			return { route, params };
		}
		return { allowed };
	}
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
export const noContent = (): Reply => ({ status: 204 });
