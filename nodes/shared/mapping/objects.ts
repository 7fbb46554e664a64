/** Plain-object helpers for request-shaped data (paths like `Customer.Account.WebsiteUrl`). */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function deepClone<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isEmpty(v: unknown): boolean {
	if (v === undefined || v === null || v === '') return true;
	if (Array.isArray(v)) return v.length === 0;
	if (isPlainObject(v)) return Object.values(v).every(isEmpty);
	return false;
}

/** Value at a path; through arrays, the first member that has it. */
export function valueAt(obj: unknown, path: string): unknown {
	const [head, ...rest] = path.split('.');
	if (Array.isArray(obj)) {
		for (const item of obj) {
			const v = valueAt(item, path);
			if (!isEmpty(v)) return v;
		}
		return undefined;
	}
	if (!isPlainObject(obj)) return undefined;
	const next = obj[head];
	return rest.length ? valueAt(next, rest.join('.')) : next;
}

export function setAt(obj: Record<string, unknown>, path: string, value: unknown): void {
	const parts = path.split('.');
	let cur = obj;
	for (const part of parts.slice(0, -1)) {
		if (!isPlainObject(cur[part])) {
			if (value === undefined) return;
			cur[part] = {};
		}
		cur = cur[part] as Record<string, unknown>;
	}
	const last = parts[parts.length - 1];
	if (value === undefined) delete cur[last];
	else cur[last] = value;
}

/** Leaf paths of an object (arrays and scalars are leaves). */
export function leafPaths(obj: unknown, prefix = ''): string[] {
	if (!isPlainObject(obj)) return prefix ? [prefix] : [];
	return Object.keys(obj).flatMap((k) => leafPaths(obj[k], prefix ? `${prefix}.${k}` : k));
}

/**
 * Put the `from` value of a path (as reported by changedPaths, array indexes dropped) back into `into`: when the
 * path runs through an array the whole array is restored.
 */
export function restorePath(into: Record<string, unknown>, from: Record<string, unknown>, path: string): void {
	const parts = path.split('.');
	let prefix = '';
	for (const part of parts) {
		prefix = prefix ? `${prefix}.${part}` : part;
		const a = valueAt(from, prefix);
		const b = valueAt(into, prefix);
		if (a === undefined && b === undefined) return;
		if (Array.isArray(a) || Array.isArray(b) || prefix === path) {
			setAt(into, prefix, deepClone(a));
			return;
		}
	}
}
