import type { Role } from '../../domain/access.ts';
import type { JsonValue } from '../../domain/canonical-json.ts';
import { findAccountById, updateAccountRow, type AccountWithOrg } from '../../db/account-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadManagedAccount } from './load-managed-account.ts';
import { resolveGrant } from './resolve-grant.ts';

export type UpdateAccountInput = { displayName?: string | undefined; role?: Role | undefined; orgId?: string | undefined };

/** Edits name, role or org; the audit entry records each changed field as [before, after]. */
export async function updateAccount(ctx: UseCaseContext, id: string, input: UpdateAccountInput): Promise<AccountWithOrg> {
  await ctx.db.transaction(async (tx) => {
    const { account, org } = await loadManagedAccount(ctx, id, tx);
    const role = input.role ?? account.role;
    const orgId = input.orgId ?? account.orgId;
    const newOrg = role !== account.role || orgId !== account.orgId ? await resolveGrant(ctx, tx, role, orgId) : org;
    const changes: Record<string, JsonValue> = {};
    if (input.displayName !== undefined && input.displayName !== account.displayName) changes.displayName = [account.displayName, input.displayName];
    if (role !== account.role) changes.role = [account.role, role];
    if (orgId !== account.orgId) changes.org = [org.name, newOrg.name];
    if (Object.keys(changes).length === 0) return;
    await updateAccountRow(tx, id, { displayName: input.displayName ?? account.displayName, role, orgId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'account.update',
      targetType: 'account',
      targetId: id,
      orgId: newOrg.id,
      summary: { username: account.username, changes },
    });
  });
  return (await findAccountById(ctx.db, id))!;
}
