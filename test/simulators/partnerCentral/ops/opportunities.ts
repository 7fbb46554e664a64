/** Opportunity operations (reference partner-central.md sections A, C1-C7). */
import { businessError, conflict, notFound, PcError, validationError } from '../errors';
import { changedPaths, editWindow, isEditable } from '../rules/editWindows';
import { opportunityBusinessErrors, submissionErrors } from '../rules/business';
import { clone, iso, type Json, opportunityArn, type OpportunityRecord } from '../state';
import { type PcSim, stripUndefined } from '../sim';
import { inList, paginate, sortBy, ts } from './paginate';

/** Members replaced by UpdateOpportunity (C1). */
export const REPLACEABLE = [
	'PrimaryNeedsFromAws',
	'NationalSecurity',
	'PartnerOpportunityIdentifier',
	'Customer',
	'Project',
	'OpportunityType',
	'Marketing',
	'SoftwareRevenue',
	'LifeCycle',
] as const;

const RELATED_KEYS = ['AwsMarketplaceOffers', 'AwsMarketplaceOfferSets', 'Solutions', 'AwsProducts', 'AwsMarketplaceSolutions', 'AwsMarketplaceProducts'];

/** Per-opportunity association limits (C7). */
export const ASSOCIATION_LIMITS: Record<string, number> = {
	AwsProducts: 20,
	Solutions: 10,
	AwsMarketplaceSolutions: 10,
	AwsMarketplaceProducts: 10,
	AwsMarketplaceOffers: 1,
	AwsMarketplaceOfferSets: 1,
};

function pickData(input: Json): Json {
	const data: Json = {};
	for (const k of REPLACEABLE) if (input[k] !== undefined && input[k] !== null) data[k] = clone(input[k]);
	return data;
}

function lifeCycle(data: Json): Json {
	return ((data.LifeCycle as Json | undefined) ?? (data.LifeCycle = {})) as Json;
}

export function getOpportunityView(opp: OpportunityRecord): Json {
	return stripUndefined({
		Catalog: opp.Catalog,
		Id: opp.Id,
		Arn: opp.Arn,
		...clone(opp.data),
		OpportunityTeam: opp.OpportunityTeam,
		RelatedEntityIdentifiers: opp.RelatedEntityIdentifiers,
		LastModifiedDate: iso(opp.LastModifiedDate),
		CreatedDate: iso(opp.CreatedDate),
	});
}

export function opportunitySummary(opp: OpportunityRecord): Json {
	const d = opp.data as Json & { LifeCycle?: Json; Customer?: { Account?: Json }; Project?: Json };
	const account = d.Customer?.Account;
	const address = account?.Address as Json | undefined;
	return stripUndefined({
		Catalog: opp.Catalog,
		Id: opp.Id,
		Arn: opp.Arn,
		PartnerOpportunityIdentifier: d.PartnerOpportunityIdentifier,
		OpportunityType: d.OpportunityType,
		LastModifiedDate: iso(opp.LastModifiedDate),
		CreatedDate: iso(opp.CreatedDate),
		LifeCycle: d.LifeCycle
			? {
					Stage: d.LifeCycle.Stage,
					ClosedLostReason: d.LifeCycle.ClosedLostReason,
					NextSteps: d.LifeCycle.NextSteps,
					TargetCloseDate: d.LifeCycle.TargetCloseDate,
					ReviewStatus: d.LifeCycle.ReviewStatus,
					ReviewComments: d.LifeCycle.ReviewComments,
					ReviewStatusReason: d.LifeCycle.ReviewStatusReason,
				}
			: undefined,
		Customer: account
			? {
					Account: {
						Industry: account.Industry,
						OtherIndustry: account.OtherIndustry,
						CompanyName: account.CompanyName,
						WebsiteUrl: account.WebsiteUrl,
						Address: address
							? { City: address.City, PostalCode: address.PostalCode, StateOrRegion: address.StateOrRegion, CountryCode: address.CountryCode }
							: undefined,
					},
				}
			: undefined,
		Project: d.Project
			? {
					DeliveryModels: d.Project.DeliveryModels,
					ExpectedCustomerSpend: d.Project.ExpectedCustomerSpend,
					ExpectedContractDuration: d.Project.ExpectedContractDuration,
				}
			: undefined,
	});
}

function pushNextSteps(data: Json, previous: Json | undefined, now: number): void {
	const lc = data.LifeCycle as Json | undefined;
	const prevLc = previous?.LifeCycle as Json | undefined;
	const history = clone((prevLc?.NextStepsHistory as Json[] | undefined) ?? []);
	if (lc?.NextSteps && lc.NextSteps !== prevLc?.NextSteps) {
		history.push({ Value: lc.NextSteps, Time: new Date(now).toISOString() });
	}
	if (lc) {
		if (history.length) lc.NextStepsHistory = history.slice(-50);
		else delete lc.NextStepsHistory;
	}
}

/** Creates an opportunity record (used by CreateOpportunity and by tasks that create opportunities). */
export function insertOpportunity(sim: PcSim, catalog: string, data: Json, extra: Partial<OpportunityRecord> = {}): OpportunityRecord {
	const now = sim.now();
	const id = `O${sim.state.nextOpportunityNumber++}`;
	if (data.OpportunityType === undefined) data.OpportunityType = 'Net New Business';
	if (data.NationalSecurity === undefined) data.NationalSecurity = 'No';
	const lc = lifeCycle(data);
	delete lc.ReviewComments;
	delete lc.ReviewStatusReason;
	delete lc.NextStepsHistory;
	lc.ReviewStatus = 'Pending Submission';
	pushNextSteps(data, undefined, now);
	const opp: OpportunityRecord = {
		Catalog: catalog,
		Id: id,
		Arn: opportunityArn(catalog, id),
		CreatedDate: now,
		LastModifiedDate: now,
		Origin: 'Partner Referral',
		data,
		OpportunityTeam: [],
		RelatedEntityIdentifiers: Object.fromEntries(RELATED_KEYS.map((k) => [k, [] as string[]])),
		Tags: [],
		...extra,
	};
	sim.state.opportunities[id] = opp;
	sim.events.opportunity('Created', catalog, id, opp.Arn);
	return opp;
}

export function CreateOpportunity(sim: PcSim, input: Json): Json {
	return sim.idempotent('CreateOpportunity', input, () => {
		const catalog = input.Catalog as string;
		const origin = (input.Origin as OpportunityRecord['Origin'] | undefined) ?? 'Partner Referral';
		// C5: Origin "AWS Referral" only in the Sandbox catalog
		if (origin === 'AWS Referral' && catalog !== 'Sandbox') {
			throw businessError('Origin', 'ACTION_NOT_PERMITTED', 'Origin must be Partner Referral in the AWS catalog (AWS Referral can only be simulated in the Sandbox catalog).');
		}
		const data = pickData(input);
		sim.requireBusiness(opportunityBusinessErrors(data, { today: sim.today(), isCreate: true, related: {} }));
		const opp = insertOpportunity(sim, catalog, data, {
			Origin: origin,
			OpportunityTeam: clone((input.OpportunityTeam as Json[] | undefined) ?? []),
			Tags: clone((input.Tags as OpportunityRecord['Tags'] | undefined) ?? []),
		});
		return stripUndefined({ Id: opp.Id, PartnerOpportunityIdentifier: data.PartnerOpportunityIdentifier, LastModifiedDate: iso(opp.LastModifiedDate) });
	});
}

export function GetOpportunity(sim: PcSim, input: Json): Json {
	return getOpportunityView(sim.opportunity(input.Catalog as string, input.Identifier as string));
}

export function ListOpportunities(sim: PcSim, input: Json): Json {
	const catalog = input.Catalog as string;
	const sort = (input.Sort as Json | undefined) ?? {};
	const sortKey = (sort.SortBy as string | undefined) ?? 'LastModifiedDate';
	const order = (sort.SortOrder as string | undefined) ?? 'DESCENDING';
	const lm = (input.LastModifiedDate as Json | undefined) ?? {};
	const cd = (input.CreatedDate as Json | undefined) ?? {};
	const tcd = (input.TargetCloseDate as Json | undefined) ?? {};
	const names = ((input.CustomerCompanyName as string[] | undefined) ?? []).map((n) => n.toLowerCase());
	const compute = () => {
		const matches = Object.values(sim.state.opportunities).filter((o) => {
			const d = o.data as { LifeCycle?: Json; Customer?: { Account?: Json } };
			const close = d.LifeCycle?.TargetCloseDate as string | undefined;
			const after = ts(lm.AfterLastModifiedDate);
			const before = ts(lm.BeforeLastModifiedDate);
			const cAfter = ts(cd.AfterCreatedDate);
			const cBefore = ts(cd.BeforeCreatedDate);
			return (
				o.Catalog === catalog &&
				inList(input.Identifier, o.Id) &&
				inList(input.LifeCycleStage, d.LifeCycle?.Stage as string | undefined) &&
				inList(input.LifeCycleReviewStatus, d.LifeCycle?.ReviewStatus as string | undefined) &&
				(names.length === 0 || names.includes(String(d.Customer?.Account?.CompanyName ?? '').toLowerCase())) &&
				(after === undefined || o.LastModifiedDate > after) &&
				(before === undefined || o.LastModifiedDate < before) &&
				(cAfter === undefined || o.CreatedDate > cAfter) &&
				(cBefore === undefined || o.CreatedDate < cBefore) &&
				(tcd.AfterTargetCloseDate === undefined || (close !== undefined && close > (tcd.AfterTargetCloseDate as string))) &&
				(tcd.BeforeTargetCloseDate === undefined || (close !== undefined && close < (tcd.BeforeTargetCloseDate as string)))
			);
		});
		const key = (o: OpportunityRecord): string | number | undefined => {
			const d = o.data as { LifeCycle?: Json; Customer?: { Account?: Json } };
			if (sortKey === 'CreatedDate') return o.CreatedDate;
			if (sortKey === 'Identifier') return o.Id.padStart(21, '0');
			if (sortKey === 'CustomerCompanyName') return String(d.Customer?.Account?.CompanyName ?? '').toLowerCase();
			if (sortKey === 'TargetCloseDate') return d.LifeCycle?.TargetCloseDate as string | undefined;
			return o.LastModifiedDate;
		};
		return sortBy(matches, key, order, (o) => o.Id).map((o) => ({ id: o.Id, item: o }));
	};
	const page = paginate(input, 'ListOpportunities', compute, (id) => sim.state.opportunities[id], 20);
	return stripUndefined({ OpportunitySummaries: page.items.map(opportunitySummary), NextToken: page.NextToken });
}

const SANDBOX_REVIEW_VALUES = ['Approved', 'Action Required'];

export function UpdateOpportunity(sim: PcSim, input: Json): Json {
	const opp = sim.opportunity(input.Catalog as string, input.Identifier as string);
	// C2: optimistic lock on LastModifiedDate
	if (ts(input.LastModifiedDate) !== opp.LastModifiedDate) {
		throw conflict(
			`The opportunity ${opp.Id} was modified at ${iso(opp.LastModifiedDate)}; the request's LastModifiedDate is stale. Fetch the latest state of the resource, verify the state, and retry the request.`,
		);
	}
	const before = opp.data;
	const next = pickData(input);
	const rawProject = input.Project as Json | undefined;
	const oldProject = (before.Project as Json | undefined) ?? {};
	// C1 documented exception: omitting ExpectedContractDuration means "no change"; explicit null clears it.
	if (next.Project && rawProject && !('ExpectedContractDuration' in rawProject) && oldProject.ExpectedContractDuration) {
		(next.Project as Json).ExpectedContractDuration = clone(oldProject.ExpectedContractDuration);
	}
	const project = next.Project as Json | undefined;
	if (project?.ExpectedContractDuration) {
		const spend = (project.ExpectedCustomerSpend as Json[] | undefined) ?? [];
		const storedSelf = ((oldProject.ExpectedCustomerSpend as Json[] | undefined) ?? []).find((s) => s.TargetCompany === 'Self');
		if (!spend.some((s) => s.TargetCompany === 'Self') && storedSelf) {
			project.ExpectedCustomerSpend = [...spend, clone(storedSelf)];
		}
	}
	// Read-only LifeCycle members keep their stored values (C1); Sandbox may set ReviewStatus to simulate review (C5).
	const oldLc = (before.LifeCycle as Json | undefined) ?? {};
	const newLc = lifeCycle(next);
	const requestedReview = newLc.ReviewStatus as string | undefined;
	let reviewTransition: string | undefined;
	if (opp.Catalog === 'Sandbox' && requestedReview && requestedReview !== oldLc.ReviewStatus) {
		if (!SANDBOX_REVIEW_VALUES.includes(requestedReview)) {
			throw businessError('LifeCycle.ReviewStatus', 'INVALID_VALUE', 'In the Sandbox catalog LifeCycle.ReviewStatus can only be set to Approved or Action Required to simulate an AWS review.');
		}
		reviewTransition = requestedReview;
	}
	for (const k of ['ReviewStatus', 'ReviewComments', 'ReviewStatusReason', 'NextStepsHistory']) {
		if (oldLc[k] !== undefined) newLc[k] = clone(oldLc[k]);
		else delete newLc[k];
	}
	const changed = changedPaths(before, next);
	const window = editWindow(oldLc.ReviewStatus as string | undefined, oldLc.Stage as string | undefined);
	if (window.kind === 'none' && (!reviewTransition || changed.length > 0)) {
		const fields = changed.length ? changed : ['LifeCycle.ReviewStatus'];
		throw validationError(
			'BUSINESS_VALIDATION_FAILED',
			fields.map((f) => ({ FieldName: f, Message: window.reason, Code: 'ACTION_NOT_PERMITTED' })),
			window.reason,
		);
	}
	const refused = changed.filter((p) => !isEditable(window, p));
	if (refused.length) {
		const reason = window.kind === 'all' ? '' : window.reason;
		throw validationError(
			'BUSINESS_VALIDATION_FAILED',
			refused.map((f) => ({ FieldName: f, Message: `${f} cannot be updated: ${reason}`, Code: 'ACTION_NOT_PERMITTED' })),
		);
	}
	sim.requireBusiness(
		opportunityBusinessErrors(next, { today: sim.today(), isCreate: false, changed: new Set(changed), related: opp.RelatedEntityIdentifiers }),
	);
	const now = sim.now();
	pushNextSteps(next, before, now);
	if (reviewTransition) {
		newLc.ReviewStatus = reviewTransition;
		if (reviewTransition === 'Approved') delete newLc.ReviewComments;
	} else if (oldLc.ReviewStatus === 'Action Required' && changed.length > 0 && opp.Catalog !== 'Sandbox') {
		// C4.3: after the requested updates the opportunity re-enters the validation phase.
		newLc.ReviewStatus = 'Submitted';
		scheduleInReview(sim, opp);
	}
	opp.data = next;
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp);
	return { Id: opp.Id, LastModifiedDate: iso(opp.LastModifiedDate) };
}

export function scheduleInReview(sim: PcSim, opp: OpportunityRecord): void {
	sim.scheduler.after(sim.config.reviewStartDelayMs, () => {
		const lc = opp.data.LifeCycle as Json | undefined;
		if (lc?.ReviewStatus === 'Submitted') {
			lc.ReviewStatus = 'In review';
			opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
			sim.opportunityChanged(opp, 'aws');
		}
	});
}

/** Marks the opportunity submitted (SubmitOpportunity and the last step of StartEngagementFromOpportunityTask). */
export function submit(sim: PcSim, opp: OpportunityRecord, involvementType: string, visibility: string | undefined): void {
	const lc = lifeCycle(opp.data);
	if (lc.ReviewStatus !== 'Pending Submission') {
		throw businessError('LifeCycle.ReviewStatus', 'INVALID_RESOURCE_STATE', `Only opportunities in Pending Submission can be submitted (current: ${String(lc.ReviewStatus)}).`);
	}
	const errors = submissionErrors(opp.data, opp.RelatedEntityIdentifiers, involvementType);
	if (errors.length) throw validationError('BUSINESS_VALIDATION_FAILED', errors);
	opp.submission = { InvolvementType: involvementType, Visibility: visibility ?? 'Full', submittedAt: sim.now() };
	lc.ReviewStatus = 'Submitted';
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	scheduleInReview(sim, opp);
}

export function SubmitOpportunity(sim: PcSim, input: Json): Json {
	const opp = sim.opportunity(input.Catalog as string, input.Identifier as string);
	submit(sim, opp, input.InvolvementType as string, input.Visibility as string | undefined);
	sim.opportunityChanged(opp);
	return {};
}

export function AssignOpportunity(sim: PcSim, input: Json): Json {
	const opp = sim.opportunity(input.Catalog as string, input.Identifier as string);
	const assignee = clone(input.Assignee as Json);
	opp.OpportunityTeam = [...opp.OpportunityTeam.filter((c) => c.BusinessTitle !== assignee.BusinessTitle), assignee];
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp);
	return {};
}

export function AssociateOpportunity(sim: PcSim, input: Json): Json {
	const catalog = input.Catalog as string;
	const opp = sim.opportunity(catalog, input.OpportunityIdentifier as string);
	const type = input.RelatedEntityType as string;
	const id = input.RelatedEntityIdentifier as string;
	if (type === 'Solutions') {
		const solution = sim.state.solutions.find((s) => s.Catalog === catalog && s.Id === id);
		if (!solution) throw notFound('Solution', id);
		if (solution.Status !== 'Active') throw businessError('RelatedEntityIdentifier', 'INVALID_RESOURCE_STATE', `Solution ${id} is not Active.`);
	} else if (type === 'AwsMarketplaceOffers' && !/^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\d+:\d{12}:AWSMarketplace\/Offer\/.+$/u.test(id)) {
		throw businessError('RelatedEntityIdentifier', 'INVALID_STRING_FORMAT', 'RelatedEntityIdentifier must be an AWS Marketplace offer ARN.');
	} else if (type === 'AwsMarketplaceOfferSets' && !/^arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\d+:\d{12}:AWSMarketplace\/OfferSet\/offerset-.+$/u.test(id)) {
		throw businessError('RelatedEntityIdentifier', 'INVALID_STRING_FORMAT', 'RelatedEntityIdentifier must be an AWS Marketplace offer set ARN.');
	} else if ((type === 'AwsMarketplaceSolutions' || type === 'AwsMarketplaceProducts') && !id.startsWith('arn:')) {
		throw businessError('RelatedEntityIdentifier', 'INVALID_STRING_FORMAT', `RelatedEntityIdentifier must be an ARN for ${type}.`);
	}
	const list = (opp.RelatedEntityIdentifiers[type] ??= []);
	if (list.includes(id)) return {};
	// C7: association quotas per opportunity; one Offer OR one Offer Set, not both.
	if (list.length >= ASSOCIATION_LIMITS[type]) {
		throw businessError('RelatedEntityIdentifier', 'TOO_MANY_VALUES', `An opportunity can have at most ${ASSOCIATION_LIMITS[type]} ${type}.`);
	}
	const offers = (opp.RelatedEntityIdentifiers.AwsMarketplaceOffers ?? []).length + (opp.RelatedEntityIdentifiers.AwsMarketplaceOfferSets ?? []).length;
	if ((type === 'AwsMarketplaceOffers' || type === 'AwsMarketplaceOfferSets') && offers >= 1) {
		throw businessError('RelatedEntityIdentifier', 'TOO_MANY_VALUES', 'An opportunity can have either one Offer or one Offer Set, but not both.');
	}
	list.push(id);
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp);
	return {};
}

export function DisassociateOpportunity(sim: PcSim, input: Json): Json {
	const opp = sim.opportunity(input.Catalog as string, input.OpportunityIdentifier as string);
	const type = input.RelatedEntityType as string;
	const id = input.RelatedEntityIdentifier as string;
	const list = opp.RelatedEntityIdentifiers[type] ?? [];
	if (!list.includes(id)) throw notFound(`${type} association`, id);
	opp.RelatedEntityIdentifiers[type] = list.filter((x) => x !== id);
	opp.LastModifiedDate = sim.nextModified(opp.LastModifiedDate);
	sim.opportunityChanged(opp);
	return {};
}

export function GetAwsOpportunitySummary(sim: PcSim, input: Json): Json {
	const opp = sim.opportunity(input.Catalog as string, input.RelatedOpportunityIdentifier as string);
	if (!opp.submission && opp.Origin !== 'AWS Referral' && !opp.awsSummary) {
		throw new PcError('ResourceNotFoundException', `No AWS opportunity summary exists for ${opp.Id} yet: it has not been submitted to AWS.`);
	}
	return { Catalog: opp.Catalog, ...sim.awsSummaryView(opp) };
}
