/**
 * Default (HubSpot-defined) properties seeded per object type, with HubSpot's types and field types
 * (hubspot.md 2.1 "Properties", 2.2 "Property values are typed string"). Options of `dealstage`, `pipeline` and
 * `hubspot_owner_id` are dynamic: they come from the pipelines and owners of the simulated account.
 */
import { INDUSTRY_OPTIONS } from './industries';

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';

export interface PropertySeed {
	name: string;
	label: string;
	type: PropertyType;
	fieldType: string;
	groupName?: string;
	options?: Array<[string, string]>;
	hasUniqueValue?: boolean;
	readOnlyValue?: boolean;
	calculated?: boolean;
	dynamicOptions?: 'pipelines' | 'stages' | 'owners';
	description?: string;
}

const text = (name: string, label: string, fieldType = 'text'): PropertySeed => ({ name, label, type: 'string', fieldType });
const num = (name: string, label: string): PropertySeed => ({ name, label, type: 'number', fieldType: 'number' });
const dt = (name: string, label: string): PropertySeed => ({ name, label, type: 'datetime', fieldType: 'date' });
const select = (name: string, label: string, options: Array<[string, string]>): PropertySeed => ({ name, label, type: 'enumeration', fieldType: 'select', options });
const same = (...values: string[]): Array<[string, string]> => values.map((v) => [v, v]);
const owner: PropertySeed = { name: 'hubspot_owner_id', label: 'Owner', type: 'enumeration', fieldType: 'select', dynamicOptions: 'owners' };
const readOnly = (p: PropertySeed): PropertySeed => ({ ...p, readOnlyValue: true });

/** Maintained by HubSpot on every object type. */
const COMMON: PropertySeed[] = [
	readOnly(num('hs_object_id', 'Record ID')),
	dt('createdate', 'Create Date'),
	readOnly(dt('hs_lastmodifieddate', 'Last Modified Date')),
	readOnly({ ...text('hs_merged_object_ids', 'Merged Record IDs'), type: 'enumeration', fieldType: 'checkbox' }),
];

const CURRENCIES = same('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'INR', 'BRL', 'SGD', 'CHF');
const COMPANY_TYPES: Array<[string, string]> = [['PROSPECT', 'Prospect'], ['PARTNER', 'Partner'], ['RESELLER', 'Reseller'], ['VENDOR', 'Vendor'], ['OTHER', 'Other']];
const LIFECYCLE: Array<[string, string]> = [
	['subscriber', 'Subscriber'], ['lead', 'Lead'], ['marketingqualifiedlead', 'Marketing Qualified Lead'],
	['salesqualifiedlead', 'Sales Qualified Lead'], ['opportunity', 'Opportunity'], ['customer', 'Customer'],
	['evangelist', 'Evangelist'], ['other', 'Other'],
];

export const DEFAULT_PROPERTIES: Record<string, PropertySeed[]> = {
	deals: [
		text('dealname', 'Deal Name'),
		num('amount', 'Amount'),
		{ name: 'dealstage', label: 'Deal Stage', type: 'enumeration', fieldType: 'radio', dynamicOptions: 'stages' },
		{ name: 'pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', dynamicOptions: 'pipelines' },
		dt('closedate', 'Close Date'),
		text('description', 'Deal Description', 'textarea'),
		owner,
		select('deal_currency_code', 'Currency', CURRENCIES),
		text('closed_lost_reason', 'Closed Lost Reason', 'textarea'),
		text('closed_won_reason', 'Closed Won Reason', 'textarea'),
		select('dealtype', 'Deal Type', [['newbusiness', 'New Business'], ['existingbusiness', 'Existing Business']]),
		select('hs_priority', 'Priority', [['low', 'Low'], ['medium', 'Medium'], ['high', 'High']]),
		text('hs_next_step', 'Next step', 'textarea'),
		readOnly({ ...num('hs_deal_stage_probability', 'Deal probability'), calculated: true }),
		readOnly({ name: 'hs_is_closed', label: 'Is Deal Closed?', type: 'bool', fieldType: 'booleancheckbox', calculated: true, options: [['true', 'Yes'], ['false', 'No']] }),
		readOnly({ name: 'hs_is_closed_won', label: 'Is Closed Won', type: 'bool', fieldType: 'booleancheckbox', calculated: true, options: [['true', 'Yes'], ['false', 'No']] }),
		...COMMON,
	],
	companies: [
		text('name', 'Company name'),
		text('domain', 'Company Domain Name'),
		text('website', 'Website URL'),
		{ ...select('industry', 'Industry', INDUSTRY_OPTIONS) },
		{ name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber' },
		text('address', 'Street Address'),
		text('address2', 'Street Address 2'),
		text('city', 'City'),
		text('state', 'State/Region'),
		text('zip', 'Postal Code'),
		text('country', 'Country/Region'),
		num('numberofemployees', 'Number of Employees'),
		num('annualrevenue', 'Annual Revenue'),
		text('description', 'Description', 'textarea'),
		select('type', 'Type', COMPANY_TYPES),
		select('lifecyclestage', 'Lifecycle Stage', LIFECYCLE),
		text('linkedin_company_page', 'LinkedIn Company Page'),
		owner,
		...COMMON,
	],
	contacts: [
		{ ...text('email', 'Email'), hasUniqueValue: true },
		text('firstname', 'First Name'),
		text('lastname', 'Last Name'),
		{ name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber' },
		{ name: 'mobilephone', label: 'Mobile Phone Number', type: 'string', fieldType: 'phonenumber' },
		text('jobtitle', 'Job Title'),
		text('company', 'Company Name'),
		text('website', 'Website URL'),
		text('address', 'Street Address'),
		text('city', 'City'),
		text('state', 'State/Region'),
		text('zip', 'Postal Code'),
		text('country', 'Country/Region'),
		select('lifecyclestage', 'Lifecycle Stage', LIFECYCLE),
		owner,
		readOnly(dt('lastmodifieddate', 'Last Modified Date')),
		...COMMON,
	],
	notes: [
		text('hs_note_body', 'Note body', 'html'),
		dt('hs_timestamp', 'Activity date'),
		text('hs_attachment_ids', 'Attached file IDs'),
		owner,
		...COMMON,
	],
	tasks: [
		text('hs_task_subject', 'Task Title'),
		text('hs_task_body', 'Notes', 'html'),
		select('hs_task_status', 'Task Status', [['NOT_STARTED', 'Not Started'], ['IN_PROGRESS', 'In Progress'], ['WAITING', 'Waiting'], ['COMPLETED', 'Completed'], ['DEFERRED', 'Deferred']]),
		select('hs_task_priority', 'Priority', [['NONE', 'None'], ['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High']]),
		select('hs_task_type', 'Task Type', [['TODO', 'To-do'], ['CALL', 'Call'], ['EMAIL', 'Email']]),
		dt('hs_timestamp', 'Due date'),
		owner,
		...COMMON,
	],
	products: [
		text('name', 'Name'),
		text('description', 'Description', 'textarea'),
		num('price', 'Unit price'),
		text('hs_sku', 'SKU'),
		...COMMON,
	],
	line_items: [
		text('name', 'Name'),
		text('description', 'Description', 'textarea'),
		num('price', 'Unit price'),
		num('quantity', 'Quantity'),
		num('amount', 'Net price'),
		num('hs_product_id', 'Product ID'),
		...COMMON,
	],
};

export const DEFAULT_GROUPS: Record<string, Array<[string, string]>> = {
	deals: [['dealinformation', 'Deal information'], ['deal_activity', 'Deal activity']],
	companies: [['companyinformation', 'Company information'], ['company_activity', 'Company activity']],
	contacts: [['contactinformation', 'Contact information'], ['contact_activity', 'Contact activity']],
	notes: [['engagement', 'Engagement']],
	tasks: [['task', 'Task information']],
	products: [['productinformation', 'Product information']],
	line_items: [['lineiteminformation', 'Line item information']],
};
