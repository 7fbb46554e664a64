/**
 * CRM object types the simulator serves (hubspot.md 2.1 "Objects v3" and short version: deals 0-3, contacts 0-1,
 * companies 0-2; notes 0-46, tasks 0-27 per 3.3; products 0-7 and line items 0-8 are HubSpot's standard ids).
 * A path segment may be the plural name, the singular name or the type id: all resolve to the same store.
 */
export interface ObjectTypeDef {
	name: string;
	typeId: string;
	singular: string;
	/** Scope prefix: `<scope>.read` / `<scope>.write` (or the scope itself when `singleScope`). */
	scope: string;
	singleScope?: boolean;
	/** Returned when a read does not name `properties` (besides the always-returned ones). */
	defaultProperties: string[];
	/** Matched by the search `query` text. */
	searchable: string[];
	defaultGroup: string;
	/** Extra always-maintained "last modified" property (contacts use `lastmodifieddate`). */
	extraLastModified?: string;
	/** Properties required at create time (hubspot.md: notes/tasks need hs_timestamp per the engagement docs). */
	requiredOnCreate?: string[];
}

export const OBJECT_TYPES: ObjectTypeDef[] = [
	{ name: 'deals', typeId: '0-3', singular: 'deal', scope: 'crm.objects.deals', defaultProperties: ['dealname', 'amount', 'closedate', 'dealstage', 'pipeline'], searchable: ['dealname'], defaultGroup: 'dealinformation' },
	{ name: 'companies', typeId: '0-2', singular: 'company', scope: 'crm.objects.companies', defaultProperties: ['name', 'domain'], searchable: ['name', 'domain', 'website', 'phone'], defaultGroup: 'companyinformation' },
	{ name: 'contacts', typeId: '0-1', singular: 'contact', scope: 'crm.objects.contacts', defaultProperties: ['firstname', 'lastname', 'email', 'lastmodifieddate'], searchable: ['firstname', 'lastname', 'email', 'phone', 'company'], defaultGroup: 'contactinformation', extraLastModified: 'lastmodifieddate' },
	{ name: 'notes', typeId: '0-46', singular: 'note', scope: 'crm.objects.contacts', defaultProperties: [], searchable: ['hs_note_body'], defaultGroup: 'engagement', requiredOnCreate: ['hs_timestamp'] },
	{ name: 'tasks', typeId: '0-27', singular: 'task', scope: 'crm.objects.contacts', defaultProperties: [], searchable: ['hs_task_subject', 'hs_task_body'], defaultGroup: 'task', requiredOnCreate: ['hs_timestamp'] },
	{ name: 'products', typeId: '0-7', singular: 'product', scope: 'e-commerce', singleScope: true, defaultProperties: ['name', 'description', 'price'], searchable: ['name', 'hs_sku'], defaultGroup: 'productinformation' },
	{ name: 'line_items', typeId: '0-8', singular: 'line_item', scope: 'e-commerce', singleScope: true, defaultProperties: ['name', 'price', 'quantity', 'amount', 'hs_product_id'], searchable: ['name'], defaultGroup: 'lineiteminformation' },
];

const BY_KEY = new Map<string, ObjectTypeDef>();
for (const t of OBJECT_TYPES) {
	for (const key of [t.name, t.typeId, t.singular]) BY_KEY.set(key.toLowerCase(), t);
}

export function resolveObjectType(segment: string): ObjectTypeDef | undefined {
	return BY_KEY.get(decodeURIComponent(segment).toLowerCase());
}

export function objectType(name: string): ObjectTypeDef {
	const t = resolveObjectType(name);
	if (!t) throw new Error(`Unknown object type ${name}`);
	return t;
}

export function readScope(t: ObjectTypeDef): string {
	return t.singleScope ? t.scope : `${t.scope}.read`;
}

export function writeScope(t: ObjectTypeDef): string {
	return t.singleScope ? t.scope : `${t.scope}.write`;
}

/** Properties API scopes: crm.schemas.<deals|companies|contacts>.read/write; others use the object read/write scope. */
export function schemaScope(t: ObjectTypeDef, write: boolean): string {
	if (['deals', 'companies', 'contacts'].includes(t.name)) return `crm.schemas.${t.name}.${write ? 'write' : 'read'}`;
	return write ? writeScope(t) : readScope(t);
}

/**
 * Properties HubSpot maintains itself and always returns. Contacts return `lastmodifieddate` instead of
 * `hs_lastmodifieddate` (HubSpot search docs: contacts default to createdate, email, firstname, hs_object_id,
 * lastmodifieddate, lastname); the simulator still maintains both on contacts.
 */
export function alwaysReturned(t: ObjectTypeDef): string[] {
	return t.extraLastModified ? ['createdate', t.extraLastModified, 'hs_object_id'] : ['createdate', 'hs_lastmodifieddate', 'hs_object_id'];
}
