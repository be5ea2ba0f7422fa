import type { DocumentListQuery } from '../../contracts/documents.ts';
import { documentDeadline } from '../../domain/documents/document-deadline.ts';
import type { DocumentType } from '../../domain/documents/document-types.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { listDocuments as queryDocuments, type DocumentListRow } from '../../db/document-queries.ts';
import type { HolidayCalendar } from '../../domain/calendar/working-days.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** A document list row with its service deadline as it stands today. */
export function withDeadline(calendar: HolidayCalendar, today: string, row: DocumentListRow) {
  const served = row.firstServedAt === null ? null : localDate(new Date(row.firstServedAt));
  const deadline = documentDeadline(calendar, today, {
    type: row.document.docType as DocumentType,
    voided: row.document.status === 'voided',
    inspectedOn: row.inspectedOn,
    issueDate: row.document.issueDate,
    firstServedOn: served,
  });
  return { ...row, deadline };
}
export type DocumentWithDeadline = ReturnType<typeof withDeadline>;

/** Documents of the actor's subtree (like records), filtered by type, status, unit, record, date range and number. */
export async function listDocuments(ctx: UseCaseContext, query: DocumentListQuery) {
  requirePermission(ctx.actor, 'plans.read');
  const { rows, total } = await queryDocuments(ctx.db, {
    scopePath: scopePathOf(ctx.actor),
    type: query.type,
    status: query.status,
    unitId: query.unitId,
    recordId: query.recordId,
    from: query.from,
    to: query.to,
    q: query.q || undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = localDate(ctx.now);
  return { rows: rows.map((r) => withDeadline(calendar, today, r)), total, page: query.page, pageSize: query.pageSize };
}
