import { DomainError } from '../../domain/errors.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import { updateAccountRow } from '../../db/account-queries.ts';
import { deleteSessionsOfAccount } from '../../db/session-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { hashPassword } from '../lib/passwords.ts';
import { loadManagedAccount } from './load-managed-account.ts';

/** Sets a temporary password the owner must change at next login; ends the account's sessions. */
export async function resetAccountPassword(ctx: UseCaseContext, id: string, password: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { account, org } = await loadManagedAccount(ctx, id, tx);
    const problem = checkPasswordPolicy(password, account.username);
    if (problem) throw new DomainError('PASSWORD_POLICY', `新密码：${problem}`, { field: 'password' });
    const passwordHash = await hashPassword(password);
    await updateAccountRow(tx, id, { passwordHash, mustChangePassword: true, passwordChangedAt: ctx.now, updatedAt: ctx.now });
    await deleteSessionsOfAccount(tx, id);
    await recordAudit(tx, ctx, {
      action: 'account.password_reset',
      targetType: 'account',
      targetId: id,
      orgId: org.id,
      summary: { username: account.username },
    });
  });
}
