/**
 * Shapes the mapper reads and writes. HubSpot objects follow the deal-bundle contract (contract 3 in the team
 * notes); opportunity shapes follow the Partner Central API (JSON: dates as ISO strings).
 */

export interface HsObject {
	id: string;
	properties: Record<string, string | null | undefined>;
	createdAt?: string;
	updatedAt?: string;
}

export interface DealBundle {
	dealId: string;
	deal: HsObject;
	primaryCompany: HsObject | null;
	companies?: HsObject[];
	contacts?: HsObject[];
	dealOwnerId?: string;
}

export interface OpportunityContact {
	Email?: string;
	FirstName?: string;
	LastName?: string;
	BusinessTitle?: string;
	Phone?: string;
}

export interface OpportunityAddress {
	City?: string;
	PostalCode?: string;
	StateOrRegion?: string;
	CountryCode?: string;
	StreetAddress?: string;
}

export interface OpportunityAccount {
	Industry?: string;
	OtherIndustry?: string;
	CompanyName?: string;
	WebsiteUrl?: string;
	AwsAccountId?: string;
	Address?: OpportunityAddress;
	Duns?: string;
}

export interface ExpectedCustomerSpend {
	Amount?: string;
	CurrencyCode: string;
	Frequency: string;
	TargetCompany: string;
	EstimationUrl?: string;
}

export interface OpportunityProject {
	DeliveryModels?: string[];
	ExpectedCustomerSpend?: ExpectedCustomerSpend[];
	Title?: string;
	ApnPrograms?: string[];
	CustomerBusinessProblem?: string;
	CustomerUseCase?: string;
	RelatedOpportunityIdentifier?: string;
	SalesActivities?: string[];
	CompetitorName?: string;
	OtherCompetitorNames?: string;
	OtherSolutionDescription?: string;
	AdditionalComments?: string;
	AwsPartition?: string;
	ExpectedContractDuration?: unknown;
}

export interface OpportunityLifeCycle {
	Stage?: string;
	ClosedLostReason?: string;
	NextSteps?: string;
	TargetCloseDate?: string;
	ReviewStatus?: string;
	ReviewComments?: string;
	ReviewStatusReason?: string;
	NextStepsHistory?: unknown[];
}

/** The common part of CreateOpportunity / UpdateOpportunity requests and GetOpportunity output. */
export interface OpportunityBody {
	Catalog?: string;
	ClientToken?: string;
	Origin?: string;
	OpportunityType?: string;
	NationalSecurity?: string;
	PrimaryNeedsFromAws?: string[];
	PartnerOpportunityIdentifier?: string;
	Customer?: { Account?: OpportunityAccount; Contacts?: OpportunityContact[] };
	Project?: OpportunityProject;
	LifeCycle?: OpportunityLifeCycle;
	Marketing?: Record<string, unknown>;
	SoftwareRevenue?: Record<string, unknown>;
	OpportunityTeam?: OpportunityContact[];
	Tags?: Array<{ Key: string; Value: string }>;
}

/** GetOpportunity output (JSON). */
export interface Opportunity extends OpportunityBody {
	Id?: string;
	Arn?: string;
	LastModifiedDate?: string;
	CreatedDate?: string;
	RelatedEntityIdentifiers?: Record<string, string[] | undefined>;
}

export interface UpdateOpportunityRequest extends OpportunityBody {
	Identifier: string;
	LastModifiedDate: string;
}

/** GetAwsOpportunitySummary output (the parts the mapper reads). */
export interface AwsOpportunitySummary {
	RelatedOpportunityId?: string;
	Origin?: string;
	InvolvementType?: string;
	Visibility?: string;
	LifeCycle?: { Stage?: string; ClosedLostReason?: string; NextSteps?: string; TargetCloseDate?: string };
	OpportunityTeam?: Array<{ Email?: string; FirstName?: string; LastName?: string; BusinessTitle?: string }>;
	Insights?: { EngagementScore?: string; NextBestActions?: string };
	Project?: { ExpectedCustomerSpend?: ExpectedCustomerSpend[] };
}

/** GetEngagementInvitation output (the parts the mapper reads). */
export interface EngagementInvitation {
	Id?: string;
	Arn?: string;
	Catalog?: string;
	PayloadType?: string;
	EngagementId?: string;
	EngagementTitle?: string;
	Status?: string;
	InvitationDate?: string;
	ExpirationDate?: string;
	SenderCompanyName?: string;
	InvitationMessage?: string;
	Payload?: {
		OpportunityInvitation?: {
			SenderContacts?: OpportunityContact[];
			ReceiverResponsibilities?: string[];
			Customer?: { Industry?: string; CompanyName?: string; WebsiteUrl?: string; CountryCode?: string };
			Project?: {
				BusinessProblem?: string;
				Title?: string;
				TargetCompletionDate?: string;
				ExpectedCustomerSpend?: ExpectedCustomerSpend[];
			};
		};
		LeadInvitation?: {
			Customer?: {
				Industry?: string;
				CompanyName?: string;
				WebsiteUrl?: string;
				CountryCode?: string;
				AwsMaturity?: string;
				MarketSegment?: string;
			};
			Interaction?: {
				SourceType?: string;
				SourceId?: string;
				SourceName?: string;
				Usecase?: string;
				ContactBusinessTitle?: string;
			};
		};
	};
}

export type HubSpotProperties = Record<string, string>;
