#!/usr/bin/env node
/**
 * `npm run bench`: the benchmarks of docs/benchmarks.md on real n8n against the simulators with their quotas on.
 * Not part of `npm test`. Options: see `npm run bench -- --help`.
 */
'use strict';
const path = require('node:path');

require('ts-node').register({
	transpileOnly: true,
	project: path.join(__dirname, '..', '..', 'tsconfig.test.json'),
});

require('./main')
	.main(process.argv.slice(2))
	.then((code) => process.exit(code))
	.catch((error) => {
		console.error(error);
		process.exit(1);
	});
