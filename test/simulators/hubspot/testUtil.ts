/** Test helpers for the HubSpot simulator tests: start a simulator and call it with plain fetch. */
import { startHubSpotSimulator, type HubSpotSimulator } from './index';

/** Response bodies are free-form JSON in these tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Res<T = Json> {
	status: number;
	body: T;
	headers: Headers;
}

export async function call<T = Json>(sim: HubSpotSimulator, method: string, path: string, body?: unknown, token: string | null = sim.token): Promise<Res<T>> {
	const headers: Record<string, string> = {};
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(`${sim.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

export async function startForTest(opts: Parameters<typeof startHubSpotSimulator>[0] = {}): Promise<HubSpotSimulator> {
	return startHubSpotSimulator({ port: 0, rateLimitPer10s: 100_000, searchPerSecond: 100_000, ...opts });
}
