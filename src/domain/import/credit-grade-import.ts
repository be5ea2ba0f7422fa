/**
 * The credit-grade import (信用等级导入, decision 0027): a file of 统一社会信用代码 + 信用等级 (A/B/C/D) + 评定日期
 * (+ 来源) from the credit system, read by the registry import pipeline (header recognition, the dry run, the report,
 * the commit in one transaction; decision 0006). Committing sets units.credit_level, which the plan's weight table
 * reads (src/domain/plans/eligibility.ts), so the next plan's draw weights use the new grade.
 *
 * Rules, pure, in two steps like the other imports:
 * - prepareCreditGradeRows: each row validated — the credit code by GB 32100 (check character), the grade one of
 *   A/B/C/D (「A级」「a」 and full-width letters read as A), the date a real day not after today; the same credit
 *   code twice in the file is an error on the later row naming the first.
 * - classifyCreditGradeRows: against the units under the batch's org (in the uploader's subtree) with that code. A code with no unit there is
 *   an invalid row (reported by row; the other rows may still be committed): the file comes from another system and
 *   lists units that are not ours. A grade older than the one recorded (an earlier 评定日期) changes nothing and
 *   warns; the same grade with the same date is unchanged.
 */
import { checkUscc } from '../uscc.ts';
import { cleanCell, foldFullWidth } from '../registry/text.ts';
import type { ImportFieldSpec, FieldColumn } from './column-mapping.ts';
import { pendingRowResult, type ImportRowResult } from './import-outcome.ts';
import type { ImportTableRow } from './import-table.ts';
import { parseDateText } from './validate-inspector-row.ts';

export const CREDIT_GRADE_FIELDS = ['uscc', 'unitName', 'creditLevel', 'ratedOn', 'source'] as const;
export type CreditGradeField = (typeof CREDIT_GRADE_FIELDS)[number];

export const CREDIT_GRADE_FIELD_LABELS: Record<CreditGradeField, string> = {
  uscc: '统一社会信用代码',
  unitName: '单位名称',
  creditLevel: '信用等级',
  ratedOn: '评定日期',
  source: '来源',
};

export const CREDIT_GRADE_HEADER_SYNONYMS: Record<CreditGradeField, readonly string[]> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '企业信用代码'],
  unitName: ['单位名称', '企业名称', '名称', '市场主体名称'],
  creditLevel: ['信用等级', '信用分类', '信用类别', '信用风险分类', '信用级别', '等级', '分类结果'],
  ratedOn: ['评定日期', '评价日期', '分类日期', '认定日期', '日期'],
  source: ['来源', '数据来源', '评定机关', '评定单位', '分类机关'],
};

export const CREDIT_GRADE_SPEC: ImportFieldSpec<CreditGradeField> = {
  fields: CREDIT_GRADE_FIELDS,
  labels: CREDIT_GRADE_FIELD_LABELS,
  required: ['uscc', 'creditLevel', 'ratedOn'],
};

export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];

/** 「A」「a」「Ａ」「A级」「A类」 → A; anything else null. */
export function parseCreditLevel(text: string): CreditLevel | null {
  const value = foldFullWidth(cleanCell(text)).replace(/\s+/g, '').toUpperCase().replace(/[级類类]$/, '');
  return (CREDIT_LEVELS as readonly string[]).includes(value) ? (value as CreditLevel) : null;
}

export type CreditGradeValue = { uscc: string; unitName: string | null; creditLevel: CreditLevel; ratedOn: string; source: string | null };

export type PreparedCreditGradeRow = {
  rowNumber: number;
  key: string | null;
  name: string | null;
  value: CreditGradeValue | null;
  errors: string[];
  warnings: string[];
  duplicateInFile: boolean;
};

const MAX_SOURCE = 100;

/** Step 1: each row on its own, and the same code twice in the file. `today` is YYYY-MM-DD (China time). */
export function prepareCreditGradeRows(
  rows: readonly ImportTableRow[],
  columns: readonly FieldColumn<CreditGradeField>[],
  today: string,
): PreparedCreditGradeRow[] {
  const missing = CREDIT_GRADE_SPEC.required.filter((f) => !columns.some((c) => c.field === f));
  const first = new Map<string, number>();
  return rows.map((row) => {
    const n = row.rowNumber;
    const raw: Partial<Record<CreditGradeField, string>> = {};
    for (const { index, field } of columns) raw[field] = cleanCell(row.cells[index] ?? '');
    const message = (field: CreditGradeField, problem: string) => `第 ${n} 行「${CREDIT_GRADE_FIELD_LABELS[field]}」：${problem}`;
    const name = raw.unitName || null;
    if (missing.length > 0) {
      return { rowNumber: n, key: null, name, value: null, errors: missing.map((f) => message(f, '没有对应的列，请在“列映射”中指定')), warnings: [], duplicateInFile: false };
    }
    const errors: string[] = [];
    const warnings: string[] = [];
    let uscc = '';
    if (!raw.uscc) errors.push(message('uscc', '不能为空'));
    else {
      const check = checkUscc(raw.uscc);
      uscc = check.normalized;
      for (const e of check.errors) errors.push(message('uscc', e));
      if (check.valid && /E\+/i.test(raw.uscc)) errors.push(message('uscc', '看起来被 Excel 当作数字保存了，请把该列设为文本后重新填写'));
    }
    const level = raw.creditLevel ? parseCreditLevel(raw.creditLevel) : null;
    if (!raw.creditLevel) errors.push(message('creditLevel', '不能为空'));
    else if (level === null) errors.push(message('creditLevel', `「${raw.creditLevel}」不是有效的等级，应为 A、B、C 或 D`));
    let ratedOn: string | null = null;
    if (!raw.ratedOn) errors.push(message('ratedOn', '不能为空'));
    else {
      ratedOn = parseDateText(raw.ratedOn);
      if (ratedOn === null) errors.push(message('ratedOn', `「${raw.ratedOn}」不是有效的日期，应为 YYYY-MM-DD（如 2026-03-01）`));
      else if (ratedOn > today) errors.push(message('ratedOn', `${ratedOn} 晚于今天（${today}）`));
    }
    const source = raw.source || null;
    if (source !== null && [...source].length > MAX_SOURCE) errors.push(message('source', `不能超过 ${MAX_SOURCE} 个字符`));
    const key = uscc || null;
    if (errors.length === 0) {
      const earlier = first.get(uscc);
      if (earlier !== undefined) {
        return { rowNumber: n, key, name, value: null, errors: [message('uscc', `与第 ${earlier} 行重复（${uscc}）`)], warnings, duplicateInFile: true };
      }
      first.set(uscc, n);
      return { rowNumber: n, key, name, value: { uscc, unitName: name, creditLevel: level!, ratedOn: ratedOn!, source }, errors, warnings, duplicateInFile: false };
    }
    return { rowNumber: n, key, name, value: null, errors, warnings, duplicateInFile: false };
  });
}

/** A unit of the uploader's subtree as the import compares it. */
export type CreditGradeUnit = { id: string; uscc: string; name: string; creditLevel: string | null; creditRatedOn: string | null };

export type CreditGradeUpdate = {
  rowNumber: number;
  unitId: string;
  uscc: string;
  unitName: string;
  from: string | null;
  to: CreditLevel;
  ratedOn: string;
  source: string | null;
};

export type CreditGradePlan = { rows: ImportRowResult[]; inserts: never[]; updates: CreditGradeUpdate[] };

/** Step 2: each valid row against the unit with its credit code (units under the batch's org only). */
export function classifyCreditGradeRows(prepared: readonly PreparedCreditGradeRow[], unitsByUscc: ReadonlyMap<string, CreditGradeUnit>): CreditGradePlan {
  const plan: CreditGradePlan = { rows: [], inserts: [], updates: [] };
  for (const row of prepared) {
    const n = row.rowNumber;
    const result = pendingRowResult(row);
    plan.rows.push(result);
    const v = row.value;
    if (v === null) continue;
    const unit = unitsByUscc.get(v.uscc);
    if (!unit) {
      result.errors.push(`第 ${n} 行「统一社会信用代码」：所选机构的检查对象名录中没有该单位（${v.uscc}），未导入`);
      continue;
    }
    result.name = unit.name;
    if (v.unitName !== null && v.unitName !== unit.name) {
      result.warnings.push(`第 ${n} 行「单位名称」：文件中为「${v.unitName}」，名录中为「${unit.name}」，以信用代码为准`);
    }
    if (unit.creditRatedOn !== null && v.ratedOn < unit.creditRatedOn) {
      result.outcome = 'unchanged';
      result.warnings.push(`第 ${n} 行「评定日期」：${v.ratedOn} 早于名录中已有的评定日期 ${unit.creditRatedOn}，保留现有等级 ${unit.creditLevel ?? '（无）'}`);
      continue;
    }
    if (unit.creditLevel === v.creditLevel && unit.creditRatedOn === v.ratedOn) {
      result.outcome = 'unchanged';
      continue;
    }
    result.outcome = 'changed';
    result.diff = [
      { field: 'creditLevel', label: '信用等级', before: unit.creditLevel, after: v.creditLevel },
      { field: 'creditRatedOn', label: '评定日期', before: unit.creditRatedOn, after: v.ratedOn },
    ].filter((d) => d.before !== d.after);
    plan.updates.push({ rowNumber: n, unitId: unit.id, uscc: v.uscc, unitName: unit.name, from: unit.creditLevel, to: v.creditLevel, ratedOn: v.ratedOn, source: v.source });
  }
  return plan;
}
