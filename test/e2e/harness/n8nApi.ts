/**
 * Talks to a running n8n: the internal REST endpoints a first-time user goes through in the browser (owner setup,
 * login, API key), then the public API (/api/v1) for credentials, workflows, publishing and executions.
 */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Partner-Central-1',
};

const BROWSER_ID = 'pc-e2e-harness';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface Execution {
	id: string;
	finished: boolean;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt?: string | null;
	workflowId: string;
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: {
						main: Array<Array<{ json: Record<string, unknown> }> | null>;
					};
					error?: unknown;
				}>
			>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
}

export class N8nApi {
	private cookie = '';
	apiKey = '';

	constructor(public baseUrl: string) {}

	private async call(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Response> {
		return await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}

	private async json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
		const r = await this.call(method, path, body, headers);
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} ${path} -> ${r.status}: ${text.slice(0, 2000)}`);
		return (text ? JSON.parse(text) : {}) as T;
	}

	/** Internal REST API (editor session). */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const r = await this.json<{ data: T }>(method, `/rest${path}`, body);
		return r.data;
	}

	/** Public API with the API key. */
	async pub<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		return await this.json<T>(method, `/api/v1${path}`, body, {
			'X-N8N-API-KEY': this.apiKey,
		});
	}

	private keepCookie(r: Response): void {
		const set = r.headers.getSetCookie?.() ?? [];
		const auth = set.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
	}

	async isOwnerSetUp(): Promise<boolean> {
		const s = await this.json<{
			data: { userManagement: { showSetupOnFirstLoad?: boolean } };
		}>('GET', '/rest/settings');
		return s.data.userManagement.showSetupOnFirstLoad === false;
	}

	async setupOwner(owner = OWNER): Promise<void> {
		const r = await this.call('POST', '/rest/owner/setup', owner);
		if (!r.ok) throw new Error(`owner setup -> ${r.status}: ${await r.text()}`);
		this.keepCookie(r);
	}

	async login(owner = OWNER): Promise<void> {
		const r = await this.call('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (!r.ok) throw new Error(`login -> ${r.status}: ${await r.text()}`);
		this.keepCookie(r);
	}

	async createApiKey(label = 'pc-e2e'): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const key = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label,
			scopes,
			expiresAt: null,
		});
		this.apiKey = key.rawApiKey;
		return this.apiKey;
	}

	/** Node type descriptions as the editor loads them (name, version, credentials, webhooks...). */
	async nodeTypes(): Promise<
		Array<{
			name: string;
			version: number | number[];
			credentials?: Array<{ name: string }>;
			webhooks?: Array<{ path: string; httpMethod?: string; name?: string }>;
		}>
	> {
		return await this.json('GET', '/types/nodes.json');
	}

	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<{ id: string; name: string }> {
		return await this.pub('POST', '/credentials', { name, type, data });
	}

	async createWorkflow(wf: WorkflowJson): Promise<WorkflowJson & { id: string; versionId: string; active: boolean }> {
		return await this.pub('POST', '/workflows', {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: wf.settings ?? { executionOrder: 'v1' },
		});
	}

	async updateWorkflow(id: string, wf: WorkflowJson): Promise<WorkflowJson & { id: string; versionId: string }> {
		return await this.pub('PUT', `/workflows/${id}`, {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			settings: wf.settings ?? { executionOrder: 'v1' },
		});
	}

	async getWorkflow(id: string): Promise<WorkflowJson & { id: string; active: boolean; versionId: string }> {
		return await this.pub('GET', `/workflows/${id}`);
	}

	async publishWorkflow(id: string): Promise<void> {
		await this.pub('POST', `/workflows/${id}/publish`, {});
	}

	async unpublishWorkflow(id: string): Promise<void> {
		await this.pub('POST', `/workflows/${id}/unpublish`, {});
	}

	async executions(workflowId?: string, includeData = false): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const qs = new URLSearchParams({
				limit: '250',
				includeData: String(includeData),
			});
			if (workflowId) qs.set('workflowId', workflowId);
			if (cursor) qs.set('cursor', cursor);
			const page = await this.pub<{
				data: Execution[];
				nextCursor?: string | null;
			}>('GET', `/executions?${qs}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async execution(id: string): Promise<Execution> {
		return await this.pub('GET', `/executions/${id}?includeData=true`);
	}
}
