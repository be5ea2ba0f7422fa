import { DomainError } from '../../domain/errors.ts';
import { updateObserver } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { lockObserverStep } from './draw-access.ts';

/**
 * Records an observer's commitment (draw-algorithm.md §1.2). The secret never reaches the server: the browser (or the
 * observer's own tool) computes H(pad32("XF-SRS/1/commit") ‖ manifestHash ‖ LP(id) ‖ LP(secret)) and only that
 * is stored. Once recorded a commitment cannot be replaced, and no commitment is accepted after the first reveal.
 */
export async function recordCommitment(ctx: UseCaseContext, drawId: string, observerId: string, commitment: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  if (!/^[0-9a-f]{64}$/.test(commitment)) throw new DomainError('VALIDATION_FAILED', '承诺值：应为 64 位小写十六进制（SHA-256）', { field: 'commitment' });
  await ctx.db.transaction(async (tx) => {
    const { draw, org, observers, observer } = await lockObserverStep(ctx, tx, drawId, observerId);
    if (observer.commitment) throw new DomainError('CONFLICT', `监督人 ${observerId} 的承诺值已记录，不能更改`);
    if (observers.some((o) => o.reveal !== null)) throw new DomainError('CONFLICT', '已有监督人揭示密钥，不再接受新的承诺值');
    await updateObserver(tx, drawId, observerId, { commitment, committedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'draw.commit', targetType: 'draw', targetId: drawId, orgId: org.id, summary: { drawId: draw.code, observerId, commitment } });
  });
}
