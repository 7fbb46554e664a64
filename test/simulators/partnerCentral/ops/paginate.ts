/**
 * Stable NextToken pagination: the first page captures the ordered list of ids matching the filters; later pages
 * walk that captured list (fetching each record fresh), so records changing between pages are neither skipped nor
 * repeated. Tokens are opaque base64url strings.
 */
import { randomId } from '../../common/http';
import { validationError } from '../errors';
import type { Json } from '../state';

interface Cursor {
	ids: string[];
	createdAt: number;
}

const cursors = new Map<string, Cursor>();

export function paginate<T>(
	input: Json,
	listName: string,
	compute: () => { id: string; item: T }[],
	fetch: (id: string) => T | undefined,
	defaultMax: number,
): { items: T[]; NextToken?: string } {
	const max = (input.MaxResults as number | undefined) ?? defaultMax;
	let ids: string[];
	let offset = 0;
	let cursorId: string;
	const token = input.NextToken as string | undefined;
	if (token) {
		let parsed: { c?: string; o?: number; l?: string } = {};
		try {
			parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof parsed;
		} catch {
			parsed = {};
		}
		const cursor = parsed.c ? cursors.get(parsed.c) : undefined;
		if (!cursor || parsed.l !== listName || typeof parsed.o !== 'number') {
			throw validationError('REQUEST_VALIDATION_FAILED', [{ FieldName: 'NextToken', Message: 'The NextToken is invalid or expired.', Code: 'INVALID_VALUE' }]);
		}
		ids = cursor.ids;
		offset = parsed.o;
		cursorId = parsed.c!;
	} else {
		ids = compute().map((x) => x.id);
		cursorId = randomId(16);
		cursors.set(cursorId, { ids, createdAt: Date.now() });
		if (cursors.size > 2000) cursors.delete(cursors.keys().next().value as string);
	}
	const items: T[] = [];
	let i = offset;
	for (; i < ids.length && items.length < max; i++) {
		const item = fetch(ids[i]);
		if (item !== undefined) items.push(item);
	}
	const NextToken = i < ids.length ? Buffer.from(JSON.stringify({ c: cursorId, o: i, l: listName })).toString('base64url') : undefined;
	return { items, NextToken };
}

export function sortBy<T>(items: T[], key: (t: T) => string | number | undefined, order: string | undefined, tie: (t: T) => string): T[] {
	const dir = order === 'ASCENDING' ? 1 : -1;
	return [...items].sort((a, b) => {
		const ka = key(a) ?? '';
		const kb = key(b) ?? '';
		if (ka < kb) return -dir;
		if (ka > kb) return dir;
		return tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0;
	});
}

export function inList(filter: unknown, value: string | undefined): boolean {
	if (!Array.isArray(filter) || filter.length === 0) return true;
	return value !== undefined && filter.includes(value);
}

export function ts(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	return typeof value === 'number' ? value * 1000 : Date.parse(String(value));
}
