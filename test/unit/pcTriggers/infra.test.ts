import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { parse, type ScalarTag, type CollectionTag } from 'yaml';

import { RESOURCES } from '../../../nodes/AwsPartnerCentral/actions/router';
import { eventQueueOperations } from '../../../nodes/AwsPartnerCentral/actions/eventQueue';
import { SELLING_OPERATIONS_BY_EVENT } from '../../../nodes/AwsPartnerCentralTrigger/tasks';

/**
 * The CloudFormation templates in infra/: they parse (with CloudFormation's short tags), every Ref / GetAtt / Sub /
 * condition reference resolves, and the n8n role's IAM actions are exactly what the shipped workflows need, with the
 * mapping from a node's resource/operation to the API operation read from the node itself.
 */

const ROOT = join(__dirname, '..', '..', '..');
const INFRA = join(ROOT, 'infra');

type Json = unknown;

// ---------- a CloudFormation-aware YAML loader: short tags become the long (JSON) form ----------
const FN_SCALAR = ['Base64', 'GetAZs', 'ImportValue', 'Sub'];
const FN_SEQ = ['And', 'Equals', 'FindInMap', 'If', 'Join', 'Not', 'Or', 'Select', 'Split', 'Sub', 'Cidr'];
const customTags: Array<ScalarTag | CollectionTag> = [
	{ tag: '!Ref', resolve: (v: string) => ({ Ref: v }) } as ScalarTag,
	{ tag: '!Condition', resolve: (v: string) => ({ Condition: v }) } as ScalarTag,
	{ tag: '!GetAtt', resolve: (v: string) => ({ 'Fn::GetAtt': [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] }) } as ScalarTag,
	{
		tag: '!GetAtt',
		collection: 'seq',
		resolve: (v: { toJSON(): unknown }) => ({ 'Fn::GetAtt': v.toJSON() }),
	} as unknown as CollectionTag,
	...FN_SCALAR.map((name) => ({ tag: `!${name}`, resolve: (v: string) => ({ [`Fn::${name}`]: v }) }) as ScalarTag),
	...FN_SEQ.map(
		(name) =>
			({
				tag: `!${name}`,
				collection: 'seq',
				resolve: (v: { toJSON(): unknown }) => ({ [`Fn::${name}`]: v.toJSON() }),
			}) as unknown as CollectionTag,
	),
];

function loadTemplate(file: string): Record<string, Record<string, Json>> {
	return parse(readFileSync(join(INFRA, file), 'utf8'), { customTags, strict: true }) as Record<
		string,
		Record<string, Json>
	>;
}

const PSEUDO = ['AWS::AccountId', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'AWS::NotificationARNs'];

interface Refs {
	refs: string[];
	getAtts: string[];
	subs: string[];
	conditions: string[];
}

function collect(node: Json, out: Refs = { refs: [], getAtts: [], subs: [], conditions: [] }): Refs {
	if (Array.isArray(node)) {
		node.forEach((n) => collect(n, out));
	} else if (node && typeof node === 'object') {
		for (const [k, v] of Object.entries(node as Record<string, Json>)) {
			if (k === 'Ref' && typeof v === 'string') out.refs.push(v);
			else if (k === 'Fn::GetAtt') out.getAtts.push(String((v as string[])[0]));
			else if (k === 'Fn::Sub') {
				const text = Array.isArray(v) ? String(v[0]) : String(v);
				const vars = Array.isArray(v) ? Object.keys((v[1] as Record<string, Json>) ?? {}) : [];
				for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
					const name = m[1].split('.')[0];
					if (!vars.includes(name)) out.subs.push(m[1]);
				}
				if (Array.isArray(v)) collect(v[1], out);
				continue;
			} else if (k === 'Fn::If') out.conditions.push(String((v as Json[])[0]));
			else if (k === 'Condition' && typeof v === 'string') out.conditions.push(v);
			collect(v, out);
		}
	}
	return out;
}

const templates = readdirSync(INFRA).filter((f) => f.endsWith('.yaml'));

describe('CloudFormation templates (infra/)', () => {
	it('has the role and both event routes', () => {
		expect(templates.sort()).toEqual([
			'partner-central-events-api-destination.yaml',
			'partner-central-events-sqs.yaml',
			'partner-central-n8n-role.yaml',
		]);
	});

	describe.each(templates)('%s', (file) => {
		const t = loadTemplate(file);
		const parameters = Object.keys(t.Parameters ?? {});
		const resources = Object.keys(t.Resources ?? {});
		const conditions = Object.keys(t.Conditions ?? {});

		it('has a description, resources with AWS types, and outputs with values', () => {
			expect(typeof t.AWSTemplateFormatVersion).toBe('string');
			expect(String(t.Description).length).toBeGreaterThan(40);
			for (const r of Object.values(t.Resources)) expect(String((r as { Type: string }).Type)).toMatch(/^AWS::\w+::\w+$/);
			for (const o of Object.values(t.Outputs)) expect((o as { Value?: unknown }).Value).toBeDefined();
		});

		it('resolves every Ref, GetAtt, Sub variable and condition', () => {
			const found = collect({ Resources: t.Resources, Outputs: t.Outputs, Conditions: t.Conditions, Rules: t.Rules });
			for (const ref of found.refs) expect([...parameters, ...resources, ...PSEUDO]).toContain(ref);
			for (const res of found.getAtts) expect(resources).toContain(res);
			for (const sub of found.subs) {
				const [name, attr] = sub.split('.');
				if (attr) expect(resources).toContain(name);
				else expect([...parameters, ...resources, ...PSEUDO]).toContain(name);
			}
			for (const c of found.conditions) expect(conditions).toContain(c);
			for (const r of Object.values(t.Resources) as Array<{ Condition?: string }>) {
				if (r.Condition) expect(conditions).toContain(r.Condition);
			}
		});

		it('uses every parameter and condition it declares', () => {
			const found = collect({ Resources: t.Resources, Outputs: t.Outputs, Conditions: t.Conditions, Rules: t.Rules });
			const used = new Set([...found.refs, ...found.subs.map((s) => s.split('.')[0])]);
			for (const p of parameters) expect({ parameter: p, used: used.has(p) }).toEqual({ parameter: p, used: true });
			for (const c of conditions) expect(found.conditions).toContain(c);
		});

		it('documents every parameter and output in docs/events.md', () => {
			const doc = readFileSync(join(ROOT, 'docs/events.md'), 'utf8');
			expect(doc).toContain(file);
			for (const name of [...parameters, ...Object.keys(t.Outputs)]) expect(doc).toContain(`\`${name}\``);
		});
	});

	it('event routes: default bus, us-east-1 only, source + catalog filter, a dead-letter queue for the target', () => {
		for (const file of ['partner-central-events-sqs.yaml', 'partner-central-events-api-destination.yaml']) {
			const t = loadTemplate(file);
			const text = JSON.stringify(t.Rules);
			expect(text).toContain('AWS::Region');
			expect(text).toContain('us-east-1');
			const rule = Object.values(t.Resources).find((r) => (r as { Type: string }).Type === 'AWS::Events::Rule') as {
				Properties: { EventBusName: string; EventPattern: Json; Targets: Array<{ DeadLetterConfig?: Json; RetryPolicy?: Json }> };
			};
			expect(rule.Properties.EventBusName).toBe('default');
			const patterns = (rule.Properties.EventPattern as { 'Fn::If': Json[] })['Fn::If'].slice(1) as Array<{
				source: string[];
				detail: { catalog: Json[] };
			}>;
			for (const p of patterns) {
				expect(p.source).toEqual(['aws.partnercentral-selling']);
				expect(p.detail.catalog).toEqual([{ Ref: 'Catalog' }]);
			}
			for (const target of rule.Properties.Targets) {
				expect(target.DeadLetterConfig).toBeDefined();
				expect(target.RetryPolicy).toBeDefined();
			}
		}
		const sqs = loadTemplate('partner-central-events-sqs.yaml');
		const queue = (sqs.Resources.EventQueue as { Properties: { RedrivePolicy: Record<string, Json> } }).Properties;
		expect(queue.RedrivePolicy.maxReceiveCount).toEqual({ Ref: 'MaxReceiveCount' });
		const api = loadTemplate('partner-central-events-api-destination.yaml');
		expect(JSON.stringify(api.Resources.N8nConnection)).toContain('ApiKeyAuthParameters');
	});

	describe('the n8n role', () => {
		const t = loadTemplate('partner-central-n8n-role.yaml');
		const role = t.Resources.N8nPartnerCentralRole as {
			Properties: { AssumeRolePolicyDocument: { Statement: Array<{ Condition: Json }> }; Policies: Json[] };
		};
		const statements = (policyName: string) => {
			const policy = role.Properties.Policies.map((p) =>
				p && typeof p === 'object' && 'Fn::If' in (p as object) ? (p as { 'Fn::If': Json[] })['Fn::If'][1] : p,
			).find((p) => (p as { PolicyName: string }).PolicyName === policyName) as {
				PolicyDocument: { Statement: Array<{ Action: string[] | string; Condition?: Json }> };
			};
			return policy.PolicyDocument.Statement;
		};
		const actionsOf = (policyName: string) =>
			new Set(statements(policyName).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

		it('requires the External ID and limits Partner Central actions by catalog', () => {
			expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition)).toContain('sts:ExternalId');
			// Tag operations carry no Catalog (they take a resource ARN), so a catalog condition would deny them.
			const TAG_ACTIONS = ['partnercentral:TagResource', 'partnercentral:UntagResource', 'partnercentral:ListTagsForResource'];
			for (const s of statements('PartnerCentralTemplates')) {
				const actions = ([] as string[]).concat(s.Action as string | string[]);
				if (actions.every((a) => TAG_ACTIONS.includes(a))) {
					expect(s.Condition).toBeUndefined();
					continue;
				}
				expect(actions.some((a) => TAG_ACTIONS.includes(a))).toBe(false);
				expect(JSON.stringify(s.Condition)).toContain('partnercentral:Catalog');
			}
		});

		/** Operations the shipped workflows use, read through the nodes' own descriptions. */
		function operationsOfShippedWorkflows(): { selling: Set<string>; sqs: Set<string>; unknown: string[] } {
			const selling = new Set<string>(['ListSolutions']); // the credential's Test button
			const sqs = new Set<string>();
			const unknown: string[] = [];
			const workflowsDir = join(ROOT, 'workflows');
			for (const f of readdirSync(workflowsDir).filter((x) => x.endsWith('.json'))) {
				const wf = JSON.parse(readFileSync(join(workflowsDir, f), 'utf8')) as {
					nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
				};
				for (const n of wf.nodes) {
					const p = n.parameters ?? {};
					if (n.type === 'n8n-nodes-aws-partner-central.awsPartnerCentral') {
						const resource = String(p.resource);
						const operation = String(p.operation);
						if (resource === 'eventQueue') {
							const op = eventQueueOperations[operation as keyof typeof eventQueueOperations];
							if (op) sqs.add(op.sqsAction.replace(/^sqs:/, ''));
							else unknown.push(`${f}: eventQueue/${operation}`);
							continue;
						}
						const sdk = RESOURCES[resource]?.sdkOperations[operation];
						if (sdk) selling.add(sdk);
						else unknown.push(`${f}: ${resource}/${operation}`);
					} else if (n.type === 'n8n-nodes-aws-partner-central.awsPartnerCentralTrigger') {
						for (const e of (p.events as string[] | undefined) ?? ['opportunityChanged', 'invitationCreated']) {
							const ops = SELLING_OPERATIONS_BY_EVENT[e];
							if (ops) ops.forEach((o) => selling.add(o));
							else unknown.push(`${f}: trigger event ${e}`);
						}
					} else if (n.type === 'n8n-nodes-aws-partner-central.awsPartnerCentralEventTrigger') {
						if ((p.mode ?? 'sqs') === 'sqs') sqs.add('ReceiveMessage');
					}
				}
			}
			// Calls an operation makes besides its own: task waiting (Start X Task -> List X Tasks) and the
			// get-merge-update of UpdateOpportunity; and the steps AWS runs inside the two orchestrating tasks.
			const companions: Record<string, string[]> = {
				UpdateOpportunity: ['GetOpportunity'],
				StartEngagementByAcceptingInvitationTask: ['ListEngagementByAcceptingInvitationTasks', 'AcceptEngagementInvitation'],
				StartEngagementFromOpportunityTask: [
					'ListEngagementFromOpportunityTasks',
					'GetOpportunity',
					'CreateEngagement',
					'CreateResourceSnapshot',
					'CreateResourceSnapshotJob',
					'CreateEngagementInvitation',
					'SubmitOpportunity',
				],
				StartOpportunityFromEngagementTask: ['ListOpportunityFromEngagementTasks'],
			};
			for (const op of [...selling]) for (const c of companions[op] ?? []) selling.add(c);
			return { selling, sqs, unknown };
		}

		it('TemplatesOnly grants exactly the Partner Central operations the shipped workflows and triggers use', () => {
			const { selling, unknown } = operationsOfShippedWorkflows();
			expect(unknown).toEqual([]);
			expect(selling.size).toBeGreaterThan(5); // the templates exist and use the node
			const granted = [...actionsOf('PartnerCentralTemplates')].map((a) => a.replace(/^partnercentral:/, '')).sort();
			expect(granted).toEqual([...selling].sort());
		});

		it('AllOperations grants every Selling API operation of the SDK, with the IAM prefix partnercentral', () => {
			const commands = readdirSync(join(ROOT, 'node_modules/@aws-sdk/client-partnercentral-selling/dist-types/commands'))
				.filter((f) => f.endsWith('Command.d.ts'))
				.map((f) => `partnercentral:${f.replace(/Command\.d\.ts$/, '')}`)
				.sort();
			expect(commands).toHaveLength(45);
			expect([...actionsOf('PartnerCentralAllOperations')].sort()).toEqual(commands);
		});

		it('grants the SQS actions the event trigger and the Event Queue operations use, on the given queue only', () => {
			const { sqs } = operationsOfShippedWorkflows();
			const all = new Set([
				'ReceiveMessage',
				...Object.values(eventQueueOperations).map((o) => o.sqsAction.replace(/^sqs:/, '')),
				...sqs,
			]);
			const granted = actionsOf('PartnerCentralEventQueue');
			for (const action of all) expect(granted).toContain(`sqs:${action}`);
			const [statement] = statements('PartnerCentralEventQueue') as Array<{ Resource?: Json }>;
			expect(statement.Resource).toEqual({ Ref: 'EventQueueArn' });
		});
	});
});
