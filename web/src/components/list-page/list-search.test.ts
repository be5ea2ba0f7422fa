import { AuditListQuery } from '@contracts/audit.ts';
import { PageQuery } from '@contracts/common.ts';
import { ExternalPersonListQuery, InspectorListQuery } from '@contracts/inspectors.ts';
import { UNIT_CATEGORY_VALUES, UNIT_SORT_VALUES, UnitListQuery } from '@contracts/units.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanFilters,
  defaultListQuery,
  filtersOf,
  hasFilters,
  listHref,
  listSearchOf,
  parseListSearch,
  withFilters,
  withPage,
  withSort,
} from './list-search.ts';
import type { ListQuery, ListQuerySchema } from './list-search.ts';

const parse = <Q extends ListQuery>(schema: ListQuerySchema<Q>, search: string) =>
  parseListSearch(schema, new URLSearchParams(search));

describe('reading a list from the address bar', () => {
  it('gives the schema defaults when the address says nothing', () => {
    expect(parse(UnitListQuery, '')).toEqual({ page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' });
    expect(parse(AuditListQuery, '')).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads the page, page size, sort and comma-separated lists with the contract schema', () => {
    expect(parse(UnitListQuery, 'q=宾馆&category=key,general&page=3&pageSize=50&sort=name&order=asc')).toEqual({
      q: '宾馆',
      category: ['key', 'general'],
      page: 3,
      pageSize: 50,
      sort: 'name',
      order: 'asc',
    });
  });

  it('falls back to the default for each refused value and keeps the rest of the address', () => {
    expect(parse(UnitListQuery, 'page=abc&pageSize=500&category=key,bogus&sort=password&q=宾馆')).toEqual({
      q: '宾馆',
      page: 1,
      pageSize: 20,
      sort: 'updatedAt',
      order: 'desc',
    });
    expect(parse(InspectorListQuery, 'page=-2&orgId=not-a-uuid&status=active')).toEqual({
      page: 1,
      pageSize: 20,
      status: 'active',
    });
  });

  it('refuses a date that does not exist, or one out of range, and keeps the other end of the range', () => {
    expect(parse(AuditListQuery, 'from=2026-02-30&to=2026-03-31')).toEqual({ page: 1, pageSize: 20, to: '2026-03-31' });
    expect(parse(AuditListQuery, 'from=0000-01-01')).toEqual({ page: 1, pageSize: 20 });
  });

  it('refuses text the server would refuse (a NUL) instead of sending it', () => {
    expect(parse(AuditListQuery, 'q=a%00b&action=login')).toEqual({ page: 1, pageSize: 20, action: 'login' });
  });

  it('ignores parameters the list does not know and takes the first of a repeated one', () => {
    expect(parse(ExternalPersonListQuery, 'tab=closed&kind=department_staff&kind=expert')).toEqual({
      kind: 'department_staff',
      page: 1,
      pageSize: 20,
    });
  });
});

describe('writing a list to the address bar', () => {
  it('leaves defaults and empty values out, so an untouched list has a clean address', () => {
    expect(listSearchOf(UnitListQuery, defaultListQuery(UnitListQuery)).toString()).toBe('');
    expect(listSearchOf(UnitListQuery, { q: '', category: [], page: 1, sort: 'updatedAt' }).toString()).toBe('');
  });

  it('writes lists comma-separated, as the API reads them', () => {
    expect(listSearchOf(UnitListQuery, { category: ['key', 'general'], page: 2 }).toString()).toBe(
      'page=2&category=key%2Cgeneral',
    );
  });

  it('keeps the parameters of the address that are not the list’s', () => {
    const current = new URLSearchParams('tab=closed&q=old&page=4');
    expect(listSearchOf(AuditListQuery, { q: 'new', page: 1, pageSize: 20 }, current).toString()).toBe('tab=closed&q=new');
  });

  it('links to a list with filters set', () => {
    expect(listHref('/admin/units', UnitListQuery, { quality: 'stale' })).toBe('/admin/units?quality=stale');
    expect(listHref('/admin/units', UnitListQuery, {})).toBe('/admin/units');
  });

  it('reads back every query it writes', () => {
    const text = fc.string({ unit: fc.constantFrom('宾', '馆', 'a', 'Z', '1', ' ', ',', '&', '=', '%', '?'), maxLength: 20 });
    const query = fc.record(
      {
        q: text.map((value) => value.trim()).filter(Boolean),
        category: fc.uniqueArray(fc.constantFrom(...UNIT_CATEGORY_VALUES), { minLength: 1 }),
        sort: fc.constantFrom(...UNIT_SORT_VALUES),
        order: fc.constantFrom('asc' as const, 'desc' as const),
        page: fc.integer({ min: 1, max: 10_000 }),
        pageSize: fc.integer({ min: 1, max: 200 }),
      },
      { requiredKeys: ['sort', 'order', 'page', 'pageSize'] },
    );
    fc.assert(
      fc.property(query, (written) => {
        expect(parseListSearch(UnitListQuery, listSearchOf(UnitListQuery, written))).toEqual(written);
      }),
      { numRuns: 300 },
    );
  });
});

describe('changing a list', () => {
  const query = parse(UnitListQuery, 'q=宾馆&status=active&page=4&pageSize=50&sort=name&order=asc');

  it('starts a search from page 1 and keeps the page size and the sort', () => {
    expect(withFilters(query, { category: ['key'] })).toEqual({
      category: ['key'],
      page: 1,
      pageSize: 50,
      sort: 'name',
      order: 'asc',
    });
  });

  it('clears the filters a search leaves out, and trims what was typed', () => {
    const next = withFilters(query, { q: '  酒店 ', status: [] });
    expect(next).toEqual({ q: '酒店', page: 1, pageSize: 50, sort: 'name', order: 'asc' });
  });

  it('keeps a tab that is part of the query when the filters change', () => {
    const people = parse(ExternalPersonListQuery, 'kind=department_staff&q=张&page=3');
    expect(withFilters(people, {}, ['kind'])).toEqual({ kind: 'department_staff', page: 1, pageSize: 20 });
    expect(filtersOf(people, ['kind'])).toEqual({ q: '张' });
  });

  it('goes back to page 1 when the page size changes, not when the page does', () => {
    expect(withPage(query, 7, 50)).toMatchObject({ page: 7, pageSize: 50 });
    expect(withPage(query, 7, 10)).toMatchObject({ page: 1, pageSize: 10 });
  });

  it('sorts from page 1, and a cleared sort is the list’s default order again', () => {
    expect(withSort(query, 'uscc', 'desc')).toMatchObject({ sort: 'uscc', order: 'desc', page: 1 });
    const cleared = withSort(query, 'name', undefined);
    expect(parseListSearch(UnitListQuery, listSearchOf(UnitListQuery, cleared))).toMatchObject({
      sort: 'updatedAt',
      order: 'desc',
    });
  });

  it('counts filters but not the page, page size, sort or a kept tab', () => {
    expect(hasFilters(parse(UnitListQuery, 'page=3&sort=name&order=asc'))).toBe(false);
    expect(hasFilters(parse(UnitListQuery, 'quality=stale'))).toBe(true);
    expect(hasFilters(parse(ExternalPersonListQuery, 'kind=expert'), ['kind'])).toBe(false);
    expect(hasFilters(parse(PageQuery, 'page=2'))).toBe(false);
  });

  it('cleans form values: trimmed text, no empty text, lists or cleared fields', () => {
    expect(cleanFilters({ q: ' a ', role: undefined, status: null, tags: [], flags: ['isCrowded'], empty: '  ' })).toEqual({
      q: 'a',
      flags: ['isCrowded'],
    });
  });
});
