import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

/**
 * A minimal IExecuteFunctions for running the node's execute() in tests: parameters per node (optionally
 * overridden per item), credentials, input items and continueOnFail. Missing parameters fall back like n8n does
 * (the fallback given to getNodeParameter), so hidden fields behave as in the editor.
 */
export interface FakeContextOptions {
	parameters: IDataObject;
	/** Per-item parameter overrides. */
	itemParameters?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'AWS Partner Central',
	type: 'n8n-nodes-aws-partner-central.awsPartnerCentral',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function createExecuteContext(options: FakeContextOptions): IExecuteFunctions & {
	credentialRequests: string[];
} {
	const items = options.items ?? [{ json: {} }];
	const credentialRequests: string[] = [];
	const context = {
		credentialRequests,
		getInputData: () => items,
		getNode: () => TEST_NODE,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			credentialRequests.push(type);
			if (!options.credentials) throw new Error(`No credentials for ${type}`);
			return options.credentials;
		},
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const perItem = options.itemParameters?.[itemIndex] ?? {};
			if (name in perItem) return perItem[name];
			if (name in options.parameters) return options.parameters[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return context as unknown as IExecuteFunctions & { credentialRequests: string[] };
}
