import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { isNetworkError, isThrottling, networkErrorCode, type AwsLikeError } from './retry';

/**
 * Turns what the AWS SDK throws into a message a sales-ops person can act on: the AWS error name and message,
 * the validation Reason, each ErrorList entry as "FieldName: Message (Code)", and what to do next.
 */

export interface ErrorContext {
	operation: string;
	catalog?: string;
	endpoint?: string;
	attempts?: number;
}

export interface RenderedError {
	/** One line: "<Operation> failed: <AWS error name>: <AWS message>". */
	message: string;
	/** Reason, field errors, hint, attempts and request id, one per line. */
	description: string;
	httpCode?: string;
	/** Structured copy for the error output (continueOnFail) and for code. */
	details: IDataObject;
}

interface ValidationEntry {
	FieldName?: string;
	Message?: string;
	Code?: string;
}

type SdkError = AwsLikeError & {
	Reason?: string;
	ErrorList?: ValidationEntry[];
	attempts?: number;
};

const INVALID_IDENTITY = new Set([
	'UnrecognizedClientException',
	'InvalidSignatureException',
	'InvalidClientTokenId',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'MissingAuthenticationToken',
	'InvalidAccessKeyId',
]);

export function hintFor(error: SdkError, ctx: ErrorContext): string {
	const name = error.name ?? '';
	const catalog = ctx.catalog ? `"${ctx.catalog}"` : 'the selected';
	if (INVALID_IDENTITY.has(name)) {
		return 'AWS does not recognise these credentials: check the Access Key ID and Secret Access Key (no spaces, key not deactivated or deleted) and, for temporary keys, the Session Token.';
	}
	if (name === 'ExpiredTokenException' || name === 'ExpiredToken' || name === 'RequestExpired') {
		return 'The temporary AWS credentials have expired: paste fresh keys and session token, or use Assume Role so n8n renews them itself. Also check the n8n host clock.';
	}
	if (name === 'CredentialsProviderError') {
		return "No AWS credentials were found on the n8n host (environment variables, instance or task role, EKS service account). Set them up on the host, or switch the credential's Authentication to Access Keys.";
	}
	if (name === 'AssumeRoleFailed') {
		return "Check the role's trust policy (principal and the sts:ExternalId condition), the External ID in the credential, and that the source identity may call sts:AssumeRole on this role.";
	}
	switch (name) {
		case 'AccessDeniedException':
			if (error.Reason === 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE') {
				return 'The AWS account is not in a Partner Central state that allows this (for example not enrolled in the ACE program or benefit not active). Check the account in AWS Partner Central.';
			}
			return `The AWS identity may not call partnercentral:${ctx.operation} in catalog ${catalog}. Attach the IAM policy from the package docs (docs/partner-central-node.md), check any partnercentral:Catalog condition, and check that this AWS account is linked to AWS Partner Central. If you meant to use test data, set the catalog to Sandbox.`;
		case 'ResourceNotFoundException':
			return `Nothing with this identifier exists in catalog ${catalog} for this account. Check the identifier, and that the catalog (AWS = production, Sandbox = test data) is the one the record lives in.`;
		case 'ConflictException':
			return 'Someone changed this record since it was read (or the request repeats an earlier one with a different body). Fetch it again and retry; "Update" in merge mode does this by itself.';
		case 'ValidationException':
			if (error.Reason === 'BUSINESS_VALIDATION_FAILED') {
				return 'Partner Central refused the values under its business rules (for example a field that cannot change in the current review status, a date in the past, or a missing solution). Fix the fields listed and run again.';
			}
			return 'The request is not valid: fix the fields listed (required fields, allowed values, text formats) and run again.';
		case 'ServiceQuotaExceededException':
			return 'A Partner Central quota is used up: the rolling 24-hour limit (10,000 writes or 100,000 reads by default) or a per-opportunity limit (for example 10 solutions). Wait, remove associations, or ask AWS for a higher quota in the Service Quotas console.';
		case 'ThrottlingException':
			return `Partner Central kept throttling after ${error.attempts ?? 'several'} attempts. Lower "Writes per Second"/"Reads per Second" in the credential, or spread the work over time.`;
		case 'InternalServerException':
			return `Partner Central had an internal error on every one of ${error.attempts ?? 'several'} attempts. Try again later; if it persists, contact AWS Partner Central support with the request id.`;
		default:
			break;
	}
	if (isThrottling(error)) {
		return `Partner Central kept throttling after ${error.attempts ?? 'several'} attempts. Lower the request rates in the credential.`;
	}
	if (isNetworkError(error)) {
		return `n8n could not reach ${ctx.endpoint ?? 'the Partner Central endpoint'}. Check the Endpoint URL in the credential (leave it empty for AWS's public endpoint), DNS, proxies and firewalls.`;
	}
	if ((error.$metadata?.httpStatusCode ?? 0) >= 500) {
		return 'The service failed on every attempt. Try again later.';
	}
	return 'Check the request and the credential, then run again.';
}

function fieldLines(list: ValidationEntry[] | undefined): string[] {
	if (!Array.isArray(list)) return [];
	return list.map((e) => `${e.FieldName ?? '(request)'}: ${e.Message ?? ''}${e.Code ? ` (${e.Code})` : ''}`);
}

export function renderPartnerCentralError(raw: unknown, ctx: ErrorContext): RenderedError {
	const error = (raw && typeof raw === 'object' ? raw : { message: String(raw) }) as SdkError;
	const networkCode = networkErrorCode(error);
	const name = error.name && error.name !== 'Error' ? error.name : networkCode ? 'NetworkError' : 'Error';
	const awsMessage = (error.message ?? '').replace(/^AWS SDK error wrapper for (Error: )?/, '').trim() || 'no message';
	const fields = fieldLines(error.ErrorList);
	const attempts = error.attempts ?? ctx.attempts;
	const hint = hintFor(
		{ ...error, name, attempts, message: error.message, code: networkCode ?? error.code } as SdkError,
		ctx,
	);
	const lines: string[] = [];
	if (error.Reason) lines.push(`Reason: ${error.Reason}`);
	if (fields.length) lines.push('Fields:', ...fields.map((f) => `- ${f}`));
	lines.push(`What to do: ${hint}`);
	if (ctx.catalog) lines.push(`Catalog: ${ctx.catalog}`);
	if (attempts && attempts > 1) lines.push(`Attempts: ${attempts}`);
	if (error.$metadata?.requestId) lines.push(`Request id: ${error.$metadata.requestId}`);
	const status = error.$metadata?.httpStatusCode;
	const message = `${ctx.operation} failed: ${name}: ${awsMessage}${fields.length ? ` (${fields.join('; ')})` : ''}`;
	const details: IDataObject = {
		operation: ctx.operation,
		name,
		awsMessage,
		...(error.Reason ? { reason: error.Reason } : {}),
		...(fields.length ? { fieldErrors: error.ErrorList as unknown as IDataObject[] } : {}),
		...(status ? { httpStatusCode: status } : {}),
		...(networkCode ? { networkCode } : {}),
		...(ctx.catalog ? { catalog: ctx.catalog } : {}),
		...(attempts ? { attempts } : {}),
		...(error.$metadata?.requestId ? { requestId: error.$metadata.requestId } : {}),
		hint,
	};
	return { message, description: lines.join('\n'), httpCode: status ? String(status) : undefined, details };
}

/** Error thrown by the transport core (no n8n node at hand); nodes turn it into a NodeApiError. */
export class PartnerCentralError extends Error {
	constructor(
		public readonly rendered: RenderedError,
		public readonly original: unknown,
	) {
		super(rendered.message);
		this.name = 'PartnerCentralError';
	}

	/** AWS error name, e.g. ConflictException. */
	get awsName(): string {
		return String(this.rendered.details.name);
	}
}

export function toNodeApiError(node: INode, error: PartnerCentralError, itemIndex?: number): NodeApiError {
	const { message, description, httpCode, details } = error.rendered;
	const nodeError = new NodeApiError(node, details as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex,
	});
	// NodeApiError may swap a message for a generic one when it contains a network code: keep ours.
	nodeError.message = message;
	nodeError.description = description;
	return nodeError;
}
