import { addMonths } from '../../domain/publication/publication-rules.ts';
import { composeCreditItem, type CreditFeedItem } from '../../domain/exchange/credit-item.ts';
import { composeExchangeItem, type ExchangeItem } from '../../domain/exchange/exchange-item.ts';
import type { CreditPolicy } from '../../domain/exchange/credit-policy.ts';
import type { PenaltyContent } from '../../domain/publication/publication-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listPeriodPublications, listPortalPenalties, sealedDaysOfUnits } from '../../db/exchange-queries.ts';
import { effectivePolicy } from '../publication/publication-policy.ts';
import { effectiveExchangeSettings } from './exchange-settings.ts';

/** The publication and credit policies at each org path met, looked up once each. */
function policiesByPath(db: DbOrTx) {
  const cache = new Map<string, Promise<{ publishPersonName: boolean; credit: CreditPolicy }>>();
  return (orgPath: string) => {
    let hit = cache.get(orgPath);
    if (!hit) {
      hit = Promise.all([effectivePolicy(db, orgPath), effectiveExchangeSettings(db, orgPath)]).then(([p, s]) => ({
        publishPersonName: p.policy.publishPersonName,
        credit: s.creditPolicy,
      }));
      cache.set(orgPath, hit);
    }
    return hit;
  };
}

/** Items `offset`…`offset+limit` of a period's publications (the stable order of listPeriodPublications), composed. */
export async function loadExchangeItems(
  db: DbOrTx,
  f: { scopePath: string; from: string; to: string; today: string; offset: number; limit: number },
): Promise<ExchangeItem[]> {
  const policyAt = policiesByPath(db);
  const items: ExchangeItem[] = [];
  const PAGE = 500;
  for (let done = 0; done < f.limit; done += PAGE) {
    const rows = await listPeriodPublications(db, { ...f, offset: f.offset + done, limit: Math.min(PAGE, f.limit - done) });
    for (const row of rows) {
      const item = composeExchangeItem(row, { publishPersonName: (await policyAt(row.orgPath)).publishPersonName, today: f.today });
      if (item) items.push(item);
    }
    if (rows.length < PAGE) break;
  }
  return items;
}

/** Most penalties one credit list reads. */
export const MAX_CREDIT_ROWS = 5_000;

/**
 * The credit feed of the orgs under scopePath: penalties decided in [from, to] (from null: all still within reach of
 * the longest period), each with its period under the policy at its brigade. `truncated` when more than `limit`.
 */
export async function loadCreditItems(
  db: DbOrTx,
  f: { scopePath: string; from: string | null; to: string; today: string; limit?: number; offset?: number },
): Promise<{ items: CreditFeedItem[]; truncated: boolean }> {
  const limit = f.limit ?? MAX_CREDIT_ROWS;
  const rows = await listPortalPenalties(db, { scopePath: f.scopePath, from: f.from, to: f.to, today: f.today, limit: (f.offset ?? 0) + limit + 1 });
  const page = rows.slice(f.offset ?? 0, (f.offset ?? 0) + limit);
  const sealed = await sealedDaysOfUnits(db, [...new Set(page.map((r) => r.unitId))]);
  const policyAt = policiesByPath(db);
  const items: CreditFeedItem[] = [];
  for (const row of page) {
    const policies = await policyAt(row.orgPath);
    const item = composeCreditItem(row as typeof row & { content: PenaltyContent }, sealed.get(row.unitId) ?? [], policies.credit, {
      publishPersonName: policies.publishPersonName,
      today: f.today,
    });
    if (item) items.push(item);
  }
  return { items, truncated: rows.length > (f.offset ?? 0) + limit };
}

/** The earliest decision day whose longest possible period (36 months) could still include `today`. */
export function blacklistHorizon(today: string): string {
  return addMonths(today, -36);
}
