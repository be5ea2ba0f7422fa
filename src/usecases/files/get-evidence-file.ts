import { DomainError } from '../../domain/errors.ts';
import { loadStoredFile } from '../../db/file-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** A stored evidence file's bytes, for staff who can see draws (the admin view of a 递补 links to it). */
export async function getEvidenceFile(ctx: UseCaseContext, sha256: string) {
  requirePermission(ctx.actor, 'plans.read');
  const file = await loadStoredFile(ctx.db, sha256);
  if (!file) throw new DomainError('NOT_FOUND', '文件不存在');
  return file;
}
