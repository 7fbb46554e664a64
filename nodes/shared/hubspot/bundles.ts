import { HUBSPOT_PROPERTIES_READ } from '../mapping/tables/defaults';
import { DEAL_PROPERTY_NAMES } from '../sync/hubspotProperties';
import { ASSOCIATION_TYPES, readAssociations } from './associations';
import type { HsObject } from './objects';
import { batchRead, uniqueStrings } from './objects';
import type { HubSpotContext, HubSpotRequestOptions } from './transport';

/** Contract 3: what the mapper receives for one deal. */
export interface DealBundle {
	dealId: string;
	deal: HsObject;
	primaryCompany: HsObject | null;
	/** Primary company first, then the others by id. */
	companies: HsObject[];
	contacts: HsObject[];
	dealOwnerId?: string;
}

export const DEFAULT_DEAL_PROPERTIES = [
	'dealname',
	'amount',
	'closedate',
	'dealstage',
	'pipeline',
	'dealtype',
	'description',
	'hubspot_owner_id',
	'deal_currency_code',
	'createdate',
	'hs_lastmodifieddate',
	'hs_object_id',
];

export const DEFAULT_COMPANY_PROPERTIES = [
	'name',
	'domain',
	'website',
	'industry',
	'country',
	'state',
	'city',
	'zip',
	'address',
	'phone',
	'numberofemployees',
	'annualrevenue',
	'description',
];

export const DEFAULT_CONTACT_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'jobtitle', 'company'];

export interface BundleOptions extends HubSpotRequestOptions {
	dealProperties?: string[];
	companyProperties?: string[];
	contactProperties?: string[];
}

export interface BundleResult {
	bundles: Map<string, DealBundle>;
	missing: string[];
}

function byId(a: HsObject, b: HsObject): number {
	const na = Number(a.id);
	const nb = Number(b.id);
	if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
	return a.id.localeCompare(b.id);
}

/**
 * Deals with their companies (primary first, from association type 5) and contacts, for any number of deal ids,
 * in a handful of calls per 100 deals: batch read deals, batch read deal->company and deal->contact associations,
 * batch read the companies and contacts they point to.
 */
export async function getDealBundles(
	ctx: HubSpotContext,
	dealIds: string[],
	options: BundleOptions = {},
): Promise<BundleResult> {
	// Ours, every aws_* property, everything the mapper reads, and what the user added.
	const dealProperties = uniqueStrings([
		...DEFAULT_DEAL_PROPERTIES,
		...DEAL_PROPERTY_NAMES,
		...HUBSPOT_PROPERTIES_READ.deal,
		...(options.dealProperties ?? []),
	]);
	const companyProperties = uniqueStrings([
		...DEFAULT_COMPANY_PROPERTIES,
		...HUBSPOT_PROPERTIES_READ.company,
		...(options.companyProperties ?? []),
	]);
	const contactProperties = uniqueStrings([
		...DEFAULT_CONTACT_PROPERTIES,
		...HUBSPOT_PROPERTIES_READ.contact,
		...(options.contactProperties ?? []),
	]);

	const deals = await batchRead(ctx, 'deals', dealIds, dealProperties, options);
	const foundIds = [...deals.found.keys()];
	const bundles = new Map<string, DealBundle>();
	if (foundIds.length === 0) return { bundles, missing: deals.missing };

	const [companyLinks, contactLinks] = await Promise.all([
		readAssociations(ctx, 'deals', 'companies', foundIds, options),
		readAssociations(ctx, 'deals', 'contacts', foundIds, options),
	]);
	const companyIds = uniqueStrings([...companyLinks.values()].flatMap((l) => l.map((t) => t.toObjectId)));
	const contactIds = uniqueStrings([...contactLinks.values()].flatMap((l) => l.map((t) => t.toObjectId)));
	const [companies, contacts] = await Promise.all([
		companyIds.length ? batchRead(ctx, 'companies', companyIds, companyProperties, options) : undefined,
		contactIds.length ? batchRead(ctx, 'contacts', contactIds, contactProperties, options) : undefined,
	]);

	for (const [dealId, deal] of deals.found) {
		const links = companyLinks.get(dealId) ?? [];
		const primaryId = links.find((l) => l.typeIds.includes(ASSOCIATION_TYPES.dealToCompanyPrimary))?.toObjectId;
		const linked = links
			.map((l) => companies?.found.get(l.toObjectId))
			.filter((c): c is HsObject => c !== undefined);
		const primaryCompany = linked.find((c) => c.id === primaryId) ?? null;
		const others = linked.filter((c) => c !== primaryCompany).sort(byId);
		const dealContacts = (contactLinks.get(dealId) ?? [])
			.map((l) => contacts?.found.get(l.toObjectId))
			.filter((c): c is HsObject => c !== undefined)
			.sort(byId);
		const bundle: DealBundle = {
			dealId,
			deal,
			primaryCompany,
			companies: primaryCompany ? [primaryCompany, ...others] : others,
			contacts: dealContacts,
		};
		const owner = deal.properties.hubspot_owner_id;
		if (owner) bundle.dealOwnerId = owner;
		bundles.set(dealId, bundle);
	}
	return { bundles, missing: deals.missing };
}
