import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

export type HttpHandler = (
	options: IHttpRequestOptions,
	credentials: IDataObject,
) => Promise<{ statusCode: number; body: unknown; headers: Record<string, string> }>;

/** Sends the request over real HTTP with the credential's bearer token (for the HubSpot simulator). */
export const realHttp: HttpHandler = async (options, credentials) => {
	const url = new URL(String(options.url));
	for (const [k, v] of Object.entries((options.qs ?? {}) as IDataObject)) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers: {
			Authorization: `Bearer ${String(credentials.accessToken)}`,
			'Content-Type': 'application/json',
			Accept: 'application/json',
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : '';
	} catch {
		// keep text
	}
	return { statusCode: response.status, body, headers: Object.fromEntries(response.headers.entries()) };
};

export interface FakePollOptions {
	mode?: 'manual' | 'trigger';
	params?: Record<string, unknown>;
	staticData?: IDataObject;
	/** Workflow-wide static data; without it both scopes share `staticData`. */
	globalStaticData?: IDataObject;
	credentials?: IDataObject;
	http: HttpHandler;
	pollBudgetMs?: number;
}

/** A minimal IPollFunctions: parameters, static data, credentials and httpRequestWithAuthentication. */
export function fakePollContext(o: FakePollOptions) {
	const params: Record<string, unknown> = {
		pipeline: '',
		nameTag: '',
		hasProperty: '',
		backfillFrom: '',
		options: {},
		...o.params,
	};
	const staticData = o.staticData ?? {};
	const credentials = o.credentials ?? { accessToken: 'demo-token', baseUrl: 'https://api.hubapi.com', rateLimitPer10s: 190 };
	const logs: string[] = [];
	const ctx: Record<string, unknown> = {
		getMode: () => o.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
		getWorkflowStaticData: (type: string) => (type === 'global' && o.globalStaticData ? o.globalStaticData : staticData),
		getCredentials: async () => credentials,
		getNode: () => ({ id: 'p1', name: 'HubSpot Deal Changes Trigger', type: 'hubSpotDealChangesTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), debug: () => {}, error: (m: string) => logs.push(m) },
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => await o.http(options, credentials),
		},
	};
	if (o.pollBudgetMs !== undefined) ctx.getPollBudgetMs = () => o.pollBudgetMs;
	return { ctx: ctx as unknown as IPollFunctions, staticData, logs, params };
}
