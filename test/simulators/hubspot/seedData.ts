/**
 * Seeded deal pipelines and owners (hubspot.md 2.1 "Pipelines": the default pipeline uses ids like
 * appointmentscheduled ... closedwon, closedlost; custom pipelines use numeric stage ids).
 */
export interface Stage {
	id: string;
	label: string;
	displayOrder: number;
	metadata: { isClosed: string; probability: string };
	createdAt: string;
	updatedAt: string;
	archived: boolean;
	writePermissions: string;
}

export interface Pipeline {
	id: string;
	label: string;
	displayOrder: number;
	stages: Stage[];
	createdAt: string;
	updatedAt: string;
	archived: boolean;
}

export interface Owner {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	userId: number;
	createdAt: string;
	updatedAt: string;
	archived: boolean;
	teams: Array<{ id: string; name: string; primary: boolean }>;
}

type StageRow = [id: string, label: string, probability: string, closed?: boolean];

export function pipeline(id: string, label: string, displayOrder: number, rows: StageRow[], at: string): Pipeline {
	return {
		id,
		label,
		displayOrder,
		createdAt: at,
		updatedAt: at,
		archived: false,
		stages: rows.map(([sid, slabel, probability, closed], i) => ({
			id: sid,
			label: slabel,
			displayOrder: i,
			metadata: { isClosed: String(closed === true), probability },
			createdAt: at,
			updatedAt: at,
			archived: false,
			writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
		})),
	};
}

export function defaultPipelines(at: string): Pipeline[] {
	return [
		pipeline('default', 'Sales Pipeline', 0, [
			['appointmentscheduled', 'Appointment Scheduled', '0.2'],
			['qualifiedtobuy', 'Qualified To Buy', '0.4'],
			['presentationscheduled', 'Presentation Scheduled', '0.6'],
			['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
			['contractsent', 'Contract Sent', '0.9'],
			['closedwon', 'Closed Won', '1.0', true],
			['closedlost', 'Closed Lost', '0.0', true],
		], at),
		pipeline('87654321', 'Partner Co-Sell', 1, [
			['112233401', 'Prospecting', '0.1'],
			['112233402', 'Qualified', '0.3'],
			['112233403', 'Technical Validation', '0.5'],
			['112233404', 'Business Validation', '0.7'],
			['112233405', 'Committed', '0.9'],
			['112233406', 'Launched', '1.0', true],
			['112233407', 'Closed Lost', '0.0', true],
		], at),
	];
}

export function defaultOwners(at: string): Owner[] {
	const owner = (id: string, firstName: string, lastName: string, email: string, userId: number): Owner => ({
		id,
		email,
		firstName,
		lastName,
		userId,
		createdAt: at,
		updatedAt: at,
		archived: false,
		teams: [],
	});
	return [
		owner('75480001', 'Alex', 'Rivera', 'alex.rivera@example.com', 9100001),
		owner('75480002', 'Priya', 'Nair', 'priya.nair@example.com', 9100002),
		owner('75480003', 'Sam', 'Okafor', 'sam.okafor@example.com', 9100003),
	];
}
