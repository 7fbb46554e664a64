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
	/** Solutions to associate right after creating (AssociateOpportunity), from the deal's solution IDs. */
	solutionIds: string[];
	/**
	 * The deal's real stage when AWS cannot take it at creation: Committed and Launched need an associated solution,
	 * which only exists after the opportunity does. The request starts one stage lower; after associating the
	 * solutions, run "Deal to Opportunity Update" to move it here. Empty when nothing waits.
	 */
	pendingStage: string;
}

/** Stages AWS accepts only when a solution or Marketplace listing is associated. */
export const STAGES_NEEDING_SOLUTION = ['Committed', 'Launched'];
/** Where a new opportunity starts while its solution is not associated yet. */
export const STAGE_BEFORE_SOLUTION = 'Business Validation';

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
	const desiredStage = body.LifeCycle?.Stage ?? '';
	const pendingStage = STAGES_NEEDING_SOLUTION.includes(desiredStage) ? desiredStage : '';
	if (pendingStage) {
		body.LifeCycle = { ...body.LifeCycle, Stage: STAGE_BEFORE_SOLUTION };
		mapped.problems.warn(
			'LifeCycle.Stage',
			'stage_after_solution',
			mapped.solutionIds.length
				? `AWS accepts ${pendingStage} only once a solution is associated: the opportunity is created as ${STAGE_BEFORE_SOLUTION}, then moved to ${pendingStage} after ${mapped.solutionIds.join(', ')} is associated`
				: `AWS accepts ${pendingStage} only once a solution is associated: the opportunity is created as ${STAGE_BEFORE_SOLUTION}; set the deal's AWS solution IDs so it can move to ${pendingStage}`,
			'deal.dealstage',
		);
	}
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
		pendingStage,
		...outcome('This deal was not sent to AWS Partner Central', problems, fingerprints),
	};
}
