import { mappedColumns, mappingFromColumns, recognizeColumns, type ColumnMapping } from '../../domain/import/column-mapping.ts';
import {
  CREDIT_GRADE_HEADER_SYNONYMS,
  CREDIT_GRADE_SPEC,
  classifyCreditGradeRows,
  prepareCreditGradeRows,
  type CreditGradePlan,
  type CreditGradeUnit,
} from '../../domain/import/credit-grade-import.ts';
import { summarizeImportRows, type ImportSummary } from '../../domain/import/import-outcome.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findUnitsForCreditGrades } from '../../db/exchange-queries.ts';

export type CreditGradeAnalysis = { mapping: ColumnMapping; plan: CreditGradePlan; summary: ImportSummary };

const LOOKUP_CHUNK = 5_000;

/**
 * The dry run of a credit-grade file (decision 0027) for the org at `scopePath` (the batch's org, in the uploader's
 * subtree): each row validated, then compared with the unit under that org with its credit code. `mapping` null means
 * the recognised headers.
 */
export async function analyzeCreditGradeImport(
  db: DbOrTx,
  input: { table: ImportTable; mapping: ColumnMapping | null; today: string; scopePath: string },
): Promise<CreditGradeAnalysis> {
  const mapping = input.mapping ?? mappingFromColumns(input.table.headers.length, recognizeColumns(input.table.headers, CREDIT_GRADE_HEADER_SYNONYMS));
  const prepared = prepareCreditGradeRows(input.table.rows, mappedColumns(mapping, CREDIT_GRADE_SPEC), input.today);
  const codes = prepared.flatMap((r) => (r.value ? [r.value.uscc] : []));
  const byUscc = new Map<string, CreditGradeUnit>();
  for (let i = 0; i < codes.length; i += LOOKUP_CHUNK) {
    for (const u of await findUnitsForCreditGrades(db, codes.slice(i, i + LOOKUP_CHUNK), input.scopePath)) byUscc.set(u.uscc, u);
  }
  const plan = classifyCreditGradeRows(prepared, byUscc);
  return { mapping, plan, summary: summarizeImportRows(plan.rows) };
}
