/** Public surface of the mapping library (used by the Partner Central Mapper node, other nodes and templates). */
export * from './types';
export * from './config';
export * from './problems';
export * from './outcome';
export * from './fingerprints';
export { titleForAws, stripTag, addTag, hasTag } from './title';
export { expectedMonthlySpend, formatAmount, parseAmount, canonicalAmount, dealAmountFromMonthly } from './money';
export { toE164 } from './phone';
export { countryCode, countryName, usStateName, normaliseWebsite, normaliseEmail, domainOf } from './address';
export { mapIndustry, hubspotIndustryFor } from './industry';
export { awsStageFor, dealStageFor, closedLostReasonFor } from './stage';
export { toAwsDate, toHubSpotDateTime } from './dates';
export { mapDeal } from './mapDeal';
export { dealToOpportunity, type CreateRequest, type DealToOpportunityResult } from './dealToOpportunity';
export { dealToUpdate, updateBaseFrom, type DealToUpdateResult } from './dealToUpdate';
export { opportunityToDeal, companyProperties, contactProperties, type OpportunityToDealResult } from './opportunityToDeal';
export { referralToDeal, WITHHELD_UNTIL_ACCEPTED, type ReferralToDealResult } from './referralToDeal';
export { validateOpportunity, validateForSubmission, type ValidationMode, type SubmissionCheckResult } from './validateSubmission';
