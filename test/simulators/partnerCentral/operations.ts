/** Operation name -> handler, for all 45 operations of the model. */
import type { Json } from './state';
import type { PcSim } from './sim';
import * as eng from './ops/engagements';
import * as inv from './ops/invitations';
import * as misc from './ops/misc';
import * as opp from './ops/opportunities';
import * as snap from './ops/snapshots';

export type Handler = (sim: PcSim, input: Json) => Json;

export const HANDLERS: Record<string, Handler> = {
	CreateOpportunity: opp.CreateOpportunity,
	GetOpportunity: opp.GetOpportunity,
	ListOpportunities: opp.ListOpportunities,
	UpdateOpportunity: opp.UpdateOpportunity,
	SubmitOpportunity: opp.SubmitOpportunity,
	AssignOpportunity: opp.AssignOpportunity,
	AssociateOpportunity: opp.AssociateOpportunity,
	DisassociateOpportunity: opp.DisassociateOpportunity,
	GetAwsOpportunitySummary: opp.GetAwsOpportunitySummary,
	ListEngagementInvitations: inv.ListEngagementInvitations,
	GetEngagementInvitation: inv.GetEngagementInvitation,
	AcceptEngagementInvitation: inv.AcceptEngagementInvitation,
	StartEngagementByAcceptingInvitationTask: inv.StartEngagementByAcceptingInvitationTask,
	ListEngagementByAcceptingInvitationTasks: inv.ListEngagementByAcceptingInvitationTasks,
	RejectEngagementInvitation: inv.RejectEngagementInvitation,
	CreateEngagementInvitation: inv.CreateEngagementInvitation,
	CreateEngagement: eng.CreateEngagement,
	GetEngagement: eng.GetEngagement,
	ListEngagements: eng.ListEngagements,
	StartEngagementFromOpportunityTask: eng.StartEngagementFromOpportunityTask,
	ListEngagementFromOpportunityTasks: eng.ListEngagementFromOpportunityTasks,
	ListEngagementMembers: eng.ListEngagementMembers,
	CreateEngagementContext: eng.CreateEngagementContext,
	UpdateEngagementContext: eng.UpdateEngagementContext,
	ListEngagementResourceAssociations: eng.ListEngagementResourceAssociations,
	StartOpportunityFromEngagementTask: eng.StartOpportunityFromEngagementTask,
	ListOpportunityFromEngagementTasks: eng.ListOpportunityFromEngagementTasks,
	StartProspectingFromEngagementTask: misc.StartProspectingFromEngagementTask,
	GetProspectingFromEngagementTask: misc.GetProspectingFromEngagementTask,
	ListProspectingFromEngagementTasks: misc.ListProspectingFromEngagementTasks,
	CreateResourceSnapshot: snap.CreateResourceSnapshot,
	GetResourceSnapshot: snap.GetResourceSnapshot,
	ListResourceSnapshots: snap.ListResourceSnapshots,
	CreateResourceSnapshotJob: snap.CreateResourceSnapshotJob,
	StartResourceSnapshotJob: snap.StartResourceSnapshotJob,
	StopResourceSnapshotJob: snap.StopResourceSnapshotJob,
	DeleteResourceSnapshotJob: snap.DeleteResourceSnapshotJob,
	GetResourceSnapshotJob: snap.GetResourceSnapshotJob,
	ListResourceSnapshotJobs: snap.ListResourceSnapshotJobs,
	ListSolutions: misc.ListSolutions,
	GetSellingSystemSettings: misc.GetSellingSystemSettings,
	PutSellingSystemSettings: misc.PutSellingSystemSettings,
	TagResource: misc.TagResource,
	UntagResource: misc.UntagResource,
	ListTagsForResource: misc.ListTagsForResource,
};
