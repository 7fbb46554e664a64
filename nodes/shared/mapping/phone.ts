/** Phone numbers to E.164 (+14155550100) with libphonenumber-js: never hand-written parsing. */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

import { PHONE_PATTERN } from './tables/constraints';

/** E.164 form, or undefined when the text is not a valid number (for that region when it has no +prefix). */
export function toE164(raw: unknown, defaultRegion?: string): string | undefined {
	if (raw === null || raw === undefined) return undefined;
	const text = String(raw).trim();
	if (!text) return undefined;
	const region = defaultRegion && /^[A-Z]{2}$/u.test(defaultRegion) ? (defaultRegion as CountryCode) : undefined;
	try {
		const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
		if (!parsed || !parsed.isValid()) return undefined;
		const e164 = parsed.number;
		return PHONE_PATTERN.test(e164) ? e164 : undefined;
	} catch {
		return undefined;
	}
}
