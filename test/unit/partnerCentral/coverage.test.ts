import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { AwsPartnerCentral } from '../../../nodes/AwsPartnerCentral/AwsPartnerCentral.node';
import { RESOURCES } from '../../../nodes/AwsPartnerCentral/actions/router';
import { OPERATIONS } from '../../../nodes/shared/partnerCentral/operations';

const ROOT = join(__dirname, '..', '..', '..');
const SDK_COMMANDS = readdirSync(join(ROOT, 'node_modules/@aws-sdk/client-partnercentral-selling/dist-types/commands'))
	.filter((f) => f.endsWith('Command.d.ts'))
	.map((f) => f.replace(/Command\.d\.ts$/, ''))
	.sort();

describe('AWS Partner Central node coverage', () => {
	const covered = Object.values(RESOURCES)
		.flatMap((r) => Object.values(r.sdkOperations))
		.sort();

	it('covers every one of the SDK operations exactly once', () => {
		expect(SDK_COMMANDS).toHaveLength(45);
		expect(covered).toEqual(SDK_COMMANDS);
	});

	it('knows the quota class of every SDK operation', () => {
		expect(Object.keys(OPERATIONS).sort()).toEqual(SDK_COMMANDS);
	});

	it('documents every operation in docs/partner-central-node.md', () => {
		const doc = readFileSync(join(ROOT, 'docs/partner-central-node.md'), 'utf8');
		for (const op of SDK_COMMANDS) expect(doc).toContain(`\`${op}\``);
	});

	it('declares a tool-usable node with a tested credential and paired, sorted, described operations', () => {
		const d = new AwsPartnerCentral().description;
		expect(d.name).toBe('awsPartnerCentral');
		expect(d.usableAsTool).toBe(true);
		expect(d.credentials).toEqual([
			{ name: 'awsPartnerCentralApi', required: true, testedBy: 'awsPartnerCentralApiTest' },
		]);
		expect(Object.keys(new AwsPartnerCentral().methods.credentialTest)).toContain('awsPartnerCentralApiTest');
		const resourceOptions = (d.properties.find((p) => p.name === 'resource')!.options ?? []) as Array<{
			value: string;
		}>;
		expect(resourceOptions.map((o) => o.value)).toContain('eventQueue');
		for (const { value } of resourceOptions) {
			expect(RESOURCES[value]).toBeDefined();
			const selector = d.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
			)!;
			const options = selector.options as Array<{ name: string; action?: string; description?: string }>;
			expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
			for (const o of options) {
				expect(o.action).toBeTruthy();
				expect(o.description).toBeTruthy();
			}
		}
	});
});

describe('node parameters', () => {
	type Prop = {
		name: string;
		displayName?: string;
		type?: string;
		default?: unknown;
		options?: unknown[];
		typeOptions?: { loadOptionsMethod?: string };
		values?: Prop[];
	};
	function walk(props: Prop[], visit: (p: Prop) => void): void {
		for (const p of props) {
			visit(p);
			for (const o of (p.options ?? []) as Prop[]) {
				if (o && typeof o === 'object' && 'displayName' in o && 'type' in o) walk([o], visit);
				if (o && typeof o === 'object' && Array.isArray((o as Prop).values)) walk((o as Prop).values!, visit);
			}
		}
	}

	it('every dropdown defaults to one of its own values', () => {
		const problems: string[] = [];
		walk(new AwsPartnerCentral().description.properties as unknown as Prop[], (p) => {
			if (p.type !== 'options' && p.type !== 'multiOptions') return;
			if (p.typeOptions?.loadOptionsMethod) return;
			const values = ((p.options ?? []) as Array<{ value: unknown }>).map((o) => o.value);
			const defaults = p.type === 'multiOptions' ? (p.default as unknown[]) : [p.default];
			for (const d of defaults) if (!values.includes(d)) problems.push(`${p.name}: ${String(d)}`);
		});
		expect(problems).toEqual([]);
	});

	it('uses the SDK enum values for dropdowns (e.g. all 28 industries, 249 countries)', () => {
		const props: Prop[] = [];
		walk(new AwsPartnerCentral().description.properties as unknown as Prop[], (p) => props.push(p));
		const industry = props.find((p) => p.name === 'industry')!;
		expect(industry.options).toHaveLength(28 + 1); // plus "(Not Set)"
		const country = props.find((p) => p.name === 'countryCode')!;
		expect(country.options).toHaveLength(249 + 1);
	});
});

describe('Event Queue resource (operations written by the event intake)', () => {
	it('is routed: Acknowledge Event runs its own execute', async () => {
		const { createExecuteContext } = await import('./helpers/fakeContext');
		const ctx = createExecuteContext({
			parameters: { resource: 'eventQueue', operation: 'acknowledge', queueUrl: '', receiptHandle: '' },
			credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's' },
			continueOnFail: true,
		});
		const out = await new AwsPartnerCentral().execute.call(ctx);
		expect(out[0]).toEqual([
			{
				json: expect.objectContaining({ error: 'Queue URL and Receipt Handle are required' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(Object.keys(RESOURCES.eventQueue.operations).sort()).toEqual(['acknowledge', 'extendVisibility']);
	});
});
