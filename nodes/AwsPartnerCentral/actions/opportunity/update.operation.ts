import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { toNodeApiError, PartnerCentralError } from '../../../shared/partnerCentral/errors';
import {
	EditWindowError,
	mergeUpdateOpportunity,
	type NotEditablePolicy,
} from '../../../shared/partnerCentral/mergeUpdate';
import { getPartnerCentralCredentials, sendPartnerCentral } from '../../../shared/partnerCentral/transport';
import { opportunityId } from '../common/ids';
import { defineOperation, param } from '../common/operation';
import { applySpend, OPPORTUNITY_FIELDS } from '../common/opportunityFields';

async function run(ctx: IExecuteFunctions, itemIndex: number, request: IDataObject): Promise<IDataObject> {
	const credentials = await getPartnerCentralCredentials(ctx, itemIndex);
	const call = async (operation: string, input: IDataObject) => await sendPartnerCentral(credentials, operation, input);
	const mode = param<string>(ctx, 'updateMode', itemIndex, 'merge');
	const identifier = String(request.Identifier);
	const catalog = typeof request.Catalog === 'string' ? request.Catalog : undefined;
	try {
		if (mode === 'replace') {
			const full = applySpend({ ...request });
			if (!full.LastModifiedDate) {
				const current = await call('GetOpportunity', {
					Identifier: identifier,
					Catalog: catalog,
				});
				full.LastModifiedDate = current.LastModifiedDate;
			}
			return await call('UpdateOpportunity', full);
		}
		const outcome = await mergeUpdateOpportunity(call, {
			identifier,
			catalog,
			notEditable: param<NotEditablePolicy>(ctx, 'notEditable', itemIndex, 'error'),
			changes: (opportunity) => {
				const changes: IDataObject = { ...request };
				const project = (opportunity.Project ?? {}) as IDataObject;
				return applySpend(changes, project.ExpectedCustomerSpend as IDataObject[] | undefined);
			},
		});
		return {
			...outcome.result,
			updated: outcome.updated,
			...(outcome.warnings.length ? { warnings: outcome.warnings, droppedFields: outcome.droppedFields } : {}),
		};
	} catch (error) {
		if (error instanceof PartnerCentralError) throw toNodeApiError(ctx.getNode(), error, itemIndex);
		if (error instanceof EditWindowError) {
			throw new NodeOperationError(ctx.getNode(), error.message, {
				itemIndex,
				description:
					'Nothing was changed. Remove these fields from the update, or set "Fields Not Editable Now" to "Drop Them and Warn" to send the other changes.',
			});
		}
		if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
		// Already an n8n error (NodeApiError / NodeOperationError): keep it as it is.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

export const { option, sdkOperation, requestPaths, description, execute } = defineOperation({
	resource: 'opportunity',
	operation: 'update',
	name: 'Update',
	action: 'Update an opportunity',
	description: 'Change some fields of an opportunity and keep all the others (merge), or send a full replacement',
	sdkOperation: 'UpdateOpportunity',
	fields: [opportunityId()],
	extraProperties: [
		{
			displayName: 'Update Mode',
			name: 'updateMode',
			type: 'options',
			default: 'merge',
			options: [
				{
					name: 'Merge (Recommended)',
					value: 'merge',
					description:
						'Read the opportunity, apply only the fields given here, and send the complete result; retried when someone else changed it meanwhile',
				},
				{
					name: 'Replace (Experts)',
					value: 'replace',
					description: 'Send exactly the fields given here as the whole opportunity: every field left out is cleared',
				},
			],
		},
		{
			displayName: 'Fields Not Editable Now',
			name: 'notEditable',
			type: 'options',
			default: 'error',
			displayOptions: { show: { updateMode: ['merge'] } },
			options: [
				{
					name: 'Stop With an Error',
					value: 'error',
					description: 'Change nothing and name the fields AWS does not allow to change in the current review status',
				},
				{
					name: 'Drop Them and Warn',
					value: 'dropWithWarning',
					description: 'Send the other changes; list the dropped fields in "warnings" on the output item',
				},
			],
		},
	],
	optional: OPPORTUNITY_FIELDS,
	optionalLabel: 'Fields to Change',
	run,
});
