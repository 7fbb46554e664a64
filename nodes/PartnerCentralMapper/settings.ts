/**
 * The mapping settings shown in the node (shared by all operations). Their names are what
 * nodes/shared/mapping/config.ts#parseMapperConfig reads. Defaults are literals here (the lint rules want them
 * visible); test/unit/mapping/node.test.ts checks they equal DEFAULT_MAPPER_CONFIG.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AWS_CLOSED_LOST_REASONS } from '../shared/mapping/tables/closedLostReasons';
import {
	CUSTOMER_USE_CASES,
	DELIVERY_MODELS,
	NATIONAL_SECURITY_VALUES,
	OPPORTUNITY_TYPES,
	ORIGINS,
	PRIMARY_NEEDS,
	SALES_ACTIVITIES,
} from '../shared/mapping/tables/awsValues';
import { DEFAULT_OVERRIDE_PROPERTIES, type OverridePropertyNames } from '../shared/mapping/tables/defaults';
import { AWS_INDUSTRIES } from '../shared/mapping/tables/industries';
import { AWS_STAGES } from '../shared/mapping/tables/stages';

const options = (values: readonly string[]): INodePropertyOptions[] => values.map((v) => ({ name: v, value: v }));

const PROPERTY_LABELS: Record<keyof OverridePropertyNames, string> = {
	industry: 'Industry Override Property',
	deliveryModels: 'Delivery Models Property',
	primaryNeedsFromAws: 'Primary Needs Property',
	salesActivities: 'Sales Activities Property',
	customerUseCase: 'Customer Use Case Property',
	opportunityType: 'Opportunity Type Property',
	origin: 'Origin Property',
	nationalSecurity: 'National Security Property',
	expectedMonthlySpend: 'Expected Monthly Spend Property',
	competitor: 'Competitor Property',
	closedLostReason: 'Closed Lost Reason Property',
	solutionIds: 'Solution IDs Property',
};

export const settingsProperties: INodeProperties[] = [
	{
		displayName: 'Co-Sell Tag',
		name: 'titleTag',
		type: 'string',
		default: '#AWS',
		description: 'Tag that marks co-sell deals. Removed from the title sent to AWS; added to deal names created from AWS.',
	},
	{
		displayName: 'HubSpot Amount Covers (Months)',
		name: 'amountMonths',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 12,
		description:
			'AWS wants the expected MONTHLY AWS spend. The deal amount is divided by this number (12 when amounts are yearly values, 1 when they are already monthly). A deal\'s "AWS expected monthly spend" property wins over it.',
	},
	{
		displayName: 'Stage Mapping',
		name: 'stageMaps',
		type: 'fixedCollection',
		placeholder: 'Add Pipeline',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Deal stage ↔ Partner Central stage per HubSpot pipeline. The default pipeline is mapped out of the box (appointment scheduled → Prospect … closed lost → Closed Lost); add your other pipelines here, or the default one to change it.',
		options: [
			{
				displayName: 'Pipeline',
				name: 'pipeline',
				values: [
					{
						displayName: 'Pipeline ID',
						name: 'pipelineId',
						type: 'string',
						default: 'default',
						description: 'HubSpot pipeline ID ("default" for the default sales pipeline; numbers for others)',
					},
					{
						displayName: 'Stages',
						name: 'stages',
						type: 'fixedCollection',
						placeholder: 'Add Stage',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Stage',
								name: 'stage',
								values: [
									{ displayName: 'HubSpot Stage ID', name: 'hubspotStage', type: 'string', default: '', description: 'Internal ID of the deal stage' },
									{ displayName: 'Partner Central Stage', name: 'awsStage', type: 'options', options: options(AWS_STAGES), default: 'Prospect' },
									{
										displayName: 'Preferred for This AWS Stage',
										name: 'preferredForAws',
										type: 'boolean',
										default: false,
										description: 'Whether deals moved by AWS to this stage get this deal stage (when several deal stages share one AWS stage)',
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Defaults',
		name: 'defaults',
		type: 'collection',
		placeholder: 'Add Default',
		default: {},
		description: 'Values used when a deal does not set its own (through the deal properties named below)',
		options: [
			{ displayName: 'Customer Use Case', name: 'customerUseCase', type: 'options', options: [{ name: '(None: the Deal Must Set It)', value: '' }, ...options(CUSTOMER_USE_CASES)], default: '' },
			{ displayName: 'Delivery Models', name: 'deliveryModels', type: 'multiOptions', options: options(DELIVERY_MODELS), default: [] },
			{ displayName: 'National Security', name: 'nationalSecurity', type: 'options', options: options(NATIONAL_SECURITY_VALUES), default: 'No', description: 'Yes is only accepted for Government customers; set it per deal rather than here' },
			{ displayName: 'Opportunity Type', name: 'opportunityType', type: 'options', options: options(OPPORTUNITY_TYPES), default: 'Net New Business' },
			{ displayName: 'Origin', name: 'origin', type: 'options', options: options(ORIGINS), default: 'Partner Referral', description: 'AWS Referral is only accepted in the Sandbox catalog' },
			{ displayName: 'Primary Needs From AWS', name: 'primaryNeedsFromAws', type: 'multiOptions', options: options(PRIMARY_NEEDS), default: ['Co-Sell - Deal Support'] },
			{ displayName: 'Sales Activities', name: 'salesActivities', type: 'multiOptions', options: options(SALES_ACTIVITIES), default: ['Initialized discussions with customer'] },
		],
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'collection',
		placeholder: 'Add Currency Setting',
		default: {},
		options: [
			{ displayName: 'Default Currency', name: 'defaultCurrency', type: 'options', options: options(['USD', 'EUR']), default: 'USD', description: 'Currency of deals that have none' },
			{
				displayName: 'Other Currencies',
				name: 'currencyPolicy',
				type: 'options',
				options: [
					{ name: 'Reject (Invalid Output)', value: 'reject', description: 'AWS accepts only USD and EUR' },
					{ name: 'Convert With the Rates Below', value: 'convert' },
				],
				default: 'reject',
			},
			{ displayName: 'Convert To', name: 'convertTo', type: 'options', options: options(['USD', 'EUR']), default: 'USD' },
			{
				displayName: 'Conversion Rates',
				name: 'conversionRates',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Rate',
				default: {},
				options: [
					{
						displayName: 'Rate',
						name: 'rate',
						values: [
							{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'GBP' },
							{ displayName: 'Rate', name: 'rate', type: 'number', typeOptions: { numberPrecision: 6 }, default: 1, description: 'How many units of the target currency one unit is worth' },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Deal Property Names',
		name: 'propertyNames',
		type: 'collection',
		placeholder: 'Change Property Name',
		default: {},
		description: 'HubSpot deal properties a rep uses to override the defaults per deal (the aws_* properties by default)',
		options: (Object.keys(PROPERTY_LABELS) as Array<keyof OverridePropertyNames>)
			.sort((a, b) => PROPERTY_LABELS[a].localeCompare(PROPERTY_LABELS[b]))
			.map((key) => ({ displayName: PROPERTY_LABELS[key], name: key, type: 'string' as const, default: DEFAULT_OVERRIDE_PROPERTIES[key] })),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Business Problem Template',
				name: 'businessProblemTemplate',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					'Used when the deal description is shorter than 20 characters. Placeholders: {{dealname}}, {{company}}, {{description}}. Empty: such deals go to the Invalid output (AWS reviewers reject boilerplate).',
			},
			{
				displayName: 'Catalog',
				name: 'catalog',
				type: 'options',
				options: [
					{ name: 'From the Credential', value: '' },
					{ name: 'AWS', value: 'AWS' },
					{ name: 'Sandbox', value: 'Sandbox' },
				],
				default: '',
				description: 'Catalog written into the requests',
			},
			{
				displayName: 'Closed Lost Fallback Reason',
				name: 'closedLostFallback',
				type: 'options',
				options: [{ name: '(None: Invalid Output)', value: '' }, ...options(AWS_CLOSED_LOST_REASONS)],
				// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options -- 'Other' is one of the spread AWS reasons
				default: 'Other',
				description: "AWS reason for a closed-lost text that matches none of AWS's reasons",
			},
			{ displayName: 'Custom Amount Ratio', name: 'amountRatio', type: 'number', typeOptions: { numberPrecision: 6, minValue: 0 }, default: 0, description: 'Monthly spend = amount × this ratio. 0 uses "HubSpot Amount Covers (Months)".' },
			{ displayName: 'Default Phone Country', name: 'defaultPhoneCountry', type: 'string', default: 'US', description: 'Two-letter country for phone numbers written without a country code, when neither the contact nor the company has a country' },
			{
				displayName: 'Industry Overrides',
				name: 'industryOverrides',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Override',
				default: {},
				options: [
					{
						displayName: 'Override',
						name: 'override',
						values: [
							{ displayName: 'HubSpot Industry Value', name: 'hubspotValue', type: 'string', default: '', placeholder: 'COMPUTER_SOFTWARE', description: 'Internal value of the HubSpot industry option (also custom options)' },
							{ displayName: 'Partner Central Industry', name: 'awsIndustry', type: 'options', options: options(AWS_INDUSTRIES), default: 'Other' },
						],
					},
				],
			},
			{ displayName: 'New Deal Pipeline ID', name: 'newDealPipelineId', type: 'string', default: 'default', description: 'Pipeline of deals created from AWS opportunities and referrals' },
			{ displayName: 'Partner Opportunity ID Prefix', name: 'partnerIdPrefix', type: 'string', default: 'HUBSPOT-', description: 'PartnerOpportunityIdentifier = prefix + deal ID' },
			{ displayName: 'Referral Stage', name: 'referralStage', type: 'options', options: options(AWS_STAGES), default: 'Prospect', description: 'New AWS referral deals get the deal stage mapped to this AWS stage' },
		],
	},
];
