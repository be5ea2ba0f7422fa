import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { UnitListQuery } from '../../contracts/units.ts';
import type { JsonValue } from '../../domain/canonical-json.ts';
import { UNIT_EXPORT_COLUMNS, unitExportCells, type DictionaryLabelOf } from '../../domain/import/registry-export-columns.ts';
import { localDate } from '../../domain/local-date.ts';
import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import { countUnitsWhere, listUnitsPageAfter } from '../../db/import-queries.ts';
import { unitListWhere } from '../../db/unit-queries.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Units read per query: large enough to keep round trips few, small enough to keep memory flat. */
const PAGE = 2_000;

export type UnitExport = { fileName: string; rowCount: number; stream: Readable };

/**
 * The units list, with the list's filters (and the viewer's scope), as an .xlsx stream: exceljs's streaming
 * writer fed page by page (keyset paging on id, 2,000 units per query), so 100,000 units never sit in memory
 * and the first bytes leave before the last units are read. Telephone numbers are complete (an internal
 * working document); the export is audited with its filter and row count before any data leaves.
 */
export async function exportUnits(
  ctx: UseCaseContext,
  query: Omit<UnitListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): Promise<UnitExport> {
  requirePermission(ctx.actor, 'registry.export');
  const where = unitListWhere({ ...query, scopeOrgIds: await scopeOrgIdsOf(ctx.db, ctx.actor), now: ctx.now });
  const rowCount = await countUnitsWhere(ctx.db, where);
  const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, JsonValue>;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'unit.export',
      targetType: 'unit',
      targetId: null,
      orgId: query.brigadeId ?? ctx.actor.orgId,
      summary: { filter, rowCount },
    }),
  );

  const labels = new Map<string, string>();
  for (const entry of await listDictionaryEntries(ctx.db)) labels.set(`${entry.kind}:${entry.code}`, entry.label);
  const labelOf: DictionaryLabelOf = (kind, code) => labels.get(`${kind}:${code}`) ?? code;

  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('检查对象', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = UNIT_EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const write = async () => {
    let afterId: string | null = null;
    for (;;) {
      const page = await listUnitsPageAfter(ctx.db, where, afterId, PAGE);
      for (const unit of page) sheet.addRow(unitExportCells(unit, labelOf)).commit();
      // The client went away: stop reading the database.
      if (stream.destroyed) return;
      if (page.length < PAGE) break;
      afterId = page[page.length - 1]!.id;
      if (stream.writableNeedDrain) await once(stream, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return { fileName: `检查对象名录_${localDate(ctx.now)}.xlsx`, rowCount, stream };
}
