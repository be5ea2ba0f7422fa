import { sql } from 'drizzle-orm';
import { getAuditHead } from '../../db/audit-queries.ts';
import type { Db } from '../../db/client.ts';
import { countByOrg, listOrgsInScope } from '../../db/org-queries.ts';
import { inspectors, units } from '../../db/schema.ts';

/** What the public portal's home shows: the organisations, registry sizes and the audit-chain head. No personal data. */
export async function getPortalHome(db: Db) {
  const orgRows = await listOrgsInScope(db, null);
  const counts = await countByOrg(db, orgRows.map((o) => o.id));
  const [unitTotal] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  const [inspectorTotal] = await db.select({ n: sql<number>`count(*)::int` }).from(inspectors);
  // Each org shows the units of its whole subtree: a 支队's figure is the sum of its 大队.
  const subtreeUnits = (path: string) =>
    orgRows.filter((o) => o.path.startsWith(path)).reduce((sum, o) => sum + (counts.get(o.id)?.unitCount ?? 0), 0);
  return {
    orgs: orgRows.map((o) => ({ ...o, unitCount: subtreeUnits(o.path) })),
    totals: {
      brigades: orgRows.filter((o) => o.kind === 'brigade').length,
      units: unitTotal?.n ?? 0,
      inspectors: inspectorTotal?.n ?? 0,
    },
    auditChain: await getAuditHead(db),
  };
}
