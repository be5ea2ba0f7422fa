import { ORG_KIND_LABELS, permissionsOf, isReadOnly, ROLE_LABELS } from '../../domain/access.ts';
import type { AccountView } from '../../contracts/accounts.ts';
import type { SessionInfo } from '../../contracts/auth.ts';
import type { AccountWithOrg } from '../../db/account-queries.ts';

/** Whitelists the fields an admin sees; the password hash and demo flag never leave the server. */
export function presentAccount({ account, org }: AccountWithOrg): AccountView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    roleLabel: ROLE_LABELS[account.role],
    orgId: org.id,
    orgName: org.name,
    disabled: account.disabledAt !== null,
    disabledAt: account.disabledAt?.toISOString() ?? null,
    disabledReason: account.disabledReason,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt.toISOString(),
  };
}

export function presentSession({ account, org }: AccountWithOrg, csrfToken: string): SessionInfo {
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      roleLabel: ROLE_LABELS[account.role],
      mustChangePassword: account.mustChangePassword,
      inspectorId: account.inspectorId,
    },
    org: { id: org.id, name: org.name, kind: org.kind, kindLabel: ORG_KIND_LABELS[org.kind] },
    permissions: [...permissionsOf(account.role)],
    readOnly: isReadOnly(account),
    csrfToken,
  };
}
