import { describe, expect, it } from 'vitest';
import type { Actor } from '../access.ts';
import { canManageCheckItem, canSeeCheckItem } from './check-item-access.ts';

const corps = '/c/';
const detachment = '/c/d/';
const otherDetachment = '/c/e/';
const brigade = '/c/d/b/';
const as = (role: Actor['role'], orgPath: string) => ({ role, orgPath });

describe('canManageCheckItem', () => {
  it('leaves the national list to the system administrator alone', () => {
    expect(canManageCheckItem(as('system_admin', corps), null)).toBe(true);
    expect(canManageCheckItem(as('org_admin', corps), null)).toBe(false);
  });

  it('lets an org administrator manage the items of orgs in their scope, not a neighbour’s', () => {
    expect(canManageCheckItem(as('org_admin', detachment), detachment)).toBe(true);
    expect(canManageCheckItem(as('org_admin', corps), detachment)).toBe(true);
    expect(canManageCheckItem(as('org_admin', detachment), otherDetachment)).toBe(false);
    expect(canManageCheckItem(as('org_admin', detachment), corps)).toBe(false);
  });

  it('never lets a brigade administrator, an inspector or 纪检 edit items', () => {
    for (const role of ['brigade_admin', 'inspector', 'auditor'] as const) {
      expect(canManageCheckItem(as(role, brigade), brigade)).toBe(false);
      expect(canManageCheckItem(as(role, corps), null)).toBe(false);
    }
  });
});

describe('canSeeCheckItem', () => {
  it('shows national items to everyone', () => {
    expect(canSeeCheckItem(as('inspector', brigade), null)).toBe(true);
  });

  it('shows an org’s items inside its subtree and above it, but not to a neighbouring 支队', () => {
    expect(canSeeCheckItem(as('brigade_admin', brigade), detachment)).toBe(true);
    expect(canSeeCheckItem(as('org_admin', corps), detachment)).toBe(true);
    expect(canSeeCheckItem(as('org_admin', otherDetachment), detachment)).toBe(false);
    expect(canSeeCheckItem(as('system_admin', otherDetachment), detachment)).toBe(true);
  });
});
