import { describe, expect, it } from 'vitest';
import { computeAnnualFigures, type DrawTaskFact } from './annual-figures.ts';
import { factsOf } from './fixtures.ts';
import { composeAnnualReport, reportTitle } from './annual-report-content.ts';

const task = (over: Partial<DrawTaskFact> = {}): DrawTaskFact => ({ month: 5, outcome: 'inspected', unableReason: null, hasHazards: false, joint: false, ...over });

function report(ownWords = {}) {
  const current = computeAnnualFigures(
    factsOf({
      tasks: [task({ hasHazards: true, joint: true }), task(), task({ outcome: 'unable', unableReason: 'not_found' })],
      hazardCount: 2,
      hazardLines: [{ itemName: '安全疏散', lineText: '疏散通道是否畅通', count: 2 }],
      notices: 1,
      penalties: [{ kind: 'fine', amount: 5000 }],
      publication: { due: 3, published: 3, onTime: 3 },
    }),
    '2026-12-31',
  );
  const previous = computeAnnualFigures(factsOf({ year: 2025, legacyInspections: 2 }), '2026-12-31');
  return composeAnnualReport({ orgName: '金东大队', addressee: '金华市消防救援支队', year: 2026, current, previous, ownWords, date: '2026-12-31' });
}

const texts = (r: ReturnType<typeof report>) => r.blocks.flatMap((b) => (b.kind === 'table' ? [...b.header, ...b.rows.flat()] : [b.text]));

describe('composeAnnualReport', () => {
  it('follows seed 000: title, addressee, the four sections, signature and date', () => {
    const r = report();
    expect(r.title).toBe(reportTitle('金东大队', 2026));
    expect(r.title).toBe('金东大队关于2026年度消防监督“双随机、一公开”抽查情况的报告');
    expect(r.blocks[1]).toEqual({ kind: 'addressee', text: '金华市消防救援支队：' });
    const headings = r.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(['一、工作开展情况', '二、抽查结果', '三、存在的问题', '四、下一步工作计划']);
    expect(r.blocks.at(-1)).toEqual({ kind: 'signature', text: '2026年12月31日' });
  });

  it('states the figures, rates and top hazards in Chinese', () => {
    const all = texts(report()).join('\n');
    expect(all).toContain('“双随机”抽查单位3家');
    expect(all).toContain('实施检查2家，检查完成率66.7%');
    expect(all).toContain('无法检查1家（查无此单位1家）');
    expect(all).toContain('不合格单位1家');
    expect(all).toContain('罚款金额5,000元');
    expect(all).toContain('“跨部门”联合检查1次');
    expect(all).toContain('1.安全疏散——疏散通道是否畅通（2处）');
    expect(all).toContain('12000家');
    expect(all).not.toMatch(/[A-Za-z]/);
  });

  it('puts the brigade’s own words in place of a section’s default, a paragraph a line', () => {
    const r = report({ problems: '（一）单位地址不准。\n\n（二）人手不足。' });
    const i = r.blocks.findIndex((b) => b.kind === 'heading' && b.text === '三、存在的问题');
    expect(r.blocks.slice(i + 1, i + 3)).toEqual([
      { kind: 'paragraph', text: '（一）单位地址不准。' },
      { kind: 'paragraph', text: '（二）人手不足。' },
    ]);
    expect(r.blocks[i + 3]).toEqual({ kind: 'heading', text: '四、下一步工作计划' });
  });

  it('shows an unknown last-year value as — in the comparison table', () => {
    const table = report().blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.find((row) => row[0] === '抽查单位（家）')).toEqual(['抽查单位（家）', '3', '—', '—']);
    expect(table.rows.find((row) => row[0] === '实施检查（家）')).toEqual(['实施检查（家）', '2', '2', '持平']);
  });
});
