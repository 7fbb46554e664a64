import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { errorItem } from '../../../nodes/HubSpotPartnerCentral/actions/common';

const node = { name: 'HubSpot', type: 'n8n-nodes-aws-partner-central.hubSpotPartnerCentral' } as INode;

describe('HubSpot node error items (Continue On Fail)', () => {
	it('carry the n8n error on the item so "Continue (using error output)" routes them to the error output', () => {
		const apiError = new NodeApiError(node, { message: 'Property values were not valid' });
		const item = errorItem(apiError, 3, { dealId: '42' });
		expect(item.error).toBe(apiError);
		expect(item.json).toMatchObject({ dealId: '42', error: expect.any(String) });
		expect(item.pairedItem).toEqual({ item: 3 });
		expect(errorItem(new NodeOperationError(node, 'bad'), 0).error).toBeInstanceOf(NodeOperationError);
	});
});
