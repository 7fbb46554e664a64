import { deterministicClientToken } from '../../../nodes/shared/sync/clientToken';
import {
	changedPaths,
	editWindowFor,
	isPathEditable,
	refusedChanges,
} from '../../../nodes/shared/sync/editWindows';
import { FIELD_OWNERSHIP, winningSide } from '../../../nodes/shared/sync/fieldOwnership';
import { syncFingerprint } from '../../../nodes/shared/sync/fingerprint';
import { DEAL_PROPERTIES } from '../../../nodes/shared/sync/hubspotProperties';
import { stableStringify } from '../../../nodes/shared/sync/stableJson';

describe('stableStringify', () => {
	it('ignores key order and undefined members', () => {
		expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
			stableStringify({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }),
		);
	});
	it('keeps array order', () => {
		expect(stableStringify([1, 2])).not.toBe(stableStringify([2, 1]));
	});
});

describe('deterministicClientToken', () => {
	const body = { Catalog: 'AWS', Project: { Title: 'Migration' } };
	it('is stable for the same intent and body, whatever the key order or an existing ClientToken', () => {
		const a = deterministicClientToken('CreateOpportunity:deal:1', body);
		const b = deterministicClientToken('CreateOpportunity:deal:1', {
			Project: { Title: 'Migration' },
			Catalog: 'AWS',
			ClientToken: 'whatever',
		});
		expect(a).toBe(b);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
	});
	it('changes with the body and with the intent', () => {
		const a = deterministicClientToken('CreateOpportunity:deal:1', body);
		expect(deterministicClientToken('CreateOpportunity:deal:2', body)).not.toBe(a);
		expect(
			deterministicClientToken('CreateOpportunity:deal:1', { ...body, Project: { Title: 'Other' } }),
		).not.toBe(a);
	});
});

describe('syncFingerprint', () => {
	it('treats empty, null and missing alike and ignores key order', () => {
		expect(syncFingerprint({ a: '1', b: '', c: null, d: [] })).toBe(syncFingerprint({ a: 1 }));
		expect(syncFingerprint({ x: { b: 2, a: 1 } })).toBe(syncFingerprint({ x: { a: 1, b: 2 } }));
	});
	it('differs when a synced value differs', () => {
		expect(syncFingerprint({ a: '1' })).not.toBe(syncFingerprint({ a: '2' }));
	});
});

describe('edit windows (partner-central.md C4)', () => {
	it('blocks everything while Submitted or In review, and when Rejected', () => {
		for (const status of ['Submitted', 'In review', 'Rejected']) {
			const w = editWindowFor(status, 'Qualified');
			expect(w.mode).toBe('none');
			expect(isPathEditable(w, 'Project.Title')).toBe(false);
		}
	});
	it('allows only the listed fields under Action Required', () => {
		const w = editWindowFor('Action Required', 'Qualified');
		expect(isPathEditable(w, 'Customer.Account.Address.City')).toBe(true);
		expect(isPathEditable(w, 'Project.ExpectedCustomerSpend.Amount')).toBe(true);
		expect(isPathEditable(w, 'Project.Title')).toBe(false);
		expect(isPathEditable(w, 'Customer.Account.Industry')).toBe(false);
	});
	it('freezes the listed fields after Approved and leaves the rest editable', () => {
		const w = editWindowFor('Approved', 'Committed');
		expect(isPathEditable(w, 'Project.Title')).toBe(false);
		expect(isPathEditable(w, 'Customer.Account.WebsiteUrl')).toBe(false);
		expect(isPathEditable(w, 'LifeCycle.NextSteps')).toBe(true);
		expect(isPathEditable(w, 'Customer.Account.Address.City')).toBe(true);
	});
	it('allows everything before submission', () => {
		expect(editWindowFor('Pending Submission', 'Prospect').mode).toBe('all');
		expect(editWindowFor(undefined, undefined).mode).toBe('all');
	});
	it('restricts Launched and Closed Lost opportunities', () => {
		expect(isPathEditable(editWindowFor('Approved', 'Launched'), 'Project.DeliveryModels')).toBe(true);
		expect(isPathEditable(editWindowFor('Approved', 'Launched'), 'LifeCycle.NextSteps')).toBe(false);
		expect(editWindowFor('Approved', 'Closed Lost').mode).toBe('none');
	});
});

describe('changedPaths / refusedChanges', () => {
	const before = {
		Project: { Title: 'A', ExpectedCustomerSpend: [{ Amount: '10', CurrencyCode: 'USD' }] },
		Customer: { Account: { Address: { City: 'Paris' } } },
		LifeCycle: { ReviewStatus: 'Action Required' },
	};
	it('lists leaf paths that differ, with array members addressed without index', () => {
		const after = {
			Project: { Title: 'B', ExpectedCustomerSpend: [{ Amount: '20', CurrencyCode: 'USD' }] },
			Customer: { Account: { Address: { City: 'Paris' } } },
			LifeCycle: { ReviewStatus: 'Action Required' },
		};
		expect(changedPaths(before, after)).toEqual(['Project.ExpectedCustomerSpend.Amount', 'Project.Title']);
	});
	it('treats empty string, null and missing as equal', () => {
		expect(changedPaths({ a: '', b: null }, { c: undefined })).toEqual([]);
	});
	it('refuses the title under Action Required but not the spend or read-only fields', () => {
		const after = {
			...before,
			Project: { Title: 'B', ExpectedCustomerSpend: [{ Amount: '20', CurrencyCode: 'USD' }] },
			LifeCycle: { ReviewStatus: 'Approved' },
		};
		expect(refusedChanges(editWindowFor('Action Required'), before, after)).toEqual(['Project.Title']);
	});
});

describe('HubSpot property catalog', () => {
	it('has unique aws_* names', () => {
		const names = DEAL_PROPERTIES.map((p) => p.name);
		expect(new Set(names).size).toBe(names.length);
		for (const n of names) expect(n).toMatch(/^aws_[a-z_]+$/);
	});
	it('gives options to every enumeration', () => {
		for (const p of DEAL_PROPERTIES.filter((x) => x.type === 'enumeration')) {
			expect(p.options?.length).toBeGreaterThan(0);
		}
	});
});

describe('field ownership', () => {
	it('never lets the non-owner win for owned fields', () => {
		expect(winningSide('hubspot', 1, 2)).toBe('hubspot');
		expect(winningSide('partnerCentral', 2, 1, 'hubspotWins')).toBe('partnerCentral');
	});
	it('resolves shared fields by last writer, or by the Settings policy', () => {
		expect(winningSide('shared', 1, 2)).toBe('partnerCentral');
		expect(winningSide('shared', 2, 1)).toBe('hubspot');
		expect(winningSide('shared', 2, 2)).toBe('hubspot');
		expect(winningSide('shared', undefined, 1)).toBe('partnerCentral');
		expect(winningSide('shared', 1, 2, 'hubspotWins')).toBe('hubspot');
		expect(winningSide('shared', 2, 1, 'partnerCentralWins')).toBe('partnerCentral');
	});
	it('maps each Partner Central path once', () => {
		const paths = FIELD_OWNERSHIP.map((f) => f.partnerCentral);
		expect(new Set(paths).size).toBe(paths.length);
	});
});
