/**
 * Who handles cases, referrals and sealings (decision 0023): the 大队管理员 of the brigade that owns the unit. Leaders
 * above (支队/总队), 纪检 and 监督员 read them in their subtree; a system administrator reads everything. Pure.
 */
import { hasPermission, isInScope, type Actor } from '../access.ts';

/** Whether the actor may read the cases of the brigade at `orgPath`. */
export function canReadCases(actor: Pick<Actor, 'role' | 'orgPath'>, orgPath: string): boolean {
  return hasPermission(actor, 'plans.read') && isInScope(actor, orgPath);
}

/** Whether the actor may open, decide, close, refer or seal for the brigade at `orgPath`. */
export function canHandleCases(actor: Pick<Actor, 'role' | 'orgPath'>, orgPath: string): boolean {
  return actor.role === 'brigade_admin' && isInScope(actor, orgPath);
}
