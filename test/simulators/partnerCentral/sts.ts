/**
 * STS on the Partner Central simulator port: @aws-sdk/client-sts 3.1124.0 speaks awsQuery (form-encoded POST,
 * XML responses). AssumeRole returns temporary keys the Partner Central endpoint accepts; calls are counted.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestId, sendText } from '../common/http';
import { verifySigV4 } from '../common/sigv4';
import type { PcSim } from './sim';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function esc(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
	const body = `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
	sendText(res, status, body, 'text/xml');
}

export function isStsRequest(req: IncomingMessage, body: Buffer): boolean {
	const ct = String(req.headers['content-type'] ?? '');
	return req.method === 'POST' && ct.startsWith('application/x-www-form-urlencoded') && /(^|&)Action=/u.test(body.toString('utf8'));
}

export function handleSts(sim: PcSim, req: IncomingMessage, res: ServerResponse, body: Buffer): string {
	const params = new URLSearchParams(body.toString('utf8'));
	const action = params.get('Action') ?? '';
	const verdict = verifySigV4({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body }, (id) => sim.keys[id]?.secretAccessKey);
	if (!verdict.ok) {
		const code = verdict.code === 'UnrecognizedClient' ? 'InvalidClientTokenId' : verdict.code === 'InvalidSignature' ? 'SignatureDoesNotMatch' : verdict.code;
		xmlError(res, 403, code, verdict.message);
		return `STS.${action}`;
	}
	const caller = sim.keys[verdict.auth.accessKeyId];
	if (caller.denied) {
		xmlError(res, 403, 'AccessDenied', `User ${verdict.auth.accessKeyId} is not authorized to perform: sts:${action}`);
		return `STS.${action}`;
	}
	const rid = requestId();
	if (action === 'GetCallerIdentity') {
		sim.state.counters.getCallerIdentity++;
		const arn = caller.roleArn ? `${caller.roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/session` : `arn:aws:iam::${sim.state.partner.accountId}:user/simulator`;
		sendText(
			res,
			200,
			`<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>${esc(arn)}</Arn><UserId>${esc(verdict.auth.accessKeyId)}</UserId><Account>${sim.state.partner.accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${rid}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
			'text/xml',
		);
		return 'STS.GetCallerIdentity';
	}
	if (action === 'AssumeRole') {
		sim.state.counters.assumeRole++;
		const roleArn = params.get('RoleArn') ?? '';
		const sessionName = params.get('RoleSessionName') ?? 'session';
		const role = sim.roles[roleArn];
		if (!role) {
			xmlError(res, 403, 'AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
			return 'STS.AssumeRole';
		}
		if (role.externalId !== undefined && params.get('ExternalId') !== role.externalId) {
			xmlError(res, 403, 'AccessDenied', `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn} (ExternalId mismatch)`);
			return 'STS.AssumeRole';
		}
		if (role.allowedAccessKeyIds && !role.allowedAccessKeyIds.includes(verdict.auth.accessKeyId)) {
			xmlError(res, 403, 'AccessDenied', `User ${verdict.auth.accessKeyId} is not trusted by ${roleArn}`);
			return 'STS.AssumeRole';
		}
		const duration = Number(params.get('DurationSeconds') ?? 0) * 1000 || sim.config.sessionDurationMs;
		const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
		const secretAccessKey = randomBytes(20).toString('base64');
		const sessionToken = randomBytes(32).toString('base64');
		const expiresAt = sim.now() + duration;
		sim.keys[accessKeyId] = { secretAccessKey, sessionToken, expiresAt, roleArn };
		const assumedArn = `${roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/${sessionName}`;
		sendText(
			res,
			200,
			`<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${esc(secretAccessKey)}</SecretAccessKey><SessionToken>${esc(sessionToken)}</SessionToken><Expiration>${new Date(expiresAt).toISOString()}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROASIMULATOR:${esc(sessionName)}</AssumedRoleId><Arn>${esc(assumedArn)}</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>${rid}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
			'text/xml',
		);
		return 'STS.AssumeRole';
	}
	xmlError(res, 400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
	return `STS.${action}`;
}
