/** Small node:http helpers shared by the simulators (test infrastructure only). */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export function readBody(req: IncomingMessage, limitBytes = 10 * 1024 * 1024): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > limitBytes) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
	contentType = 'application/json',
): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** Writes the body in small chunks spread over `totalMs` real milliseconds (fault: slow body). */
export async function sendSlowly(res: ServerResponse, status: number, text: string, headers: Record<string, string>, totalMs: number): Promise<void> {
	const buf = Buffer.from(text);
	res.writeHead(status, { ...headers, 'content-length': buf.length });
	const parts = 5;
	const size = Math.ceil(buf.length / parts) || 1;
	for (let i = 0; i < buf.length; i += size) {
		res.write(buf.subarray(i, i + size));
		await new Promise((r) => setTimeout(r, totalMs / parts));
	}
	res.end();
}

export function parseJsonBody(raw: Buffer): unknown {
	if (raw.length === 0) return {};
	return JSON.parse(raw.toString('utf8'));
}

export function listen(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

export function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections?.();
	});
}

let counter = 0;
export function requestId(): string {
	counter += 1;
	const hex = (Date.now().toString(16) + counter.toString(16).padStart(8, '0')).padStart(32, '0').slice(-32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Random lowercase alphanumerics (ids like eng-xxxxxxxxxxxxxx). */
export function randomId(length: number): string {
	const chars = '0123456789abcdefghijklmnopqrstuvwxyz';
	let out = '';
	for (let i = 0; i < length; i++) out += chars[Math.floor(Math.random() * chars.length)];
	return out;
}
