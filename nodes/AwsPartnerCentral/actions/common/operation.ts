import {
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { resolveClientToken, type ClientTokenMode } from '../../../shared/partnerCentral/clientTokens';
import { deepMerge } from '../../../shared/partnerCentral/mergeUpdate';
import { operationInfo } from '../../../shared/partnerCentral/operations';
import { partnerCentralCall, partnerCentralPaginate } from '../../../shared/partnerCentral/transport';
import {
	TaskFailedError,
	TaskTimeoutError,
	waitForTask,
	type TaskKind,
} from '../../../shared/partnerCentral/waitForTask';
import {
	additionalJsonField,
	clientTokenFields,
	convertValue,
	returnAllFields,
	setPath,
	toProperty,
	waitFields,
	type FieldSpec,
} from './fields';

/**
 * One Partner Central operation of the node, declared as data: its UI fields (required ones on top, optional
 * ones in a collection), and how they become the SDK request. `defineOperation` turns the declaration into the
 * `description` + `execute` pair the router expects.
 */

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

export interface OperationModule {
	option: INodePropertyOptions;
	/** The SDK operation it calls. */
	sdkOperation: string;
	/** Request paths the named fields fill (for checks against the API model). */
	requestPaths: string[];
	description: INodeProperties[];
	execute: OperationExecute;
}

export interface OperationDef {
	resource: string;
	/** UI value of the operation. */
	operation: string;
	/** Dropdown label, e.g. "Get". */
	name: string;
	/** Sentence shown under the operation (and used by AI agents as the tool description). */
	action: string;
	description: string;
	/** SDK operation, e.g. GetOpportunity. */
	sdkOperation: string;
	fields?: FieldSpec[];
	/** Optional fields, shown in a collection ("Filters" for list operations, "Options" otherwise). */
	optional?: FieldSpec[];
	/** Label of the optional-fields collection (default "Filters" for lists, "Options" otherwise). */
	optionalLabel?: string;
	/** Extra UI properties handled by `build`. */
	extraProperties?: INodeProperties[];
	/** Adjust the request after the fields are applied (before Additional Fields JSON). */
	build?: (ctx: IExecuteFunctions, itemIndex: number, request: IDataObject) => IDataObject | Promise<IDataObject>;
	/** Async task to wait for: which kind, and the response (or else request) member that holds its id. */
	wait?: { kind: TaskKind; idFrom: string; target?: string };
	/** Replace the standard call (e.g. merge-update). Receives the finished request. */
	run?: (ctx: IExecuteFunctions, itemIndex: number, request: IDataObject) => Promise<IDataObject | IDataObject[]>;
}

export function param<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return ctx.getNodeParameter(name, itemIndex, fallback) as T;
}

export function toItems(itemIndex: number, data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({
		json,
		pairedItem: { item: itemIndex },
	}));
}

function readSpecs(
	ctx: IExecuteFunctions,
	itemIndex: number,
	specs: FieldSpec[],
	values: (spec: FieldSpec) => unknown,
	request: IDataObject,
): void {
	for (const spec of specs) {
		let converted: unknown;
		try {
			converted = convertValue(spec, values(spec));
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `"${spec.label}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
			});
		}
		if (converted !== undefined) setPath(request, spec.path, converted);
	}
}

/** The request from the UI fields, the Additional Fields (JSON) and the node's catalog override. */
export async function buildRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	def: Pick<OperationDef, 'fields' | 'optional' | 'build' | 'sdkOperation'>,
): Promise<IDataObject> {
	let request: IDataObject = {};
	readSpecs(ctx, itemIndex, def.fields ?? [], (s) => ctx.getNodeParameter(s.name, itemIndex, ''), request);
	if (def.optional?.length) {
		const collection = param<IDataObject>(ctx, 'options', itemIndex, {});
		readSpecs(ctx, itemIndex, def.optional, (s) => collection[s.name], request);
	}
	if (def.build) request = await def.build(ctx, itemIndex, request);
	const extra = param<unknown>(ctx, 'additionalFieldsJson', itemIndex, '{}');
	let extraObject: unknown = extra;
	if (typeof extra === 'string') {
		try {
			extraObject = extra.trim() ? JSON.parse(extra) : {};
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Additional Fields (JSON) is not valid JSON: ${(error as Error).message}`,
				{
					itemIndex,
				},
			);
		}
	}
	if (extraObject && typeof extraObject === 'object' && !Array.isArray(extraObject)) {
		request = deepMerge(request, extraObject) as IDataObject;
	} else if (extraObject !== undefined && extraObject !== null) {
		throw new NodeOperationError(ctx.getNode(), 'Additional Fields (JSON) must be a JSON object', { itemIndex });
	}
	if (!operationInfo(def.sdkOperation)?.noCatalog && request.Catalog === undefined) {
		const catalog = param<string>(ctx, 'catalog', itemIndex, '');
		if (catalog) request.Catalog = catalog;
	}
	return request;
}

export function applyClientToken(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sdkOperation: string,
	request: IDataObject,
): IDataObject {
	if (request.ClientToken) return request;
	const mode = param<ClientTokenMode>(ctx, 'clientTokenMode', itemIndex, 'deterministic');
	try {
		const token = resolveClientToken(sdkOperation, request, {
			mode,
			idempotencyKey: mode === 'deterministic' ? param<string>(ctx, 'idempotencyKey', itemIndex, '') : undefined,
			customToken: mode === 'custom' ? param<string>(ctx, 'clientToken', itemIndex, '') : undefined,
		});
		return { ...request, ClientToken: token };
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}

export async function waitIfAsked(
	ctx: IExecuteFunctions,
	itemIndex: number,
	wait: NonNullable<OperationDef['wait']>,
	started: IDataObject,
	catalog: string | undefined,
	request: IDataObject = {},
): Promise<IDataObject> {
	if (!param<boolean>(ctx, 'waitForCompletion', itemIndex, false)) return started;
	const taskId = started[wait.idFrom] ?? request[wait.idFrom];
	if (typeof taskId !== 'string' || !taskId) {
		throw new NodeOperationError(ctx.getNode(), `The response has no ${wait.idFrom} to wait for`, { itemIndex });
	}
	const timeoutMs = param<number>(ctx, 'waitTimeoutSeconds', itemIndex, 300) * 1000;
	try {
		const final = await waitForTask(
			(operation, input) => partnerCentralCall(ctx, operation, input, { itemIndex }),
			wait.kind,
			taskId,
			{ timeoutMs, catalog, target: wait.target },
		);
		return { ...started, ...final };
	} catch (error) {
		if (error instanceof TaskFailedError) {
			throw new NodeOperationError(ctx.getNode(), error.message, {
				itemIndex,
				description: `ReasonCode: ${error.reasonCode ?? 'none'}\nMessage: ${error.taskMessage ?? 'none'}\nTask: ${JSON.stringify(error.task)}`,
			});
		}
		if (error instanceof TaskTimeoutError) {
			throw new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
		}
		if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
		// Already an n8n error (NodeApiError / NodeOperationError): keep it as it is.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

function hasAny(list?: unknown[]): boolean {
	return !!list && list.length > 0;
}

export function defineOperation(def: OperationDef): OperationModule {
	const info = operationInfo(def.sdkOperation);
	if (!info) throw new Error(`Unknown Partner Central operation ${def.sdkOperation}`);
	const isList = !!info.list;
	const properties: INodeProperties[] = [...(def.fields ?? []).map(toProperty)];
	if (hasAny(def.extraProperties)) properties.push(...def.extraProperties!);
	if (isList) properties.push(...returnAllFields);
	if (info.clientToken) properties.push(...clientTokenFields);
	if (def.wait) properties.push(...waitFields);
	if (hasAny(def.optional)) {
		properties.push({
			displayName: def.optionalLabel ?? (isList ? 'Filters' : 'Options'),
			name: 'options',
			type: 'collection',
			placeholder: isList ? 'Add Filter' : 'Add Field',
			default: {},
			options: def.optional!.map(toProperty),
		});
	}
	properties.push(additionalJsonField);

	const description = updateDisplayOptions(
		{ show: { resource: [def.resource], operation: [def.operation] } },
		properties,
	);

	const execute: OperationExecute = async function (this: IExecuteFunctions, itemIndex: number) {
		let request = await buildRequest(this, itemIndex, def);
		if (info.clientToken) request = applyClientToken(this, itemIndex, def.sdkOperation, request);
		if (def.run) return toItems(itemIndex, await def.run(this, itemIndex, request));
		if (isList) {
			const returnAll = param<boolean>(this, 'returnAll', itemIndex, false);
			const limit = returnAll ? undefined : param<number>(this, 'limit', itemIndex, 50);
			const results = await partnerCentralPaginate(this, def.sdkOperation, request, info.list!.resultKey, {
				limit,
				itemIndex,
			});
			return toItems(itemIndex, results);
		}
		let result = await partnerCentralCall(this, def.sdkOperation, request, {
			itemIndex,
		});
		if (def.wait) {
			const catalog = typeof request.Catalog === 'string' ? request.Catalog : undefined;
			result = await waitIfAsked(this, itemIndex, def.wait, result, catalog, request);
		}
		return toItems(itemIndex, result);
	};

	return {
		option: {
			name: def.name,
			value: def.operation,
			action: def.action,
			description: def.description,
		},
		sdkOperation: def.sdkOperation,
		requestPaths: [...(def.fields ?? []), ...(def.optional ?? [])].map((f) => f.path),
		description,
		execute,
	};
}
