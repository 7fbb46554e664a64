import { defineResource } from '../common/resource';
import * as listByAcceptingInvitation from './listByAcceptingInvitation.operation';
import * as listFromOpportunity from './listFromOpportunity.operation';
import * as listOpportunityFromEngagement from './listOpportunityFromEngagement.operation';
import * as startByAcceptingInvitation from './startByAcceptingInvitation.operation';
import * as startFromOpportunity from './startFromOpportunity.operation';
import * as startOpportunityFromEngagement from './startOpportunityFromEngagement.operation';

export const engagementTask = defineResource(
	'engagementTask',
	[
		startFromOpportunity,
		listFromOpportunity,
		startByAcceptingInvitation,
		listByAcceptingInvitation,
		startOpportunityFromEngagement,
		listOpportunityFromEngagement,
	],
	'startFromOpportunity',
);
