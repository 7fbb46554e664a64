import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/**
 * A tiny AWS JSON 1.0 endpoint for unit tests of the transport's own behaviour (retries, pacing, error rendering,
 * pagination) with scripted answers. The full Partner Central behaviour is tested against the simulator.
 */
export interface Reply {
	status?: number;
	body?: unknown;
	/** Close the socket without answering (network failure). */
	drop?: boolean;
	/** Answer with this XML instead of JSON (AWS query protocol, e.g. STS). */
	xml?: string;
}

export interface LoggedRequest {
	operation: string;
	body: Record<string, unknown>;
	at: number;
	headers: IncomingMessage['headers'];
}

export type Handler = (operation: string, body: Record<string, unknown>, n: number) => Reply | Promise<Reply>;

export interface AwsJsonServer {
	url: string;
	requests: LoggedRequest[];
	setHandler(handler: Handler): void;
	close(): Promise<void>;
}

export function awsError(name: string, message: string, extra: Record<string, unknown> = {}, status = 400): Reply {
	return { status, body: { __type: name, message, ...extra } };
}

export async function startAwsJsonServer(handler: Handler): Promise<AwsJsonServer> {
	let current = handler;
	const requests: LoggedRequest[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		let raw = '';
		req.on('data', (d: Buffer) => (raw += d.toString()));
		req.on('end', async () => {
			const target = String(req.headers['x-amz-target'] ?? '');
			const isQuery = !target && String(req.headers['content-type']).includes('x-www-form-urlencoded');
			const body: Record<string, unknown> = isQuery
				? Object.fromEntries(new URLSearchParams(raw))
				: raw
					? (JSON.parse(raw) as Record<string, unknown>)
					: {};
			const operation = isQuery ? String(body.Action) : (target.split('.').pop() ?? '');
			requests.push({ operation, body, at: Date.now(), headers: req.headers });
			const n = requests.filter((r) => r.operation === operation).length;
			const reply = await current(operation, body, n);
			if (reply.drop) {
				req.socket.destroy();
				return;
			}
			if (reply.xml !== undefined) {
				res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml' });
				res.end(reply.xml);
				return;
			}
			res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.0' });
			res.end(JSON.stringify(reply.body ?? {}));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setHandler: (h) => (current = h),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

/** An STS AssumeRole answer (query protocol XML). */
export function assumeRoleXml(n: number, expiration: Date): string {
	return (
		'<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
		`<AccessKeyId>ASIATESTSESSION${String(n).padStart(5, '0')}</AccessKeyId>` +
		`<SecretAccessKey>session-secret-${n}</SecretAccessKey><SessionToken>session-token-${n}</SessionToken>` +
		`<Expiration>${expiration.toISOString()}</Expiration></Credentials>` +
		'<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/pc/n8n</Arn><AssumedRoleId>AROA:n8n</AssumedRoleId>' +
		'</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>' +
		'</AssumeRoleResponse>'
	);
}
