/** Fake n8n contexts (poll, trigger, webhook, execute) for the Partner Central triggers, over real HTTP to the simulators. */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { clearIdentityCaches } from '../../../nodes/shared/partnerCentral/awsIdentity';
import { clearClientCache } from '../../../nodes/shared/partnerCentral/client';
import { clearLimiters } from '../../../nodes/shared/partnerCentral/limiter';

export function resetCaches(): void {
	clearClientCache();
	clearLimiters();
	clearIdentityCaches();
}

export function pcCredentials(url: string, catalog = 'AWS'): ICredentialDataDecryptedObject {
	return {
		authentication: 'accessKeys',
		accessKeyId: 'AKIAPCSIMULATOR00001',
		secretAccessKey: 'pc-simulator-secret',
		catalog,
		region: 'us-east-1',
		endpointUrl: url,
		writesPerSecond: 1000,
		readsPerSecond: 1000,
	};
}

const node: INode = {
	id: 'node-1',
	name: 'AWS Partner Central Trigger',
	type: 'n8n-nodes-aws-partner-central.awsPartnerCentralTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

function param(parameters: IDataObject) {
	return (name: string, fallback?: unknown) => (parameters[name] !== undefined ? parameters[name] : fallback);
}

function returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

export interface PollHarness {
	ctx: IPollFunctions;
	staticData: IDataObject;
	warnings: string[];
}

export function pollContext(opts: {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	mode?: 'manual' | 'trigger';
	staticData?: IDataObject;
}): PollHarness {
	const staticData = opts.staticData ?? {};
	const warnings: string[] = [];
	const ctx = {
		getNode: () => node,
		getMode: () => opts.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getNodeParameter: param(opts.parameters),
		getCredentials: async (type: string) => {
			const c = opts.credentials[type];
			if (!c) throw new Error(`no credential ${type}`);
			return c;
		},
		getWorkflowStaticData: () => staticData,
		helpers: { returnJsonArray },
		logger: { ...quietLogger, warn: (m: string) => warnings.push(m) },
	} as unknown as IPollFunctions;
	return { ctx, staticData, warnings };
}

export interface TriggerHarness {
	ctx: ITriggerFunctions;
	emitted: INodeExecutionData[][][];
	errors: Error[];
	warnings: string[];
}

export function triggerContext(opts: {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	mode?: 'manual' | 'trigger';
}): TriggerHarness {
	const emitted: INodeExecutionData[][][] = [];
	const errors: Error[] = [];
	const warnings: string[] = [];
	const ctx = {
		getNode: () => ({ ...node, name: 'AWS Partner Central Event Trigger' }),
		getMode: () => opts.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getNodeParameter: param(opts.parameters),
		getCredentials: async (type: string) => {
			const c = opts.credentials[type];
			if (!c) throw new Error(`no credential ${type}`);
			return c;
		},
		emit: (data: INodeExecutionData[][]) => emitted.push(data),
		emitError: (e: Error) => errors.push(e),
		helpers: { returnJsonArray },
		logger: { ...quietLogger, warn: (m: string) => warnings.push(m) },
	} as unknown as ITriggerFunctions;
	return { ctx, emitted, errors, warnings };
}

export interface WebhookCall {
	status: number;
	body: unknown;
}

export function webhookContext(opts: {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	headers: Record<string, string>;
	body: unknown;
}): { ctx: IWebhookFunctions; response: WebhookCall } {
	const response: WebhookCall = { status: 0, body: undefined };
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const ctx = {
		getNode: () => node,
		getMode: () => 'trigger',
		getNodeParameter: param(opts.parameters),
		getCredentials: async (type: string) => {
			const c = opts.credentials[type];
			if (!c) throw new Error(`no credential ${type}`);
			return c;
		},
		getHeaderData: () => opts.headers,
		getBodyData: () => opts.body,
		getResponseObject: () => res,
		helpers: { returnJsonArray },
		logger: quietLogger,
	} as unknown as IWebhookFunctions;
	return { ctx, response };
}

export function executeContext(opts: {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}): IExecuteFunctions {
	return {
		getNode: () => ({ ...node, name: 'AWS Partner Central' }),
		getNodeParameter: param(opts.parameters),
		getInputData: () => [{ json: {} }],
		continueOnFail: () => false,
		getCredentials: async (type: string) => {
			const c = opts.credentials[type];
			if (!c) throw new Error(`no credential ${type}`);
			return c;
		},
		helpers: { returnJsonArray },
		logger: quietLogger,
	} as unknown as IExecuteFunctions;
}

export async function waitUntil<T>(fn: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = fn();
		if (v !== undefined && v !== false) return v;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}
