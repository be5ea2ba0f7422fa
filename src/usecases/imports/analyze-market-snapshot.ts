import { mappingFromColumns, type ColumnMapping } from '../../domain/import/column-mapping.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { recognizeHeaders } from '../../domain/import/recognize-headers.ts';
import {
  planReconciliation,
  readMarketSnapshot,
  type MarketSnapshot,
  type ReconciliationPlan,
} from '../../domain/import/reconcile-market-snapshot.ts';
import { UNIT_HEADER_SYNONYMS } from '../../domain/import/unit-import-fields.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { countUnregisteredUsccs, listActiveUnitsOfBrigade } from '../../db/import-queries.ts';

export type MarketSnapshotAnalysis = {
  mapping: ColumnMapping;
  snapshot: MarketSnapshot;
  plan: ReconciliationPlan;
  /** Credit codes of the snapshot that no brigade has registered (candidates for an import). */
  unknownInRegistry: number;
};

const headerList = (field: 'uscc' | 'status') => UNIT_HEADER_SYNONYMS[field].slice(0, 4).join('、');

/**
 * Compares a market-regulation snapshot with the brigade's active units (see planReconciliation). The file
 * must have a 统一社会信用代码 column, and a 登记状态 column unless it is a full snapshot (then a missing code
 * is what flags a unit).
 */
export async function analyzeMarketSnapshot(
  db: DbOrTx,
  input: { table: ImportTable; brigadeId: string; full: boolean },
): Promise<MarketSnapshotAnalysis> {
  const { mapped } = recognizeHeaders(input.table.headers);
  const uscc = mapped.find((c) => c.field === 'uscc');
  const status = mapped.find((c) => c.field === 'status');
  if (!uscc) {
    throw new DomainError('VALIDATION_FAILED', `比对文件：没有找到「统一社会信用代码」列（可识别的表头：${headerList('uscc')}）`);
  }
  if (!status && !input.full) {
    throw new DomainError('VALIDATION_FAILED', `比对文件：增量比对需要「登记状态」列（可识别的表头：${headerList('status')}）`);
  }
  const snapshot = readMarketSnapshot(input.table.rows, { uscc: uscc.index, status: status?.index ?? null });
  if (snapshot.rowCount === 0) throw new DomainError('VALIDATION_FAILED', '比对文件：「统一社会信用代码」列没有任何内容');
  const units = await listActiveUnitsOfBrigade(db, input.brigadeId);
  const plan = planReconciliation(
    units.map((u) => ({ id: u.id, uscc: u.uscc, name: u.name, flagged: u.flaggedAt !== null })),
    snapshot,
    input.full,
  );
  const unknownInRegistry = await countUnregisteredUsccs(db, [...snapshot.entries.keys()]);
  return {
    mapping: mappingFromColumns(input.table.headers.length, status ? [uscc, status] : [uscc]),
    snapshot,
    plan,
    unknownInRegistry,
  };
}
