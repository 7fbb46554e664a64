/**
 * Problems found while mapping or validating, in words a sales rep understands, with the field they concern on
 * both sides. Errors send the item to the Invalid output; warnings travel with Valid items. `renderNote` turns a
 * list into a HubSpot note body.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
	severity: Severity;
	/** Partner Central field path (request shape), e.g. `Customer.Account.WebsiteUrl`. */
	field: string;
	/** Where to fix it in HubSpot, e.g. `company.website` or `deal.aws_delivery_models`. */
	hubspotField?: string;
	/** What is wrong and what to do, in plain words. */
	message: string;
	/** Stable machine code, e.g. `missing`, `too_short`, `invalid_value`. */
	code: string;
}

export class ProblemList {
	readonly items: Problem[] = [];

	error(field: string, code: string, message: string, hubspotField?: string): void {
		this.items.push({ severity: 'error', field, code, message, ...(hubspotField ? { hubspotField } : {}) });
	}

	warn(field: string, code: string, message: string, hubspotField?: string): void {
		this.items.push({ severity: 'warning', field, code, message, ...(hubspotField ? { hubspotField } : {}) });
	}

	add(problems: Problem[]): void {
		this.items.push(...problems);
	}

	get errors(): Problem[] {
		return this.items.filter((p) => p.severity === 'error');
	}

	get warnings(): Problem[] {
		return this.items.filter((p) => p.severity === 'warning');
	}

	hasErrors(): boolean {
		return this.items.some((p) => p.severity === 'error');
	}
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function where(p: Problem): string {
	return p.hubspotField ? `${p.hubspotField} → ${p.field}` : p.field;
}

/** One line per problem, for logs and plain-text notes. */
export function renderProblemsText(problems: Problem[]): string {
	return problems
		.map((p) => `${p.severity === 'error' ? 'Fix' : 'Note'}: ${p.message} (${where(p)})`)
		.join('\n');
}

/**
 * A HubSpot note body (HubSpot renders simple HTML in `hs_note_body`): a heading that says what did not happen,
 * the errors to fix, then the warnings.
 */
export function renderNote(title: string, problems: Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const list = (items: Problem[]) =>
		`<ul>${items
			.map((p) => `<li>${escapeHtml(p.message)} <small>(${escapeHtml(where(p))})</small></li>`)
			.join('')}</ul>`;
	const parts = [`<p><strong>${escapeHtml(title)}</strong></p>`];
	if (errors.length) {
		parts.push(`<p>Please fix ${errors.length === 1 ? 'this' : `these ${errors.length} things`}:</p>`, list(errors));
	}
	if (warnings.length) parts.push('<p>Also worth checking:</p>', list(warnings));
	return parts.join('');
}

/** A one-line summary, for a HubSpot text property such as `aws_last_error`. */
export function summarizeProblems(problems: Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	if (!errors.length) return '';
	const first = errors[0].message;
	return errors.length === 1 ? first : `${first} (and ${errors.length - 1} more)`;
}
