import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_KIND_LABELS,
  DEFAULT_DRAW_WEIGHTS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  availabilityOn,
  checkAvailabilityPeriod,
  checkDrawWeightTable,
  defaultDrawWeight,
  isInspectorDrawable,
  isRecused,
  type InspectorDrawFacts,
  type Recusal,
} from './inspector-rules.ts';

const inspector: InspectorDrawFacts = {
  status: 'active',
  certificateNo: '浙消执字第0001号',
  certificateValidFrom: '2024-01-01',
  certificateValidUntil: '2028-12-31',
  availability: [],
  roles: ['lead', 'assistant'],
};

/** Dates 2000-01-01 … 2099-12-31 as YYYY-MM-DD, generated as day offsets. */
const DAY_MS = 86_400_000;
const BASE = Date.UTC(2000, 0, 1);
const toDate = (offset: number) => new Date(BASE + offset * DAY_MS).toISOString().slice(0, 10);
const dateOffset = fc.integer({ min: 1, max: 36_000 });

describe('inspector posts, roles and availability kinds', () => {
  it('labels them in Chinese', () => {
    expect(INSPECTOR_POST_LABELS).toEqual({ full_time: '专职监督员', part_time: '兼职监督员', other: '其他' });
    expect(INSPECTOR_ROLE_LABELS).toEqual({ lead: '主办', assistant: '协办' });
    expect(AVAILABILITY_KIND_LABELS).toEqual({ leave: '请假', seconded: '抽调', frozen: '冻结' });
  });
});

describe('default draw weight', () => {
  it('weighs a full-time inspector twice a part-time one by default', () => {
    expect(DEFAULT_DRAW_WEIGHTS).toEqual({ full_time: 2, part_time: 1, other: 1 });
    expect(defaultDrawWeight('full_time')).toBe(2);
    expect(defaultDrawWeight('part_time')).toBe(1);
  });

  it('takes the weights from an edited table', () => {
    expect(defaultDrawWeight('other', { full_time: 4, part_time: 2, other: 3 })).toBe(3);
  });

  it('refuses weights outside 1–64 or not whole', () => {
    expect(checkDrawWeightTable({ full_time: 0, part_time: 1.5, other: 65 })).toEqual([
      '「专职监督员」的抽取权重应为 1–64 的整数，实际为 0',
      '「兼职监督员」的抽取权重应为 1–64 的整数，实际为 1.5',
      '「其他」的抽取权重应为 1–64 的整数，实际为 65',
    ]);
    expect(() => defaultDrawWeight('full_time', { full_time: 0, part_time: 1, other: 1 })).toThrow(RangeError);
  });
});

describe('isInspectorDrawable', () => {
  it('draws an active inspector with a valid certificate, no absence and a role', () => {
    expect(isInspectorDrawable(inspector, '2026-03-01')).toEqual({ drawable: true });
    expect(isInspectorDrawable(inspector, '2026-03-01', 'lead')).toEqual({ drawable: true });
  });

  it('does not draw an inspector who has been transferred or has retired', () => {
    expect(isInspectorDrawable({ ...inspector, status: 'transferred' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'INACTIVE',
    });
    expect(isInspectorDrawable({ ...inspector, status: 'retired' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'INACTIVE',
    });
  });

  it('needs a certificate number and an end date', () => {
    expect(isInspectorDrawable({ ...inspector, certificateNo: null }, '2026-03-01')).toMatchObject({ reason: 'NO_CERTIFICATE' });
    expect(isInspectorDrawable({ ...inspector, certificateNo: '  ' }, '2026-03-01')).toMatchObject({ reason: 'NO_CERTIFICATE' });
    expect(isInspectorDrawable({ ...inspector, certificateValidUntil: null }, '2026-03-01')).toMatchObject({
      reason: 'NO_CERTIFICATE',
    });
  });

  it('counts the certificate dates inclusively', () => {
    expect(isInspectorDrawable(inspector, '2023-12-31')).toEqual({ drawable: false, reason: 'CERTIFICATE_NOT_YET_VALID' });
    expect(isInspectorDrawable(inspector, '2024-01-01')).toEqual({ drawable: true });
    expect(isInspectorDrawable(inspector, '2028-12-31')).toEqual({ drawable: true });
    expect(isInspectorDrawable(inspector, '2029-01-01')).toEqual({ drawable: false, reason: 'CERTIFICATE_EXPIRED' });
  });

  it('accepts a certificate whose start date is not recorded', () => {
    expect(isInspectorDrawable({ ...inspector, certificateValidFrom: null }, '2020-01-01')).toEqual({ drawable: true });
  });

  it('keeps an inspector out on every day of leave, secondment or freeze, and only then', () => {
    const onLeave = {
      ...inspector,
      availability: [{ kind: 'leave' as const, from: '2026-03-02', to: '2026-03-06', reason: '年休假' }],
    };
    expect(isInspectorDrawable(onLeave, '2026-03-01')).toEqual({ drawable: true });
    expect(isInspectorDrawable(onLeave, '2026-03-02')).toEqual({ drawable: false, reason: 'ON_LEAVE' });
    expect(isInspectorDrawable(onLeave, '2026-03-06')).toEqual({ drawable: false, reason: 'ON_LEAVE' });
    expect(isInspectorDrawable(onLeave, '2026-03-07')).toEqual({ drawable: true });
    const seconded = {
      ...inspector,
      availability: [{ kind: 'seconded' as const, from: '2026-03-01', to: '2026-06-30', reason: '抽调专项整治' }],
    };
    expect(isInspectorDrawable(seconded, '2026-04-15')).toEqual({ drawable: false, reason: 'SECONDED' });
  });

  it('treats a freeze without an end date as lasting until lifted', () => {
    const frozen = {
      ...inspector,
      availability: [{ kind: 'frozen' as const, from: '2026-03-01', to: null, reason: '纪检调查' }],
    };
    expect(isInspectorDrawable(frozen, '2028-12-31')).toEqual({ drawable: false, reason: 'FROZEN' });
  });

  it('reports a freeze before a leave when both cover the day', () => {
    const both = {
      ...inspector,
      availability: [
        { kind: 'leave' as const, from: '2026-03-01', to: '2026-03-10', reason: '病假' },
        { kind: 'frozen' as const, from: '2026-03-05', to: '2026-03-20', reason: '纪检调查' },
      ],
    };
    expect(isInspectorDrawable(both, '2026-03-06')).toMatchObject({ reason: 'FROZEN' });
    expect(availabilityOn(both.availability, '2026-03-02')?.kind).toBe('leave');
  });

  it('needs a role, and the requested one when a role is asked for', () => {
    expect(isInspectorDrawable({ ...inspector, roles: [] }, '2026-03-01')).toEqual({ drawable: false, reason: 'NO_ROLE' });
    expect(isInspectorDrawable({ ...inspector, roles: ['assistant'] }, '2026-03-01', 'lead')).toEqual({
      drawable: false,
      reason: 'NO_ROLE',
    });
  });

  it('never draws an inspector on a date after the certificate expired', () => {
    fc.assert(
      fc.property(dateOffset, fc.integer({ min: 1, max: 3000 }), (until, after) => {
        const facts = { ...inspector, certificateValidFrom: null, certificateValidUntil: toDate(until) };
        expect(isInspectorDrawable(facts, toDate(until + after))).toEqual({ drawable: false, reason: 'CERTIFICATE_EXPIRED' });
      }),
    );
  });

  it('never draws an inspector on any date inside a frozen period, ends included', () => {
    fc.assert(
      fc.property(dateOffset, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (start, length, at) => {
        fc.pre(at <= length);
        const facts = {
          ...inspector,
          certificateValidFrom: null,
          certificateValidUntil: '2199-12-31',
          availability: [{ kind: 'frozen' as const, from: toDate(start), to: toDate(start + length), reason: '冻结' }],
        };
        expect(isInspectorDrawable(facts, toDate(start + at))).toEqual({ drawable: false, reason: 'FROZEN' });
        expect(isInspectorDrawable(facts, toDate(start - 1))).toEqual({ drawable: true });
        expect(isInspectorDrawable(facts, toDate(start + length + 1))).toEqual({ drawable: true });
      }),
    );
  });

  it('draws on the last day of a certificate and never the day after', () => {
    fc.assert(
      fc.property(dateOffset, (until) => {
        const facts = { ...inspector, certificateValidFrom: null, certificateValidUntil: toDate(until) };
        expect(isInspectorDrawable(facts, toDate(until)).drawable).toBe(true);
        expect(isInspectorDrawable(facts, toDate(until + 1)).drawable).toBe(false);
      }),
    );
  });
});

describe('checkAvailabilityPeriod', () => {
  it('accepts a complete period and names what is wrong with a bad one', () => {
    expect(checkAvailabilityPeriod({ kind: 'leave', from: '2026-03-01', to: '2026-03-02', reason: '事假' })).toEqual([]);
    expect(checkAvailabilityPeriod({ kind: 'leave', from: '2026-03-05', to: '2026-03-01', reason: ' ' })).toEqual([
      '结束日期不能早于开始日期',
      '须填写原因',
    ]);
    expect(checkAvailabilityPeriod({ kind: 'frozen', from: '2026-02-30', to: null, reason: '调查' })).toEqual([
      '开始日期应为 YYYY-MM-DD',
    ]);
  });
});

describe('isRecused', () => {
  const recusals: Recusal[] = [
    { inspectorId: 'i1', unitId: 'u1', reason: '近亲属任该单位负责人', validFrom: '2026-01-01', validUntil: '2026-12-31' },
    { inspectorId: 'i2', unitId: 'u1', reason: '曾在该单位任职', validFrom: null, validUntil: null },
  ];

  it('recuses an inspector from a unit while the declaration is valid, both ends included', () => {
    expect(isRecused(recusals, 'i1', 'u1', '2026-01-01')).toBe(true);
    expect(isRecused(recusals, 'i1', 'u1', '2026-12-31')).toBe(true);
    expect(isRecused(recusals, 'i1', 'u1', '2025-12-31')).toBe(false);
    expect(isRecused(recusals, 'i1', 'u1', '2027-01-01')).toBe(false);
  });

  it('keeps an open-ended declaration in force until it is withdrawn', () => {
    expect(isRecused(recusals, 'i2', 'u1', '1999-01-01')).toBe(true);
    expect(isRecused(recusals, 'i2', 'u1', '2099-01-01')).toBe(true);
  });

  it('does not recuse the inspector from other units, nor other inspectors from the unit', () => {
    expect(isRecused(recusals, 'i1', 'u2', '2026-06-01')).toBe(false);
    expect(isRecused(recusals, 'i3', 'u1', '2026-06-01')).toBe(false);
  });
});
