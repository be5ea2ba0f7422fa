import { changedContent } from '../../domain/changes.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CampaignSettings } from '../../domain/plans/plan-settings.ts';
import { insertCampaign, updateCampaignRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { readableCampaign } from './campaign-rules.ts';

export type CampaignInput = {
  orgId: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
} & CampaignSettings;

function splitInput(input: CampaignInput) {
  const { orgId, name, description, startsOn, endsOn, ...settings } = input;
  void orgId;
  if (endsOn < startsOn) throw new DomainError('VALIDATION_FAILED', '结束日期：不能早于开始日期', { field: 'endsOn' });
  return { name, description: description === '' ? null : description, startsOn, endsOn, settings: settings satisfies CampaignSettings };
}

/** Creates (id null) or edits a draft 专项检查. Published campaigns do not change. Returns the id. */
export async function saveCampaign(ctx: UseCaseContext, id: string | null, input: CampaignInput): Promise<string> {
  requirePermission(ctx.actor, 'plans.manage');
  const fields = splitInput(input);
  return ctx.db.transaction(async (tx) => {
    if (id === null) {
      const org = await requireOrgInScope(ctx, tx, input.orgId, { name: 'orgId', label: '制定单位' });
      const newId = await insertCampaign(tx, { ...fields, orgId: org.id, createdBy: ctx.actor.accountId, createdAt: ctx.now, updatedAt: ctx.now });
      await recordAudit(tx, ctx, {
        action: 'campaign.create',
        targetType: 'special_campaign',
        targetId: newId,
        orgId: org.id,
        summary: { org: org.name, name: fields.name, startsOn: fields.startsOn, endsOn: fields.endsOn, quota: fields.settings.quota, frequencyOverrideReason: fields.settings.frequencyOverrideReason },
      });
      return newId;
    }
    const { campaign, org } = await readableCampaign(ctx, id, tx, true);
    if (campaign.status === 'published') throw new DomainError('CONFLICT', '专项检查已发布，不能再修改');
    const changes = changedContent(
      { name: campaign.name, description: campaign.description, startsOn: campaign.startsOn, endsOn: campaign.endsOn, ...campaign.settings },
      { name: fields.name, description: fields.description, startsOn: fields.startsOn, endsOn: fields.endsOn, ...fields.settings },
    );
    if (Object.keys(changes).length === 0) return id;
    await updateCampaignRow(tx, id, { ...fields, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'campaign.update', targetType: 'special_campaign', targetId: id, orgId: org.id, summary: { name: fields.name, changes } });
    return id;
  });
}
