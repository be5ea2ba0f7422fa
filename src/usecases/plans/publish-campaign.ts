import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { updateCampaignRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { evaluateCampaign, readableCampaign } from './campaign-rules.ts';

/** Publishes a 专项检查 (portal). Refused when its quota exceeds the candidates it has today. */
export async function publishCampaign(ctx: UseCaseContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { campaign, org } = await readableCampaign(ctx, id, tx, true);
    if (campaign.status === 'published') throw new DomainError('CONFLICT', '该专项检查已发布');
    const { quota } = await evaluateCampaign(tx, campaign, org, localDate(ctx.now));
    if (quota.shortBy > 0) {
      throw new DomainError('CONFLICT', `抽查数量 ${campaign.settings.quota} 超过了符合条件的候选单位数 ${quota.candidates}，请调整范围或数量`);
    }
    const updated = await updateCampaignRow(tx, id, { status: 'published', publishedAt: ctx.now, publishedBy: ctx.actor.accountId, updatedAt: ctx.now }, 'draft');
    if (!updated) throw new DomainError('CONFLICT', '该专项检查已发布');
    await recordAudit(tx, ctx, {
      action: 'campaign.publish',
      targetType: 'special_campaign',
      targetId: id,
      orgId: org.id,
      summary: { org: org.name, name: campaign.name, quota: quota.quota, candidates: quota.candidates, frequencyOverrideReason: campaign.settings.frequencyOverrideReason },
    });
  });
}
