/**
 * Partner Central service errors as the AWS JSON 1.0 protocol carries them (`__type`, `message`, HTTP status).
 * Service exceptions are HTTP 400 (reference C2: ConflictException "(HTTP 400)"; the API reference lists 400 for the
 * other client errors too), InternalServerException 500 (C6), authentication-layer errors 403.
 */
import type { FieldError } from './validation';

export type PcErrorType =
	| 'ValidationException'
	| 'ConflictException'
	| 'ResourceNotFoundException'
	| 'AccessDeniedException'
	| 'ThrottlingException'
	| 'ServiceQuotaExceededException'
	| 'InternalServerException'
	| 'UnrecognizedClientException'
	| 'InvalidSignatureException'
	| 'MissingAuthenticationTokenException'
	| 'IncompleteSignatureException'
	| 'ExpiredTokenException'
	| 'UnknownOperationException'
	| 'SerializationException';

const STATUS: Record<PcErrorType, number> = {
	ValidationException: 400,
	ConflictException: 400,
	ResourceNotFoundException: 400,
	AccessDeniedException: 400,
	ThrottlingException: 400,
	ServiceQuotaExceededException: 400,
	InternalServerException: 500,
	UnrecognizedClientException: 403,
	InvalidSignatureException: 403,
	MissingAuthenticationTokenException: 403,
	IncompleteSignatureException: 403,
	ExpiredTokenException: 403,
	UnknownOperationException: 400,
	SerializationException: 400,
};

export class PcError extends Error {
	constructor(
		public readonly type: PcErrorType,
		message: string,
		public readonly extra: Record<string, unknown> = {},
		public readonly status: number = STATUS[type],
	) {
		super(message);
	}

	body(): Record<string, unknown> {
		return { __type: this.type, message: this.message, ...this.extra };
	}
}

export function validationError(
	reason: 'REQUEST_VALIDATION_FAILED' | 'BUSINESS_VALIDATION_FAILED',
	errors: FieldError[],
	message?: string,
): PcError {
	const text =
		message ??
		(reason === 'REQUEST_VALIDATION_FAILED'
			? 'The input fails to satisfy the constraints specified by the service.'
			: 'The request failed business validation.') +
			' ' +
			errors.map((e) => `${e.FieldName}: ${e.Message}`).join('; ');
	return new PcError('ValidationException', text.trim(), { Reason: reason, ErrorList: errors });
}

export function businessError(field: string, code: FieldError['Code'], message: string): PcError {
	return validationError('BUSINESS_VALIDATION_FAILED', [{ FieldName: field, Message: message, Code: code }]);
}

export function notFound(what: string, id: string): PcError {
	return new PcError('ResourceNotFoundException', `${what} ${id} was not found.`);
}

export function conflict(message: string): PcError {
	return new PcError('ConflictException', message);
}
