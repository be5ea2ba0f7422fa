import { describe, expect, it } from 'vitest';
import { checkUscc } from '../domain/uscc.ts';
import { DEMO_PASSWORD, generateDemoData, type DemoUnit } from './generate-demo-data.ts';
import { createRng, weightedTable } from './prng.ts';

const AS_OF = '2026-05-01';
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);
const YEAR_MS = 365 * 86_400_000;
const data = generateDemoData({ seed: 20260501, asOf: AS_OF });
const { units, inspectors, accounts } = data;

const share = (pred: (u: DemoUnit) => boolean, of: readonly DemoUnit[] = units): number =>
  of.filter(pred).length / of.length;

describe('demo data generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDemoData({ seed: 20260501, asOf: AS_OF })).toEqual(data);
    const other = generateDemoData({ seed: 20260502, asOf: AS_OF });
    expect(other.units.map((u) => u.uscc)).not.toEqual(units.map((u) => u.uscc));
    expect(other.units.map((u) => u.name)).not.toEqual(units.map((u) => u.name));
  });

  it('generates 12,000 units by default, and the same staff whatever the unit count', () => {
    expect(units).toHaveLength(12_000);
    const small = generateDemoData({ seed: 20260501, asOf: AS_OF, unitCount: 25 });
    expect(small.units).toHaveLength(25);
    expect(small.inspectors).toEqual(inspectors);
    expect(small.accounts).toEqual(accounts);
    expect(generateDemoData({ seed: 1, asOf: AS_OF, unitCount: 0 }).units).toEqual([]);
  });

  // Its speed is measured by the start-up benchmark (npm run bench -- startup), never asserted in a test.
  it('generates the default 12,000 units', () => {
    expect(generateDemoData({ seed: 3, asOf: AS_OF }).units).toHaveLength(12_000);
  });

  it('rejects a malformed asOf or unit count', () => {
    expect(() => generateDemoData({ seed: 1, asOf: '2026-5-1' })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1, asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1, asOf: AS_OF, unitCount: -1 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1, asOf: AS_OF, unitCount: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: Number.NaN, asOf: AS_OF })).toThrow(RangeError);
  });

  it('builds the 金华 org tree and the 市区 collaboration zone', () => {
    expect(data.orgs.map((o) => [o.key, o.parentKey, o.kind, o.name, o.shortName, o.divisionCode])).toEqual([
      ['corps', null, 'corps', '浙江省消防救援总队', '浙江总队', '330000'],
      ['jinhua', 'corps', 'detachment', '金华市消防救援支队', '金华支队', '330700'],
      ['wucheng', 'jinhua', 'brigade', '婺城区消防救援大队', '婺城大队', '330702'],
      ['jindong', 'jinhua', 'brigade', '金东区消防救援大队', '金东大队', '330703'],
      ['lanxi', 'jinhua', 'brigade', '兰溪市消防救援大队', '兰溪大队', '330781'],
    ]);
    expect(data.zones).toEqual([
      { name: '金华市区协作区', detachmentKey: 'jinhua', brigadeKeys: ['wucheng', 'jindong'] },
    ]);
  });
});

describe('demo units', () => {
  const brigadeCode: Record<string, string> = { wucheng: '330702', jindong: '330703', lanxi: '330781' };

  it('gives every unit a valid, unique 统一社会信用代码 without warnings', () => {
    const problems = units.filter((u) => {
      const r = checkUscc(u.uscc);
      return (
        !r.valid ||
        r.warnings.length > 0 ||
        r.normalized !== u.uscc ||
        !['11', '12', '52', '71', '91', '92', '93'].includes(u.uscc.slice(0, 2)) ||
        ![brigadeCode[u.brigadeKey], '330700', '330000'].includes(u.uscc.slice(2, 8))
      );
    });
    expect(problems).toEqual([]);
    expect(new Set(units.map((u) => u.uscc)).size).toBe(units.length);
    expect(share((u) => u.uscc.startsWith('9'))).toBeGreaterThan(0.9);
    expect(share((u) => u.uscc.slice(2, 8) === brigadeCode[u.brigadeKey])).toBeGreaterThan(0.75);
  });

  it('registers small venues mostly as 个体工商户 and schools and hospitals as 事业单位 or companies', () => {
    const small = units.filter((u) => u.category === 'small_venue');
    expect(share((u) => u.uscc.startsWith('92'), small)).toBeGreaterThan(0.6);
    expect(units.some((u) => u.uscc.startsWith('12') && /(学|医院|卫生)/.test(u.name))).toBe(true);
    expect(units.some((u) => u.uscc.startsWith('11') && u.industry === '机关')).toBe(true);
  });

  it('splits units over the brigades roughly 40/33/27 with matching district codes and streets', () => {
    expect(share((u) => u.brigadeKey === 'wucheng')).toBeCloseTo(0.4, 1);
    expect(share((u) => u.brigadeKey === 'jindong')).toBeCloseTo(0.33, 1);
    expect(share((u) => u.brigadeKey === 'lanxi')).toBeCloseTo(0.27, 1);
    const problems = units.filter(
      (u) =>
        u.districtCode !== brigadeCode[u.brigadeKey] ||
        !/(街道|镇|乡)$/.test(u.street) ||
        !/^浙江省(金华市婺城区|金华市金东区|兰溪市)/.test(u.registeredAddress) ||
        (u.address !== null && !u.address.startsWith('浙江省')),
    );
    expect(problems).toEqual([]);
    expect(
      units.filter((u) => u.brigadeKey === 'lanxi').every((u) => u.registeredAddress.startsWith('浙江省兰溪市')),
    ).toBe(true);
  });

  it('keeps category proportions within tolerance', () => {
    expect(Math.abs(share((u) => u.category === 'key') - 0.04)).toBeLessThan(0.01);
    expect(Math.abs(share((u) => u.category === 'general') - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(share((u) => u.category === 'small_venue') - 0.4)).toBeLessThan(0.02);
    expect(Math.abs(share((u) => u.category === 'other') - 0.06)).toBeLessThan(0.015);
    const key = units.filter((u) => u.category === 'key');
    expect(share((u) => u.isCrowded, key)).toBeGreaterThan(0.35);
    expect(share((u) => u.isCrowded, key)).toBeLessThan(0.75);
    expect(
      share(
        (u) => u.isCrowded,
        units.filter((u) => u.category === 'general'),
      ),
    ).toBeGreaterThan(0.1);
    expect(share((u) => u.isFlammable)).toBeGreaterThan(0.01);
    expect(share((u) => u.isFlammable)).toBeLessThan(0.035);
    expect(share((u) => u.isHighRise)).toBeGreaterThan(0.03);
    expect(share((u) => u.isHighRise)).toBeLessThan(0.08);
    expect(new Set(units.map((u) => u.industry)).size).toBeGreaterThanOrEqual(25);
  });

  it('gives key units mostly high or medium risk and small venues mostly low or medium', () => {
    const key = units.filter((u) => u.category === 'key');
    const small = units.filter((u) => u.category === 'small_venue');
    expect(share((u) => u.riskLevel !== 'low', key)).toBeGreaterThan(0.85);
    expect(share((u) => u.riskLevel === 'high', key)).toBeGreaterThan(0.4);
    expect(share((u) => u.riskLevel !== 'high', small)).toBeGreaterThan(0.9);
    expect(units.filter((u) => u.isFlammable && u.category === 'key').every((u) => u.riskLevel === 'high')).toBe(true);
  });

  it('tags 高层建筑 exactly on high-rise units and uses only the known tags, sparsely', () => {
    const known = [
      '高层建筑',
      '电动自行车集中停放场所',
      '地下空间',
      '大型商业综合体',
      '老旧小区',
      '沿街商铺',
      '“三合一”场所',
      '冷库',
    ];
    const problems = units.filter(
      (u) =>
        u.tags.includes('高层建筑') !== u.isHighRise ||
        new Set(u.tags).size !== u.tags.length ||
        u.tags.some((t) => !known.includes(t)) ||
        (u.tags.includes('大型商业综合体') && u.category !== 'key'),
    );
    expect(problems).toEqual([]);
    for (const t of known)
      expect(
        units.some((u) => u.tags.includes(t)),
        t,
      ).toBe(true);
    expect(share((u) => u.tags.length > 0)).toBeLessThan(0.35);
  });

  it('has about 93% active units and every non-active status, each dated before asOf', () => {
    expect(share((u) => u.status === 'active')).toBeCloseTo(0.93, 1);
    for (const s of ['suspended', 'deregistered', 'relocated', 'not_found'] as const) {
      expect(
        units.some((u) => u.status === s),
        s,
      ).toBe(true);
    }
    expect(share((u) => u.status === 'deregistered')).toBeGreaterThan(share((u) => u.status === 'not_found'));
    const problems = units.filter((u) =>
      u.statusChangedAt === null
        ? u.status !== 'active'
        : u.status === 'active' ||
          !(Date.parse(u.statusChangedAt) < AS_OF_MS) ||
          !(Date.parse(u.statusChangedAt) >= Date.parse(u.createdAt)),
    );
    expect(problems).toEqual([]);
  });

  it('marks about 10% of units stale and never updates a unit before it was created', () => {
    const problems = units.filter((u) => {
      const created = Date.parse(u.createdAt);
      const updated = Date.parse(u.updatedAt);
      return (
        new Date(created).toISOString() !== u.createdAt ||
        new Date(updated).toISOString() !== u.updatedAt ||
        !(created > AS_OF_MS - 5 * YEAR_MS - 2 * 86_400_000) ||
        !(updated >= created) ||
        !(updated < AS_OF_MS)
      );
    });
    expect(problems).toEqual([]);
    const stale = share((u) => Date.parse(u.updatedAt) < AS_OF_MS - YEAR_MS);
    expect(stale).toBeGreaterThan(0.08);
    expect(stale).toBeLessThan(0.12);
  });

  it('fills contacts at the expected rates and always names both safety persons of key units', () => {
    const near = (p: number, target: number): void => expect(Math.abs(p - target)).toBeLessThan(0.025);
    near(
      share((u) => u.contactName !== null),
      0.95,
    );
    near(
      share((u) => u.contactPhone !== null),
      0.92,
    );
    near(
      share((u) => u.safetyOwner !== null),
      0.9,
    );
    near(
      share((u) => u.safetyManager !== null),
      0.8,
    );
    near(
      share((u) => u.address !== null),
      0.96,
    );
    const problems = units.filter(
      (u) =>
        (u.contactPhone !== null && !/^1[358]\d{9}$/.test(u.contactPhone)) ||
        [u.contactName, u.safetyOwner, u.safetyManager].some((n) => n !== null && !/^[\u4e00-\u9fff]{2,3}$/.test(n)) ||
        (u.category === 'key' && (u.safetyOwner === null || u.safetyManager === null)),
    );
    expect(problems).toEqual([]);
  });

  it('takes most units from market regulation and some from data sharing or manual entry', () => {
    expect(share((u) => u.source === 'market_regulation')).toBeGreaterThan(0.7);
    expect(share((u) => u.source === 'department_share')).toBeGreaterThan(0.02);
    expect(share((u) => u.source === 'manual')).toBeGreaterThan(0.02);
  });

  it('keeps unit names believable and almost all unique', () => {
    expect(new Set(units.map((u) => u.name)).size / units.length).toBeGreaterThan(0.99);
    expect(units.filter((u) => !/^[\u4e00-\u9fff][\u4e00-\u9fffA-Z（）]{3,}$/.test(u.name))).toEqual([]);
    expect(units.some((u) => /有限公司$/.test(u.name))).toBe(true);
    expect(units.some((u) => /(餐饮店|小吃店|面馆)$/.test(u.name) && u.category === 'small_venue')).toBe(true);
  });
});

describe('demo inspectors and accounts', () => {
  it('gives each brigade 7–10 inspectors with 1–2 part-timers and consistent roles and draw weights', () => {
    for (const key of ['wucheng', 'jindong', 'lanxi']) {
      const mine = inspectors.filter((i) => i.brigadeKey === key);
      expect(mine.length).toBeGreaterThanOrEqual(7);
      expect(mine.length).toBeLessThanOrEqual(10);
      const partTime = mine.filter((i) => i.post === 'part_time').length;
      expect(partTime).toBeGreaterThanOrEqual(1);
      expect(partTime).toBeLessThanOrEqual(2);
    }
    for (const i of inspectors) {
      expect(i.roles).toEqual(i.post === 'full_time' ? ['lead', 'assistant'] : ['assistant']);
      expect(i.drawWeight).toBe(i.post === 'full_time' ? 2 : 1);
      expect(i.badgeNo).toMatch(/^ZJ(330702|330703|330781)-\d{4}$/);
      expect(i.certificateNo).toMatch(/^浙执法(330702|330703|330781)\d{4}\d{5}$/);
      expect(i.certificateNo.slice(9, 13)).toBe(i.certificateValidFrom.slice(0, 4));
      expect(i.phone).toMatch(/^1[358]\d{9}$/);
      expect(i.certificateValidFrom < i.certificateValidUntil).toBe(true);
      expect(i.certificateValidFrom < AS_OF).toBe(true);
    }
    for (const field of ['name', 'badgeNo', 'certificateNo', 'phone'] as const) {
      expect(new Set(inspectors.map((i) => i[field])).size, field).toBe(inspectors.length);
    }
  });

  it('has exactly one expired certificate in the whole dataset', () => {
    expect(inspectors.filter((i) => i.certificateValidUntil < AS_OF)).toHaveLength(1);
    for (const seed of [1, 2, 3, 4, 5]) {
      const other = generateDemoData({ seed, asOf: AS_OF, unitCount: 0 });
      expect(
        other.inspectors.filter((i) => i.certificateValidUntil < AS_OF),
        `seed ${seed}`,
      ).toHaveLength(1);
    }
  });

  it('creates one account per role, with the demo inspector linked to the first full-time 婺城 inspector', () => {
    expect(accounts.map((a) => [a.username, a.role, a.orgKey])).toEqual([
      ['admin', 'system_admin', 'corps'],
      ['zhidui', 'org_admin', 'jinhua'],
      ['wucheng', 'brigade_admin', 'wucheng'],
      ['jindong', 'brigade_admin', 'jindong'],
      ['jiandu', 'inspector', 'wucheng'],
      ['jijian', 'auditor', 'jinhua'],
      ['jijian2', 'auditor', 'jinhua'],
    ]);
    const lead = inspectors.find((i) => i.brigadeKey === 'wucheng' && i.post === 'full_time');
    const jiandu = accounts.find((a) => a.username === 'jiandu');
    expect(jiandu).toMatchObject({ inspectorBadgeNo: lead?.badgeNo, displayName: lead?.name });
    expect(lead && lead.certificateValidUntil >= AS_OF).toBe(true);
    expect(accounts.filter((a) => a.username !== 'jiandu').every((a) => a.inspectorBadgeNo === null)).toBe(true);
    expect(new Set(accounts.map((a) => a.displayName)).size).toBe(accounts.length);
    expect(DEMO_PASSWORD).toBe('Demo@2026');
  });
});

describe('demo-data PRNG', () => {
  it('repeats its sequence for a seed and stays within the requested bounds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = createRng(7);
    const ints = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('never picks a zero-weight value and honours the weights', () => {
    const r = createRng(9);
    const pairs: [string, number][] = [
      ['a', 3],
      ['never', 0],
      ['b', 1],
    ];
    const table = weightedTable(pairs);
    let a = 0;
    for (let i = 0; i < 4000; i++) {
      const v = r.weighted(pairs);
      const w = table(r);
      expect(v).not.toBe('never');
      expect(w).not.toBe('never');
      if (v === 'a') a++;
    }
    expect(a / 4000).toBeCloseTo(0.75, 1);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.weighted([['x', 0]])).toThrow(RangeError);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });
});
