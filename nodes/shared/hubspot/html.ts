/**
 * Note and task bodies are rendered by HubSpot as HTML. Text from AWS or users is escaped, then line breaks become
 * paragraphs and <br>, so a person reads what was written and nothing is interpreted as markup.
 */

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Plain text to safe HTML: blank lines separate paragraphs, single newlines become <br>. */
export function textToHtml(text: string): string {
	const normalized = text.replace(/\r\n?/g, '\n').trim();
	if (!normalized) return '';
	return normalized
		.split(/\n{2,}/)
		.map((para) => `<p>${para.split('\n').map(escapeHtml).join('<br>')}</p>`)
		.join('');
}
