/** Builders for mapper tests: a valid deal bundle, a config with the defaults an admin would set, a fixed clock. */
import { mapperConfig, type DealBundle, type HsObject, type MapperConfig, type Opportunity } from '../../../../nodes/shared/mapping';

export const NOW = new Date('2026-11-24T12:00:00.000Z');

export function testConfig(overrides: Partial<MapperConfig> = {}): MapperConfig {
	const base = mapperConfig({
		catalog: 'Sandbox',
		defaults: {
			...mapperConfig().defaults,
			deliveryModels: ['SaaS or PaaS'],
			customerUseCase: 'Migration/Database Migration',
		},
	});
	return mapperConfig({ ...base, ...overrides, defaults: { ...base.defaults, ...(overrides.defaults ?? {}) } });
}

type Props = Record<string, string | null | undefined>;

export function hs(id: string, properties: Props): HsObject {
	return { id, properties };
}

export function validBundle(over: { deal?: Props; company?: Props | null; contacts?: Props[] } = {}): DealBundle {
	const company =
		over.company === null
			? null
			: hs('9001', {
					name: 'Acme Corp',
					domain: 'acme.com',
					industry: 'COMPUTER_SOFTWARE',
					country: 'United States',
					state: 'WA',
					city: 'Seattle',
					zip: '98101',
					...(over.company ?? {}),
				});
	return {
		dealId: '1234',
		deal: hs('1234', {
			dealname: 'Acme Cloud Migration #AWS',
			amount: '120000',
			closedate: '2027-03-31T00:00:00.000Z',
			dealstage: 'qualifiedtobuy',
			pipeline: 'default',
			description: 'Acme must leave its data center by Q2 and move 200 VMs to AWS.',
			...(over.deal ?? {}),
		}),
		primaryCompany: company,
		companies: company ? [company] : [],
		contacts: (over.contacts ?? [{ firstname: 'Jane', lastname: 'Doe', email: 'Jane.Doe@Acme.com', phone: '+1 206 555 0100', jobtitle: 'CTO' }]).map(
			(p, i) => hs(String(500 + i), p),
		),
	};
}

/** What GetOpportunity would return after creating `request`. */
export function asOpportunity(request: object, extra: Partial<Opportunity> = {}): Opportunity {
	const { ClientToken: _t, ...rest } = request as Record<string, unknown>;
	void _t;
	const o = JSON.parse(JSON.stringify(rest)) as Opportunity;
	return {
		...o,
		Id: 'O1234567',
		Arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/opportunity/O1234567',
		Catalog: o.Catalog ?? 'Sandbox',
		LastModifiedDate: '2026-11-20T10:00:00.000Z',
		CreatedDate: '2026-11-20T10:00:00.000Z',
		LifeCycle: { ReviewStatus: 'Pending Submission', ...(o.LifeCycle ?? {}) },
		...extra,
	};
}
