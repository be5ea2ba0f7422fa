import { canHandleCases } from '../../domain/cases/case-access.ts';
import { documentsOfCase, hazardsOfCase, referralsOf } from '../../db/case-queries.ts';
import { findPublicationOfCase } from '../../db/publication-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { deadlinesOfCases } from './case-deadlines-of.ts';
import { loadCase } from './load-case.ts';

/** One case with its hazards, documents, referrals, deadlines and its penalty's publication entry (in scope). */
export async function getCase(ctx: UseCaseContext, id: string) {
  const found = await loadCase(ctx, id);
  const [hazards, documents, referrals, deadlines, publication] = await Promise.all([
    hazardsOfCase(ctx.db, id),
    documentsOfCase(ctx.db, id),
    referralsOf(ctx.db, { caseId: id }),
    deadlinesOfCases(ctx.db, ctx.now, [found.case]),
    findPublicationOfCase(ctx.db, id),
  ]);
  return { ...found, hazards, documents, referrals, deadlines: deadlines.get(id)!, publication, canManage: canHandleCases(ctx.actor, found.org.path) };
}
