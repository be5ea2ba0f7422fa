import { localDate } from '../../domain/local-date.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { evaluateCampaign, readableCampaign } from './campaign-rules.ts';

/** A campaign with its candidates and quota computed now. */
export async function getCampaign(ctx: UseCaseContext, id: string) {
  const found = await readableCampaign(ctx, id);
  const evaluation = await evaluateCampaign(ctx.db, found.campaign, found.org, localDate(ctx.now));
  return { ...found, evaluation };
}
