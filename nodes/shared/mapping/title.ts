/** Deal name <-> Project.Title: the co-sell tag (default `#AWS`) is stripped when sending and added back. */
import { LIMITS } from './tables/constraints';
import { clean, charLength, truncate } from './text';

function tagPattern(tag: string): RegExp {
	const escaped = tag.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
	// The tag as a whole word: "#AWS" matches in "Deal #AWS" and "#aws Deal", not in "#AWSome".
	return new RegExp(`(^|\\s|[\\[(])${escaped}(?=$|\\s|[\\])])`, 'giu');
}

export function hasTag(dealName: string, tag: string): boolean {
	return !!tag && tagPattern(tag).test(dealName);
}

/** The title to send: tag removed, empty brackets and extra spaces dropped. */
export function stripTag(dealName: string, tag: string): string {
	let out = clean(dealName);
	if (tag) out = out.replace(tagPattern(tag), '$1');
	return clean(out.replace(/\(\s*\)|\[\s*\]/gu, '').replace(/\s+([,.;:])/gu, '$1').replace(/^[-–:|\s]+|[-–:|\s]+$/gu, ''));
}

/** A deal name for a title coming from AWS: the tag appended unless already there. */
export function addTag(title: string, tag: string): string {
	const t = clean(title);
	if (!tag || hasTag(t, tag)) return t;
	return t ? `${t} ${tag}` : tag;
}

export interface TitleResult {
	title: string;
	truncated: boolean;
}

export function titleForAws(dealName: string, tag: string): TitleResult {
	const title = stripTag(dealName, tag);
	if (charLength(title) <= LIMITS.title) return { title, truncated: false };
	return { title: truncate(title, LIMITS.title), truncated: true };
}
