/**
 * Property definitions and groups per object type (hubspot.md 2.1 "Properties: list, create, get by name, property
 * groups"). Records are kept in the shape the Properties API returns.
 */
import { DEFAULT_GROUPS, DEFAULT_PROPERTIES, type PropertySeed, type PropertyType } from './schema/defaultProperties';
import { OBJECT_TYPES } from './schema/objectTypes';

export interface PropertyOption {
	label: string;
	value: string;
	displayOrder: number;
	hidden: boolean;
	description?: string;
}

export interface PropertyRecord {
	name: string;
	label: string;
	type: PropertyType;
	fieldType: string;
	description: string;
	groupName: string;
	options: PropertyOption[];
	displayOrder: number;
	calculated: boolean;
	externalOptions: boolean;
	hasUniqueValue: boolean;
	hidden: boolean;
	hubspotDefined: boolean;
	formField: boolean;
	modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
	createdAt: string;
	updatedAt: string;
	archived: boolean;
	/** Simulator-only: options computed from pipelines/owners (not part of the API shape). */
	dynamicOptions?: 'pipelines' | 'stages' | 'owners';
}

export interface PropertyGroup {
	name: string;
	label: string;
	displayOrder: number;
	archived: boolean;
}

export const PROPERTY_TYPES: PropertyType[] = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number'];

/** Field types accepted per property type (HubSpot docs "Properties API: type and fieldType"). */
export const FIELD_TYPES: Record<PropertyType, string[]> = {
	string: ['text', 'textarea', 'html', 'file', 'phonenumber'],
	number: ['number', 'calculation_equation'],
	date: ['date'],
	datetime: ['date'],
	enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
	bool: ['booleancheckbox'],
	phone_number: ['phonenumber'],
};

export function seedToRecord(seed: PropertySeed, groupName: string, order: number, at: string, hubspotDefined: boolean): PropertyRecord {
	return {
		name: seed.name,
		label: seed.label,
		type: seed.type,
		fieldType: seed.fieldType,
		description: seed.description ?? '',
		groupName: seed.groupName ?? groupName,
		options: (seed.options ?? []).map(([value, label], i) => ({ label, value, displayOrder: i, hidden: false })),
		displayOrder: order,
		calculated: seed.calculated === true,
		externalOptions: seed.dynamicOptions !== undefined,
		hasUniqueValue: seed.hasUniqueValue === true,
		hidden: false,
		hubspotDefined,
		formField: !seed.readOnlyValue,
		modificationMetadata: { archivable: !hubspotDefined, readOnlyDefinition: hubspotDefined, readOnlyValue: seed.readOnlyValue === true },
		createdAt: at,
		updatedAt: at,
		archived: false,
		dynamicOptions: seed.dynamicOptions,
	};
}

export class PropertyRegistry {
	readonly props = new Map<string, Map<string, PropertyRecord>>();
	readonly groups = new Map<string, Map<string, PropertyGroup>>();

	constructor(at: string) {
		for (const t of OBJECT_TYPES) {
			const groups = new Map<string, PropertyGroup>();
			(DEFAULT_GROUPS[t.name] ?? []).forEach(([name, label], i) => groups.set(name, { name, label, displayOrder: i, archived: false }));
			this.groups.set(t.name, groups);
			const props = new Map<string, PropertyRecord>();
			(DEFAULT_PROPERTIES[t.name] ?? []).forEach((seed, i) => props.set(seed.name, seedToRecord(seed, t.defaultGroup, i, at, true)));
			this.props.set(t.name, props);
		}
	}

	of(type: string): Map<string, PropertyRecord> {
		return this.props.get(type) ?? new Map();
	}

	get(type: string, name: string): PropertyRecord | undefined {
		const p = this.of(type).get(name);
		return p && !p.archived ? p : undefined;
	}

	groupsOf(type: string): Map<string, PropertyGroup> {
		return this.groups.get(type) ?? new Map();
	}
}

/** API shape: drops the simulator-only field. */
export function propertyToApi(p: PropertyRecord, options: PropertyOption[]): Record<string, unknown> {
	const out: Record<string, unknown> = { ...p, options };
	delete out.dynamicOptions;
	return out;
}
