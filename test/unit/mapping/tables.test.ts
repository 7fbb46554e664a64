import { ClosedLostReason, CountryCode, Industry, Stage } from '@aws-sdk/client-partnercentral-selling';

import { countryCode, mapIndustry, mapperConfig, usStateName } from '../../../nodes/shared/mapping';
import { AWS_CLOSED_LOST_REASONS, CLOSED_LOST_KEYWORD_RULES } from '../../../nodes/shared/mapping/tables/closedLostReasons';
import { LIMITS } from '../../../nodes/shared/mapping/tables/constraints';
import { COUNTRIES, COUNTRY_ALIASES } from '../../../nodes/shared/mapping/tables/countries';
import { AWS_INDUSTRIES, AWS_TO_HUBSPOT_INDUSTRY, HUBSPOT_INDUSTRIES } from '../../../nodes/shared/mapping/tables/industries';
import { AWS_STAGES, DEFAULT_STAGE_MAPS } from '../../../nodes/shared/mapping/tables/stages';
import { US_STATES, US_STATE_ALIASES } from '../../../nodes/shared/mapping/tables/usStates';
import { CUSTOMER_USE_CASES } from '../../../nodes/shared/mapping/tables/awsValues';
import { DEAL_PROPERTY_NAMES } from '../../../nodes/shared/sync/hubspotProperties';
import { DEFAULT_OVERRIDE_PROPERTIES, HUBSPOT_PROPERTIES_READ, INBOUND_SYNC_PROPERTIES } from '../../../nodes/shared/mapping/tables/defaults';

import { memberDoc, memberShape, modelRegex, withModel } from './helpers/modelChecker';

const config = mapperConfig();

describe('industry table', () => {
	it('covers every HubSpot default option exactly once (148 values)', () => {
		const values = HUBSPOT_INDUSTRIES.map(([v]) => v);
		expect(values).toHaveLength(148);
		expect(new Set(values).size).toBe(148);
	});
	it('targets only the 28 Partner Central industries, and those are the SDK enum', () => {
		expect([...AWS_INDUSTRIES].sort()).toEqual(Object.values(Industry).sort());
		for (const [, , aws] of HUBSPOT_INDUSTRIES) expect(AWS_INDUSTRIES).toContain(aws);
	});
	it('never falls back to Other for a HubSpot option', () => {
		for (const [value, label, aws] of HUBSPOT_INDUSTRIES) {
			expect(mapIndustry(value, config)).toEqual({ Industry: aws, source: 'table' });
			expect(mapIndustry(label, config).Industry).toBe(aws);
			expect(mapIndustry(value.toLowerCase(), config).Industry).toBe(aws);
		}
	});
	it('reverse targets map back to the same AWS industry', () => {
		for (const [aws, hubspot] of Object.entries(AWS_TO_HUBSPOT_INDUSTRY)) {
			if (hubspot === null) {
				expect(aws).toBe('Other');
				continue;
			}
			expect(mapIndustry(hubspot, config).Industry).toBe(aws);
		}
	});
});

describe('country table', () => {
	it('holds the 249 codes of the SDK CountryCode enum', () => {
		expect(COUNTRIES.map(([c]) => c).sort()).toEqual(Object.values(CountryCode).sort());
	});
	it('finds every country by code and by name', () => {
		for (const [code, name] of COUNTRIES) {
			expect(countryCode(code)).toBe(code);
			expect(countryCode(code.toLowerCase())).toBe(code);
			expect(countryCode(name)).toBe(code);
		}
	});
	it('aliases point at known codes', () => {
		for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
			expect(Object.values(CountryCode)).toContain(code);
			expect(countryCode(alias)).toBe(code);
		}
	});
});

describe('US state table', () => {
	it('finds each state by code, name and alias', () => {
		for (const [code, name] of US_STATES) {
			expect(usStateName(code)).toBe(name);
			expect(usStateName(name)).toBe(name);
			expect(usStateName(name.toUpperCase())).toBe(name);
		}
		for (const [alias, name] of Object.entries(US_STATE_ALIASES)) expect(usStateName(alias)).toBe(name);
	});
	it('lists exactly the values the model documents for StateOrRegion', () => {
		const model = withModel('US state names vs model docs');
		if (!model) return;
		const doc = memberDoc(model, 'Address', 'StateOrRegion');
		const list = /Valid values: <code>(.*?)<\/code>/su.exec(doc)?.[1] ?? '';
		const documented = list.split(' | ').map((s) => s.trim());
		expect(US_STATES.map(([, n]) => n).sort()).toEqual(documented.sort());
	});
});

describe('other tables', () => {
	it('closed-lost reasons are the SDK enum, and rules only use them', () => {
		expect([...AWS_CLOSED_LOST_REASONS].sort()).toEqual(Object.values(ClosedLostReason).sort());
		for (const rule of CLOSED_LOST_KEYWORD_RULES) expect(AWS_CLOSED_LOST_REASONS).toContain(rule.reason);
	});
	it('stages are the SDK enum and the default pipeline maps all seven HubSpot stages', () => {
		expect([...AWS_STAGES].sort()).toEqual(Object.values(Stage).sort());
		expect(Object.keys(DEFAULT_STAGE_MAPS[0].toAws)).toHaveLength(7);
		expect(new Set(Object.values(DEFAULT_STAGE_MAPS[0].toAws)).size).toBe(7);
	});
	it('customer use cases are the values the model documents', () => {
		const model = withModel('customer use cases vs model docs');
		if (!model) return;
		const doc = memberDoc(model, 'Project', 'CustomerUseCase');
		for (const useCase of CUSTOMER_USE_CASES) expect(doc).toContain(useCase.replace(/&/gu, '&amp;'));
	});
	it('override and inbound property names exist in the shared HubSpot property catalog (or are HubSpot defaults)', () => {
		for (const name of Object.values(DEFAULT_OVERRIDE_PROPERTIES)) expect(DEAL_PROPERTY_NAMES).toContain(name);
		const hubspotDefaults = ['dealname', 'description', 'dealstage', 'closedate', 'closed_lost_reason'];
		for (const name of INBOUND_SYNC_PROPERTIES) expect([...DEAL_PROPERTY_NAMES, ...hubspotDefaults]).toContain(name);
	});
	it('lists what it reads from HubSpot (for the bundle reader)', () => {
		expect(HUBSPOT_PROPERTIES_READ.deal).toEqual(expect.arrayContaining(['dealname', 'closed_lost_reason', 'deal_currency_code', 'aws_delivery_models']));
		expect(HUBSPOT_PROPERTIES_READ.company).toEqual(expect.arrayContaining(['country', 'state', 'zip', 'address2', 'website', 'domain']));
		expect(HUBSPOT_PROPERTIES_READ.contact).toEqual(expect.arrayContaining(['mobilephone', 'country']));
	});
	it('field limits agree with the model patterns', () => {
		const model = withModel('field limits vs model');
		if (!model) return;
		const cases: Array<[string, string, number]> = [
			['Account', 'CompanyName', LIMITS.companyName],
			['Account', 'WebsiteUrl', LIMITS.websiteMax],
			['Account', 'OtherIndustry', LIMITS.otherIndustry],
			['Address', 'PostalCode', LIMITS.postalCode],
			['Address', 'City', LIMITS.city],
			['Contact', 'FirstName', LIMITS.contactName],
			['Contact', 'BusinessTitle', LIMITS.contactTitle],
			['Project', 'Title', LIMITS.title],
			['Project', 'CustomerBusinessProblem', LIMITS.businessProblemMax],
		];
		for (const [structure, member, max] of cases) {
			const re = modelRegex(memberShape(model, structure, member)!.pattern!);
			expect(re.test('a'.repeat(max))).toBe(true);
			expect(re.test('a'.repeat(max + 1))).toBe(false);
		}
		const problem = modelRegex(memberShape(model, 'Project', 'CustomerBusinessProblem')!.pattern!);
		expect(problem.test('a'.repeat(LIMITS.businessProblemMin - 1))).toBe(false);
	});
});
