import { deleteSession } from '../../db/session-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

export async function logOut(ctx: UseCaseContext, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      targetType: 'account',
      targetId: ctx.actor.accountId,
      orgId: ctx.actor.orgId,
      summary: { username: ctx.actor.username },
    });
  });
}
