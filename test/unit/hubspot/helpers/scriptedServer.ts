/**
 * A tiny HTTP server answering from a script, for transport tests that need exact sequences (429 then 200, a reset
 * connection, a 500 on a create). It records every request. Not a HubSpot model: the simulator is that.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { createServer } from 'http';
import type { AddressInfo } from 'net';

export interface ScriptedResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	/** Destroy the socket without answering (the client sees ECONNRESET / "other side closed"). */
	reset?: boolean;
}

export interface Received {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: unknown;
	at: number;
}

export type Handler = (req: Received, index: number) => ScriptedResponse;

export interface ScriptedServer {
	url: string;
	received: Received[];
	close(): Promise<void>;
}

export async function startScriptedServer(handler: Handler): Promise<ScriptedServer> {
	const received: Received[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const entry: Received = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, at: Date.now() };
			received.push(entry);
			const answer = handler(entry, received.length - 1);
			if (answer.reset) {
				req.socket.destroy();
				return;
			}
			res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...(answer.headers ?? {}) });
			res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
