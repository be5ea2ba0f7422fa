import { describe, expect, it } from 'vitest';
import { chineseLongDate } from './chinese-date.ts';
import { composeInspectionRecord } from './compose-inspection-record.ts';
import { composeNotice, REMEDY_SENTENCE } from './compose-notice.ts';
import { documentContentHash } from './document-hash.ts';

const stamp = { number: '婺消限字〔2026〕第0001号', issueDate: '2026-10-09', checkCode: 'ABCD2345', orgName: '金华市婺城区消防救援大队' };
const hazards = [
  { location: '一层东侧', description: '安全出口上锁', legalBasis: '《中华人民共和国消防法》第二十八条', correctionDue: '2026-10-16' },
  { location: '二层走道', description: '疏散指示标志损坏', legalBasis: '《中华人民共和国消防法》第十六条', correctionDue: '2026-11-02' },
];
const inspectors = [
  { name: '张三', certificateNo: 'ZJ001' },
  { name: '李四', certificateNo: null },
];

describe('chineseLongDate', () => {
  it('prints a date without leading zeros', () => {
    expect(chineseLongDate('2026-10-09')).toBe('2026年10月9日');
    expect(chineseLongDate('2027-01-31')).toBe('2027年1月31日');
    expect(() => chineseLongDate('2026/10/09')).toThrow(RangeError);
  });
});

describe('composeNotice', () => {
  it('composes a 责令限期改正通知书: basis, items with deadlines, the remedy sentence, signatures, receipt', () => {
    const c = composeNotice(stamp, { type: 'deadline_notice', unitName: '金华市某某有限公司', inspectedOn: '2026-10-08', hazards, inspectors, replaces: null });
    expect(c).toMatchObject({ schema: 'xf-doc/1', type: 'deadline_notice', title: '责令限期改正通知书', number: stamp.number, addressee: '金华市某某有限公司：', receipt: true, replaces: null });
    expect(c.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '根据《中华人民共和国消防法》第五十三条的规定，我队于2026年10月8日对你单位进行了消防监督检查，发现你单位存在下列消防安全违法行为：',
    });
    expect(c.blocks[1]).toEqual({
      kind: 'items',
      rows: [
        { no: 1, text: '一层东侧安全出口上锁（违反《中华人民共和国消防法》第二十八条）', note: '于2026年10月16日前改正' },
        { no: 2, text: '二层走道疏散指示标志损坏（违反《中华人民共和国消防法》第十六条）', note: '于2026年11月2日前改正' },
      ],
    });
    expect(c.blocks[2]).toEqual({ kind: 'paragraph', text: '改正期间，你单位应当采取措施，确保消防安全。' });
    expect(c.blocks[3]).toEqual({
      kind: 'paragraph',
      text: '如不服本通知，可以在收到本通知之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
    });
    // The brigade, its seal and the date are the sign-off every renderer prints under the content, not a signature row.
    expect(c.blocks[4]).toEqual({
      kind: 'signatures',
      rows: [
        { role: '消防监督检查人员', name: '张三（执法证号：ZJ001）', date: null },
        { role: '消防监督检查人员', name: '李四', date: null },
      ],
    });
    expect(documentContentHash(c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('composes a 责令立即改正通知书 whose items say 立即改正, naming the notice it corrects', () => {
    const c = composeNotice({ ...stamp, number: '婺消即字〔2026〕第0002号' }, { type: 'immediate_notice', unitName: '某店', inspectedOn: '2026-10-08', hazards: hazards.map((h) => ({ ...h, correctionDue: null })), inspectors, replaces: '婺消即字〔2026〕第0001号' });
    expect(c.title).toBe('责令立即改正通知书');
    expect(c.replaces).toBe('婺消即字〔2026〕第0001号');
    expect(c.blocks[1]).toMatchObject({ rows: [{ note: '立即改正' }, { note: '立即改正' }] });
    expect(c.blocks).toContainEqual({ kind: 'paragraph', text: REMEDY_SENTENCE });
  });

  it('refuses a deadline notice with a hazard without a deadline', () => {
    expect(() => composeNotice(stamp, { type: 'deadline_notice', unitName: 'x', inspectedOn: '2026-10-08', hazards: [{ ...hazards[0]!, correctionDue: null }], inspectors, replaces: null })).toThrow(RangeError);
  });
});

describe('composeInspectionRecord', () => {
  it('prints the unit facts, every line with its result, the findings and the documents issued', () => {
    const c = composeInspectionRecord(
      { ...stamp, number: '婺消检字〔2026〕第0001号' },
      {
        unitName: '某店',
        unitAddress: '人民路1号',
        inspectedOn: '2026-10-08',
        timeRange: '09:00–10:30',
        accompanying: '王五（店长）',
        inspectors,
        lines: [
          { code: '1.1', text: '安全出口畅通', result: 'fail', hazard: { location: '一层东侧', description: '安全出口上锁', fixedOnSpot: false } },
          { code: '1.2', text: '灭火器有效', result: 'pass', hazard: null },
          { code: '1.3', text: '疏散指示', result: 'fail', hazard: { location: '二层', description: '指示灯不亮', fixedOnSpot: true } },
        ],
        conclusion: 'hazards_found',
        remarks: '',
        documentsIssued: ['婺消限字〔2026〕第0001号 责令限期改正通知书'],
        replaces: null,
      },
    );
    expect(c.title).toBe('消防监督检查记录');
    expect(c.receipt).toBe(false);
    expect(c.blocks[0]).toMatchObject({ kind: 'fields', rows: [{ label: '被检查单位', value: '某店' }, { label: '地址', value: '人民路1号' }, { label: '检查时间', value: '2026年10月8日 09:00–10:30' }, { label: '陪同人员', value: '王五（店长）' }, { label: '检查人员', value: '张三（执法证号：ZJ001）、李四' }] });
    expect(c.blocks[2]).toEqual({ kind: 'items', rows: [{ no: 1, text: '1.1 安全出口畅通', note: '不符合' }, { no: 2, text: '1.2 灭火器有效', note: '符合' }, { no: 3, text: '1.3 疏散指示', note: '不符合' }] });
    expect(c.blocks[3]).toEqual({ kind: 'paragraph', text: '检查结论：发现火灾隐患 2 处：（1）一层东侧安全出口上锁；（2）二层指示灯不亮（已当场改正）。' });
    expect(c.blocks[4]).toEqual({ kind: 'paragraph', text: '制发文书：婺消限字〔2026〕第0001号 责令限期改正通知书。' });
  });
});
