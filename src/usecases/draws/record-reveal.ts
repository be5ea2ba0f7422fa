import { DomainError } from '../../domain/errors.ts';
import { fromHex } from '../../domain/crypto/sha256.ts';
import { commitmentOf, MIN_REVEAL_BYTES } from '../../domain/draw/seed.ts';
import { listExternalEntries, updateObserver } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { lockObserverStep } from './draw-access.ts';

/**
 * An observer reveals the secret (draw-algorithm.md §1.3): only after every observer has committed, before any
 * external value is entered, and only if it opens the recorded commitment.
 */
export async function recordReveal(ctx: UseCaseContext, drawId: string, observerId: string, revealHex: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  const reveal = revealHex.trim().toLowerCase();
  if (!/^([0-9a-f]{2})+$/.test(reveal) || reveal.length < MIN_REVEAL_BYTES * 2) {
    throw new DomainError('VALIDATION_FAILED', `密钥：应为至少 ${MIN_REVEAL_BYTES} 字节的十六进制`, { field: 'reveal' });
  }
  await ctx.db.transaction(async (tx) => {
    const { draw, org, observers, observer } = await lockObserverStep(ctx, tx, drawId, observerId);
    if (observers.some((o) => !o.commitment)) throw new DomainError('CONFLICT', '所有监督人记录承诺值之后才能揭示');
    if (observer.reveal) throw new DomainError('CONFLICT', `监督人 ${observerId} 已揭示`);
    if ((await listExternalEntries(tx, drawId)).length > 0) throw new DomainError('CONFLICT', '已开始录入外部随机数，不能再揭示');
    if (commitmentOf(draw.manifestHash, observerId, fromHex(reveal)) !== observer.commitment) {
      throw new DomainError('VALIDATION_FAILED', '密钥：与记录的承诺值不符（请核对记录单上的密钥）', { field: 'reveal' });
    }
    await updateObserver(tx, drawId, observerId, { reveal, revealedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'draw.reveal', targetType: 'draw', targetId: drawId, orgId: org.id, summary: { drawId: draw.code, observerId, reveal } });
  });
}
