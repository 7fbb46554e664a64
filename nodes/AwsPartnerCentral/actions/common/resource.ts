import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute, OperationModule } from './operation';

export interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, OperationExecute>;
	/** UI operation value -> SDK operation. */
	sdkOperations: Record<string, string>;
	/** UI operation value -> request paths its named fields fill. */
	requestPaths?: Record<string, string[]>;
}

/** The Operation dropdown of a resource plus the fields of each of its operations. */
export function defineResource(resource: string, modules: OperationModule[], defaultOperation: string): ResourceModule {
	const options = [...modules.map((m) => m.option)].sort((a, b) => a.name.localeCompare(b.name));
	const description: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...modules.flatMap((m) => m.description),
	];
	const operations: Record<string, OperationExecute> = {};
	const sdkOperations: Record<string, string> = {};
	const requestPaths: Record<string, string[]> = {};
	for (const m of modules) {
		operations[String(m.option.value)] = m.execute;
		sdkOperations[String(m.option.value)] = m.sdkOperation;
		requestPaths[String(m.option.value)] = m.requestPaths;
	}
	return { description, operations, sdkOperations, requestPaths };
}
