import { canHandleCases } from '../../domain/cases/case-access.ts';
import { casesOfUnit, documentsOfUnit, hazardsOfUnit, referralsOf, sealingsOfUnit } from '../../db/case-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { deadlinesOfCases } from './case-deadlines-of.ts';
import { loadUnitForCases } from './load-case.ts';

/** Everything after the inspections of one unit: hazards with their stages, documents, cases, referrals and sealings. */
export async function getUnitFollowUp(ctx: UseCaseContext, unitId: string) {
  const { unit, brigade } = await loadUnitForCases(ctx, unitId);
  const [hazards, documents, cases, referrals, sealings] = await Promise.all([
    hazardsOfUnit(ctx.db, unitId),
    documentsOfUnit(ctx.db, unitId),
    casesOfUnit(ctx.db, unitId),
    referralsOf(ctx.db, { unitId }),
    sealingsOfUnit(ctx.db, unitId),
  ]);
  const deadlines = await deadlinesOfCases(ctx.db, ctx.now, cases);
  return {
    unit,
    hazards,
    documents,
    cases: cases.map((c) => ({ case: c, unitName: unit.name, deadlines: deadlines.get(c.id)! })),
    referrals,
    sealings,
    canManage: canHandleCases(ctx.actor, brigade.path),
  };
}
