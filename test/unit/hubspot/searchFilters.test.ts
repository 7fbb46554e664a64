/** Search filter rows to HubSpot filterGroups (hubspot.md 2.2 "Search", 2.4 limits), and the output of Get Deal. */
import { getDealOutput, mergedAwayOutput } from '../../../nodes/HubSpotPartnerCentral/actions/deal/get.operation';
import { withIdFloor } from '../../../nodes/shared/hubspot/objects';
import { buildFilterGroups, FilterError, toHubSpotFilter } from '../../../nodes/shared/hubspot/searchFilters';

describe('toHubSpotFilter', () => {
	it.each([
		[{ propertyName: 'amount', operator: 'GT', value: ' 100 ' }, { propertyName: 'amount', operator: 'GT', value: '100' }],
		[{ propertyName: 'dealstage', operator: 'in', value: 'a, b,,c' }, { propertyName: 'dealstage', operator: 'IN', values: ['a', 'b', 'c'] }],
		[{ propertyName: 'x', operator: 'NOT_IN', value: ['a', ' b '] }, { propertyName: 'x', operator: 'NOT_IN', values: ['a', 'b'] }],
		[{ propertyName: 'x', operator: 'HAS_PROPERTY', value: 'ignored' }, { propertyName: 'x', operator: 'HAS_PROPERTY' }],
		[{ propertyName: 'x', value: 'v' }, { propertyName: 'x', operator: 'EQ', value: 'v' }],
		[{ propertyName: 'closedate', operator: 'LT', value: new Date('2026-01-01T00:00:00Z') }, { propertyName: 'closedate', operator: 'LT', value: '2026-01-01T00:00:00.000Z' }],
	])('%j -> %j', (row, expected) => {
		expect(toHubSpotFilter(row, 1)).toEqual(expected);
	});

	it.each([
		[{ operator: 'EQ', value: 'x' }, 'Filter 2 has no property name'],
		[{ propertyName: 'a', operator: 'LIKE', value: 'x' }, 'Filter 2: "LIKE" is not a search operator'],
		[{ propertyName: 'a', operator: 'EQ', value: '  ' }, 'Filter 2 (a EQ) needs a value'],
		[{ propertyName: 'a', operator: 'IN', value: ' , ' }, 'Filter 2 (a IN) needs at least one value (comma-separated)'],
	])('rejects %j', (row, message) => {
		expect(() => toHubSpotFilter(row, 2)).toThrow(FilterError);
		expect(() => toHubSpotFilter(row, 2)).toThrow(message);
	});
});

describe('buildFilterGroups', () => {
	const row = (group: number, name = 'p') => ({ propertyName: name, operator: 'HAS_PROPERTY', group });

	it('groups by number in order of first appearance; no rows = no groups', () => {
		expect(buildFilterGroups([])).toEqual([]);
		expect(buildFilterGroups([row(2, 'a'), row(1, 'b'), row(2, 'c')])).toEqual([
			{ filters: [{ propertyName: 'a', operator: 'HAS_PROPERTY' }, { propertyName: 'c', operator: 'HAS_PROPERTY' }] },
			{ filters: [{ propertyName: 'b', operator: 'HAS_PROPERTY' }] },
		]);
		// A missing group is group 1.
		expect(buildFilterGroups([{ propertyName: 'a', operator: 'HAS_PROPERTY' }, row(1, 'b')])).toHaveLength(1);
	});

	it('keeps room for the paging filter in every group and in the total', () => {
		expect(buildFilterGroups(Array.from({ length: 5 }, () => row(1)))[0].filters).toHaveLength(5);
		expect(() => buildFilterGroups(Array.from({ length: 6 }, () => row(1)))).toThrow('group 1 has 6');
		expect(() => buildFilterGroups([1, 2, 3, 4, 5, 6].map((g) => row(g)))).toThrow('at most 5 filter groups');
		// 3 groups x 5 = 15 filters + 3 paging filters = 18: allowed; one more is not.
		const fifteen = [1, 2, 3].flatMap((g) => Array.from({ length: 5 }, () => row(g)));
		expect(buildFilterGroups(fifteen)).toHaveLength(3);
		const groups = buildFilterGroups(fifteen);
		expect(withIdFloor(groups, '9').flatMap((g) => g.filters as unknown[])).toHaveLength(18);
		expect(() => buildFilterGroups([...[1, 2, 3, 4].flatMap((g) => Array.from({ length: 4 }, () => row(g))), row(5)])).toThrow('Use at most 13 filters with 5 group(s)');
	});

	it('withIdFloor reads descending with LT', () => {
		expect(withIdFloor([], '7', 'LT')).toEqual([{ filters: [{ propertyName: 'hs_object_id', operator: 'LT', value: '7' }] }]);
	});
});

describe('getDealOutput', () => {
	const raw = (id: string, merged?: string, archived = false) => ({
		id,
		properties: { dealname: 'x', hs_merged_object_ids: merged ?? null },
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-02T00:00:00.000Z',
		archived,
		...(archived ? { archivedAt: '2026-01-03T00:00:00.000Z' } : {}),
	});

	it.each([
		['live deal', '1', raw('1'), { id: '1', merged: false, archived: false }],
		['survivor of a merge', '1', raw('1', '2;3'), { id: '1', merged: false }],
		['merged-away id, answered with the survivor', '3', raw('1', '2;3'), { id: '1', requestedId: '3', merged: true, mergedIntoDealId: '1' }],
		['survivor id differing without the property', '5', raw('1'), { id: '1', merged: true, mergedIntoDealId: '1' }],
		['deleted deal', '4', raw('4', undefined, true), { id: '4', archived: true, archivedAt: '2026-01-03T00:00:00.000Z', merged: false }],
	])('%s', (_, requested, body, expected) => {
		const out = getDealOutput(requested, body);
		expect(out).toMatchObject({ found: true, requestedId: requested, createdAt: '2026-01-01T00:00:00.000Z', ...expected });
		if (!expected.merged) expect(out).not.toHaveProperty('mergedIntoDealId');
	});

	it('mergedAwayOutput: the merged deal\'s own record, merged into the survivor', () => {
		expect(mergedAwayOutput('3', raw('3', undefined, true), '1')).toMatchObject({ id: '3', requestedId: '3', merged: true, mergedIntoDealId: '1', archived: true });
	});
});
