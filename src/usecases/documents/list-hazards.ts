import type { HazardListQuery } from '../../contracts/documents.ts';
import { isDueSoon } from '../../domain/deadlines/deadlines.ts';
import { TERMINAL_HAZARD_STAGES } from '../../domain/hazards/hazard-stage.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { listHazards as queryHazards } from '../../db/hazard-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { findAccountById } from '../../db/account-queries.ts';
import { withHazardDeadline } from './hazard-deadline.ts';

const CAP = 5000;
/** `mine` for an account that is no inspector: matches no task. */
const NO_INSPECTOR = '00000000-0000-0000-0000-000000000000';

/**
 * 隐患闭环: the hazards of the actor's subtree not yet in a terminal stage (or of one stage), each with its deadline
 * today; overdue first (most overdue first), then by found day. Paged here because the order needs the calendar.
 */
export async function listHazards(ctx: UseCaseContext, query: HazardListQuery) {
  requirePermission(ctx.actor, 'plans.read');
  const rows = await queryHazards(ctx.db, { scopePath: scopePathOf(ctx.actor), stage: query.stage, unitId: query.unitId, recordId: query.recordId, inspectorId: query.mine === 'true' ? await inspectorOf(ctx) : undefined, terminal: TERMINAL_HAZARD_STAGES, cap: CAP });
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = localDate(ctx.now);
  let all = rows.map((r) => withHazardDeadline(calendar, today, r));
  if (query.overdue === 'true') all = all.filter((r) => r.deadline?.overdue === true);
  if (query.dueSoon === 'true') all = all.filter((r) => r.deadline?.state != null && isDueSoon(r.deadline.state));
  all.sort((a, b) => b.overdueDays - a.overdueDays);
  const start = (query.page - 1) * query.pageSize;
  return { rows: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
}

async function inspectorOf(ctx: UseCaseContext): Promise<string> {
  return (await findAccountById(ctx.db, ctx.actor.accountId))?.account.inspectorId ?? NO_INSPECTOR;
}
