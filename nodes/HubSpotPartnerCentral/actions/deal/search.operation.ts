import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SearchCapError, searchAll } from '../../../shared/hubspot/objects';
import type { FilterRow } from '../../../shared/hubspot/searchFilters';
import { FilterError, buildFilterGroups } from '../../../shared/hubspot/searchFilters';
import { asNodeError, optionalString, optionsField, perItem } from '../common';
import { dealJson, dealPropertiesField, dealPropertiesToRead, readLimit, returnAllFields } from './readFields';

const show = { resource: ['deal'], operation: ['search'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'HubSpot search shows a change a few seconds after it was made. To find the deal of an AWS opportunity use "Find by AWS ID"; to create deals use an Upsert operation.',
		name: 'searchLagNoticeSearch',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		description:
			'Conditions on deal properties. Filters with the same group number must all match; a deal matching any group is returned. No filter: every deal.',
		options: [
			{
				name: 'filter',
				displayName: 'Filter',
				values: [
					{
						displayName: 'Property Name',
						name: 'propertyName',
						type: 'string',
						default: '',
						placeholder: 'e.g. dealstage',
						description: 'Internal name of the deal property (Settings > Properties in HubSpot shows it)',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'EQ',
						options: [
							{ name: 'Contains Word', value: 'CONTAINS_TOKEN', description: 'A word of the value matches; * is a wildcard (e.g. *@acme.com)' },
							{ name: 'Does Not Contain Word', value: 'NOT_CONTAINS_TOKEN' },
							{ name: 'Greater Than', value: 'GT' },
							{ name: 'Greater Than or Equal', value: 'GTE' },
							{ name: 'Has a Value', value: 'HAS_PROPERTY' },
							{ name: 'Has No Value', value: 'NOT_HAS_PROPERTY' },
							{ name: 'Is Any Of', value: 'IN', description: 'Value is a comma-separated list' },
							{ name: 'Is Equal To', value: 'EQ' },
							{ name: 'Is None Of', value: 'NOT_IN', description: 'Value is a comma-separated list' },
							{ name: 'Is Not Equal To', value: 'NEQ' },
							{ name: 'Less Than', value: 'LT' },
							{ name: 'Less Than or Equal', value: 'LTE' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { hide: { operator: ['HAS_PROPERTY', 'NOT_HAS_PROPERTY'] } },
						description:
							'What to compare with. Dates and times: milliseconds since 1970 (e.g. {{ $now.minus({ days: 30 }).toMillis() }}) work for every date property; numbers without thousands separators; Is Any Of / Is None Of take a comma-separated list.',
					},
					{
						displayName: 'Group',
						name: 'group',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, maxValue: 5 },
						description: 'Filters in the same group must all match (AND); groups are alternatives (OR)',
					},
				],
			},
		],
	},
	dealPropertiesField('search'),
	...returnAllFields('search'),
	optionsField('deal', 'search', [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'string',
			default: '',
			placeholder: 'e.g. closedate',
			description:
				'Internal name of the property to sort by. Empty: by deal ID, which lets Return All read more than HubSpot\'s 10,000-result limit; any other sort stops at 10,000.',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			default: 'ASCENDING',
			options: [
				{ name: 'Ascending', value: 'ASCENDING' },
				{ name: 'Descending', value: 'DESCENDING' },
			],
		},
		{
			displayName: 'Text Search',
			name: 'query',
			type: 'string',
			default: '',
			description: 'Words to look for in the deal name (HubSpot matches the start of words), on top of the filters',
		},
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (i) => {
		const rows = (this.getNodeParameter('filters.filter', i, []) as FilterRow[]) ?? [];
		let filterGroups: IDataObject[];
		try {
			filterGroups = buildFilterGroups(rows);
		} catch (error) {
			if (!(error instanceof FilterError)) throw asNodeError(this, error, i);
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: i, description: 'Check the Filters of the Search Deals operation.' });
		}
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const sortBy = optionalString(this, 'options.sortBy', i);
		const direction = options.sortDirection === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING';
		const limit = readLimit(this, i);
		try {
			const deals = await searchAll(
				this,
				'deals',
				{
					filterGroups,
					properties: dealPropertiesToRead(this, i),
					query: optionalString(this, 'options.query', i) || undefined,
					sort: { propertyName: sortBy || 'hs_object_id', direction },
				},
				{ itemIndex: i, limit },
			);
			return deals.map(dealJson);
		} catch (error) {
			if (!(error instanceof SearchCapError)) throw asNodeError(this, error, i);
			throw new NodeOperationError(this.getNode(), error.message, {
				itemIndex: i,
				description: `HubSpot cannot page past ${error.cap} results of one search. Leave "Sort By" empty (deal ID order reads every match), narrow the filters, or turn off Return All and set a Limit up to ${error.cap}.`,
			});
		}
	});
}
