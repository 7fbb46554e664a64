import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * n8n moves an item to a node's error output ("On Error: Continue (using error output)") only when the item has
 * `error` set, or when its json holds nothing but error/message/details. Our Continue-On-Fail items carry more
 * (the deal id, the description, HubSpot's details), so for that setting they get `error` set here. Not for
 * "Continue (regular output)": there n8n would rewrite such items to `{ error }` and drop the other keys that
 * workflows read.
 */
export function routeErrorItems(ctx: IExecuteFunctions, outputs: INodeExecutionData[][]): INodeExecutionData[][] {
	const node = ctx.getNode();
	if (node.onError !== 'continueErrorOutput') return outputs;
	for (const items of outputs) {
		for (const item of items) {
			if (item.error || item.json?.error === undefined || item.json.error === null) continue;
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
			const itemIndex = typeof paired === 'object' && paired ? paired.item : undefined;
			const message = String(item.json.error);
			const error = new NodeOperationError(node, message, {
				itemIndex,
				description: typeof item.json.description === 'string' ? item.json.description : undefined,
			});
			// n8n swaps messages that contain a Node.js error code for a generic text, and "ResourceNotFoundException"
			// contains ENOTFOUND ("The connection cannot be established..."): keep AWS's words.
			error.message = message;
			item.error = error;
		}
	}
	return outputs;
}
