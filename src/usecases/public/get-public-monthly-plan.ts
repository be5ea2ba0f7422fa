import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findMonthlyPlan } from '../../db/plan-queries.ts';

/** A published monthly plan; a draft does not exist for the public (404). */
export async function getPublicMonthlyPlan(db: Db, id: string) {
  const found = await findMonthlyPlan(db, id);
  if (!found || found.plan.status !== 'published') throw new DomainError('NOT_FOUND', '月度计划不存在或尚未发布');
  return found;
}
