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
			droppedFields: outcome.droppedFields,
			refusalTemporary: outcome.refusalTemporary,
			temporarilyRefusedFields: outcome.temporarilyRefusedFields,
			permanentlyRefusedFields: outcome.permanentlyRefusedFields,
			...(outcome.warnings.length ? { warnings: outcome.warnings, refusalReason: outcome.refusalReason } : {}),
		};
	} catch (error) {
		if (error instanceof PartnerCentralError) throw toNodeApiError(ctx.getNode(), error, itemIndex);
		if (error instanceof EditWindowError) {
			const failure = new NodeOperationError(ctx.getNode(), error.message, {
				itemIndex,
				description: error.temporary
					? 'Nothing was changed. AWS is reviewing this opportunity: send the update again once the review ends, or set "Fields Not Editable Now" to "Drop Them and Warn" to send the other changes now.'
					: 'Nothing was changed. AWS will not accept these fields on this opportunity any more: remove them from the update, or set "Fields Not Editable Now" to "Drop Them and Warn" to send the other changes.',
			});
			// Readable in an error output or with "Continue On Fail": refusedFields, refusalTemporary, ...
			failure.context = { ...failure.context, ...error.data };
			throw failure;
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
					description:
						'Send the other changes; the output lists the dropped fields and whether AWS refuses them only while it reviews (refusalTemporary) or for good (permanentlyRefusedFields)',
				},
			],
		},
	],
	optional: OPPORTUNITY_FIELDS,
	optionalLabel: 'Fields to Change',
	run,
});
