#!/usr/bin/env node
// `npm start`: the demo in one command. Builds the package, starts the simulators seeded with a demo portal (tagged
// and untagged deals with companies and contacts, one pending AWS referral), starts n8n (installed on first use into
// ~/.cache/n8n-pc-e2e) with the package, the credentials and every template in workflows/ imported and wired together
// (error workflow, sub-workflow ids, credentials) and published where it can run, prints what to open and how to act
// as a rep in the HubSpot simulator, and runs until Ctrl-C.
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

const { startStack, realAccountsFromEnv, hubspotCall } = require('./harness/stack');
const { OWNER } = require('./harness/n8nApi');

async function main() {
	const real = realAccountsFromEnv();
	const root = path.join(__dirname, '..', '..');
	const userFolder = process.env.N8N_DEMO_FOLDER || path.join(root, '.e2e', `demo-${Date.now()}`);
	console.log('Starting the demo (the first run installs n8n into ~/.cache/n8n-pc-e2e, about 10 minutes)...');
	const stack = await startStack({
		demo: true,
		allTemplates: true,
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
	await printSummary(stack, real, userFolder).catch((e) => console.error('Could not print the summary:', e));

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

/** What to open and what to try, once everything is up. */
async function printSummary(stack, real, userFolder) {
	const base = stack.n8n.baseUrl;
	const line = '-'.repeat(78);
	const out = (m = '') => console.log(m);
	out(`\n${line}`);
	out(`n8n editor     ${base}/   login ${OWNER.email} / ${OWNER.password}`);
	out(`HubSpot        ${real.hubspot ? 'your account' : `simulator ${stack.sims.hubspot.url}`}`);
	out(`Partner Central ${real.aws ? 'your account' : `simulator ${stack.sims.partnerCentral.url} (catalog Sandbox)`}`);
	out(`n8n folder     ${userFolder}`);
	const list = stack.demoWorkflows ?? [];
	const errors = list.find((d) => d.file === 'error-handling.json');
	out(
		`\nTemplates (${list.length}, imported in this order${errors ? `; error workflow of every other one: "${errors.name}"` : ''}):`,
	);
	for (const d of list) {
		out(`  ${d.published ? 'published  ' : 'unpublished'}  ${d.name}`);
		out(`               ${base}/workflow/${d.id}   (${d.file})`);
		if (d.note) out(`               ${d.published ? 'note' : 'why'}: ${d.note}`);
	}
	if (stack.statusPageUrl && stack.demoCredentials) {
		const k = stack.demoCredentials.statusPageKey;
		out('\nSync status page (needs its header; a browser extension that adds headers, or curl):');
		out(`  ${stack.statusPageUrl}`);
		out(`  header  ${k.headerName}: ${k.value}`);
		out(`  curl -s -H '${k.headerName}: ${k.value}' ${stack.statusPageUrl} > status.html && xdg-open status.html`);
	}
	if (stack.hubspotWebhookUrl)
		out(`\nHubSpot webhook (HubSpot deals to AWS Partner Central): ${stack.hubspotWebhookUrl}`);
	if (stack.sims && !real.hubspot) {
		const hs = stack.sims.hubspot.url;
		const acme = await findCompany(hs, 'acme-logistics.example');
		const acmeDeal = await findDeal(hs, 'Acme Logistics');
		const globexDeal = await findDeal(hs, 'Globex');
		const post = (p, body) =>
			`curl -s -X POST ${hs}/__admin/${p} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
		out('\nAct as a sales rep in the HubSpot simulator (watch the executions in the editor):');
		out('  1. A new tagged deal: it becomes a Partner Central opportunity within seconds.');
		out(
			`     ${post('ui/deals/create', {
				properties: {
					dealname: '#AWS Acme Logistics warehouse IoT pilot',
					dealstage: 'qualifiedtobuy',
					pipeline: 'default',
					amount: '60000',
					closedate: '2027-04-30',
					description: 'Sensors in three warehouses stream into AWS IoT to predict forklift maintenance.',
					aws_use_case: 'IOT',
					aws_delivery_models: 'Professional Services',
				},
				associations: acme ? [{ toType: 'companies', toId: acme, primary: true }] : [],
			})}`,
		);
		if (globexDeal)
			out(
				`  2. Fix the Globex deal the sync flagged (its note lists what is missing):\n     ${post(
					`ui/deals/${globexDeal}/update`,
					{
						properties: {
							description: 'Globex wants patient analytics on AWS with EU data residency.',
							aws_delivery_models: 'SaaS or PaaS',
							aws_use_case: 'Healthcare and Life Sciences',
						},
					},
				)}`,
			);
		if (acmeDeal)
			out(
				`  3. Submit the Acme opportunity to AWS (Submit HubSpot deals to AWS):\n     ${post(
					`ui/deals/${acmeDeal}/update`,
					{
						properties: { aws_submit_request: 'true' },
					},
				)}`,
			);
		if (stack.sims && !real.aws) {
			const pc = stack.sims.partnerCentral.url;
			out(
				`  4. AWS answers the review (AWS Partner Central to HubSpot: a task for the rep):\n     curl -s -X POST ${pc}/__admin/opportunities/review -H 'content-type: application/json' -d '{"identifier":"<opportunity id from the deal>","outcome":"Action Required","comments":"Please add the customer AWS account ID."}'`,
			);
		}
		out(`  The referral from Umbrella Retail waits for a decision: set aws_referral_decision to accept on its deal.`);
		out(`  Every admin action: test/simulators/README.md and test/simulators/hubspot/README.md`);
	}
	out(`${line}\nPress Ctrl-C to stop.`);
}

async function findCompany(hs, domain) {
	const r = await hubspotCall(hs, 'POST', '/crm/v3/objects/companies/search', {
		filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: domain }] }],
		limit: 1,
	}).catch(() => undefined);
	return r && r.results && r.results[0] ? r.results[0].id : undefined;
}

async function findDeal(hs, nameContains) {
	const r = await hubspotCall(hs, 'POST', '/crm/v3/objects/deals/search', {
		filterGroups: [
			{
				filters: [
					{
						propertyName: 'dealname',
						operator: 'CONTAINS_TOKEN',
						value: `*${nameContains.split(' ')[0]}*`,
					},
				],
			},
		],
		properties: ['dealname'],
		limit: 10,
	}).catch(() => undefined);
	const hit = r && r.results ? r.results.find((d) => String(d.properties.dealname).includes(nameContains)) : undefined;
	return hit ? hit.id : undefined;
}

main().catch((error) => {
	console.error(error && error.stack ? error.stack : error);
	process.exit(1);
});
