import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findAnnualPlan, listMonthlyPlans } from '../../db/plan-queries.ts';

/** A published annual plan with its published months; drafts do not exist for the public (404). */
export async function getPublicAnnualPlan(db: Db, id: string) {
  const found = await findAnnualPlan(db, id);
  if (!found || found.plan.status !== 'published') throw new DomainError('NOT_FOUND', '年度计划不存在或尚未发布');
  const monthly = await listMonthlyPlans(db, { scopePath: null, annualPlanId: id, publishedOnly: true });
  return { ...found, monthly };
}
