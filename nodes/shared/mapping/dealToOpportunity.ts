/** Operation 1: a HubSpot deal bundle -> a complete CreateOpportunity request, or the reasons it cannot be one. */
import { deterministicClientToken } from '../sync/clientToken';

import type { MapperConfig } from './config';
import { inboundFingerprint, outboundFingerprint, type Fingerprints } from './fingerprints';
import { mapDeal } from './mapDeal';
import { outcome, type MappingOutcome } from './outcome';
import { clean } from './text';
import type { DealBundle, OpportunityBody } from './types';
import { skipPathsOf, validateOpportunity } from './validateSubmission';

export interface CreateRequest extends OpportunityBody {
	ClientToken: string;
}

export interface DealToOpportunityResult extends MappingOutcome {
	dealId: string;
	request: CreateRequest;
	solutionIds: string[];
}

export function dealToOpportunity(bundle: DealBundle, config: MapperConfig, options: { now: Date }): DealToOpportunityResult {
	const dealId = clean(bundle?.dealId) || clean(bundle?.deal?.id);
	const mapped = mapDeal(bundle, config);
	const validation = validateOpportunity(mapped.body, {
		mode: 'create',
		now: options.now,
		config,
		skipPaths: skipPathsOf(mapped.problems.items),
	});
	const body: OpportunityBody = { ...(config.catalog ? { Catalog: config.catalog } : {}), ...mapped.body };
	const request: CreateRequest = {
		...body,
		ClientToken: deterministicClientToken(`CreateOpportunity:hubspot-deal:${dealId}`, body),
	};
	const problems = [...mapped.problems.items, ...validation];
	const fingerprints: Fingerprints = {
		outbound: outboundFingerprint(request),
		inbound: inboundFingerprint(bundle?.deal?.properties ?? {}),
	};
	return {
		dealId,
		request,
		solutionIds: mapped.solutionIds,
		...outcome('This deal was not sent to AWS Partner Central', problems, fingerprints),
	};
}
