/**
 * The README's generated sections, rendered from the same tables the code uses (mapping tables through
 * docs/mapping.md's renderer, the field-ownership table). scripts/generate-readme.ts writes them between
 * `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers; test/unit/docs/readme.test.ts fails when the
 * README is out of date.
 */
import { FIELD_OWNERSHIP } from '../nodes/shared/sync/fieldOwnership';
import { renderMappingDocs } from './mappingDocs';

const OWNER_LABEL = {
	hubspot: 'HubSpot',
	partnerCentral: 'Partner Central',
	shared: 'Both, per field: changed on one side since the last sync → goes to the other; changed on both → the later change (Settings can say HubSpot wins or Partner Central wins)',
} as const;

function sectionOf(markdown: string, heading: string): string {
	const lines = markdown.split('\n');
	const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
	if (start < 0) throw new Error(`docs/mapping.md has no section "${heading}"`);
	const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
	return lines
		.slice(start + 1, end < 0 ? undefined : end)
		.join('\n')
		.trim();
}

export function renderFieldOwnership(): string {
	const rows = FIELD_OWNERSHIP.map(
		(f) => `| \`${f.partnerCentral}\` | ${f.hubspot} | ${OWNER_LABEL[f.owner]} |`,
	);
	return ['| Partner Central field | HubSpot | Owner |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderMappingSummary(): string {
	const docs = renderMappingDocs();
	const parts: string[] = [];
	for (const [heading, title] of [
		['Fields: HubSpot → Partner Central', 'HubSpot → Partner Central'],
		['Fields: Partner Central → HubSpot', 'Partner Central → HubSpot'],
		['Stages (default pipeline)', 'Stages (default pipeline)'],
		['Money', 'Money'],
		['Defaults and per-deal overrides', 'Defaults and per-deal overrides'],
	]) {
		parts.push(`#### ${title}\n\n${sectionOf(docs, heading)}`);
	}
	parts.push(
		'Industries (all 148 HubSpot options), countries (249 codes and aliases), US states, closed-lost reasons and ' +
			'limits: [docs/mapping.md](docs/mapping.md).',
	);
	return parts.join('\n\n');
}

export const README_SECTIONS: Record<string, () => string> = {
	'field-ownership': renderFieldOwnership,
	'mapping-summary': renderMappingSummary,
};

export function applySections(readme: string): string {
	let out = readme;
	for (const [name, render] of Object.entries(README_SECTIONS)) {
		const open = `<!-- generated:${name} -->`;
		const close = `<!-- /generated:${name} -->`;
		const a = out.indexOf(open);
		const b = out.indexOf(close);
		if (a < 0 || b < a) throw new Error(`README.md lacks the markers for ${name}`);
		out = `${out.slice(0, a + open.length)}\n${render()}\n${out.slice(b)}`;
	}
	return out;
}
