/**
 * Operation 2: a deal bundle + the current opportunity (GetOpportunity output) -> a complete UpdateOpportunity
 * request. UpdateOpportunity replaces the whole opportunity, so the request starts from every current value, the
 * fields HubSpot owns are laid over it (defaults never overwrite an existing value), LastModifiedDate is carried
 * for the optimistic lock, and changes the current review status does not allow are left out with a warning.
 */
import type { IDataObject } from 'n8n-workflow';

import { opportunityToUpdateInput } from '../partnerCentral/mergeUpdate';
import { changedPaths, editWindowFor, refusedChanges, type EditWindow } from '../sync/editWindows';

import type { MapperConfig } from './config';
import { mergeContacts } from './contacts';
import { STAGES_NEEDING_SOLUTION } from './dealToOpportunity';
import { outcome, type MappingOutcome } from './outcome';
import { inboundFingerprint, outboundFingerprint } from './fingerprints';
import { mapDeal, type MappedDeal } from './mapDeal';
import { deepClone, isEmpty, leafPaths, restorePath, setAt, valueAt } from './objects';
import { ProblemList, type Problem } from './problems';
import { clean } from './text';
import type { DealBundle, ExpectedCustomerSpend, Opportunity, OpportunityContact, UpdateOpportunityRequest } from './types';
import { skipPathsOf, validateOpportunity } from './validateSubmission';

export interface DealToUpdateResult extends MappingOutcome {
	dealId: string;
	opportunityId: string;
	/** null when AWS allows no change now (under review, rejected, closed lost) or the input is unusable. */
	request: UpdateOpportunityRequest | null;
	/** Whether the request changes anything the sync owns. */
	changed: boolean;
	changedFields: string[];
	/** HubSpot changes the current review status does not allow: send them later (e.g. after the review). */
	notSent: string[];
	queued: boolean;
	editWindow: { mode: EditWindow['mode']; reason: string };
	solutionIds: string[];
	/** Solutions from the deal that the opportunity does not have yet: associate them before sending the update. */
	solutionsToAssociate: string[];
}

function associatedSolutions(current: Opportunity): string[] {
	const r = current?.RelatedEntityIdentifiers ?? {};
	return [...(r.Solutions ?? []), ...(r.AwsMarketplaceSolutions ?? []), ...(r.AwsMarketplaceProducts ?? [])];
}

/**
 * The current opportunity as an UpdateOpportunity request: every updatable member, read-only fields removed
 * (the Partner Central node's own conversion, so both paths build updates the same way).
 */
export function updateBaseFrom(current: Opportunity, config: MapperConfig): UpdateOpportunityRequest {
	const base = opportunityToUpdateInput(deepClone((current ?? {}) as IDataObject)) as Record<string, unknown>;
	for (const key of Object.keys(base)) if (base[key] === undefined || base[key] === null) delete base[key];
	if (!base.Catalog && config.catalog) base.Catalog = config.catalog;
	return { ...(base as object), Identifier: clean(current?.Id), LastModifiedDate: clean(current?.LastModifiedDate) } as UpdateOpportunityRequest;
}

function mergeSpend(current: ExpectedCustomerSpend[] | undefined, mapped: ExpectedCustomerSpend[]): ExpectedCustomerSpend[] {
	const result = deepClone(current ?? []);
	const ours = mapped[0];
	const i = result.findIndex((s) => s.TargetCompany === 'AWS');
	if (i >= 0) result[i] = { ...result[i], ...ours };
	else result.unshift(ours);
	return result;
}

/**
 * The current values with the deal's laid over them: contacts merged by e-mail, the AWS spend entry replaced in
 * place, defaults only where the opportunity has nothing, and dependent fields dropped when what they depend on
 * changed (OtherIndustry, OtherCompetitorNames, a US state after the country left the US).
 */
function overlayDeal(base: UpdateOpportunityRequest, mapped: MappedDeal): Record<string, unknown> {
	const merged = deepClone(base) as unknown as Record<string, unknown>;
	const { Origin: _origin, ...ownBody } = mapped.body; // Origin is set at creation only
	void _origin;
	for (const path of leafPaths(ownBody)) {
		const value = valueAt(ownBody, path);
		if (isEmpty(value)) continue;
		if (mapped.defaulted.includes(path) && !isEmpty(valueAt(base, path))) continue;
		if (path === 'Customer.Contacts') {
			setAt(merged, path, mergeContacts(base.Customer?.Contacts, value as OpportunityContact[]));
		} else if (path === 'Project.ExpectedCustomerSpend') {
			setAt(merged, path, mergeSpend(base.Project?.ExpectedCustomerSpend, value as ExpectedCustomerSpend[]));
		} else {
			setAt(merged, path, deepClone(value));
		}
	}
	const industry = valueAt(merged, 'Customer.Account.Industry');
	if (industry !== 'Other' && industry !== valueAt(base, 'Customer.Account.Industry')) setAt(merged, 'Customer.Account.OtherIndustry', undefined);
	if (valueAt(merged, 'Project.CompetitorName') !== '*Other') setAt(merged, 'Project.OtherCompetitorNames', undefined);
	const country = valueAt(merged, 'Customer.Account.Address.CountryCode');
	if (country !== 'US' && country !== valueAt(base, 'Customer.Account.Address.CountryCode')) setAt(merged, 'Customer.Account.Address.StateOrRegion', undefined);
	return merged;
}

export function dealToUpdate(
	bundle: DealBundle,
	current: Opportunity,
	config: MapperConfig,
	options: { now: Date; keepCurrent?: string[] },
): DealToUpdateResult {
	const dealId = clean(bundle?.dealId) || clean(bundle?.deal?.id);
	const opportunityId = clean(current?.Id);
	const problems = new ProblemList();
	const mapped = mapDeal(bundle, config);
	const window = editWindowFor(current?.LifeCycle?.ReviewStatus, current?.LifeCycle?.Stage);
	const base = updateBaseFrom(current ?? {}, config);
	const editWindow = { mode: window.mode, reason: window.reason };

	if (!opportunityId || !clean(current?.LastModifiedDate)) {
		problems.error('Identifier', 'missing', 'The current opportunity (GetOpportunity output with Id and LastModifiedDate) is missing, so the update cannot be built', 'deal.aws_opportunity_id');
		const fp = { outbound: outboundFingerprint(mapped.body), inbound: inboundFingerprint(bundle?.deal?.properties ?? {}) };
		return { dealId, opportunityId, request: null, changed: false, changedFields: [], notSent: [], queued: false, editWindow, solutionIds: mapped.solutionIds, solutionsToAssociate: [], ...outcome('This deal was not sent to AWS Partner Central', problems.items, fp) };
	}

	const merged = overlayDeal(base, mapped);
	// Shared fields Partner Central won (resolveSharedFields): the update keeps the opportunity's values.
	for (const path of options.keepCurrent ?? []) restorePath(merged, base as unknown as Record<string, unknown>, path);

	// Leave out what the review status does not allow.
	const refused = refusedChanges(window, base, merged);
	for (const path of refused) restorePath(merged, base as unknown as Record<string, unknown>, path);
	const refusedAt = (field: string) => refused.some((r) => field.replace(/\[\d+\]/gu, '').startsWith(r) || r.startsWith(field.replace(/\[\d+\]/gu, '')));
	for (const path of refused) {
		problems.warn(path, 'not_editable', `Not sent to AWS yet: ${window.reason}`);
	}

	// Mapping problems: a missing HubSpot value is fine when the opportunity has one; problems on fields that are
	// not sent anyway become warnings.
	for (const p of mapped.problems.items) {
		if (p.severity === 'error' && p.code === 'missing' && !isEmpty(valueAt(base, p.field.replace(/\[\d+\]/gu, '')))) continue;
		if (p.severity === 'error' && refusedAt(p.field)) problems.add([{ ...p, severity: 'warning' }]);
		else problems.add([p]);
	}
	// Committed and Launched need an associated solution (AWS refuses the stage change otherwise).
	const associated = associatedSolutions(current);
	const solutionsToAssociate = mapped.solutionIds.filter((id) => id !== 'Other' && !associated.includes(id));
	const stage = valueAt(merged, 'LifeCycle.Stage') as string | undefined;
	if (stage && STAGES_NEEDING_SOLUTION.includes(stage) && stage !== valueAt(base, 'LifeCycle.Stage') && !associated.some((id) => id !== 'Other')) {
		if (solutionsToAssociate.length) {
			problems.warn('RelatedEntityIdentifiers.Solutions', 'associate_first', `Associate ${solutionsToAssociate.join(', ')} before sending this update: AWS accepts ${stage} only with a solution`, `deal.${config.properties.solutionIds}`);
		} else {
			problems.error('RelatedEntityIdentifiers.Solutions', 'missing', `AWS accepts ${stage} only when a solution is associated: set the deal's AWS solution IDs (S-... or an AWS Marketplace listing)`, `deal.${config.properties.solutionIds}`);
		}
	}

	const blocked = window.mode === 'none';
	if (!blocked) {
		problems.add(
			validateOpportunity(merged as Opportunity, {
				mode: 'update',
				now: options.now,
				config,
				skipPaths: skipPathsOf(problems.items),
				closeDateUnchanged: valueAt(merged, 'LifeCycle.TargetCloseDate') === valueAt(base, 'LifeCycle.TargetCloseDate'),
			}),
		);
	}

	const request = merged as unknown as UpdateOpportunityRequest;
	const changedFields = changedPaths(base, merged).filter((p) => p !== '');
	const fingerprints = { outbound: outboundFingerprint(request), inbound: inboundFingerprint(bundle?.deal?.properties ?? {}) };
	const result = outcome('This deal change was not sent to AWS Partner Central', problems.items as Problem[], fingerprints);
	return {
		dealId,
		opportunityId,
		request: blocked ? null : request,
		changed: !blocked && changedFields.length > 0,
		changedFields,
		notSent: refused,
		queued: refused.length > 0,
		editWindow,
		solutionIds: mapped.solutionIds,
		solutionsToAssociate,
		...result,
	};
}
