import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { routeErrorItems } from '../../../nodes/shared/errorOutput';

const ctxWith = (onError?: INode['onError']) =>
	({ getNode: () => ({ name: 'N', type: 't', onError }) as INode }) as unknown as IExecuteFunctions;

const outputs = (): INodeExecutionData[][] => [
	[
		{ json: { Id: 'O1' }, pairedItem: { item: 0 } },
		{ json: { error: 'GetOpportunity failed: ResourceNotFoundException: Opportunity not found', description: 'check the id', dealId: '42' }, pairedItem: { item: 1 } },
	],
];

describe('routeErrorItems (Continue-On-Fail items and the error output)', () => {
	it('sets item.error on error items when the node sends errors to its error output', () => {
		const out = routeErrorItems(ctxWith('continueErrorOutput'), outputs());
		expect(out[0][0].error).toBeUndefined();
		expect(out[0][1].error).toBeInstanceOf(NodeOperationError);
		// The message stays AWS's (n8n would otherwise read ENOTFOUND inside ResourceNotFoundException).
		expect(out[0][1].error?.message).toBe('GetOpportunity failed: ResourceNotFoundException: Opportunity not found');
		expect(out[0][1].json.dealId).toBe('42');
	});

	it('leaves items alone for "Continue (regular output)" and "Stop", where n8n would drop their other keys', () => {
		for (const onError of ['continueRegularOutput', 'stopWorkflow', undefined] as const) {
			const out = routeErrorItems(ctxWith(onError), outputs());
			expect(out[0].every((i) => i.error === undefined)).toBe(true);
		}
	});
});
