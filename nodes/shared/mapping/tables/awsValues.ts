/**
 * Value lists Partner Central accepts. Enum lists come from the installed SDK (one source of truth); the lists AWS
 * gives only in documentation text (CustomerUseCase) are written here from the SDK field docs.
 */
import {
	CompetitorName,
	CountryCode,
	DeliveryModel,
	NationalSecurity,
	OpportunityOrigin,
	OpportunityType,
	PrimaryNeedFromAws,
	SalesActivity,
} from '@aws-sdk/client-partnercentral-selling';

export const DELIVERY_MODELS: readonly string[] = Object.values(DeliveryModel);
export const PRIMARY_NEEDS: readonly string[] = Object.values(PrimaryNeedFromAws);
export const SALES_ACTIVITIES: readonly string[] = Object.values(SalesActivity);
export const COMPETITOR_NAMES: readonly string[] = Object.values(CompetitorName);
export const OPPORTUNITY_TYPES: readonly string[] = Object.values(OpportunityType);
export const ORIGINS: readonly string[] = Object.values(OpportunityOrigin);
export const NATIONAL_SECURITY_VALUES: readonly string[] = Object.values(NationalSecurity);
export const AWS_COUNTRY_CODES: readonly string[] = Object.values(CountryCode);

/** The currencies the service accepts in ExpectedCustomerSpend (SDK field docs), although the enum lists 168. */
export const ACCEPTED_CURRENCIES: readonly string[] = ['USD', 'EUR'];

/** Project.CustomerUseCase valid values (SDK field docs). */
export const CUSTOMER_USE_CASES: readonly string[] = [
	'AI Machine Learning and Analytics',
	'Archiving',
	'Big Data: Data Warehouse/Data Integration/ETL/Data Lake/BI',
	'Blockchain',
	'Business Applications: Mainframe Modernization',
	'Business Applications & Contact Center',
	'Business Applications & SAP Production',
	'Centralized Operations Management',
	'Cloud Management Tools',
	'Cloud Management Tools & DevOps with Continuous Integration & Continuous Delivery (CICD)',
	'Configuration, Compliance & Auditing',
	'Connected Services',
	'Containers & Serverless',
	'Content Delivery & Edge Services',
	'Database',
	'Edge Computing/End User Computing',
	'Energy',
	'Enterprise Governance & Controls',
	'Enterprise Resource Planning',
	'Financial Services',
	'Healthcare and Life Sciences',
	'High Performance Computing',
	'Hybrid Application Platform',
	'Industrial Software',
	'IOT',
	'Manufacturing, Supply Chain and Operations',
	'Media & High performance computing (HPC)',
	'Migration/Database Migration',
	'Monitoring, logging and performance',
	'Monitoring & Observability',
	'Networking',
	'Outpost',
	'SAP',
	'Security & Compliance',
	'Storage & Backup',
	'Training',
	'VMC',
	'VMWare',
	'Web development & DevOps',
];
