#!/usr/bin/env node
// `npm start`: the demo in one command. Builds the package, starts the simulators seeded with a demo portal (tagged
// and untagged deals with companies and contacts, one pending AWS referral), starts n8n (installed on first use into
// ~/.cache/n8n-pc-e2e) with the package, credentials and both templates installed and published, prints the editor
// URL and the login, and runs until Ctrl-C.
//
// Real accounts instead of the simulators: set HUBSPOT_ACCESS_TOKEN (+ HUBSPOT_CLIENT_SECRET, HUBSPOT_APP_ID) and/or
// AWS_PC_ACCESS_KEY_ID + AWS_PC_SECRET_ACCESS_KEY (or AWS_PC_ROLE_ARN + AWS_PC_EXTERNAL_ID), AWS_PC_CATALOG
// (default Sandbox). See docs/templates.md. Other settings: N8N_DEMO_PORT (default 5678), N8N_DEMO_FOLDER (default
// .e2e/demo-<time> in the clone, a fresh n8n each run), PC_DEMO_TIME_SCALE (default 1).
'use strict';

const path = require('node:path');

require('ts-node').register({
	transpileOnly: true,
	project: path.join(__dirname, '..', '..', 'tsconfig.test.json'),
	compilerOptions: { module: 'commonjs' },
});

const { startStack, realAccountsFromEnv } = require('./harness/stack');
const { OWNER } = require('./harness/n8nApi');

async function main() {
	const real = realAccountsFromEnv();
	const root = path.join(__dirname, '..', '..');
	const userFolder = process.env.N8N_DEMO_FOLDER || path.join(root, '.e2e', `demo-${Date.now()}`);
	console.log('Starting the demo (the first run installs n8n into ~/.cache/n8n-pc-e2e, about 10 minutes)...');
	const stack = await startStack({
		demo: true,
		publishFailuresAreWarnings: true,
		real,
		userFolder,
		port: Number(process.env.N8N_DEMO_PORT || 5678),
		listenAddress: process.env.N8N_DEMO_LISTEN || '127.0.0.1',
		host: process.env.N8N_DEMO_HOST || 'localhost',
		timeScale: Number(process.env.PC_DEMO_TIME_SCALE || 1),
		simulatorPorts: { partnerCentral: 4010, hubspot: 4020, sqs: 4030 },
		log: (m) => console.log(`  ${m}`),
	});
	const line = '-'.repeat(72);
	console.log(`\n${line}`);
	console.log(`n8n editor:   ${stack.n8n.baseUrl}/`);
	console.log(`login:        ${OWNER.email} / ${OWNER.password}`);
	if (stack.hubspotWebhookUrl) console.log(`HubSpot webhook (template 1): ${stack.hubspotWebhookUrl}`);
	if (stack.sims) {
		console.log(`simulators:   Partner Central ${stack.sims.partnerCentral.url}  HubSpot ${stack.sims.hubspot.url}`);
		console.log('              (admin APIs under /__admin/, see test/simulators/README.md)');
	}
	console.log(`HubSpot:      ${real.hubspot ? 'your account' : 'simulator'}; Partner Central: ${real.aws ? 'your account' : 'simulator'}`);
	console.log(`n8n folder:   ${userFolder}`);
	console.log(`${line}\nPress Ctrl-C to stop.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping...');
		await stack.stop().catch((e) => console.error(e));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	setInterval(() => {}, 1 << 30);
}

main().catch((error) => {
	console.error(error && error.stack ? error.stack : error);
	process.exit(1);
});
