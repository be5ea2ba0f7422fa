import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar } from '../uscc.ts';
import { classifyCreditGradeRows, parseCreditLevel, prepareCreditGradeRows, type CreditGradeUnit } from './credit-grade-import.ts';

const code = (body: string) => body + computeUsccCheckChar(body);
const A = code('91330702MA2E7AAA0');
const B = code('91330702MA2E7BBB0');
const columns = [
  { index: 0, field: 'uscc' as const },
  { index: 1, field: 'creditLevel' as const },
  { index: 2, field: 'ratedOn' as const },
];
const rows = (...cells: string[][]) => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
const today = '2026-11-20';

describe('parseCreditLevel', () => {
  it('reads A–D in the ways people write them', () => {
    expect(['A', 'b', 'Ｃ', 'D级', 'A类'].map(parseCreditLevel)).toEqual(['A', 'B', 'C', 'D', 'A']);
    expect(parseCreditLevel('E')).toBeNull();
  });
});

describe('prepareCreditGradeRows', () => {
  it('names the row and the field of every problem in Chinese', () => {
    const [bad] = prepareCreditGradeRows(rows([A.slice(0, 17) + '0', 'E', '2026-02-30']), columns, today);
    expect(bad!.errors).toEqual([
      expect.stringMatching(/^第 2 行「统一社会信用代码」：校验位错误/),
      '第 2 行「信用等级」：「E」不是有效的等级，应为 A、B、C 或 D',
      '第 2 行「评定日期」：「2026-02-30」不是有效的日期，应为 YYYY-MM-DD（如 2026-03-01）',
    ]);
  });
  it('refuses a date after today and the same code twice', () => {
    const out = prepareCreditGradeRows(rows([A, 'A', '2026-11-21'], [B, 'B', '2026-11-01'], [B, 'C', '2026-11-02']), columns, today);
    expect(out[0]!.errors).toEqual(['第 2 行「评定日期」：2026-11-21 晚于今天（2026-11-20）']);
    expect(out[2]!.errors).toEqual([`第 4 行「统一社会信用代码」：与第 3 行重复（${B}）`]);
    expect(out[2]!.duplicateInFile).toBe(true);
  });
  it('reports a missing column on every row', () => {
    const [row] = prepareCreditGradeRows(rows([A, 'A']), columns.slice(0, 2), today);
    expect(row!.errors).toEqual(['第 2 行「评定日期」：没有对应的列，请在“列映射”中指定']);
  });
});

describe('classifyCreditGradeRows', () => {
  const unit = (over: Partial<CreditGradeUnit> = {}): CreditGradeUnit => ({ id: 'u1', uscc: A, name: '甲单位', creditLevel: 'B', creditRatedOn: '2026-01-01', ...over });
  it('changes a unit’s grade, and reports an unknown code by row without stopping the others', () => {
    const prepared = prepareCreditGradeRows(rows([A, 'D', '2026-11-01'], [B, 'A', '2026-11-01']), columns, today);
    const plan = classifyCreditGradeRows(prepared, new Map([[A, unit()]]));
    expect(plan.updates).toEqual([expect.objectContaining({ unitId: 'u1', from: 'B', to: 'D', ratedOn: '2026-11-01' })]);
    expect(plan.rows.map((r) => r.outcome)).toEqual(['changed', 'invalid']);
    expect(plan.rows[1]!.errors).toEqual([`第 3 行「统一社会信用代码」：所选机构的检查对象名录中没有该单位（${B}），未导入`]);
  });
  it('keeps a newer grade than the file’s, with a warning, and leaves an identical one unchanged', () => {
    const older = classifyCreditGradeRows(prepareCreditGradeRows(rows([A, 'D', '2025-06-01']), columns, today), new Map([[A, unit()]]));
    expect(older.updates).toEqual([]);
    expect(older.rows[0]!.outcome).toBe('unchanged');
    expect(older.rows[0]!.warnings[0]).toMatch(/早于名录中已有的评定日期 2026-01-01/);
    const same = classifyCreditGradeRows(prepareCreditGradeRows(rows([A, 'B', '2026-01-01']), columns, today), new Map([[A, unit()]]));
    expect(same.rows[0]!.outcome).toBe('unchanged');
  });
});
