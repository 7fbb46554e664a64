/**
 * Closed-lost reasons. Partner Central accepts only its own list (LifeCycle.ClosedLostReason); HubSpot's
 * `closed_lost_reason` is free text. A rep can set `aws_closed_lost_reason` to one of AWS's values; otherwise the
 * text is matched against AWS's list, then against the keyword rules below (whole words, first rule wins), and
 * anything left becomes "Other" with a warning. A Closed Lost deal without any reason is invalid.
 */

export const AWS_CLOSED_LOST_REASONS = [
	'Customer Deficiency',
	'Customer Experience',
	'Delay / Cancellation of Project',
	'Financial/Commercial',
	'Legal / Tax / Regulatory',
	'Lost to Competitor - Google',
	'Lost to Competitor - Microsoft',
	'Lost to Competitor - Other',
	'Lost to Competitor - SoftLayer',
	'Lost to Competitor - VMWare',
	'No Opportunity',
	'On Premises Deployment',
	'Other',
	'Partner Gap',
	'People/Relationship/Governance',
	'Price',
	'Product/Technology',
	'Security / Compliance',
	'Technical Limitations',
] as const;

export interface ClosedLostKeywordRule {
	/** Any of these words or phrases (whole words, case-insensitive) selects the reason. */
	words: string[];
	reason: (typeof AWS_CLOSED_LOST_REASONS)[number];
}

export const CLOSED_LOST_KEYWORD_RULES: ClosedLostKeywordRule[] = [
	{ words: ['google', 'gcp', 'google cloud'], reason: 'Lost to Competitor - Google' },
	{ words: ['microsoft', 'azure'], reason: 'Lost to Competitor - Microsoft' },
	{ words: ['vmware'], reason: 'Lost to Competitor - VMWare' },
	{ words: ['softlayer', 'ibm'], reason: 'Lost to Competitor - SoftLayer' },
	{ words: ['competitor', 'competition', 'oracle', 'alibaba', 'lost to'], reason: 'Lost to Competitor - Other' },
	{ words: ['on premises', 'on-premises', 'on prem', 'on-prem', 'data center', 'datacenter'], reason: 'On Premises Deployment' },
	{ words: ['price', 'pricing', 'too expensive', 'expensive', 'cost'], reason: 'Price' },
	{ words: ['budget', 'funding', 'financial', 'commercial', 'contract terms'], reason: 'Financial/Commercial' },
	{ words: ['delay', 'delayed', 'postponed', 'cancelled', 'canceled', 'cancellation', 'on hold', 'timing'], reason: 'Delay / Cancellation of Project' },
	{ words: ['legal', 'tax', 'regulatory', 'regulation'], reason: 'Legal / Tax / Regulatory' },
	{ words: ['security', 'compliance', 'gdpr', 'sovereignty'], reason: 'Security / Compliance' },
	{ words: ['technical', 'limitation', 'limitations'], reason: 'Technical Limitations' },
	{ words: ['product', 'technology', 'feature', 'features'], reason: 'Product/Technology' },
	{ words: ['partner gap', 'capacity', 'skills', 'resources'], reason: 'Partner Gap' },
	{ words: ['relationship', 'governance', 'champion', 'stakeholder', 'people'], reason: 'People/Relationship/Governance' },
	{ words: ['experience', 'unhappy', 'dissatisfied'], reason: 'Customer Experience' },
	{ words: ['no opportunity', 'not qualified', 'unqualified', 'no need', 'no project', 'duplicate', 'no response', 'went dark', 'unresponsive'], reason: 'No Opportunity' },
	{ words: ['deficiency', 'not ready', 'readiness'], reason: 'Customer Deficiency' },
];
