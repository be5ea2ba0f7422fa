import { hasPermission, isInScope, type Actor } from '../access.ts';

type Viewer = Pick<Actor, 'role' | 'orgPath'>;

/**
 * Whether an account may see an item in the admin list. National items (no owner) are everyone's; an
 * org's items apply to its whole subtree, so they are seen from inside that subtree (a 大队 sees its 支队's
 * items) and by the administrators above the owner. Items of a neighbouring 支队 stay out of sight.
 */
export function canSeeCheckItem(viewer: Viewer, ownerOrgPath: string | null): boolean {
  if (ownerOrgPath === null || viewer.role === 'system_admin') return true;
  return viewer.orgPath.startsWith(ownerOrgPath) || ownerOrgPath.startsWith(viewer.orgPath);
}

/**
 * Whether an account may create, edit, publish or withdraw an item: it needs `items.manage`; the national
 * list (no owner) is the system administrator's alone; an org's items belong to the administrators whose
 * scope includes that org (the owner's own 支队/总队 administrators and those above).
 */
export function canManageCheckItem(actor: Pick<Actor, 'role' | 'orgPath'>, ownerOrgPath: string | null): boolean {
  if (!hasPermission(actor, 'items.manage')) return false;
  if (ownerOrgPath === null) return actor.role === 'system_admin';
  return isInScope(actor, ownerOrgPath);
}
