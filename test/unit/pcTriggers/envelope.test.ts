import type { ICredentialTestFunctions } from 'n8n-workflow';

import { partnerCentralEventWebhookTest } from '../../../nodes/AwsPartnerCentralEventTrigger/credentialTest';
import { checkEnvelope, PARTNER_CENTRAL_DETAIL_TYPES } from '../../../nodes/shared/events/envelope';
import { isAuthorised, secretsEqual, settingsProblems } from '../../../nodes/shared/events/webhookAuth';

const base = { version: '0', id: 'e', source: 'aws.partnercentral-selling', account: '1', time: 't', region: 'us-east-1' };

describe('EventBridge envelope normalisation (developer-guide payload shapes)', () => {
	it('invitation events: id, engagement; the id is taken from the ARN when only the ARN is sent', () => {
		const r = checkEnvelope({
			...base,
			'detail-type': 'Engagement Invitation Accepted',
			detail: { catalog: 'AWS', engagementInvitation: { arn: 'arn:aws:partnercentral:us-east-1::catalog/AWS/engagement-invitation/engi-0000000000abc', engagementId: 'eng-1' } },
		});
		expect(r.ok && [r.event.invitationId, r.event.engagementId, r.event.opportunityId]).toEqual(['engi-0000000000abc', 'eng-1', null]);
	});

	it('snapshot events: the opportunity is the snapshot resource', () => {
		const r = checkEnvelope({
			...base,
			'detail-type': 'Engagement Resource Snapshot Created',
			detail: {
				catalog: 'Sandbox',
				resourceSnapshot: { arn: 'arn:snap/1', engagementId: 'eng-2', resourceType: 'Opportunity', resourceId: 'O123' },
			},
		});
		expect(r.ok && [r.event.catalog, r.event.opportunityId, r.event.engagementId, r.event.snapshotArn]).toEqual(['Sandbox', 'O123', 'eng-2', 'arn:snap/1']);
	});

	it('engagement events: both id spellings', () => {
		const added = checkEnvelope({ ...base, 'detail-type': 'Engagement Member Added', detail: { catalog: 'AWS', engagement: { id: 'eng-3' } } });
		const created = checkEnvelope({ ...base, 'detail-type': 'Engagement Created', detail: { catalog: 'AWS', engagement: { engagementId: 'eng-4' } } });
		expect(added.ok && added.event.engagementId).toBe('eng-3');
		expect(created.ok && created.event.engagementId).toBe('eng-4');
	});

	it('accepts every known detail type and a JSON text body; refuses a catalog outside AWS/Sandbox', () => {
		for (const t of PARTNER_CENTRAL_DETAIL_TYPES) {
			expect(checkEnvelope(JSON.stringify({ ...base, 'detail-type': t, detail: { catalog: 'AWS' } })).ok).toBe(true);
		}
		const r = checkEnvelope({ ...base, 'detail-type': 'Opportunity Created', detail: { catalog: 'Prod' } });
		expect(!r.ok && r.field).toBe('catalog');
		expect(checkEnvelope('{not json').ok).toBe(false);
	});
});

describe('webhook secret', () => {
	it('compares secrets of any length without throwing', () => {
		expect(secretsEqual('abc', 'abc')).toBe(true);
		expect(secretsEqual('abc', 'abcd')).toBe(false);
		expect(secretsEqual('', 'x')).toBe(false);
	});

	it('never accepts an empty configured secret', () => {
		expect(isAuthorised({ 'x-api-key': '' }, { authType: 'apiKey', headerName: 'x-api-key', apiKey: '' })).toBe(false);
		expect(isAuthorised({ authorization: `Basic ${Buffer.from(':').toString('base64')}` }, { authType: 'basicAuth', user: '', password: '' })).toBe(false);
	});

	it('the credential test checks what EventBridge can send and the strength of the secret', async () => {
		const test = async (data: Record<string, unknown>) =>
			await partnerCentralEventWebhookTest.call({} as ICredentialTestFunctions, { id: '1', name: 'x', type: 'partnerCentralEventWebhookApi', data } as never);
		expect((await test({ authType: 'apiKey', headerName: 'X-Api-Key', apiKey: 'short' })).status).toBe('Error');
		expect((await test({ authType: 'apiKey', headerName: 'Bad Header', apiKey: 'a-long-enough-secret' })).status).toBe('Error');
		expect((await test({ authType: 'apiKey', headerName: 'Authorization', apiKey: 'a-long-enough-secret' })).status).toBe('Error');
		expect((await test({ authType: 'apiKey', headerName: 'X-Api-Key', apiKey: 'a-long-enough-secret' })).status).toBe('OK');
		expect((await test({ authType: 'basicAuth', user: 'a:b', password: 'a-long-enough-secret' })).status).toBe('Error');
		expect((await test({ authType: 'basicAuth', user: 'eventbridge', password: 'a-long-enough-secret' })).status).toBe('OK');
		expect(settingsProblems({ authType: 'apiKey', headerName: 'X', apiKey: 'x'.repeat(600) })).toContain(
			'API Key can be at most 512 characters (EventBridge limit).',
		);
	});
});
