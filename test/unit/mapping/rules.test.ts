import {
	addTag,
	awsStageFor,
	canonicalAmount,
	closedLostReasonFor,
	countryCode,
	dealAmountFromMonthly,
	dealStageFor,
	domainOf,
	expectedMonthlySpend,
	formatAmount,
	mapIndustry,
	mapperConfig,
	normaliseEmail,
	normaliseWebsite,
	parseAmount,
	stripTag,
	titleForAws,
	toAwsDate,
	toE164,
	toHubSpotDateTime,
	usStateName,
} from '../../../nodes/shared/mapping';

const config = mapperConfig();

describe('title', () => {
	it.each([
		['Acme Migration #AWS', 'Acme Migration'],
		['#AWS Acme Migration', 'Acme Migration'],
		['Acme #aws Migration', 'Acme Migration'],
		['Acme Migration (#AWS)', 'Acme Migration'],
		['Acme Migration [#AWS]', 'Acme Migration'],
		['Acme - #AWS', 'Acme'],
		['Acme #AWSome deal', 'Acme #AWSome deal'],
		['  Acme   Migration  ', 'Acme Migration'],
		['#AWS', ''],
	])('stripTag(%j) = %j', (input, expected) => {
		expect(stripTag(input, '#AWS')).toBe(expected);
	});
	it('uses a configured tag', () => {
		expect(stripTag('Deal [co-sell]', '[co-sell]')).toBe('Deal');
		expect(stripTag('Deal #AWS', '')).toBe('Deal #AWS');
	});
	it.each([
		['Acme Migration', 'Acme Migration #AWS'],
		['Acme Migration #AWS', 'Acme Migration #AWS'],
		['Acme #aws Migration', 'Acme #aws Migration'],
	])('addTag(%j) = %j', (input, expected) => {
		expect(addTag(input, '#AWS')).toBe(expected);
	});
	it('cuts titles to 255 characters', () => {
		const r = titleForAws(`${'x'.repeat(300)} #AWS`, '#AWS');
		expect(r).toEqual({ title: 'x'.repeat(255), truncated: true });
		expect(titleForAws('short #AWS', '#AWS')).toEqual({ title: 'short', truncated: false });
	});
});

describe('money', () => {
	it.each([
		['1234.5', 1234.5],
		['1,234.50', 1234.5],
		['1234,50', 1234.5],
		['$ 1 000', 1000],
		['-5', -5],
		['abc', undefined],
		['', undefined],
		[null, undefined],
	])('parseAmount(%j) = %j', (input, expected) => {
		expect(parseAmount(input)).toBe(expected);
	});
	it.each([
		[100, '100'],
		[100.5, '100.5'],
		[83.333333, '83.33'],
		[0.005, '0.01'],
		[1.005, '1.01'],
		[10000000000, '10000000000'],
	])('formatAmount(%j) = %j', (input, expected) => {
		expect(formatAmount(input)).toBe(expected);
		expect(expected).toMatch(/^((0|([1-9][0-9]{0,30}))(\.[0-9]{0,2})?)?$/u);
	});
	it('canonicalAmount treats 100.00 and 100 alike', () => {
		expect(canonicalAmount('100.00')).toBe('100');
		expect(canonicalAmount('83.30')).toBe('83.3');
	});
	it.each([
		['120000', '', '', { ok: true, amount: '10000', currency: 'USD' }],
		['1000', '', 'EUR', { ok: true, amount: '83.33', currency: 'EUR' }],
		['1000', '500', '', { ok: true, amount: '500', currency: 'USD' }],
		['1000', 'plenty', '', { ok: false, code: 'invalid_value' }],
		['1000', '-1', '', { ok: false, code: 'out_of_range' }],
		['', '', '', { ok: false, code: 'missing' }],
		['0', '', '', { ok: false, code: 'out_of_range' }],
		['-100', '', '', { ok: false, code: 'out_of_range' }],
		['lots', '', '', { ok: false, code: 'invalid_value' }],
		['0.01', '', '', { ok: false, code: 'out_of_range' }],
		['1000', '', 'GBP', { ok: false, code: 'unsupported_currency' }],
		['1e30', '', '', { ok: false, code: 'invalid_value' }],
		['99999999999999999999', '', '', { ok: false, code: 'out_of_range' }],
	])('spend from amount %j, override %j, currency %j', (amount, override, currency, expected) => {
		expect(expectedMonthlySpend(amount, override, currency, config)).toMatchObject(expected);
	});
	it('converts other currencies when configured', () => {
		const c = mapperConfig({ currencyPolicy: 'convert', conversionRates: { GBP: 1.25 }, convertTo: 'USD', amountRatio: 1 });
		expect(expectedMonthlySpend('1000', '', 'gbp', c)).toEqual({ ok: true, amount: '1250', currency: 'USD', converted: { from: 'GBP', rate: 1.25 } });
		const r = expectedMonthlySpend('1000', '', 'JPY', c);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('no conversion rate from JPY');
	});
	it('the reverse ratio gives the HubSpot amount', () => {
		expect(dealAmountFromMonthly('10000', config)).toBe('120000');
		expect(dealAmountFromMonthly(undefined, config)).toBeUndefined();
	});
});

describe('phone (libphonenumber-js)', () => {
	it.each([
		['+1 (415) 555-0100', undefined, '+14155550100'],
		['(206) 555-0100', 'US', '+12065550100'],
		['020 7946 0958', 'GB', '+442079460958'],
		['+49 30 901820', undefined, '+4930901820'],
		['030 901820', 'DE', '+4930901820'],
		['555-0100', undefined, undefined],
		['not a phone', 'US', undefined],
		['', 'US', undefined],
		['+1 206 555 0100 ext. 12', undefined, '+12065550100'],
	])('toE164(%j, %j) = %j', (input, region, expected) => {
		expect(toE164(input, region)).toBe(expected);
	});
});

describe('addresses', () => {
	it.each([
		['UK', 'GB'],
		['United Kingdom', 'GB'],
		['gb', 'GB'],
		['England', 'GB'],
		['USA', 'US'],
		['United States of America', 'US'],
		['Deutschland', 'DE'],
		['Côte d’Ivoire', 'CI'],
		['Cote dIvoire', 'CI'],
		['Antigua and Barbuda', 'AG'],
		['Saint Lucia', 'LC'],
		['Korea', 'KR'],
		['Narnia', undefined],
		['', undefined],
		['XX', undefined],
	])('countryCode(%j) = %j', (input, expected) => {
		expect(countryCode(input)).toBe(expected);
	});
	it.each([
		['WA', 'Washington'],
		['wa', 'Washington'],
		['Washington', 'Washington'],
		['DC', 'Dist. of Columbia'],
		['District of Columbia', 'Dist. of Columbia'],
		['new york', 'New York'],
		['AP', 'FPO, AP'],
		['Ontario', undefined],
		['W', undefined],
	])('usStateName(%j) = %j', (input, expected) => {
		expect(usStateName(input)).toBe(expected);
	});
	it.each([
		['acme.com', 'https://acme.com'],
		['www.Acme.com/', 'https://www.acme.com'],
		['http://acme.com/path?q=1', 'http://acme.com/path?q=1'],
		['https://ACME.com', 'https://acme.com'],
		['ftp://acme.com', undefined],
		['not a website', undefined],
		['localhost', undefined],
		['', undefined],
	])('normaliseWebsite(%j) = %j', (input, expected) => {
		expect(normaliseWebsite(input)).toBe(expected);
	});
	it('domainOf strips scheme and www', () => {
		expect(domainOf('https://www.acme.com/x')).toBe('acme.com');
	});
	it.each([
		['Jane.Doe@ACME.com', 'jane.doe@acme.com'],
		['  bob@example.org ', 'bob@example.org'],
		['bob@', undefined],
		['bob at example.org', undefined],
		[`${'a'.repeat(80)}@example.org`, undefined],
	])('normaliseEmail(%j) = %j', (input, expected) => {
		expect(normaliseEmail(input)).toBe(expected);
	});
});

describe('industry', () => {
	it.each([
		['COMPUTER_SOFTWARE', { Industry: 'Software and Internet', source: 'table' }],
		['Information Technology and Services', { Industry: 'Software and Internet', source: 'table' }],
		['OIL_ENERGY', { Industry: 'Energy - Oil and Gas', source: 'table' }],
		['Gaming', { Industry: 'Gaming', source: 'aws' }],
		['IT', { Industry: 'Other', OtherIndustry: 'IT', source: 'other' }],
		['Quantum Basket Weaving', { Industry: 'Other', OtherIndustry: 'Quantum Basket Weaving', source: 'other' }],
		['', { source: 'none' }],
	])('mapIndustry(%j)', (input, expected) => {
		expect(mapIndustry(input, config)).toEqual(expected);
	});
	it('overrides win', () => {
		const c = mapperConfig({ industryOverrides: { COMPUTER_SOFTWARE: 'Gaming' } });
		expect(mapIndustry('COMPUTER_SOFTWARE', c)).toEqual({ Industry: 'Gaming', source: 'override' });
	});
});

describe('stages', () => {
	it.each([
		['appointmentscheduled', 'Prospect'],
		['qualifiedtobuy', 'Qualified'],
		['presentationscheduled', 'Technical Validation'],
		['decisionmakerboughtin', 'Business Validation'],
		['contractsent', 'Committed'],
		['closedwon', 'Launched'],
		['closedlost', 'Closed Lost'],
	])('default pipeline %s -> %s and back', (hubspot, aws) => {
		expect(awsStageFor('default', hubspot, config)).toEqual({ ok: true, stage: aws });
		expect(dealStageFor('default', aws, config)).toBe(hubspot);
	});
	it('errors on unknown pipelines and stages', () => {
		expect(awsStageFor('778', '1234', config)).toMatchObject({ ok: false, code: 'unmapped_pipeline' });
		expect(awsStageFor('default', 'weird', config)).toMatchObject({ ok: false, code: 'unmapped_stage' });
		expect(awsStageFor('default', '', config)).toMatchObject({ ok: false, code: 'missing' });
	});
	it('uses custom pipeline maps and preferred reverse stages', () => {
		const c = mapperConfig({
			stageMaps: [{ pipelineId: '778', toAws: { '1001': 'Prospect', '1002': 'Qualified', '1003': 'Qualified' }, fromAws: { Qualified: '1003' } }],
		});
		expect(awsStageFor('778', '1002', c)).toEqual({ ok: true, stage: 'Qualified' });
		expect(dealStageFor('778', 'Qualified', c)).toBe('1003');
		expect(dealStageFor('778', 'Prospect', c)).toBe('1001');
		expect(dealStageFor('778', 'Launched', c)).toBeUndefined();
	});
});

describe('closed lost reasons', () => {
	it.each([
		['Price', '', 'Price', 'aws'],
		['', 'price', 'Price', 'aws'],
		['', 'Went with Azure', 'Lost to Competitor - Microsoft', 'rule'],
		['', 'customer chose GCP', 'Lost to Competitor - Google', 'rule'],
		['', 'Too expensive for them', 'Price', 'rule'],
		['', 'Budget cut', 'Financial/Commercial', 'rule'],
		['', 'Project postponed to next year', 'Delay / Cancellation of Project', 'rule'],
		['', 'staying on-prem', 'On Premises Deployment', 'rule'],
		['', 'Licensing', 'Other', 'fallback'],
		['nonsense', 'Went with Azure', 'Lost to Competitor - Microsoft', 'rule'],
	])('override %j, text %j -> %j', (override, text, reason, matched) => {
		expect(closedLostReasonFor(override, text, config)).toEqual({ ok: true, reason, matched });
	});
	it('matches whole words only ("prices" is not "price"; "it" is not a keyword)', () => {
		expect(closedLostReasonFor('', 'IT reorganised', mapperConfig({ closedLostFallback: '' }))).toMatchObject({ ok: false, code: 'invalid_value' });
	});
	it('needs a reason', () => {
		expect(closedLostReasonFor('', '', config)).toMatchObject({ ok: false, code: 'missing' });
	});
});

describe('dates', () => {
	it.each([
		['2027-03-31', '2027-03-31'],
		['2027-03-31T23:30:00.000Z', '2027-03-31'],
		['1806451200000', '2027-03-31'],
		['2027-02-30', undefined],
		['31/03/2027', undefined],
		['', undefined],
	])('toAwsDate(%j) = %j', (input, expected) => {
		expect(toAwsDate(input)).toBe(expected);
	});
	it('toHubSpotDateTime gives midnight UTC', () => {
		expect(toHubSpotDateTime('2027-03-31')).toBe('2027-03-31T00:00:00.000Z');
		expect(toHubSpotDateTime('bad')).toBeUndefined();
	});
});
