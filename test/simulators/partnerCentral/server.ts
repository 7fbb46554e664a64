/** HTTP front of the Partner Central simulator: AWS JSON 1.0 + SigV4, STS (awsQuery), and /__admin/. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, requestId, sendJson, sendSlowly } from '../common/http';
import { verifySigV4 } from '../common/sigv4';
import { handleAdmin } from './admin';
import { PcError, validationError } from './errors';
import { HANDLERS } from './operations';
import type { PcSim } from './sim';
import type { Json } from './state';
import { handleSts, isStsRequest } from './sts';
import { isKnownOperation, validateRequest } from './validation';

const TARGET_PREFIX = 'AWSPartnerCentralSelling.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

export function createRequestListener(sim: PcSim) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		void handle(sim, req, res).catch((err: unknown) => {
			if (!res.headersSent) sendJson(res, 500, { __type: 'InternalServerException', message: String((err as Error)?.message ?? err) }, {}, CONTENT_TYPE);
		});
	};
}

async function handle(sim: PcSim, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const body = await readBody(req);
	await sim.scheduler.tick();
	const url = req.url ?? '/';
	if (url.startsWith('/__admin')) {
		await handleAdmin(sim, req, res, body);
		return;
	}
	const started = Date.now();
	if (isStsRequest(req, body)) {
		const op = handleSts(sim, req, res, body);
		sim.log({ operation: op, status: res.statusCode, validation: 'skipped', durationMs: Date.now() - started });
		return;
	}
	const target = String(req.headers['x-amz-target'] ?? '');
	const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
	let validation: 'ok' | 'failed' | 'skipped' = 'skipped';
	let validationErrors: unknown[] | undefined;
	let accessKeyId: string | undefined;
	let catalog: string | undefined;
	let fired: string[] = [];
	const rid = requestId();
	const finish = (status: number, payload: unknown, errorType?: string, slowMs?: number) => {
		const headers = { 'x-amzn-requestid': rid };
		sim.log({ operation: operation || '(none)', accessKeyId, catalog, status, errorType, validation, validationErrors, faults: fired.length ? fired : undefined, durationMs: Date.now() - started });
		if (slowMs) return sendSlowly(res, status, JSON.stringify(payload), { ...headers, 'content-type': CONTENT_TYPE }, slowMs);
		sendJson(res, status, payload, headers, CONTENT_TYPE);
		return undefined;
	};
	try {
		if (req.method !== 'POST' || url.split('?')[0] !== '/') throw new PcError('UnknownOperationException', `Unsupported request ${req.method} ${url}`);
		if (!isKnownOperation(operation) || !HANDLERS[operation]) throw new PcError('UnknownOperationException', `Unknown operation ${target}`);
		// SigV4: unknown key -> UnrecognizedClientException, bad signature -> InvalidSignatureException.
		const verdict = verifySigV4({ method: req.method, url, headers: req.headers, body }, (id) => sim.keys[id]?.secretAccessKey);
		if (!verdict.ok) {
			const type = verdict.code === 'UnrecognizedClient' ? 'UnrecognizedClientException' : verdict.code === 'InvalidSignature' ? 'InvalidSignatureException' : verdict.code === 'MissingAuthenticationToken' ? 'MissingAuthenticationTokenException' : 'IncompleteSignatureException';
			accessKeyId = verdict.auth?.accessKeyId;
			throw new PcError(type, verdict.message);
		}
		accessKeyId = verdict.auth.accessKeyId;
		const key = sim.keys[accessKeyId];
		if (key.sessionToken !== undefined) {
			if (verdict.sessionToken !== key.sessionToken) throw new PcError('UnrecognizedClientException', 'The security token included in the request is invalid.');
			if (key.expiresAt !== undefined && sim.now() >= key.expiresAt) throw new PcError('ExpiredTokenException', 'The security token included in the request is expired');
		}
		if (key.denied) {
			throw new PcError('AccessDeniedException', `User ${accessKeyId} is not authorized to perform: partnercentral:${operation}`, {}, 403);
		}
		const fault = sim.faults.decide(operation);
		fired = fault.fired;
		if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
		if (fault.reset) {
			sim.log({ operation, accessKeyId, status: 0, errorType: 'ConnectionReset', validation, faults: fired, durationMs: Date.now() - started });
			req.socket.destroy();
			return;
		}
		if (fault.error === 'internal') throw new PcError('InternalServerException', 'An internal error occurred (injected fault).', {}, fault.status ?? 500);
		if (fault.error === 'throttle') throw new PcError('ThrottlingException', 'Rate exceeded (injected fault).');
		let input: Json;
		try {
			input = JSON.parse(body.toString('utf8') || '{}') as Json;
		} catch {
			throw new PcError('SerializationException', 'Request body is not valid JSON.');
		}
		if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new PcError('SerializationException', 'Request body must be a JSON object.');
		catalog = input.Catalog as string | undefined;
		const throttled = sim.quotas.check(operation, sim.now());
		if (throttled) throw new PcError('ThrottlingException', throttled);
		const errors = validateRequest(operation, input);
		validation = errors.length ? 'failed' : 'ok';
		if (errors.length) {
			validationErrors = errors;
			throw validationError('REQUEST_VALIDATION_FAILED', errors);
		}
		const output = HANDLERS[operation](sim, input);
		await finish(200, output, undefined, fault.slowBodyMs);
	} catch (err) {
		if (err instanceof PcError) {
			if (err.type === 'ValidationException' && validation === 'ok') validation = 'failed';
			if (err.type === 'ValidationException' && !validationErrors) validationErrors = err.extra.ErrorList as unknown[];
			await finish(err.status, err.body(), err.type);
			return;
		}
		console.error('partner central simulator error', err);
		await finish(500, { __type: 'InternalServerException', message: (err as Error).message }, 'InternalServerException');
	}
}
