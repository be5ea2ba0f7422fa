import { DomainError } from '../../domain/errors.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import type { Role } from '../../domain/access.ts';
import { findAccountByUsername, findAccountById, insertAccount, type AccountWithOrg } from '../../db/account-queries.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { hashPassword } from '../lib/passwords.ts';
import { requirePermission } from '../lib/require.ts';
import { resolveGrant } from './resolve-grant.ts';

export type CreateAccountInput = { username: string; displayName: string; role: Role; orgId: string; password: string };

const DUPLICATE = () => new DomainError('CONFLICT', '用户名：已被使用', { field: 'username' });

/** Creates an account that must change its initial password at first login. */
export async function createAccount(ctx: UseCaseContext, input: CreateAccountInput): Promise<AccountWithOrg> {
  requirePermission(ctx.actor, 'accounts.manage');
  const org = await resolveGrant(ctx, ctx.db, input.role, input.orgId);
  const problem = checkPasswordPolicy(input.password, input.username);
  if (problem) throw new DomainError('PASSWORD_POLICY', `初始密码：${problem}`, { field: 'password' });
  if (await findAccountByUsername(ctx.db, input.username)) throw DUPLICATE();
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const newId = await insertAccount(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        orgId: org.id,
        passwordHash,
        mustChangePassword: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        passwordChangedAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'account.create',
        targetType: 'account',
        targetId: newId,
        orgId: org.id,
        summary: { username: input.username, displayName: input.displayName, role: input.role, orgName: org.name },
      });
      return newId;
    });
    return (await findAccountById(ctx.db, id))!;
  } catch (e) {
    if (isUniqueViolation(e, 'accounts_username_key')) throw DUPLICATE();
    throw e;
  }
}
