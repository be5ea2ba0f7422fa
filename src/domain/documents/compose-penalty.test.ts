import { describe, expect, it } from 'vitest';
import { findProvision } from '../cases/fire-law-provisions.ts';
import { composePenaltyDecision, composePenaltySummary, penaltySentence } from './compose-penalty.ts';
import type { DocumentBlock } from './document-types.ts';

const stamp = { number: '婺消行罚决字〔2026〕第000001号', issueDate: '2026-12-07', checkCode: 'ABCD2345EFGH', orgName: '金华市婺城区消防救援大队' };
const party = { kind: 'organisation' as const, name: '金华市某某商贸有限公司', address: '金华市婺城区八一南街 1 号', uscc: '91330702MA2XXXXXX1' };
const citation = findProvision('60-1-7')!.citation;
const paragraphs = (blocks: DocumentBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('行政处罚决定书', () => {
  const content = composePenaltyDecision(stamp, {
    party,
    hazards: [
      { description: '疏散通道堆放杂物', location: '一层东侧' },
      { description: '灭火器压力不足', location: '' },
    ],
    notice: { title: '责令限期改正通知书', number: '婺消限字〔2026〕第0003号', issueDate: '2026-11-02' },
    reinspection: { date: '2026-11-20', corrected: false },
    citation,
    kind: 'fine',
    amount: 10500,
  });

  it('prints the party, the facts with the notice and the 复查, the evidence, the penalty in figures and capitals', () => {
    expect(content).toMatchObject({ schema: 'xf-doc/1', type: 'penalty_decision', title: '行政处罚决定书', number: stamp.number, addressee: party.name, receipt: true, replaces: null });
    expect(content.blocks[0]).toEqual({
      kind: 'fields',
      rows: [
        { label: '当事人', value: '金华市某某商贸有限公司' },
        { label: '地址', value: '金华市婺城区八一南街 1 号' },
        { label: '统一社会信用代码', value: '91330702MA2XXXXXX1' },
      ],
    });
    expect(content.blocks[2]).toEqual({ kind: 'items', rows: [{ no: 1, text: '一层东侧：疏散通道堆放杂物', note: null }, { no: 2, text: '灭火器压力不足', note: null }] });
    expect(paragraphs(content.blocks)).toEqual([
      '经查，你单位存在下列消防安全违法行为：',
      '本机关于2026年11月2日以《责令限期改正通知书》（婺消限字〔2026〕第0003号）责令你单位改正；2026年11月20日复查，上述违法行为仍未改正。',
      '以上事实有现场检查记录、照片、复查意见书等证据证实。',
      '根据《中华人民共和国消防法》第六十条第一款第七项的规定，决定给予罚款人民币10,500元（大写：壹万零伍佰元整）的处罚。',
      '被处罚人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。',
      '如不服本决定，可以在收到本决定书之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      '逾期不申请行政复议，不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。',
    ]);
    // The brigade, its seal and the date are the sign-off every renderer prints under the content.
    expect(content.blocks.some((b) => b.kind === 'signatures')).toBe(false);
  });

  it('writes a warning without an amount or a payment sentence', () => {
    expect(penaltySentence('warning', null)).toBe('决定给予警告的处罚');
    expect(penaltySentence('fine', 5000)).toBe('决定给予罚款人民币5,000元（大写：伍仟元整）的处罚');
    const warning = composePenaltyDecision(stamp, { party: { kind: 'person', name: '张三', address: '金华市', uscc: null }, hazards: [{ description: '占用疏散通道', location: '' }], notice: null, reinspection: null, citation, kind: 'warning', amount: null });
    expect(paragraphs(warning.blocks).some((p) => p.includes('十五日内'))).toBe(false);
    expect(paragraphs(warning.blocks)[0]).toBe('经查，你存在下列消防安全违法行为：');
    expect(warning.blocks[0]).toEqual({ kind: 'fields', rows: [{ label: '当事人', value: '张三' }, { label: '住址', value: '金华市' }] });
  });
});

describe('当场行政处罚决定书', () => {
  it('prints violation, basis, kind, amount, time, place, remedy and the officers’ signatures', () => {
    const content = composePenaltySummary(
      { ...stamp, number: '婺消当罚决字〔2026〕第0001号' },
      { party, hazards: [{ description: '占用疏散通道', location: '二层' }], citation: findProvision('60-1-3')!.citation, kind: 'fine', amount: 3000, decidedOn: '2026-12-07', place: '金华市婺城区八一南街 1 号', officers: ['王五', '赵六'] },
    );
    expect(content).toMatchObject({ type: 'penalty_summary', title: '当场行政处罚决定书', receipt: true });
    expect(content.blocks[0]).toEqual({
      kind: 'fields',
      rows: [
        { label: '当事人', value: '金华市某某商贸有限公司' },
        { label: '地址', value: '金华市婺城区八一南街 1 号' },
        { label: '统一社会信用代码', value: '91330702MA2XXXXXX1' },
        { label: '违法行为', value: '二层：占用疏散通道' },
        { label: '处罚依据', value: '《中华人民共和国消防法》第六十条第一款第三项' },
        { label: '处罚种类', value: '罚款' },
        { label: '罚款金额', value: '人民币3,000元（大写：叁仟元整）' },
        { label: '处罚时间', value: '2026年12月7日' },
        { label: '处罚地点', value: '金华市婺城区八一南街 1 号' },
      ],
    });
    expect(paragraphs(content.blocks)[0]).toBe('根据《中华人民共和国消防法》第六十条第一款第三项的规定，当场决定给予罚款人民币3,000元（大写：叁仟元整）的处罚。');
    expect(paragraphs(content.blocks)).toContain('如不服本决定，可以在收到本决定书之日起六十日内依法向上一级消防救援机构或者本级人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。');
    expect(content.blocks.at(-1)).toEqual({
      kind: 'signatures',
      rows: [
        { role: '执法人员', name: '王五', date: '2026年12月7日' },
        { role: '执法人员', name: '赵六', date: '2026年12月7日' },
      ],
    });
  });
});
