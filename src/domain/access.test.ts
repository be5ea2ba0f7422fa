import { describe, expect, it } from 'vitest';
import { canManageInScope, checkAccountGrant, hasPermission, isInScope, isReadOnly, mayChangeWhileReadOnly, ROLES, type Actor } from './access.ts';

const brigadeAdmin: Pick<Actor, 'role' | 'orgPath'> = { role: 'brigade_admin', orgPath: '/c/d/b1/' };
const orgAdmin: Pick<Actor, 'role' | 'orgPath'> = { role: 'org_admin', orgPath: '/c/d/' };

describe('access rules', () => {
  it('scopes an admin to their own subtree and the system admin to everything', () => {
    expect(isInScope(brigadeAdmin, '/c/d/b1/')).toBe(true);
    expect(isInScope(brigadeAdmin, '/c/d/b2/')).toBe(false);
    expect(isInScope(brigadeAdmin, '/c/d/')).toBe(false);
    expect(isInScope(orgAdmin, '/c/d/b2/')).toBe(true);
    expect(isInScope({ role: 'system_admin', orgPath: '/c/' }, '/other/')).toBe(true);
  });

  it('does not confuse an org with a sibling whose id starts the same way', () => {
    expect(isInScope({ role: 'brigade_admin', orgPath: '/c/d/b1/' }, '/c/d/b10/')).toBe(false);
  });

  it('makes 纪检 read-only but lets them read the audit log', () => {
    expect(isReadOnly({ role: 'auditor' })).toBe(true);
    expect(hasPermission({ role: 'auditor' }, 'audit.read')).toBe(true);
    expect(hasPermission({ role: 'auditor' }, 'accounts.manage')).toBe(false);
    for (const role of ROLES) if (role !== 'auditor') expect(isReadOnly({ role })).toBe(false);
  });

  it('lets 纪检 change only their callback work, and nobody else draw callbacks', () => {
    expect(hasPermission({ role: 'auditor' }, 'callbacks.manage')).toBe(true);
    for (const role of ROLES) if (role !== 'auditor') expect(hasPermission({ role }, 'callbacks.manage')).toBe(false);
    expect(mayChangeWhileReadOnly({ role: 'auditor' }, '/api/callbacks/rounds')).toBe(true);
    expect(mayChangeWhileReadOnly({ role: 'auditor' }, '/api/callbacks/units/:id/record')).toBe(true);
    for (const path of ['/api/draws/:id/execute', '/api/units', '/api/callbacksx', '/api/accounts']) {
      expect(mayChangeWhileReadOnly({ role: 'auditor' }, path)).toBe(false);
    }
    expect(mayChangeWhileReadOnly({ role: 'inspector' }, '/api/callbacks/rounds')).toBe(false);
  });

  it('lets 纪检 and the system administrator read the callback rounds and the anomaly lists, not the brigades', () => {
    expect(hasPermission({ role: 'auditor' }, 'callbacks.read')).toBe(true);
    expect(hasPermission({ role: 'system_admin' }, 'callbacks.read')).toBe(true);
    for (const role of ['org_admin', 'brigade_admin', 'inspector'] as const) expect(hasPermission({ role }, 'callbacks.read')).toBe(false);
  });

  it('offers a change only with the permission, inside the scope, and never to 纪检', () => {
    expect(canManageInScope(brigadeAdmin, 'plans.manage', '/c/d/b1/')).toBe(true);
    expect(canManageInScope(brigadeAdmin, 'plans.manage', '/c/d/b2/')).toBe(false);
    expect(canManageInScope(brigadeAdmin, 'calendar.manage', '/c/d/b1/')).toBe(false);
    expect(canManageInScope({ role: 'inspector', orgPath: '/c/d/b1/' }, 'plans.manage', '/c/d/b1/')).toBe(false);
    for (const permission of ['plans.manage', 'draws.manage'] as const) {
      expect(canManageInScope({ role: 'auditor', orgPath: '/c/' }, permission, '/c/d/b1/')).toBe(false);
    }
  });

  it('never lets an admin grant a role above their own', () => {
    expect(checkAccountGrant(brigadeAdmin, 'brigade_admin', { kind: 'brigade', path: '/c/d/b1/' })).toMatchObject({
      ok: false,
      field: 'role',
    });
    expect(checkAccountGrant(orgAdmin, 'system_admin', { kind: 'corps', path: '/c/' })).toMatchObject({ ok: false });
  });

  it('refuses an org outside the subtree and a role at the wrong kind of org', () => {
    expect(checkAccountGrant(brigadeAdmin, 'inspector', { kind: 'brigade', path: '/c/d/b2/' })).toMatchObject({
      ok: false,
      field: 'orgId',
    });
    expect(checkAccountGrant(orgAdmin, 'inspector', { kind: 'detachment', path: '/c/d/' })).toMatchObject({
      ok: false,
      field: 'orgId',
    });
    expect(checkAccountGrant(orgAdmin, 'brigade_admin', { kind: 'brigade', path: '/c/d/b2/' })).toEqual({ ok: true });
  });
});
