import { listAnnualPlans, listCampaigns, listMonthlyPlans } from '../../db/plan-queries.ts';
import type { Db } from '../../db/client.ts';

/** What the portal lists: published annual plans with their published months, and published campaigns. */
export async function getPublicPlans(db: Db) {
  const [annual, monthly, campaigns] = await Promise.all([
    listAnnualPlans(db, { scopePath: null, publishedOnly: true }),
    listMonthlyPlans(db, { scopePath: null, publishedOnly: true }),
    listCampaigns(db, { scopePath: null, publishedOnly: true }),
  ]);
  return { annual, monthly, campaigns };
}
