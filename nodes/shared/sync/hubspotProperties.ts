/**
 * The HubSpot deal properties this package reads and writes, as data: one place for their names, labels and
 * types. The HubSpot node's "Ensure properties" creates them; the mapper and the templates use the names.
 * Seeded from ../shared/seeds/reference-api-guide.md (section "Create Custom Properties"), corrected per
 * ../shared/reference/seed-errors.md (engagement score is High/Medium/Low, not a number), plus what the sync needs.
 */

export const PROPERTY_GROUP = { name: 'aws_partner_central', label: 'AWS Partner Central' };

export interface HubSpotPropertyDefinition {
	name: string;
	label: string;
	type: 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool';
	fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'booleancheckbox';
	description: string;
	options?: string[];
	/**
	 * HubSpot enforces one deal per value (needed for batch upsert with `idProperty`). Set at creation only: HubSpot
	 * cannot add it to an existing property, so "Ensure properties" reports a property created without it.
	 */
	hasUniqueValue?: boolean;
}

const opt = (...values: string[]) => values;

export const DEAL_PROPERTIES: HubSpotPropertyDefinition[] = [
	// Links and identity
	{ name: 'aws_opportunity_id', label: 'AWS opportunity ID', type: 'string', fieldType: 'text', hasUniqueValue: true, description: 'Partner Central opportunity ID (O...). Written by the sync.' },
	{ name: 'aws_opportunity_arn', label: 'AWS opportunity ARN', type: 'string', fieldType: 'text', description: 'Partner Central opportunity ARN. Written by the sync.' },
	{ name: 'aws_opportunity_title', label: 'AWS opportunity title', type: 'string', fieldType: 'text', description: 'The title as sent to Partner Central (tag removed).' },
	{ name: 'aws_catalog', label: 'AWS catalog', type: 'enumeration', fieldType: 'select', options: opt('AWS', 'Sandbox'), description: 'Partner Central catalog the opportunity lives in.' },
	{ name: 'aws_invitation_id', label: 'AWS invitation ID', type: 'string', fieldType: 'text', hasUniqueValue: true, description: 'Engagement invitation (AWS referral) this deal came from.' },
	{ name: 'aws_invitation_status', label: 'AWS invitation status', type: 'enumeration', fieldType: 'select', options: opt('PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'), description: 'Status of the AWS referral invitation.' },
	{ name: 'aws_engagement_id', label: 'AWS engagement ID', type: 'string', fieldType: 'text', description: 'Partner Central engagement linked to the opportunity.' },
	// Sync bookkeeping
	{ name: 'aws_sync_status', label: 'AWS sync status', type: 'enumeration', fieldType: 'select', options: opt('synced', 'pending', 'queued', 'error', 'invalid', 'flagged'), description: 'synced: up to date; queued: waiting for AWS review to end; invalid: fix the data listed in the latest note; error: see AWS last error.' },
	{ name: 'aws_last_sync_at', label: 'AWS last sync', type: 'datetime', fieldType: 'date', description: 'When the sync last wrote this deal or its opportunity.' },
	{ name: 'aws_last_error', label: 'AWS last error', type: 'string', fieldType: 'textarea', description: 'The latest sync error, in words; empty when the last sync worked.' },
	{ name: 'aws_sync_fingerprint', label: 'AWS sync fingerprint (outbound)', type: 'string', fieldType: 'text', description: 'Hash of the fields last sent to Partner Central. Used to skip echoes and no-op updates.' },
	{ name: 'aws_inbound_fingerprint', label: 'AWS sync fingerprint (inbound)', type: 'string', fieldType: 'text', description: 'Hash of the Partner Central fields last written to this deal.' },
	{ name: 'aws_shared_fields_synced', label: 'AWS shared fields at last sync', type: 'string', fieldType: 'textarea', description: 'Expected spend, stage and close date on both sides when they were last in step (JSON). Decides which side changed a shared field.' },
	{ name: 'aws_last_modified_date', label: 'AWS last modified', type: 'string', fieldType: 'text', description: 'Partner Central LastModifiedDate seen by the last sync (ISO 8601).' },
	// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing -- a HubSpot property definition, not a node parameter
	{ name: 'aws_client_token', label: 'AWS client token', type: 'string', fieldType: 'text', description: 'Idempotency token of the create request, recorded before sending.' },
	{ name: 'aws_update_queued', label: 'AWS update queued', type: 'bool', fieldType: 'booleancheckbox', options: opt('true', 'false'), description: 'A HubSpot change waits until AWS review ends; reconciliation applies it.' },
	{ name: 'aws_queued_since', label: 'AWS update queued since', type: 'datetime', fieldType: 'date', description: 'When the waiting change was queued.' },
	// Owned by Partner Central (written by the sync)
	{ name: 'aws_review_status', label: 'AWS review status', type: 'enumeration', fieldType: 'select', options: opt('Pending Submission', 'Submitted', 'In review', 'Action Required', 'Approved', 'Rejected'), description: 'Partner Central LifeCycle.ReviewStatus.' },
	{ name: 'aws_review_comments', label: 'AWS review comments', type: 'string', fieldType: 'textarea', description: 'What AWS said in its review.' },
	{ name: 'aws_stage', label: 'AWS stage (partner opportunity)', type: 'string', fieldType: 'text', description: 'Partner Central LifeCycle.Stage.' },
	{ name: 'aws_seller_stage', label: 'AWS seller stage', type: 'string', fieldType: 'text', description: 'The AWS-side stage from the AWS opportunity summary.' },
	{ name: 'aws_engagement_score', label: 'AWS engagement score', type: 'enumeration', fieldType: 'select', options: opt('High', 'Medium', 'Low'), description: 'Insights.EngagementScore from the AWS opportunity summary.' },
	{ name: 'aws_seller_name', label: 'AWS seller', type: 'string', fieldType: 'text', description: 'AWS sales rep (account manager) assigned to the opportunity.' },
	{ name: 'aws_seller_email', label: 'AWS seller email', type: 'string', fieldType: 'text', description: 'Email of the AWS sales rep.' },
	{ name: 'aws_next_steps', label: 'AWS next steps', type: 'string', fieldType: 'textarea', description: 'Next steps from AWS.' },
	{ name: 'aws_submission_date', label: 'AWS submission date', type: 'datetime', fieldType: 'date', description: 'When the opportunity was submitted to AWS.' },
	{ name: 'aws_involvement_type', label: 'AWS involvement type', type: 'enumeration', fieldType: 'select', options: opt('Co-Sell', 'For Visibility Only'), description: 'Co-Sell or For Visibility Only (used when submitting).' },
	{ name: 'aws_visibility', label: 'AWS visibility', type: 'enumeration', fieldType: 'select', options: opt('Full', 'Limited'), description: 'Visibility of the submission to AWS.' },
	// Overrides set by the rep (read by the mapper)
	{ name: 'aws_solution_ids', label: 'AWS solution IDs', type: 'string', fieldType: 'text', description: 'Comma-separated solution IDs (S-...) to associate when submitting.' },
	{ name: 'aws_industry', label: 'AWS industry', type: 'string', fieldType: 'text', description: 'Overrides the industry mapped from the company.' },
	{ name: 'aws_delivery_models', label: 'AWS delivery models', type: 'string', fieldType: 'text', description: 'Semicolon-separated Partner Central delivery models.' },
	{ name: 'aws_primary_needs', label: 'AWS primary needs', type: 'string', fieldType: 'text', description: 'Semicolon-separated primary needs from AWS.' },
	{ name: 'aws_use_case', label: 'AWS customer use case', type: 'string', fieldType: 'text', description: 'Partner Central Project.CustomerUseCase.' },
	{ name: 'aws_sales_activities', label: 'AWS sales activities', type: 'string', fieldType: 'text', description: 'Semicolon-separated sales activities.' },
	{ name: 'aws_opportunity_type', label: 'AWS opportunity type', type: 'enumeration', fieldType: 'select', options: opt('Net New Business', 'Expansion', 'Flat Renewal'), description: 'Overrides the default opportunity type.' },
	{ name: 'aws_origin', label: 'AWS origin', type: 'enumeration', fieldType: 'select', options: opt('Partner Referral', 'AWS Referral'), description: 'Opportunity origin.' },
	{ name: 'aws_national_security', label: 'AWS national security', type: 'enumeration', fieldType: 'select', options: opt('No', 'Yes'), description: 'Yes only for Government customers on national security work.' },
	{ name: 'aws_expected_spend', label: 'AWS expected monthly spend', type: 'number', fieldType: 'number', description: 'Expected monthly AWS spend; overrides the amount ratio.' },
	{ name: 'aws_competitor', label: 'AWS competitor', type: 'string', fieldType: 'text', description: 'Partner Central Project.CompetitorName.' },
	{ name: 'aws_closed_lost_reason', label: 'AWS closed lost reason', type: 'string', fieldType: 'text', description: 'Closed lost reason from Partner Central list.' },
	// Requests from the rep
	{ name: 'aws_submit_request', label: 'Submit to AWS', type: 'bool', fieldType: 'booleancheckbox', options: opt('true', 'false'), description: 'Tick to submit the opportunity to AWS; the sync resets it.' },
	{ name: 'aws_referral_decision', label: 'AWS referral decision', type: 'enumeration', fieldType: 'select', options: opt('pending', 'accept', 'reject'), description: 'For pending AWS referrals: accept or reject.' },
	{ name: 'aws_referral_rejection_reason', label: 'AWS referral rejection reason', type: 'enumeration', fieldType: 'select', options: opt('Customer problem unclear', 'Next steps unclear', 'Unable to support', 'Duplicate of partner referral', 'Other'), description: 'Reason sent to AWS when rejecting a referral.' },
];

export const DEAL_PROPERTY_NAMES = DEAL_PROPERTIES.map((p) => p.name);
