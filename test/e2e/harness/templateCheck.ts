/**
 * Checks a workflow template against the rules for shipped templates and against the node types a real n8n loaded:
 * no credential ids or instance data, a Settings node, sticky notes, only this package's and n8n's core nodes, and
 * every resource/operation value and parameter name known to the node type.
 */
import type { WorkflowJson } from './n8nApi';
import { PACKAGE_NAME } from './packageInstall';

export interface NodeTypeDescription {
	name: string;
	version: number | number[];
	properties?: Array<{
		name: string;
		options?: Array<{ value?: unknown; name?: string }>;
		displayOptions?: unknown;
	}>;
	credentials?: Array<{ name: string }>;
}

/** The fixed ids templates ship with: `awspc` and eleven letters or digits (n8n ids are 16 characters). */
export const SHIPPED_ID = /^awspc[A-Za-z0-9]{11}$/;

/** workflows/error-handling.json's id: every other template names it as its error workflow. */
export const ERROR_WORKFLOW_ID = 'awspcSyncErrors1';

export function staticTemplateProblems(wf: WorkflowJson): string[] {
	const problems: string[] = [];
	const raw = JSON.stringify(wf);
	if ((wf.meta as { instanceId?: string } | undefined)?.instanceId)
		problems.push('meta.instanceId is set (instance data)');
	// Templates ship fixed ids of their own (so a CLI import wires the error workflow and sub-workflows by id);
	// anything else there is one instance's id.
	if (wf.id !== undefined && !SHIPPED_ID.test(String(wf.id)))
		problems.push(`top-level id ${String(wf.id)} is not a shipped template id (instance data)`);
	const errorWorkflow = (wf.settings as { errorWorkflow?: unknown } | undefined)?.errorWorkflow;
	if (errorWorkflow !== undefined && !SHIPPED_ID.test(String(errorWorkflow)))
		problems.push(`settings.errorWorkflow ${String(errorWorkflow)} is not a shipped template id (instance data)`);
	if (wf.id !== ERROR_WORKFLOW_ID && errorWorkflow !== ERROR_WORKFLOW_ID)
		problems.push(`settings.errorWorkflow must name the error-handling template (${ERROR_WORKFLOW_ID})`);
	if (wf.versionId !== undefined) problems.push('versionId is set (instance data)');
	if (wf.pinData && Object.keys(wf.pinData as object).length) problems.push('pinData is not empty');
	if (/"credentials"\s*:/.test(raw)) problems.push('a node carries credentials (ids or names of one instance)');
	const names = new Set<string>();
	for (const n of wf.nodes) {
		if (names.has(n.name)) problems.push(`duplicate node name ${n.name}`);
		names.add(n.name);
		if (!n.type.startsWith(`${PACKAGE_NAME}.`) && !n.type.startsWith('n8n-nodes-base.'))
			problems.push(`${n.name}: type ${n.type} is neither this package's nor an n8n core node`);
	}
	const settings = wf.nodes.filter((n) => n.name === 'Settings');
	if (settings.length !== 1) problems.push('there must be exactly one node named "Settings"');
	else if (settings[0].type !== 'n8n-nodes-base.set') problems.push('Settings must be an Edit Fields (Set) node');
	if (!wf.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote' && /setup/i.test(String(n.parameters.content))))
		problems.push('no sticky note with the setup steps');
	for (const [from, conn] of Object.entries(wf.connections)) {
		if (!names.has(from)) problems.push(`connection from unknown node ${from}`);
		for (const outs of (conn as { main: Array<Array<{ node: string }>> }).main ?? [])
			for (const c of outs ?? []) if (!names.has(c.node)) problems.push(`connection to unknown node ${c.node}`);
	}
	return problems;
}

/** Problems of the template's nodes against the loaded node types; node types not loaded are listed separately. */
export function nodeTypeProblems(
	wf: WorkflowJson,
	types: NodeTypeDescription[],
): { problems: string[]; missingTypes: string[] } {
	const problems: string[] = [];
	const missingTypes = new Set<string>();
	for (const n of wf.nodes) {
		const candidates = types.filter((t) => t.name === n.type);
		if (!candidates.length) {
			missingTypes.add(n.type);
			continue;
		}
		const type = candidates.find((t) => ([] as number[]).concat(t.version).includes(n.typeVersion));
		if (!type) {
			problems.push(`${n.name}: ${n.type} has no version ${n.typeVersion}`);
			continue;
		}
		const props = type.properties ?? [];
		const known = new Set(props.map((p) => p.name));
		for (const key of Object.keys(n.parameters)) {
			if (!known.has(key)) problems.push(`${n.name}: parameter "${key}" is unknown to ${n.type}`);
		}
		for (const sel of ['resource', 'operation']) {
			const value = n.parameters[sel];
			if (value === undefined) continue;
			const allowed = props.filter((p) => p.name === sel).flatMap((p) => (p.options ?? []).map((o) => o.value));
			if (!allowed.includes(value))
				problems.push(
					`${n.name}: ${sel} "${String(value)}" is not offered by ${n.type} (offers ${allowed.join(', ')})`,
				);
		}
	}
	return { problems, missingTypes: [...missingTypes] };
}
