import { hasPermission, isInScope, type Actor, type Permission } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new DomainError('FORBIDDEN', '您没有执行此操作的权限');
}

/** Objects outside the actor's subtree are reported as absent so their existence does not leak. */
export function requireInScope(actor: Actor, targetOrgPath: string, what: string): void {
  if (!isInScope(actor, targetOrgPath)) throw new DomainError('NOT_FOUND', `${what}不存在`);
}
