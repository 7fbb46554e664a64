import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { getDealBundles } from '../../../shared/hubspot/bundles';
import { chunk } from '../../../shared/hubspot/objects';
import {
	asNodeError,
	assertNumericId,
	dealIdField,
	errorItem,
	failItems,
	inInputOrder,
	optionsField,
	splitList,
} from '../common';

export const description: INodeProperties[] = [
	dealIdField('deal', 'getBundles', 'HubSpot ID of the deal (or several, comma-separated). All input items are read together, up to 100 deals per batch; one output item per deal.'),
	optionsField('deal', 'getBundles', [
		{
			displayName: 'Additional Company Properties',
			name: 'companyProperties',
			type: 'string',
			default: '',
			placeholder: 'e.g. hs_country_code, linkedin_company_page',
			description: 'Comma-separated company properties to read on top of name, domain, industry and address',
		},
		{
			displayName: 'Additional Contact Properties',
			name: 'contactProperties',
			type: 'string',
			default: '',
			placeholder: 'e.g. hs_language',
			description: 'Comma-separated contact properties to read on top of name, email, phone and job title',
		},
		{
			displayName: 'Additional Deal Properties',
			name: 'dealProperties',
			type: 'string',
			default: '',
			placeholder: 'e.g. my_custom_field',
			description:
				'Comma-separated deal properties to read on top of the standard ones and every aws_* property',
		},
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = new Map<number, INodeExecutionData[]>();
	const requests: Array<{ itemIndex: number; dealId: string }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const dealIds = splitList(this.getNodeParameter('dealId', i, ''));
			for (const id of dealIds.length ? dealIds : ['']) assertNumericId(this, id, 'deal', i);
			for (const dealId of dealIds) requests.push({ itemIndex: i, dealId });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			results.set(i, [errorItem(error, i)]);
		}
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const bundleOptions = {
		dealProperties: splitList(options.dealProperties),
		companyProperties: splitList(options.companyProperties),
		contactProperties: splitList(options.contactProperties),
	};

	for (const part of chunk(requests)) {
		const indexes = part.map((r) => r.itemIndex);
		let fetched;
		try {
			fetched = await getDealBundles(this, part.map((r) => r.dealId), { ...bundleOptions, itemIndex: indexes[0] });
		} catch (error) {
			failItems(this, error, indexes, results);
			continue;
		}
		const missing = part.filter((r) => !fetched.bundles.has(r.dealId));
		if (missing.length && !this.continueOnFail()) {
			const message = `HubSpot has no deal with ID ${missing.map((m) => m.dealId).join(', ')}`;
			throw new NodeApiError(this.getNode(), { message, missingDealIds: missing.map((m) => m.dealId) }, {
				message,
				httpCode: '404',
				itemIndex: missing[0].itemIndex,
				description: 'The deals may have been deleted or merged. Turn on "Continue On Fail" to get one error item per missing deal.',
			});
		}
		for (const r of part) {
			const bundle = fetched.bundles.get(r.dealId);
			const list = results.get(r.itemIndex) ?? [];
			list.push(
				bundle
					? { json: bundle as unknown as IDataObject, pairedItem: { item: r.itemIndex } }
					: errorItem(new Error(`HubSpot has no deal with ID ${r.dealId} (deleted or merged?)`), r.itemIndex, {
							dealId: r.dealId,
						}),
			);
			results.set(r.itemIndex, list);
		}
	}
	return inInputOrder(items.length, results);
}
