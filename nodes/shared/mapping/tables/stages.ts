/**
 * Deal stage <-> Partner Central LifeCycle.Stage, per HubSpot pipeline (stage ids differ by pipeline: the default
 * pipeline uses readable ids, custom pipelines numeric ones). The node lets users add maps for their pipelines.
 * The reverse direction (AWS stage -> deal stage) uses `fromAws` when given, else the first deal stage listed for
 * that AWS stage.
 */

export const AWS_STAGES = [
	'Prospect',
	'Qualified',
	'Technical Validation',
	'Business Validation',
	'Committed',
	'Launched',
	'Closed Lost',
] as const;

export type AwsStage = (typeof AWS_STAGES)[number];

export interface PipelineStageMap {
	/** HubSpot pipeline id (`default` for the default sales pipeline). */
	pipelineId: string;
	/** HubSpot deal stage id -> Partner Central stage. */
	toAws: Record<string, AwsStage>;
	/** Partner Central stage -> HubSpot deal stage id (optional; derived from toAws when missing). */
	fromAws?: Partial<Record<AwsStage, string>>;
}

export const DEFAULT_PIPELINE_ID = 'default';

export const DEFAULT_STAGE_MAPS: PipelineStageMap[] = [
	{
		pipelineId: DEFAULT_PIPELINE_ID,
		toAws: {
			appointmentscheduled: 'Prospect',
			qualifiedtobuy: 'Qualified',
			presentationscheduled: 'Technical Validation',
			decisionmakerboughtin: 'Business Validation',
			contractsent: 'Committed',
			closedwon: 'Launched',
			closedlost: 'Closed Lost',
		},
	},
];
