import type { INodeProperties } from 'n8n-workflow';

import { referralToDeal } from '../../shared/mapping/referralToDeal';
import type { EngagementInvitation } from '../../shared/mapping/types';
import { invalidInput, jsonInput, readObject, toResult, type OperationContext, type OperationResult } from './common';

export const description: INodeProperties[] = [
	jsonInput('invitation', 'Engagement Invitation', 'referralToDeal', 'Output of Get Engagement Invitation (a pending AWS referral)'),
];

export function run(op: OperationContext): OperationResult {
	const invitation = readObject<EngagementInvitation>(op, 'invitation', 'Engagement Invitation');
	if (!invitation.ok) return invalidInput(invitation.problem);
	return toResult(referralToDeal(invitation.value as EngagementInvitation, op.config, { now: op.now }));
}
