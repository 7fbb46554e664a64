/**
 * Field limits of the opportunity model the mapper enforces itself (the SDK does no client-side validation).
 * Written from the API reference (see ../shared/reference/partner-central.md); a unit test compares them with the
 * official service model when it is present.
 */
export const LIMITS = {
	companyName: 120,
	websiteMin: 4,
	websiteMax: 255,
	otherIndustry: 255,
	city: 255,
	postalCode: 20,
	streetAddress: 255,
	contactName: 80,
	contactTitle: 80,
	emailMax: 80,
	title: 255,
	businessProblemMin: 20,
	businessProblemMax: 2000,
	otherCompetitorNames: 255,
	partnerOpportunityIdentifier: 64,
	nextSteps: 255,
	/** Digits before the decimal point allowed by the Amount pattern. */
	amountIntegerDigits: 31,
} as const;

/** Lower-case email pattern of Contact.Email (AWS rejects upper case). */
export const EMAIL_PATTERN =
	/^(?=.{0,80}$)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/u;

export const PHONE_PATTERN = /^\+[1-9]\d{1,14}$/u;
export const AMOUNT_PATTERN = /^((0|([1-9][0-9]{0,30}))(\.[0-9]{0,2})?)?$/u;
export const DATE_PATTERN = /^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/u;
export const SOLUTION_ID_PATTERN = /^S-[0-9]{1,19}$/u;
