import type { Permission } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/**
 * A batch the actor may use: of one of `kinds`, owned by an org in the actor's subtree. Anything else is
 * "not found", so another brigade's uploads do not reveal that they exist.
 */
export async function loadImportBatch(
  ctx: UseCaseContext,
  id: string,
  options: { permission: Permission; kinds: readonly ImportBatchRecord['kind'][]; withInvalidRows?: boolean; db?: DbOrTx },
): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, options.permission);
  const batch = await findImportBatch(options.db ?? ctx.db, id, { withInvalidRows: options.withInvalidRows ?? false });
  const what = options.kinds.includes('market_snapshot') ? '比对批次' : '导入批次';
  if (!batch || !options.kinds.includes(batch.kind)) throw new DomainError('NOT_FOUND', `${what}不存在`);
  requireInScope(ctx.actor, batch.orgPath, what);
  return batch;
}
