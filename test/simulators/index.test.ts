/** startSimulators: the three simulators share one SimClock; URLs are reported; SQS accepts the Partner Central keys. */
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startSimulators } from './index';

describe('startSimulators', () => {
	it('starts Partner Central, HubSpot and SQS with ONE clock on free ports', async () => {
		const sims = await startSimulators({ timeScale: 50 });
		try {
			expect(sims.partnerCentral.clock).toBe(sims.clock);
			expect(sims.hubspot.clock).toBe(sims.clock);
			expect(sims.sqs.clock).toBe(sims.clock);
			expect(sims.clock.timeScale).toBe(50);
			expect(new Set([sims.partnerCentral.port, sims.hubspot.port, sims.sqs.port]).size).toBe(3);
			expect(sims.urls).toEqual({ partnerCentral: sims.partnerCentral.url, hubspot: sims.hubspot.url, sqs: sims.sqs.url });
			const before = sims.partnerCentral.sim.now();
			sims.clock.advance(86_400_000);
			expect(sims.partnerCentral.sim.now() - before).toBeGreaterThanOrEqual(86_400_000);
			sims.sqs.createQueue('shared');
			const sqs = new SQSClient({ endpoint: sims.sqs.url, region: 'us-east-1', credentials: sims.partnerCentral.credentials, maxAttempts: 1 });
			expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'shared' }))).QueueUrl).toBe(`${sims.sqs.url}/111122223333/shared`);
			const hs = await fetch(`${sims.hubspot.url}/crm/v3/objects/deals?limit=1`, { headers: { Authorization: `Bearer ${sims.hubspot.token}` } });
			expect(hs.status).toBe(200);
		} finally {
			await sims.close();
		}
	});
});
