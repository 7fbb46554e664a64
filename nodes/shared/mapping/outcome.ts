/** The common result part of every mapper operation: validity, problems, the ready note, fingerprints. */
import type { Fingerprints } from './fingerprints';
import { renderNote, renderProblemsText, summarizeProblems, type Problem } from './problems';

export interface MappingOutcome {
	valid: boolean;
	problems: Problem[];
	errors: Problem[];
	warnings: Problem[];
	/** Ready-made HubSpot note body (HTML) when there is something to tell the rep; '' otherwise. */
	noteBody: string;
	/** The same as plain text. */
	noteText: string;
	/** One line for `aws_last_error`. */
	summary: string;
	fingerprints: Fingerprints;
}

export function outcome(title: string, problems: Problem[], fingerprints: Fingerprints): MappingOutcome {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	return {
		valid: errors.length === 0,
		problems,
		errors,
		warnings,
		noteBody: problems.length ? renderNote(errors.length ? title : 'Remarks from the AWS Partner Central sync', problems) : '',
		noteText: renderProblemsText(problems),
		summary: summarizeProblems(problems),
		fingerprints,
	};
}
