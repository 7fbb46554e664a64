import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../common';
import * as addNote from './addNote.operation';
import * as createTask from './createTask.operation';
import * as findByAwsId from './findByAwsId.operation';
import * as get from './get.operation';
import * as getAssociated from './getAssociated.operation';
import * as getBundles from './getBundles.operation';
import * as search from './search.operation';
import * as updateProperties from './updateProperties.operation';
import * as upsertByAwsInvitationId from './upsertByAwsInvitationId.operation';
import * as upsertByAwsOpportunityId from './upsertByAwsOpportunityId.operation';

export const operations: Record<string, OperationModule> = {
	addNote,
	createTask,
	findByAwsId,
	get,
	getAssociated,
	getBundles,
	search,
	updateProperties,
	upsertByAwsInvitationId,
	upsertByAwsOpportunityId,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		default: 'getBundles',
		options: [
			{ name: 'Add Note', value: 'addNote', action: 'Add a note to a deal', description: 'Write a note on the deal timeline' },
			{ name: 'Create Task', value: 'createTask', action: 'Create a task on a deal', description: 'Give the deal owner a task with a due date' },
			{ name: 'Find by AWS ID', value: 'findByAwsId', action: 'Find a deal by AWS ID', description: 'Find the deal linked to an AWS opportunity or invitation' },
			{ name: 'Get Bundles', value: 'getBundles', action: 'Get deals with companies and contacts', description: 'Read deals with their companies (primary first) and contacts, 100 at a time' },
			{ name: 'Get Deal', value: 'get', action: 'Get a deal', description: 'Read one deal by ID, also a deleted or merged one' },
			{ name: 'Get Deals of a Company or Contact', value: 'getAssociated', action: 'Get the deals of a company or contact', description: 'List the deals associated with a company or a contact' },
			{ name: 'Search Deals', value: 'search', action: 'Search deals', description: 'Find deals whose properties match filters' },
			{ name: 'Update Properties', value: 'updateProperties', action: 'Update deal properties', description: 'Write properties on many deals in one call' },
			{ name: 'Upsert by AWS Invitation ID', value: 'upsertByAwsInvitationId', action: 'Create or update a deal by AWS invitation ID', description: 'Create the deal for an AWS referral, or update it if it exists' },
			{ name: 'Upsert by AWS Opportunity ID', value: 'upsertByAwsOpportunityId', action: 'Create or update a deal by AWS opportunity ID', description: 'Create the deal for an AWS opportunity, or update it if it exists' },
		],
	},
	...getBundles.description,
	...findByAwsId.description,
	...search.description,
	...get.description,
	...getAssociated.description,
	...upsertByAwsOpportunityId.description,
	...upsertByAwsInvitationId.description,
	...updateProperties.description,
	...addNote.description,
	...createTask.description,
];
