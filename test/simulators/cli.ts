/**
 * `npm run simulators`: starts the three simulators on fixed ports and prints one line starting with `ready`.
 * Env: PARTNER_CENTRAL_SIM_PORT (4010), HUBSPOT_SIM_PORT (4020), SQS_SIM_PORT (4030), SIM_TIME_SCALE (1),
 * SIM_HOST (127.0.0.1), PC_SIM_SNAPSHOT (JSON file: loaded at start if it exists, saved on exit), HUBSPOT_SIM_TOKEN.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startSimulators } from './index';

async function main(): Promise<void> {
	const snapshotFile = process.env.PC_SIM_SNAPSHOT;
	const snapshot = snapshotFile && existsSync(snapshotFile) ? (JSON.parse(readFileSync(snapshotFile, 'utf8')) as Record<string, unknown>) : undefined;
	const sims = await startSimulators({
		timeScale: Number(process.env.SIM_TIME_SCALE ?? 1),
		host: process.env.SIM_HOST ?? '127.0.0.1',
		ports: {
			partnerCentral: Number(process.env.PARTNER_CENTRAL_SIM_PORT ?? 4010),
			hubspot: Number(process.env.HUBSPOT_SIM_PORT ?? 4020),
			sqs: Number(process.env.SQS_SIM_PORT ?? 4030),
		},
		partnerCentralSnapshot: snapshot,
		hubspotToken: process.env.HUBSPOT_SIM_TOKEN,
	});
	console.log(`ready partnerCentral=${sims.urls.partnerCentral} hubspot=${sims.urls.hubspot} sqs=${sims.urls.sqs}`);
	const stop = async () => {
		if (snapshotFile) writeFileSync(snapshotFile, JSON.stringify(sims.partnerCentral.snapshot(), null, 2));
		await sims.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
	console.error('simulators failed to start:', err);
	process.exit(1);
});
