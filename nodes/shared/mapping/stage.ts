/** Deal stage <-> LifeCycle.Stage per pipeline, and closed-lost reasons. */
import type { MapperConfig } from './config';
import { AWS_CLOSED_LOST_REASONS, CLOSED_LOST_KEYWORD_RULES } from './tables/closedLostReasons';
import type { AwsStage, PipelineStageMap } from './tables/stages';
import { clean, matchAllowed } from './text';

export function stageMapFor(pipelineId: string | undefined, config: MapperConfig): PipelineStageMap | undefined {
	const id = clean(pipelineId) || 'default';
	return config.stageMaps.find((m) => m.pipelineId === id);
}

export type StageResult = { ok: true; stage: AwsStage } | { ok: false; code: string; message: string };

export function awsStageFor(pipelineId: string | undefined, dealStage: string | undefined, config: MapperConfig): StageResult {
	const pipeline = clean(pipelineId) || 'default';
	const map = stageMapFor(pipeline, config);
	if (!map) {
		return {
			ok: false,
			code: 'unmapped_pipeline',
			message: `The deal's pipeline "${pipeline}" has no stage mapping: add it under Stage Mapping in the Partner Central Mapper node`,
		};
	}
	const stageId = clean(dealStage);
	if (!stageId) return { ok: false, code: 'missing', message: 'The deal has no stage' };
	const stage = map.toAws[stageId];
	if (!stage) {
		return {
			ok: false,
			code: 'unmapped_stage',
			message: `The deal stage "${stageId}" of pipeline "${pipeline}" has no Partner Central stage: add it under Stage Mapping in the mapper`,
		};
	}
	return { ok: true, stage };
}

/** The deal stage for an AWS stage in a pipeline: the preferred one, else the first listed. */
export function dealStageFor(pipelineId: string | undefined, awsStage: string | undefined, config: MapperConfig): string | undefined {
	const map = stageMapFor(pipelineId, config);
	if (!map || !awsStage) return undefined;
	const preferred = map.fromAws?.[awsStage as AwsStage];
	if (preferred) return preferred;
	return Object.entries(map.toAws).find(([, s]) => s === awsStage)?.[0];
}

export type ClosedLostResult =
	| { ok: true; reason: string; matched: 'aws' | 'rule' | 'fallback' }
	| { ok: false; code: string; message: string };

function words(text: string): string {
	return ` ${text.toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim()} `;
}

/**
 * The AWS closed-lost reason for a deal: the `aws_closed_lost_reason` override if valid, else the HubSpot text
 * matched to AWS's list, else the keyword rules (whole words), else the configured fallback.
 */
export function closedLostReasonFor(override: unknown, hubspotReason: unknown, config: MapperConfig): ClosedLostResult {
	const direct = clean(override);
	if (direct) {
		const match = matchAllowed(direct, AWS_CLOSED_LOST_REASONS);
		if (match) return { ok: true, reason: match, matched: 'aws' };
	}
	const text = clean(hubspotReason) || direct;
	if (!text) {
		return {
			ok: false,
			code: 'missing',
			message: 'The deal is Closed Lost but has no closed lost reason: AWS needs one (fill "Closed lost reason" or "AWS closed lost reason")',
		};
	}
	const exact = matchAllowed(text, AWS_CLOSED_LOST_REASONS);
	if (exact) return { ok: true, reason: exact, matched: 'aws' };
	const w = words(text);
	for (const rule of CLOSED_LOST_KEYWORD_RULES) {
		if (rule.words.some((word) => w.includes(words(word)))) return { ok: true, reason: rule.reason, matched: 'rule' };
	}
	if (config.closedLostFallback) return { ok: true, reason: config.closedLostFallback, matched: 'fallback' };
	return {
		ok: false,
		code: 'invalid_value',
		message: `The closed lost reason "${text}" matches none of AWS's reasons: pick one in "AWS closed lost reason"`,
	};
}

