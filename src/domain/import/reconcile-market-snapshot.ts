/**
 * 市场监管比对: comparing a brigade's active units with a market-regulation snapshot (统一社会信用代码 and
 * 登记状态) to find suspected 僵尸单位. The result is only a flag for review: reconciliation never changes a
 * unit's status and never removes a unit (the registries issue: "flagged for review, never silently removed").
 *
 * A unit is flagged when
 * - the snapshot is full (the whole registration area) and does not contain its credit code, or
 * - the snapshot gives it a 登记状态 that ends the business here: 注销, 吊销 (licence revoked), 撤销, or 迁出
 *   (moved out of the registration area). 存续, 在业, 开业, 停业, 歇业 and anything unrecognised do not flag.
 */
import { normalizeUscc } from '../uscc.ts';
import { cleanCell } from '../registry/text.ts';
import type { ImportTableRow } from './import-table.ts';

export type SnapshotEntry = { rowNumber: number; status: string | null };

export type MarketSnapshot = {
  /** Credit code (normalised) → the first row that flags it, else the first row with it. */
  entries: ReadonlyMap<string, SnapshotEntry>;
  /** Data rows with a credit code. */
  rowCount: number;
};

const ENDING_STATUS = /注销|吊销|撤销|迁出/;

/** Whether a 登记状态 text ends the business in the registration area (see the module comment). */
export function isEndingRegistrationStatus(status: string | null): boolean {
  return status !== null && ENDING_STATUS.test(status);
}

/** The snapshot's codes and statuses from the table, through the columns of 统一社会信用代码 and 登记状态. */
export function readMarketSnapshot(
  rows: readonly ImportTableRow[],
  columns: { uscc: number; status: number | null },
): MarketSnapshot {
  const entries = new Map<string, SnapshotEntry>();
  let rowCount = 0;
  for (const row of rows) {
    const code = normalizeUscc(cleanCell(row.cells[columns.uscc] ?? ''));
    if (code === '') continue;
    rowCount++;
    const status = columns.status === null ? null : cleanCell(row.cells[columns.status] ?? '') || null;
    const known = entries.get(code);
    if (!known || (!isEndingRegistrationStatus(known.status) && isEndingRegistrationStatus(status))) {
      entries.set(code, { rowNumber: row.rowNumber, status });
    }
  }
  return { entries, rowCount };
}

export type ReconciledUnit = { id: string; uscc: string; name: string; flagged: boolean };
export type FlagProposal = { unitId: string; uscc: string; name: string; reason: string };

export type ReconciliationPlan = {
  toFlag: FlagProposal[];
  /** Units that meet a condition but are already flagged: left as they are. */
  alreadyFlagged: number;
};

/** The units (a brigade's active ones) to flag, with the reason stored in units.flag_reason. */
export function planReconciliation(
  units: readonly ReconciledUnit[],
  snapshot: MarketSnapshot,
  full: boolean,
): ReconciliationPlan {
  const toFlag: FlagProposal[] = [];
  let alreadyFlagged = 0;
  for (const unit of units) {
    const entry = snapshot.entries.get(unit.uscc);
    let reason: string | null = null;
    if (entry && isEndingRegistrationStatus(entry.status))
      reason = `市场监管比对：登记状态为「${entry.status}」（比对文件第 ${entry.rowNumber} 行）`;
    else if (!entry && full) reason = '市场监管比对：全量登记名录中无此统一社会信用代码';
    if (reason === null) continue;
    if (unit.flagged) alreadyFlagged++;
    else toFlag.push({ unitId: unit.id, uscc: unit.uscc, name: unit.name, reason });
  }
  return { toFlag, alreadyFlagged };
}
