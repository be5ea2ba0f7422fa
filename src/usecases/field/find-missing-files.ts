import { missingFiles } from '../../db/field-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { inspectorOfActor } from './field-task-access.ts';

/** Which of these files (by SHA-256) the server does not hold yet: the device uploads only those. */
export async function findMissingFiles(ctx: UseCaseContext, sha256s: readonly string[]): Promise<string[]> {
  await inspectorOfActor(ctx.db, ctx);
  return missingFiles(ctx.db, sha256s);
}
