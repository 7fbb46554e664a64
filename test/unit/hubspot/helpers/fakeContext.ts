/**
 * A fake n8n IExecuteFunctions for node tests: parameters per item, continueOnFail, and a real
 * `helpers.httpRequestWithAuthentication` that applies the credential's `authenticate` (the real credential class)
 * and performs HTTP with fetch, returning n8n's full-response shape. Network failures are wrapped in NodeApiError
 * the way n8n-core does, so the transport sees what it sees in n8n.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { HubSpotPartnerCentralApi } from '../../../../credentials/HubSpotPartnerCentralApi.credentials';

export type ParamValue = unknown | ((itemIndex: number, json: IDataObject) => unknown);

export interface RecordedCall {
	method: string;
	url: string;
	path: string;
	status: number | 'network-error';
	body?: unknown;
}

export interface FakeOptions {
	credentials: ICredentialDataDecryptedObject;
	params: Record<string, ParamValue>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	node?: Partial<INode>;
}

export type FakeContext = IExecuteFunctions & { calls: RecordedCall[]; warnings: string[] };

function getPath(source: Record<string, unknown>, dotted: string): unknown {
	if (dotted in source) return source[dotted];
	const [head, ...rest] = dotted.split('.');
	let value: unknown = source[head];
	for (const key of rest) {
		if (value === undefined || value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function resolveTemplate(template: string, credentials: ICredentialDataDecryptedObject): string {
	const body = template.startsWith('=') ? template.slice(1) : template;
	return body.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
}

/** What n8n-core's credentialsHelper.authenticate does for a generic credential: add headers/qs from templates. */
export function applyAuthenticate(options: IHttpRequestOptions, credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const cred = new HubSpotPartnerCentralApi();
	const props = cred.authenticate.properties;
	const headers: IDataObject = { ...(options.headers ?? {}) };
	for (const [k, v] of Object.entries(props.headers ?? {})) headers[k] = resolveTemplate(String(v), credentials);
	return { ...options, headers };
}

function buildUrl(options: IHttpRequestOptions): string {
	const url = new URL(options.url, options.baseURL);
	for (const [k, v] of Object.entries(options.qs ?? {})) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, String(x)));
		else url.searchParams.set(k, String(v));
	}
	return url.toString();
}

export function createFakeContext(opts: FakeOptions): FakeContext {
	const items = opts.items ?? [{ json: {} }];
	const node: INode = {
		id: 'test-node',
		name: 'HubSpot for Partner Central',
		type: 'n8n-nodes-aws-partner-central.hubSpotPartnerCentral',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...opts.node,
	};
	const calls: RecordedCall[] = [];
	const warnings: string[] = [];

	const ctx = {
		calls,
		warnings,
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => opts.continueOnFail === true,
		getCredentials: async () => opts.credentials,
		getNodeParameter: (name: string, itemIndex: number, ...rest: unknown[]) => {
			let value = getPath(opts.params, name);
			if (typeof value === 'function') value = (value as (i: number, j: IDataObject) => unknown)(itemIndex, items[itemIndex]?.json ?? {});
			if (value === undefined) {
				if (rest.length > 0) return rest[0];
				throw new Error(`Test did not set parameter "${name}"`);
			}
			return value;
		},
		logger: {
			warn: (message: string) => warnings.push(message),
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, requestOptions: IHttpRequestOptions) => {
				if (credentialType !== 'hubSpotPartnerCentralApi') throw new Error(`unexpected credential ${credentialType}`);
				const options = applyAuthenticate(requestOptions, opts.credentials);
				const url = buildUrl(options);
				const headers: Record<string, string> = {};
				for (const [k, v] of Object.entries(options.headers ?? {})) headers[k] = String(v);
				let payload: string | undefined;
				if (options.body !== undefined) {
					payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
					headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
				}
				const path = new URL(url).pathname;
				let response: Response;
				try {
					response = await fetch(url, {
						method: options.method ?? 'GET',
						headers,
						body: payload,
						signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
					});
				} catch (error) {
					calls.push({ method: options.method ?? 'GET', url, path, status: 'network-error' });
					// n8n uses axios: its error carries the socket code (ECONNRESET, ETIMEDOUT...) and n8n-core wraps it
					// in NodeApiError. Reproduce that from fetch's error.
					const cause = (error as { cause?: { code?: string; message?: string } }).cause;
					const raw = cause?.code ?? ((error as Error).name === 'TimeoutError' ? 'ECONNABORTED' : 'UNKNOWN');
					const code = raw === 'UND_ERR_SOCKET' ? 'ECONNRESET' : raw;
					const axiosLike = Object.assign(new Error(cause?.message ?? (error as Error).message), { code });
					throw new NodeApiError(node, axiosLike as unknown as JsonObject);
				}
				const text = await response.text();
				let body: unknown = text;
				if (options.json && text) {
					try {
						body = JSON.parse(text);
					} catch {
						body = text;
					}
				}
				calls.push({ method: options.method ?? 'GET', url, path, status: response.status, body: options.body });
				const responseHeaders: Record<string, string> = {};
				response.headers.forEach((v, k) => (responseHeaders[k] = v));
				if (!options.ignoreHttpStatusErrors && response.status >= 400) {
					throw new NodeApiError(node, { message: text, httpCode: String(response.status) } as JsonObject);
				}
				if (options.returnFullResponse) {
					return { body, headers: responseHeaders, statusCode: response.status, statusMessage: response.statusText };
				}
				return body;
			},
		},
	};
	return ctx as unknown as FakeContext;
}

export function credentialsFor(baseUrl: string, token = 'demo-token', rateLimitPer10s = 190): ICredentialDataDecryptedObject {
	return { accessToken: token, clientSecret: 'secret', baseUrl, rateLimitPer10s };
}
