/**
 * HubSpot error bodies (hubspot.md 2.2 "Errors" and section 4 "General error body"):
 * `{status:'error', message, correlationId (uuid), category, subCategory?, context?, links?, errors?}`.
 */
import { randomUUID } from 'crypto';

export interface ErrorDetail {
	message: string;
	code?: string;
	in?: string;
	context?: Record<string, unknown>;
	subCategory?: string;
}

export interface HubSpotErrorBody {
	status: 'error';
	message: string;
	correlationId: string;
	category: string;
	subCategory?: string;
	context?: Record<string, unknown>;
	links?: Record<string, string>;
	errors?: ErrorDetail[];
	[extra: string]: unknown;
}

export class HsError extends Error {
	constructor(
		public readonly statusCode: number,
		public readonly body: Record<string, unknown>,
		public readonly headers: Record<string, string> = {},
	) {
		super(String(body.message));
	}
}

export function errorBody(category: string, message: string, extra: Partial<HubSpotErrorBody> = {}): HubSpotErrorBody {
	return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

export const validationError = (message: string, extra: Partial<HubSpotErrorBody> = {}) =>
	new HsError(400, errorBody('VALIDATION_ERROR', message, extra));

export const notFound = (message: string, extra: Partial<HubSpotErrorBody> = {}) =>
	new HsError(404, errorBody('OBJECT_NOT_FOUND', message, extra));

export const conflict = (message: string, category = 'CONFLICT', extra: Partial<HubSpotErrorBody> = {}) =>
	new HsError(409, errorBody(category, message, extra));

/** One entry of HubSpot's "Property values were not valid: [...]" list. */
export interface PropertyValidationError {
	isValid: false;
	message: string;
	error: string;
	name: string;
	localizedErrorMessage: string;
	portalId: number;
}

export function propertyError(portalId: number, name: string, error: string, message: string): PropertyValidationError {
	return { isValid: false, message, error, name, localizedErrorMessage: message, portalId };
}

/** 400 with the message HubSpot sends for invalid property writes; the JSON list is embedded in the message. */
export function propertyValuesNotValid(errors: PropertyValidationError[]): HsError {
	return validationError(`Property values were not valid: ${JSON.stringify(errors)}`, {
		errors: errors.map((e) => ({ message: e.message, code: e.error, in: e.name })),
	});
}
