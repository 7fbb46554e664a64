/**
 * Request quotas per partner account (reference partner-central.md section C7), counted in simulated time:
 * each group has a per-second rate and optionally a rolling 24-hour quota; operations in a group share it.
 * Operations not listed in C7 are not limited unless an admin quota names them.
 */
export interface QuotaGroup {
	operations: string[];
	perSecond: number;
	perDay?: number;
}

export function defaultQuotas(): Record<string, QuotaGroup> {
	return {
		read: {
			operations: ['GetOpportunity', 'GetAwsOpportunitySummary', 'ListOpportunities', 'ListSolutions', 'GetEngagementInvitation', 'ListEngagementInvitations'],
			perSecond: 10,
			perDay: 100_000,
		},
		prospectingGet: { operations: ['GetProspectingFromEngagementTask'], perSecond: 100 },
		prospectingList: { operations: ['ListProspectingFromEngagementTasks'], perSecond: 50 },
		write: {
			operations: [
				'CreateOpportunity',
				'UpdateOpportunity',
				'AssociateOpportunity',
				'DisassociateOpportunity',
				'RejectEngagementInvitation',
				'AssignOpportunity',
				'StartEngagementFromOpportunityTask',
				'StartEngagementByAcceptingInvitationTask',
			],
			perSecond: 1,
			perDay: 10_000,
		},
		prospectingWrite: { operations: ['StartProspectingFromEngagementTask'], perSecond: 2 },
		engagementWrite: { operations: ['CreateEngagement'], perSecond: 15 },
	};
}

export class QuotaTracker {
	groups: Record<string, QuotaGroup> = defaultQuotas();
	private calls: Record<string, number[]> = {};
	enabled = true;

	reset(): void {
		this.calls = {};
	}

	restoreDefaults(): void {
		this.groups = defaultQuotas();
		this.calls = {};
	}

	groupOf(operation: string): string | undefined {
		return Object.keys(this.groups).find((g) => this.groups[g].operations.includes(operation));
	}

	/** Records the call if allowed; returns a reason string when the quota is exceeded. */
	check(operation: string, now: number): string | undefined {
		if (!this.enabled) return undefined;
		const name = this.groupOf(operation);
		if (!name) return undefined;
		const g = this.groups[name];
		const list = (this.calls[name] ??= []);
		const dayAgo = now - 86_400_000;
		while (list.length && list[0] <= dayAgo) list.shift();
		const lastSecond = list.filter((t) => t > now - 1000).length;
		if (lastSecond >= g.perSecond) return `Rate exceeded: ${g.perSecond} ${name} request(s) per second.`;
		if (g.perDay !== undefined && list.length >= g.perDay) return `Rate exceeded: ${g.perDay} ${name} requests per rolling 24 hours.`;
		list.push(now);
		return undefined;
	}

	usage(now: number): Record<string, { lastSecond: number; last24h: number }> {
		const out: Record<string, { lastSecond: number; last24h: number }> = {};
		for (const [name, list] of Object.entries(this.calls)) {
			out[name] = { lastSecond: list.filter((t) => t > now - 1000).length, last24h: list.filter((t) => t > now - 86_400_000).length };
		}
		return out;
	}
}
