import { findAccountById, updateAccountRow, type AccountWithOrg } from '../../db/account-queries.ts';
import { deleteSessionsOfAccount } from '../../db/session-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadManagedAccount } from './load-managed-account.ts';

/** Disables (ending its sessions) or re-enables an account; the reason is required and audited. Accounts are never deleted. */
export async function setAccountStatus(
  ctx: UseCaseContext,
  id: string,
  input: { disabled: boolean; reason: string },
): Promise<AccountWithOrg> {
  await ctx.db.transaction(async (tx) => {
    const { account, org } = await loadManagedAccount(ctx, id, tx);
    if (Boolean(account.disabledAt) === input.disabled) return;
    await updateAccountRow(
      tx,
      id,
      input.disabled ? { disabledAt: ctx.now, disabledReason: input.reason, updatedAt: ctx.now } : { disabledAt: null, disabledReason: null, updatedAt: ctx.now },
    );
    if (input.disabled) await deleteSessionsOfAccount(tx, id);
    await recordAudit(tx, ctx, {
      action: input.disabled ? 'account.disable' : 'account.enable',
      targetType: 'account',
      targetId: id,
      orgId: org.id,
      summary: { username: account.username, reason: input.reason },
    });
  });
  return (await findAccountById(ctx.db, id))!;
}
