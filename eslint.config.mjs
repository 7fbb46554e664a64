// n8n's community-node lint rules (self-hosted variant), all on, with one exception below.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.n8n/**'],
	},
	{
		files: ['package.json'],
		rules: {
			// Disabled on purpose: this package ships the official AWS SDK v3 clients
			// (@aws-sdk/client-partnercentral-selling, -sts, -sqs) for SigV4 signing, retries and the AWS
			// credential chain (instance roles, IRSA), plus libphonenumber-js for E.164 phone numbers.
			// Runtime dependencies make the package self-hosted only (n8n Cloud and verification forbid them);
			// the README says so. Every other community-node rule stays on.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// Tests, simulators, benchmarks and scripts are not node code: they run under jest/node, print to the
		// console and use timers. The node-only rules (paired items, continueOnFail, ...) do not apply there.
		files: ['test/**/*.ts', 'test/**/*.js', 'scripts/**/*.ts'],
		rules: {
			'no-console': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/missing-paired-item': 'off',
			'@n8n/community-nodes/require-continue-on-fail': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
		},
	},
];
