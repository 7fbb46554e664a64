import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { parseMapperConfig } from '../shared/mapping/config';
import { OPERATIONS, operationProperty } from './operations';
import { settingsProperties } from './settings';

/**
 * Partner Central Mapper: turns HubSpot deals into Partner Central requests and back, and checks what AWS needs
 * before submission. Pure mapping (no credentials, no network): the logic lives in nodes/shared/mapping.
 * Items that AWS would accept leave on "Valid"; the others leave on "Invalid" with a readable problem list and a
 * ready HubSpot note body. Bad data never stops the workflow; only a mistake in the node's own settings does.
 */
export class PartnerCentralMapper implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Partner Central Mapper',
		name: 'partnerCentralMapper',
		icon: { light: 'file:partnerCentralMapper.svg', dark: 'file:partnerCentralMapper.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Map HubSpot deals to AWS Partner Central opportunities and back, and check them before submission',
		defaults: { name: 'Partner Central Mapper' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Valid', 'Invalid'],
		// Usable as an AI tool (an agent passes a deal bundle or an opportunity through $fromAI and asks "can this
		// go to AWS?"). A tool hands only one result back to the agent, so in the tool variant every item goes to
		// the first output and carries `valid` plus the problems; in workflows, Valid and Invalid stay apart.
		usableAsTool: true,
		properties: [
			operationProperty,
			...Object.values(OPERATIONS).flatMap((o) => o.description),
			...settingsProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const valid: INodeExecutionData[] = [];
		const invalid: INodeExecutionData[] = [];
		const now = new Date();
		// The AI-tool variant of a node is registered as "<name>Tool" (n8n clones usableAsTool nodes).
		const asTool = this.getNode().type.endsWith('Tool');

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const impl = OPERATIONS[operation];
				if (!impl) throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, { itemIndex });
				const { config, errors } = parseMapperConfig({
					titleTag: this.getNodeParameter('titleTag', itemIndex, '#AWS'),
					amountMonths: this.getNodeParameter('amountMonths', itemIndex, 12),
					stageMaps: this.getNodeParameter('stageMaps', itemIndex, {}),
					defaults: this.getNodeParameter('defaults', itemIndex, {}),
					propertyNames: this.getNodeParameter('propertyNames', itemIndex, {}),
					...(this.getNodeParameter('currency', itemIndex, {}) as IDataObject),
					...(this.getNodeParameter('options', itemIndex, {}) as IDataObject),
				});
				if (errors.length) {
					throw new NodeOperationError(this.getNode(), `The mapper settings have ${errors.length === 1 ? 'a problem' : 'problems'}: ${errors.join('; ')}`, {
						itemIndex,
						description: 'Fix the Partner Central Mapper settings (stage mapping, industry overrides, currency rates).',
					});
				}
				const result = impl.run({ ctx: this, itemIndex, config, now });
				(result.valid || asTool ? valid : invalid).push({ json: result.json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (this.continueOnFail()) {
					(asTool ? valid : invalid).push({ json: { valid: false, error: (error as Error).message }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex,
					description: (error as NodeOperationError).description ?? undefined,
				});
			}
		}
		return [valid, invalid];
	}
}
