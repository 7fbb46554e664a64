import {
	naturalKey,
	NATURAL_KEYS,
	resolveClientToken,
	tokenIntent,
} from '../../../nodes/shared/partnerCentral/clientTokens';
import { CLIENT_TOKEN_OPERATIONS } from '../../../nodes/shared/partnerCentral/operations';

describe('client tokens', () => {
	const body = { Catalog: 'Sandbox', PartnerOpportunityIdentifier: 'deal-42', Project: { Title: 'Migration' } };

	it('covers exactly the 10 operations with an idempotency token', () => {
		expect(CLIENT_TOKEN_OPERATIONS.sort()).toEqual(Object.keys(NATURAL_KEYS).sort());
		expect(CLIENT_TOKEN_OPERATIONS).toHaveLength(10);
	});

	it('is the same for the same operation, identity and body, whatever the key order', () => {
		const a = resolveClientToken('CreateOpportunity', body);
		const b = resolveClientToken('CreateOpportunity', {
			Project: { Title: 'Migration' },
			PartnerOpportunityIdentifier: 'deal-42',
			Catalog: 'Sandbox',
		});
		expect(a).toBe(b);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
	});

	it('ignores a ClientToken already in the body', () => {
		expect(resolveClientToken('CreateOpportunity', { ...body, ClientToken: 'x' })).toBe(
			resolveClientToken('CreateOpportunity', body),
		);
	});

	it('changes when the body, the operation or the idempotency key changes', () => {
		const base = resolveClientToken('CreateOpportunity', body);
		expect(resolveClientToken('CreateOpportunity', { ...body, Project: { Title: 'Other' } })).not.toBe(base);
		expect(resolveClientToken('CreateEngagement', body)).not.toBe(base);
		expect(resolveClientToken('CreateOpportunity', body, { idempotencyKey: 'deal-43' })).not.toBe(base);
	});

	it('uses the idempotency key, else the natural key, as identity', () => {
		expect(tokenIntent('StartEngagementFromOpportunityTask', { Identifier: 'O123' })).toBe(
			'StartEngagementFromOpportunityTask:O123',
		);
		expect(tokenIntent('StartEngagementFromOpportunityTask', { Identifier: 'O123' }, ' deal-1 ')).toBe(
			'StartEngagementFromOpportunityTask:deal-1',
		);
		expect(
			naturalKey('CreateResourceSnapshot', {
				EngagementIdentifier: 'eng-1',
				ResourceType: 'Opportunity',
				ResourceIdentifier: 'O1',
				ResourceSnapshotTemplateIdentifier: 'OpportunitySummaryView',
			}),
		).toBe('eng-1/Opportunity/O1/OpportunitySummaryView');
	});

	it('gives a new random token each time only on request, and a custom one as given', () => {
		const r1 = resolveClientToken('CreateOpportunity', body, { mode: 'random' });
		const r2 = resolveClientToken('CreateOpportunity', body, { mode: 'random' });
		expect(r1).not.toBe(r2);
		expect(resolveClientToken('CreateOpportunity', body, { mode: 'custom', customToken: ' t-1 ' })).toBe('t-1');
		expect(() => resolveClientToken('CreateOpportunity', body, { mode: 'custom', customToken: '' })).toThrow(
			/Client Token is empty/,
		);
	});
});
