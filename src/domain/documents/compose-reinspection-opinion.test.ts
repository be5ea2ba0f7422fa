import { describe, expect, it } from 'vitest';
import { documentContentHash } from './document-hash.ts';
import { chineseDate, composeReinspectionOpinion, NOT_CORRECTED_SENTENCE, type ReinspectionOpinionInput } from './compose-reinspection-opinion.ts';

const input = (corrected: boolean[]): ReinspectionOpinionInput => ({
  stamp: { number: '婺消复字〔2026〕第0001号', issueDate: '2026-12-09', checkCode: 'ABCDEFGH', orgName: '婺城区消防救援大队' },
  addressee: '金华市某某商贸有限公司',
  noticeNumber: '婺消限字〔2026〕第0003号',
  inspectedOn: '2026-12-09',
  items: corrected.map((c, i) => ({ location: `一层${i + 1}号门`, description: '安全出口上锁', corrected: c })),
  inspectors: [
    { name: '张三', certificateNo: 'ZJ0001' },
    { name: '李四', certificateNo: null },
  ],
});

describe('composeReinspectionOpinion', () => {
  it('says what was found for each item of the notice, with the Fire Law article and the visit day', () => {
    const content = composeReinspectionOpinion(input([true, true]));
    expect(content).toMatchObject({ type: 'reinspection_opinion', title: '复查意见书', number: '婺消复字〔2026〕第0001号', addressee: '金华市某某商贸有限公司', receipt: true, replaces: null });
    expect(content.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '根据《中华人民共和国消防法》第五十三条，我队于2026年12月9日对你单位执行婺消限字〔2026〕第0003号责令限期改正通知书的情况进行了复查，结果如下：',
    });
    expect(content.blocks[1]).toEqual({
      kind: 'items',
      rows: [
        { no: 1, text: '一层1号门：安全出口上锁：已改正', note: null },
        { no: 2, text: '一层2号门：安全出口上锁：已改正', note: null },
      ],
    });
    expect(JSON.stringify(content)).not.toContain(NOT_CORRECTED_SENTENCE);
  });

  it('adds the sentence on what follows when an item is not corrected', () => {
    const content = composeReinspectionOpinion(input([true, false]));
    expect(content.blocks[1]).toMatchObject({ rows: [{ text: expect.stringMatching(/：已改正$/) }, { text: expect.stringMatching(/：未改正$/) }] });
    expect(content.blocks[2]).toEqual({ kind: 'paragraph', text: '对逾期未改正的消防安全违法行为，我队将依法处理。' });
  });

  it('is signed by the inspectors with their certificate numbers, and hashes the same every time', () => {
    const content = composeReinspectionOpinion(input([false]));
    expect(content.blocks.at(-1)).toEqual({
      kind: 'signatures',
      rows: [
        { role: '消防监督检查人员', name: '张三（执法证号：ZJ0001）', date: '2026-12-09' },
        { role: '消防监督检查人员', name: '李四', date: '2026-12-09' },
      ],
    });
    expect(documentContentHash(content)).toBe(documentContentHash(composeReinspectionOpinion(input([false]))));
  });

  it('writes dates the Chinese way without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
