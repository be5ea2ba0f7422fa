/**
 * Roles and what they may do. Pure: the server passes the acting account in, nothing is looked up.
 *
 * - 系统管理员 system_admin: everything, everywhere.
 * - 支队/总队管理员 org_admin: manages accounts and orgs in the subtree of their 支队 or 总队.
 * - 大队管理员 brigade_admin: manages their brigade (accounts of 监督员 and 纪检 there).
 * - 监督员 inspector: field work; reads their brigade.
 * - 纪检 auditor: reads everything in their subtree including the audit log; changes nothing
 *   (except their own password) — but for their own quarterly callback work (纪检回访, decision 0026).
 */
export const ROLES = ['system_admin', 'org_admin', 'brigade_admin', 'inspector', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['corps', 'detachment', 'brigade'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  org_admin: '支队/总队管理员',
  brigade_admin: '大队管理员',
  inspector: '监督员',
  auditor: '纪检',
};

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  corps: '总队',
  detachment: '支队',
  brigade: '大队',
};

/** The parent kind each org kind must have (a corps is a root). */
export const PARENT_KIND: Record<OrgKind, OrgKind | null> = {
  corps: null,
  detachment: 'corps',
  brigade: 'detachment',
};

export type Actor = {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** Materialised path of the actor's org, e.g. "/<corpsId>/<detachmentId>/". */
  orgPath: string;
  orgKind: OrgKind;
};

export type Permission =
  | 'accounts.read'
  | 'accounts.manage'
  | 'orgs.read'
  | 'orgs.manage'
  | 'audit.read'
  | 'registry.read'
  | 'registry.manage'
  | 'dictionaries.manage'
  | 'registry.export'
  | 'calendar.manage'
  | 'items.manage'
  | 'plans.read'
  | 'plans.manage'
  | 'draws.manage'
  /** 纪检回访 and 异常线索 (decision 0026): reading the rounds and the anomaly lists. */
  | 'callbacks.read'
  /** Drawing a callback round and recording the callbacks: 纪检 only, the one change a read-only account makes. */
  | 'callbacks.manage';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ['accounts.read', 'accounts.manage', 'orgs.read', 'orgs.manage', 'audit.read', 'registry.read', 'registry.manage', 'dictionaries.manage', 'registry.export', 'calendar.manage', 'items.manage', 'plans.read', 'plans.manage', 'draws.manage', 'callbacks.read'],
  org_admin: ['accounts.read', 'accounts.manage', 'orgs.read', 'orgs.manage', 'audit.read', 'registry.read', 'registry.manage', 'dictionaries.manage', 'registry.export', 'items.manage', 'plans.read', 'plans.manage', 'draws.manage'],
  brigade_admin: ['accounts.read', 'accounts.manage', 'orgs.read', 'audit.read', 'registry.read', 'registry.manage', 'registry.export', 'plans.read', 'plans.manage', 'draws.manage'],
  inspector: ['orgs.read', 'registry.read', 'plans.read'],
  // Exports carry full phone numbers: administrators and 纪检 only, not every field account.
  auditor: ['accounts.read', 'orgs.read', 'audit.read', 'registry.read', 'registry.export', 'plans.read', 'callbacks.read', 'callbacks.manage'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** 纪检 is read-only: the only change they may make is to their own password. */
export function isReadOnly(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'auditor';
}

/** The API area where a read-only account (纪检) may change something: its own callback rounds and records. */
export const CALLBACK_API_PREFIX = '/api/callbacks/';

/**
 * Whether a change request to `path` is allowed to a read-only account: only in the callback area, and only with
 * `callbacks.manage` (the use cases check the permission again). Every other change stays refused to 纪检.
 */
export function mayChangeWhileReadOnly(actor: Pick<Actor, 'role'>, path: string): boolean {
  return path.startsWith(CALLBACK_API_PREFIX) && hasPermission(actor, 'callbacks.manage');
}

/**
 * Whether an object owned by the org at `targetOrgPath` lies in the actor's subtree. A system admin sees
 * the whole tree. Objects outside the scope must look absent (404), not forbidden, so their existence
 * does not leak.
 */
export function isInScope(actor: Pick<Actor, 'role' | 'orgPath'>, targetOrgPath: string): boolean {
  if (actor.role === 'system_admin') return true;
  return targetOrgPath.startsWith(actor.orgPath);
}

/**
 * Whether the actor may change a record of the org at `orgPath` that needs `permission` (the buttons a page
 * shows): they hold the permission, the org lies in their scope, and they are not read-only (纪检). The use
 * cases check the same on every change; this only keeps the page from offering what would be refused.
 */
export function canManageInScope(actor: Pick<Actor, 'role' | 'orgPath'>, permission: Permission, orgPath: string): boolean {
  return hasPermission(actor, permission) && isInScope(actor, orgPath) && !isReadOnly(actor);
}

/** The org kinds an account of each role may belong to. */
export const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  system_admin: ['corps'],
  org_admin: ['corps', 'detachment'],
  brigade_admin: ['brigade'],
  inspector: ['brigade'],
  auditor: ['corps', 'detachment', 'brigade'],
};

/** Roles an actor may grant when creating or editing accounts. No one grants a role above their own. */
export function grantableRoles(actor: Pick<Actor, 'role'>): readonly Role[] {
  switch (actor.role) {
    case 'system_admin':
      return ROLES;
    case 'org_admin':
      return ['org_admin', 'brigade_admin', 'inspector', 'auditor'];
    case 'brigade_admin':
      return ['inspector', 'auditor'];
    case 'inspector':
    case 'auditor':
      return [];
  }
}

export type AccountGrantCheck =
  | { ok: true }
  | { ok: false; field: 'role' | 'orgId'; message: string };

/** Decides whether `actor` may give `role` at an org of `orgKind` located at `orgPath`. */
export function checkAccountGrant(
  actor: Pick<Actor, 'role' | 'orgPath'>,
  role: Role,
  org: { kind: OrgKind; path: string },
): AccountGrantCheck {
  if (!grantableRoles(actor).includes(role)) {
    return { ok: false, field: 'role', message: `角色：您无权授予「${ROLE_LABELS[role]}」角色` };
  }
  if (!isInScope(actor, org.path)) {
    return { ok: false, field: 'orgId', message: '所属机构：不在您的管辖范围内' };
  }
  if (!ROLE_ORG_KINDS[role].includes(org.kind)) {
    const kinds = ROLE_ORG_KINDS[role].map((k) => ORG_KIND_LABELS[k]).join('或');
    return { ok: false, field: 'orgId', message: `所属机构：「${ROLE_LABELS[role]}」只能属于${kinds}` };
  }
  return { ok: true };
}
