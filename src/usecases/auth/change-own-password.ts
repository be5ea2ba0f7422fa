import { DomainError } from '../../domain/errors.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import { findAccountById, updateAccountRow } from '../../db/account-queries.ts';
import { deleteSessionsOfAccount } from '../../db/session-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { hashPassword, verifyPassword } from '../lib/passwords.ts';

/** Changes the actor's own password; other sessions of the account are ended, the current one stays. */
export async function changeOwnPassword(
  ctx: UseCaseContext,
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string,
): Promise<void> {
  const found = await findAccountById(ctx.db, ctx.actor.accountId);
  if (!found) throw new DomainError('NOT_FOUND', '账号不存在');
  if (!(await verifyPassword(found.account.passwordHash, input.currentPassword))) {
    throw new DomainError('VALIDATION_FAILED', '当前密码：不正确', { field: 'currentPassword' });
  }
  const problem = checkPasswordPolicy(input.newPassword, found.account.username);
  if (problem) throw new DomainError('PASSWORD_POLICY', `新密码：${problem}`, { field: 'newPassword' });
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('PASSWORD_POLICY', '新密码：不能与当前密码相同', { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateAccountRow(tx, ctx.actor.accountId, { passwordHash, mustChangePassword: false, passwordChangedAt: ctx.now, updatedAt: ctx.now });
    await deleteSessionsOfAccount(tx, ctx.actor.accountId, currentSessionId);
    await recordAudit(tx, ctx, {
      action: 'auth.password_change',
      targetType: 'account',
      targetId: ctx.actor.accountId,
      orgId: ctx.actor.orgId,
      summary: { username: ctx.actor.username },
    });
  });
}
