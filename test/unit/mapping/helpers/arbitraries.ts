/**
 * fast-check generators of HubSpot deal bundles. Each field is drawn from a "good" pool (always acceptable to
 * AWS once mapped) or a "bad" pool (never acceptable), and the generator reports which, so tests can predict the
 * mapper's verdict independently of its code.
 */
import fc from 'fast-check';

import { COUNTRIES, COUNTRY_ALIASES } from '../../../../nodes/shared/mapping/tables/countries';
import { HUBSPOT_INDUSTRIES } from '../../../../nodes/shared/mapping/tables/industries';
import { US_STATES } from '../../../../nodes/shared/mapping/tables/usStates';
import { CUSTOMER_USE_CASES, DELIVERY_MODELS, PRIMARY_NEEDS, SALES_ACTIVITIES } from '../../../../nodes/shared/mapping/tables/awsValues';
import type { DealBundle } from '../../../../nodes/shared/mapping';

export interface Generated {
	bundle: DealBundle;
	/** Names of the fields drawn from a bad pool. */
	bad: string[];
}

type Pick = [value: string | null, good: boolean];

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/u);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const choice = (good: fc.Arbitrary<string | null>, bad: fc.Arbitrary<string | null>): fc.Arbitrary<Pick> =>
	fc.oneof({ weight: 12, arbitrary: good.map((v): Pick => [v, true]) }, { weight: 1, arbitrary: bad.map((v): Pick => [v, false]) });

const futureDate = fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
const pastDate = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true });

const countryPostal = new Map(COUNTRIES.map(([c, , postal]) => [c, postal]));
const countryText = fc.oneof(
	fc.constantFrom(...COUNTRIES.map(([c]) => c)),
	fc.constantFrom(...COUNTRIES.map(([, n]) => n)),
	fc.constantFrom(...Object.keys(COUNTRY_ALIASES)),
);
const multi = (values: readonly string[]) => fc.subarray([...values], { minLength: 1, maxLength: 3 }).map((v) => v.join(';'));

export const bundleArb: fc.Arbitrary<Generated> = fc
	.record({
		dealname: choice(fc.tuple(words(1, 6), fc.boolean()).map(([w, tag]) => (tag ? `${w} #AWS` : w)), fc.constantFrom('', '#AWS', '  ')),
		description: choice(
			fc.tuple(words(4, 60), fc.stringMatching(/^[a-z]{20,30}$/u)).map(([w, pad]) => `${pad} ${w}`),
			fc.stringMatching(/^[a-z ]{0,19}$/u),
		),
		amount: choice(fc.integer({ min: 12, max: 1_000_000_000 }).map(String), fc.constantFrom('', '0', '-12', 'lots')),
		currency: choice(fc.constantFrom('', 'USD', 'EUR', 'usd', null), fc.constantFrom('GBP', 'JPY')),
		closedate: choice(
			fc.tuple(futureDate, fc.integer({ min: 0, max: 2 })).map(([d, f]) => (f === 0 ? d.toISOString().slice(0, 10) : f === 1 ? d.toISOString() : String(d.getTime()))),
			fc.oneof(pastDate.map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('', 'soon')),
		),
		stage: fc.constantFrom('appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'),
		closedLostReason: choice(words(1, 4), fc.constantFrom('', null)),
		pipeline: choice(fc.constantFrom('default', '', null), fc.constantFrom('999', 'sales-2')),
		companyName: choice(words(1, 8), fc.constantFrom('', null)),
		website: choice(fc.tuple(word, fc.constantFrom('com', 'io', 'co.uk'), fc.constantFrom('', 'https://', 'http://www.')).map(([w, tld, pre]) => `${pre}${w.toLowerCase()}.${tld}`), fc.constantFrom('', 'not a site')),
		industry: choice(fc.oneof(fc.constantFrom(...HUBSPOT_INDUSTRIES.map(([v]) => v)), fc.constantFrom(...HUBSPOT_INDUSTRIES.map(([, l]) => l)), words(1, 3)), fc.constantFrom('', null)),
		country: choice(countryText, fc.constantFrom('', 'Narnia', 'XX')),
		state: fc.oneof(fc.constantFrom(...US_STATES.map(([c]) => c)), fc.constantFrom(...US_STATES.map(([, n]) => n)), fc.constantFrom('', 'Ontario')),
		zip: fc.oneof(fc.stringMatching(/^[0-9A-Z -]{1,12}$/u), fc.constantFrom('', '123456789012345678901')),
		deliveryModels: choice(fc.oneof(fc.constant(''), multi(DELIVERY_MODELS)), fc.constant('Magic')),
		primaryNeeds: choice(fc.oneof(fc.constant(''), multi(PRIMARY_NEEDS)), fc.constant('Money')),
		salesActivities: choice(fc.oneof(fc.constant(''), multi(SALES_ACTIVITIES)), fc.constant('Golf')),
		useCase: choice(fc.oneof(fc.constant(''), fc.constantFrom(...CUSTOMER_USE_CASES)), fc.constant('Crypto mining')),
		nationalSecurity: choice(fc.constantFrom('', 'No', null), fc.constant('Maybe')),
		contacts: fc.array(
			fc.record({
				firstname: fc.oneof(word, fc.constant('')),
				lastname: fc.oneof(fc.string({ maxLength: 100 }), fc.constant('')),
				email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 }), fc.constant('')),
				phone: fc.oneof(fc.constantFrom('+1 206 555 0100', '(415) 555-0100', '020 7946 0958', '+49 30 901820'), fc.string({ maxLength: 15 }), fc.constant('')),
				jobtitle: fc.oneof(fc.string({ maxLength: 100 }), fc.constant('')),
			}),
			{ maxLength: 4 },
		),
	})
	.map((g) => {
		const bad: string[] = [];
		const take = (name: string, [value, good]: Pick): string | null => {
			if (!good) bad.push(name);
			return value;
		};
		const dealname = take('dealname', g.dealname);
		const description = take('description', g.description);
		const amount = take('amount', g.amount);
		const currency = take('currency', g.currency);
		const closedate = take('closedate', g.closedate);
		const pipeline = take('pipeline', g.pipeline);
		const companyName = take('companyName', g.companyName);
		const website = take('website', g.website);
		const industry = take('industry', g.industry);
		const country = take('country', g.country);
		const reason = g.stage === 'closedlost' ? take('closedLostReason', g.closedLostReason) : g.closedLostReason[0];
		// Country-dependent fields: judge them against the code the text stands for.
		const code = g.country[1] ? ((COUNTRY_ALIASES as Record<string, string>)[g.country[0] ?? ''] ?? COUNTRIES.find(([c, n]) => c === g.country[0] || n === g.country[0])?.[0]) : undefined;
		if (code === 'US' && (g.state === '' || g.state === 'Ontario')) bad.push('state');
		if (g.zip.length > 20) bad.push('zip');
		else if (!g.zip.trim() && code && countryPostal.get(code)) bad.push('zip');
		const deal: Record<string, string | null> = {
			dealname,
			description,
			amount,
			deal_currency_code: currency,
			closedate,
			dealstage: g.stage,
			pipeline,
			closed_lost_reason: reason,
			aws_delivery_models: take('deliveryModels', g.deliveryModels),
			aws_primary_needs: take('primaryNeeds', g.primaryNeeds),
			aws_sales_activities: take('salesActivities', g.salesActivities),
			aws_use_case: take('useCase', g.useCase),
			aws_national_security: take('nationalSecurity', g.nationalSecurity),
		};
		const company = { name: companyName, website, industry, country, state: g.state, zip: g.zip, city: 'Springfield' };
		const bundle: DealBundle = {
			dealId: '42',
			deal: { id: '42', properties: deal },
			primaryCompany: { id: '7', properties: company },
			contacts: g.contacts.map((c, i) => ({ id: String(100 + i), properties: c })),
		};
		return { bundle, bad };
	});
