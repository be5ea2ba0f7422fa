import { canManageInScope } from '../../domain/access.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findDocument, findReplacements, listServicesOfDocument } from '../../db/document-queries.ts';
import { hazardRowsWhere } from '../../db/hazard-queries.ts';
import { evidenceOfDocuments, reinspectionRequestsOf } from '../../db/unit-access-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { mayActOnTask, readableDocument } from './document-access.ts';
import { withHazardDeadline } from './hazard-deadline.ts';
import { withDeadline } from './list-documents.ts';

/**
 * One document for its page: the printed content and hash, its services, the document it replaces and those that
 * replace it, the hazards it orders with their deadlines today, and what the actor may do with it.
 */
export async function getDocument(ctx: UseCaseContext, id: string) {
  const found = await readableDocument(ctx, ctx.db, id);
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = localDate(ctx.now);
  const doc = found.document;
  const replaces = doc.replacesId ? await findDocument(ctx.db, doc.replacesId) : null;
  const hazards = (await hazardRowsWhere(ctx.db, { noticeId: doc.id })).map((h) => withHazardDeadline(calendar, today, h));
  return {
    ...withDeadline(calendar, today, found),
    services: await listServicesOfDocument(ctx.db, doc.id),
    replaces: replaces ? { id: replaces.id, number: replaces.number } : null,
    replacedBy: (await findReplacements(ctx.db, doc.id)).map((r) => ({ id: r.id, number: r.number })),
    hazards,
    unitEvidence: await evidenceOfDocuments(ctx.db, [doc.id]),
    earlyRequests: await reinspectionRequestsOf(ctx.db, [doc.id]),
    canManage: doc.status === 'issued' && (await mayActOnTask(ctx, ctx.db, found.orgPath, doc.taskId)),
    canVoid: doc.status === 'issued' && canManageInScope(ctx.actor, 'draws.manage', found.orgPath),
  };
}
export type DocumentDetail = Awaited<ReturnType<typeof getDocument>>;
