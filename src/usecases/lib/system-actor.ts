import type { SystemContext, UseCaseContext } from './context.ts';

/** The account id a job with no logged-in account acts under (the nil UUID: no account has it). */
export const SYSTEM_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * A use-case context for a server job (the daily 复查 scheduler) that calls use-case steps written for an acting
 * account: the audit log names `ctx.actorName` (e.g. 系统定时任务) with the nil account id; the scope is everything.
 */
export function systemActorContext(ctx: SystemContext): UseCaseContext {
  return {
    db: ctx.db,
    ip: ctx.ip,
    now: ctx.now,
    actor: { accountId: SYSTEM_ACCOUNT_ID, username: 'system', displayName: ctx.actorName, role: 'system_admin', orgId: SYSTEM_ACCOUNT_ID, orgPath: '/', orgKind: 'corps' },
  };
}
