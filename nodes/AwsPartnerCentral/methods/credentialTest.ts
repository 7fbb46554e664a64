import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { normaliseCredentials } from '../../shared/partnerCentral/credentials';
import { PartnerCentralError } from '../../shared/partnerCentral/errors';
import { endpointOf, sendPartnerCentral } from '../../shared/partnerCentral/transport';

/** Fewer, shorter retries than normal calls: the user is waiting for the Test button. */
const TEST_RETRY = { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1000 };

/**
 * "Test" button of the AWS Partner Central credential: a real, cheap call (ListSolutions, MaxResults 1) in the
 * credential's catalog, with the outcome in words the user can act on.
 */
export async function awsPartnerCentralApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let c;
	try {
		c = normaliseCredentials(credential.data ?? {});
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	try {
		const page = await sendPartnerCentral(c, 'ListSolutions', { MaxResults: 1 }, { retry: TEST_RETRY });
		const count = Array.isArray(page.SolutionSummaries) ? page.SolutionSummaries.length : 0;
		return {
			status: 'OK',
			message: `Connected to Partner Central (catalog ${c.catalog})${count ? '' : '; no solutions listed yet'}`,
		};
	} catch (error) {
		if (!(error instanceof PartnerCentralError)) {
			return { status: 'Error', message: (error as Error).message };
		}
		const d = error.rendered.details;
		const name = String(d.name);
		let lead: string;
		if (
			[
				'UnrecognizedClientException',
				'InvalidSignatureException',
				'InvalidClientTokenId',
				'SignatureDoesNotMatch',
			].includes(name)
		) {
			lead = 'Invalid AWS keys';
		} else if (name === 'AccessDeniedException') {
			lead = `Access denied in catalog ${c.catalog} (wrong catalog, missing IAM permission, or account not linked to Partner Central)`;
		} else if (name === 'NetworkError' || d.networkCode) {
			lead = `Cannot reach ${endpointOf(c)}`;
		} else if (name === 'AssumeRoleFailed') {
			lead = 'Could not assume the role';
		} else {
			lead = `${name}`;
		}
		return {
			status: 'Error',
			message: `${lead}: ${String(d.awsMessage)}. ${String(d.hint)}`,
		};
	}
}
