import ExcelJS from 'exceljs';
import type { InspectorListQuery } from '../../contracts/inspectors.ts';
import type { JsonValue } from '../../domain/canonical-json.ts';
import { inspectorExportCells, inspectorExportColumns } from '../../domain/import/registry-export-columns.ts';
import { localDate } from '../../domain/local-date.ts';
import { INSPECTOR_UNDRAWABLE_REASON_LABELS } from '../../domain/registry/inspector-rules.ts';
import { listAvailability, listInspectorsInScope } from '../../db/inspector-queries.ts';
import { drawabilityOf } from '../inspectors/inspector-facts.ts';
import { scopePathOf } from '../lib/actor.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export type InspectorExport = { fileName: string; rowCount: number; bytes: Buffer };

/**
 * The inspectors list, with the list's filters (including "drawable on a date") and the viewer's scope, as
 * .xlsx. A registry holds at most a few thousand inspectors, so the workbook is built in memory. Phone
 * numbers are complete; the export is audited with its filter and row count.
 */
export async function exportInspectors(
  ctx: UseCaseContext,
  query: Omit<InspectorListQuery, 'page' | 'pageSize'>,
): Promise<InspectorExport> {
  requirePermission(ctx.actor, 'registry.export');
  const on = query.on ?? localDate(ctx.now);
  const rows = await listInspectorsInScope(ctx.db, { ...query, scopePath: scopePathOf(ctx.actor) });
  const availability = await listAvailability(
    ctx.db,
    rows.map((r) => r.inspector.id),
  );
  const withDrawability = rows.map((r) => ({
    ...r,
    drawability: drawabilityOf(
      r.inspector,
      availability.filter((a) => a.inspectorId === r.inspector.id),
      on,
    ),
  }));
  const selected = query.drawable
    ? withDrawability.filter((r) => r.drawability.drawable === (query.drawable === 'true'))
    : withDrawability;

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检查人员', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = inspectorExportColumns(on).map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const { inspector, org, drawability } of selected) {
    sheet.addRow(
      inspectorExportCells({
        ...inspector,
        orgName: org.name,
        drawable: drawability.drawable,
        undrawableReasonLabel: drawability.drawable ? null : INSPECTOR_UNDRAWABLE_REASON_LABELS[drawability.reason],
      }),
    );
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

  const filter = Object.fromEntries(Object.entries({ ...query, on }).filter(([, v]) => v !== undefined)) as Record<
    string,
    JsonValue
  >;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'inspector.export',
      targetType: 'inspector',
      targetId: null,
      orgId: query.orgId ?? ctx.actor.orgId,
      summary: { filter, rowCount: selected.length },
    }),
  );
  return { fileName: `执法检查人员名录_${on}.xlsx`, rowCount: selected.length, bytes };
}
