import { getAuditHead } from '../../db/audit-queries.ts';
import type { Db } from '../../db/client.ts';
import { countRegistryByOrg, listOrgsInScope } from '../../db/org-queries.ts';

/**
 * What the public portal's home shows: the organisations, registry sizes and the audit-chain head, as of `now`.
 * No personal data. Two grouped counts (units by brigade, inspectors by org) give every figure: the totals are
 * their sums, not counts of their own.
 */
export async function getPortalHome(db: Db, now: Date) {
  const orgRows = await listOrgsInScope(db, null);
  const { units: unitRows, inspectors: inspectorRows } = await countRegistryByOrg(db);
  const unitsOf = new Map(unitRows.map((r) => [r.id, r.n]));
  // Each org shows the units of its whole subtree: a 支队's figure is the sum of its 大队.
  const subtreeUnits = (path: string) =>
    orgRows.filter((o) => o.path.startsWith(path)).reduce((sum, o) => sum + (unitsOf.get(o.id) ?? 0), 0);
  return {
    orgs: orgRows.map((o) => ({ ...o, unitCount: subtreeUnits(o.path) })),
    totals: {
      brigades: orgRows.filter((o) => o.kind === 'brigade').length,
      units: unitRows.reduce((sum, r) => sum + r.n, 0),
      inspectors: inspectorRows.reduce((sum, r) => sum + r.n, 0),
    },
    auditChain: await getAuditHead(db),
    asOf: now,
  };
}
