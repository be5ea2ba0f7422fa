import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export async function listDictionaries(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'registry.read');
  return listDictionaryEntries(ctx.db);
}
