import { canManageInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { policyProblems } from '../../domain/publication/publication-rules.ts';
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from '../../domain/publication/publication-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { policiesAbove, savePolicy } from '../../db/publication-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';

export type EffectivePolicy = { policy: PublicationPolicy; setBy: { orgId: string; orgName: string } | null };

/** The policy that applies at the org at `orgPath`: the nearest one set at it or above it, else the defaults. */
export async function effectivePolicy(db: DbOrTx, orgPath: string): Promise<EffectivePolicy> {
  const [nearest] = await policiesAbove(db, orgPath);
  if (!nearest) return { policy: DEFAULT_PUBLICATION_POLICY, setBy: null };
  return { policy: { ...DEFAULT_PUBLICATION_POLICY, ...nearest.policy }, setBy: { orgId: nearest.orgId, orgName: nearest.orgName } };
}

/** GET /api/publication-policy?orgId=: the policy that applies at an org in scope, and whether the actor may set one there. */
export async function getPublicationPolicy(ctx: UseCaseContext, orgId: string): Promise<EffectivePolicy & { canManage: boolean }> {
  const org = await requireOrgInScope(ctx, ctx.db, orgId, { name: 'orgId', label: '机构' });
  const effective = await effectivePolicy(ctx.db, org.path);
  return { ...effective, canManage: canManageInScope(ctx.actor, 'draws.manage', org.path) };
}

/**
 * PUT /api/publication-policy: sets the policy at an org (a 总队 for its province, or a 支队 or 大队 below it), which
 * then applies to every brigade below that sets none. Administrators in scope only; every field checked (400 naming it).
 */
export async function setPublicationPolicy(ctx: UseCaseContext, orgId: string, policy: PublicationPolicy): Promise<EffectivePolicy> {
  const org = await requireOrgInScope(ctx, ctx.db, orgId, { name: 'orgId', label: '机构' });
  if (!canManageInScope(ctx.actor, 'draws.manage', org.path)) throw new DomainError('FORBIDDEN', '只有管理员可以设置公示规则');
  const problems = policyProblems(policy);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems[0]!.message, { field: problems[0]!.field, problems: problems.map((p) => p.message) });
  await ctx.db.transaction(async (tx) => {
    await savePolicy(tx, org.id, policy, ctx.actor.accountId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'publication.policy',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: {
        org: org.name,
        resultDays: policy.resultDays,
        penaltyDays: policy.penaltyDays,
        withdrawalDays: policy.withdrawalDays,
        autoPublishAfterDays: policy.autoPublishAfterDays,
        minorFineMax: policy.minorFineMax,
        minorDisplayMonths: policy.minorDisplayMonths,
        displayYears: policy.displayYears,
        publishPersonName: policy.publishPersonName,
      },
    });
  });
  return effectivePolicy(ctx.db, org.path);
}
