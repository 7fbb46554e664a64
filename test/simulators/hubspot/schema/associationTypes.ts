/**
 * HubSpot-defined association types (hubspot.md 2.1 "Associations v4": deal->contact 3, contact->deal 4,
 * deal->company 341 (primary 5), company->deal 342 (primary 6), note->deal 214, deal->note 213, task->deal 216,
 * deal->task 215, note->company 190, note->contact 202, task->company 192, task->contact 204). The remaining pairs
 * (contact<->company 279/280 and primary 1/2, company->note 189, contact->note 201, company->task 191,
 * contact->task 203, deal<->line_item 19/20) are HubSpot's published defaults for the same family.
 * `name` is the v3 association type name HubSpot shows in `associations` of a v3 object read.
 */
export interface AssociationTypeDef {
	typeId: number;
	from: string;
	to: string;
	label: string | null;
	name: string;
	inverse: number;
	primary?: boolean;
}

const rows: Array<[number, string, string, string | null, string, number, boolean?]> = [
	[3, 'deals', 'contacts', null, 'deal_to_contact', 4],
	[4, 'contacts', 'deals', null, 'contact_to_deal', 3],
	[341, 'deals', 'companies', null, 'deal_to_company_unlabeled', 342],
	[342, 'companies', 'deals', null, 'company_to_deal_unlabeled', 341],
	[5, 'deals', 'companies', 'Primary', 'deal_to_company', 6, true],
	[6, 'companies', 'deals', 'Primary', 'company_to_deal', 5, true],
	[279, 'contacts', 'companies', null, 'contact_to_company_unlabeled', 280],
	[280, 'companies', 'contacts', null, 'company_to_contact_unlabeled', 279],
	[1, 'contacts', 'companies', 'Primary', 'contact_to_company', 2, true],
	[2, 'companies', 'contacts', 'Primary', 'company_to_contact', 1, true],
	[213, 'deals', 'notes', null, 'deal_to_note', 214],
	[214, 'notes', 'deals', null, 'note_to_deal', 213],
	[189, 'companies', 'notes', null, 'company_to_note', 190],
	[190, 'notes', 'companies', null, 'note_to_company', 189],
	[201, 'contacts', 'notes', null, 'contact_to_note', 202],
	[202, 'notes', 'contacts', null, 'note_to_contact', 201],
	[215, 'deals', 'tasks', null, 'deal_to_task', 216],
	[216, 'tasks', 'deals', null, 'task_to_deal', 215],
	[191, 'companies', 'tasks', null, 'company_to_task', 192],
	[192, 'tasks', 'companies', null, 'task_to_company', 191],
	[203, 'contacts', 'tasks', null, 'contact_to_task', 204],
	[204, 'tasks', 'contacts', null, 'task_to_contact', 203],
	[19, 'deals', 'line_items', null, 'deal_to_line_item', 20],
	[20, 'line_items', 'deals', null, 'line_item_to_deal', 19],
];

export const ASSOCIATION_TYPES: AssociationTypeDef[] = rows.map(([typeId, from, to, label, name, inverse, primary]) => ({
	typeId,
	from,
	to,
	label,
	name,
	inverse,
	primary: primary === true,
}));

const BY_ID = new Map(ASSOCIATION_TYPES.map((t) => [t.typeId, t]));

export function associationType(typeId: number): AssociationTypeDef | undefined {
	return BY_ID.get(typeId);
}

/** The unlabeled (default) association type between two object types, if the pair can be associated. */
export function defaultAssociationType(from: string, to: string): AssociationTypeDef | undefined {
	return ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.label === null);
}

export function typesBetween(from: string, to: string): AssociationTypeDef[] {
	return ASSOCIATION_TYPES.filter((t) => t.from === from && t.to === to);
}
