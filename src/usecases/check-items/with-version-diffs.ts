import { diffCheckItemVersions, type CheckItemVersionDiff } from '../../domain/check-items/version-diff.ts';
import { fieldsOfVersion, type CheckItemVersionRow } from '../../db/check-item-queries.ts';

/**
 * Versions (newest first) each with what changed from the version before it; version 1 — or the oldest
 * version given — has no diff.
 */
export function withVersionDiffs<V extends CheckItemVersionRow>(
  newestFirst: readonly V[],
): (V & { diff: CheckItemVersionDiff | null })[] {
  return newestFirst.map((version, i) => {
    const previous = newestFirst[i + 1];
    return { ...version, diff: previous ? diffCheckItemVersions(fieldsOfVersion(previous), fieldsOfVersion(version)) : null };
  });
}
