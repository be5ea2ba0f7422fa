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
  return {
    orgs: orgRows.map((o) => ({ ...o, unitCount: counts.get(o.id)?.unitCount ?? 0 })),
    totals: {
      brigades: orgRows.filter((o) => o.kind === 'brigade').length,
      units: unitTotal?.n ?? 0,
      inspectors: inspectorTotal?.n ?? 0,
    },
    auditChain: await getAuditHead(db),
  };
}
