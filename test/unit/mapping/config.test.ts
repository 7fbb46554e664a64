import { DEFAULT_MAPPER_CONFIG, parseMapperConfig } from '../../../nodes/shared/mapping';

describe('mapper settings from node parameters', () => {
	it('gives the defaults for empty parameters', () => {
		expect(parseMapperConfig({})).toEqual({ config: DEFAULT_MAPPER_CONFIG, errors: [] });
	});

	it('adds pipeline maps and replaces the built-in map of the same pipeline', () => {
		const { config, errors } = parseMapperConfig({
			stageMaps: {
				pipeline: [
					{ pipelineId: '778', stages: { stage: [{ hubspotStage: '1', awsStage: 'Prospect' }, { hubspotStage: '2', awsStage: 'Qualified', preferredForAws: true }] } },
					{ pipelineId: 'default', stages: { stage: [{ hubspotStage: 'x', awsStage: 'Launched' }] } },
				],
			},
		});
		expect(errors).toEqual([]);
		expect(config.stageMaps).toEqual([
			{ pipelineId: '778', toAws: { '1': 'Prospect', '2': 'Qualified' }, fromAws: { Qualified: '2' } },
			{ pipelineId: 'default', toAws: { x: 'Launched' }, fromAws: {} },
		]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['unknown AWS stage', { stageMaps: { pipeline: [{ pipelineId: '1', stages: { stage: [{ hubspotStage: 'a', awsStage: 'Won' }] } }] } }, 'not a Partner Central stage'],
		['pipeline without id', { stageMaps: { pipeline: [{ pipelineId: '' }] } }, 'no pipeline ID'],
		['unknown industry', { industryOverrides: { override: [{ hubspotValue: 'X', awsIndustry: 'Crafts' }] } }, 'not a Partner Central industry'],
		['bad rate', { conversionRates: { rate: [{ currency: 'GBP', rate: 0 }] } }, 'not a valid currency and rate'],
		['bad months', { amountMonths: 0 }, 'positive number'],
		['unknown fallback reason', { closedLostFallback: 'Bad luck' }, 'not a Partner Central closed lost reason'],
	])('reports %s', (_name, params, message) => {
		const { errors } = parseMapperConfig(params);
		expect(errors.join(' ')).toContain(message);
	});

	it('reads amounts, currency, overrides, defaults and property names', () => {
		const { config, errors } = parseMapperConfig({
			amountMonths: 36,
			currencyPolicy: 'convert',
			convertTo: 'EUR',
			conversionRates: { rate: [{ currency: 'gbp', rate: 1.17 }] },
			industryOverrides: { override: [{ hubspotValue: 'computer_software', awsIndustry: 'Gaming' }] },
			defaults: { deliveryModels: ['Resell'], customerUseCase: 'SAP' },
			propertyNames: { deliveryModels: 'my_models', industry: '' },
			catalog: 'Sandbox',
			titleTag: '[ACE]',
		});
		expect(errors).toEqual([]);
		expect(config.amountRatio).toBeCloseTo(1 / 36);
		expect(config).toMatchObject({
			currencyPolicy: 'convert',
			convertTo: 'EUR',
			conversionRates: { GBP: 1.17 },
			industryOverrides: { COMPUTER_SOFTWARE: 'Gaming' },
			catalog: 'Sandbox',
			titleTag: '[ACE]',
		});
		expect(config.defaults).toMatchObject({ deliveryModels: ['Resell'], customerUseCase: 'SAP', origin: 'Partner Referral' });
		expect(config.properties).toMatchObject({ deliveryModels: 'my_models', industry: 'aws_industry' });
		expect(parseMapperConfig({ amountRatio: 0.5 }).config.amountRatio).toBe(0.5);
	});
});
