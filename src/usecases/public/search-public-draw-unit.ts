import { DomainError } from '../../domain/errors.ts';
import { fromHex } from '../../domain/crypto/sha256.ts';
import type { DrawResult, Manifest } from '../../domain/draw/draw-types.ts';
import { computeUnitRandoms, rankStratum } from '../../domain/draw/select-units.ts';
import { EXCLUSION_REASON_LABELS, type ExclusionReason } from '../../domain/plans/eligibility-types.ts';
import type { Db } from '../../db/client.ts';
import { findDrawByCode } from '../../db/draw-queries.ts';
import { searchUnitsUnder } from '../../db/unit-queries.ts';

export type UnitRank = {
  unitId: string;
  unitName: string;
  outcome: 'selected' | 'alternate' | 'not_selected' | 'excluded' | 'not_listed';
  stratum: string | null;
  rank: number | null;
  candidatesInStratum: number | null;
  reason: string | null;
};

const OUTCOME_ORDER = { selected: 0, alternate: 1, not_selected: 2, excluded: 3, not_listed: 4 } as const;
/** Name matches read before keeping those the manifest lists (a short name can match many units). */
const MATCHES_SCANNED = 500;

/**
 * Each stratum's full order, computed once per executed draw and kept: a result never changes, and ranking a
 * stratum of a large draw takes far longer than a search should. At most RANKS_KEPT strata are kept.
 */
const RANKS_KEPT = 32;
const rankCache = new Map<string, Map<string, number>>();

function stratumRanks(drawCode: string, result: DrawResult, manifest: Manifest, stratum: string): Map<string, number> {
  const key = `${drawCode}\u0000${result.seed}\u0000${stratum}`;
  const cached = rankCache.get(key);
  if (cached) return cached;
  const members = manifest.candidates.filter((c) => c[1] === stratum);
  const a = computeUnitRandoms(fromHex(result.seed), members);
  const order = rankStratum(
    members.map((_, i) => i),
    a,
    members.map((c) => c[2]),
    members.length,
  );
  const ranks = new Map(order.map((index, position) => [members[index]![0], position + 1]));
  if (rankCache.size >= RANKS_KEPT) rankCache.delete(rankCache.keys().next().value!);
  rankCache.set(key, ranks);
  return ranks;
}

/**
 * "Was I drawn, and where did I rank?" — for units whose name or credit code matches `q` among the units the
 * manifest lists: their outcome, and once the draw is executed their 1-based rank in the stratum's full order
 * (draw-algorithm.md §5), which anyone can recompute from the bundle. At most 20 units.
 */
export async function searchPublicDrawUnit(db: Db, code: string, q: string): Promise<UnitRank[]> {
  const found = await findDrawByCode(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '抽取不存在');
  const manifest = found.draw.manifest;
  const listed = new Map<string, { stratum: string | null; reason: string | null }>();
  const stratumSize = new Map<string, number>();
  for (const [id, stratum] of manifest.candidates) {
    listed.set(id, { stratum, reason: null });
    stratumSize.set(stratum, (stratumSize.get(stratum) ?? 0) + 1);
  }
  for (const [id, reason] of manifest.excluded) listed.set(id, { stratum: null, reason });
  // Units of the draw's org and below whose name or credit code matches; of those, the ones the manifest lists.
  const matches = (await searchUnitsUnder(db, found.org.path, q, MATCHES_SCANNED)).filter((m) => listed.has(m.id)).slice(0, 20);
  const result = found.draw.result;
  const fullRank = (stratum: string) => stratumRanks(found.draw.code, result!, manifest, stratum);
  return matches
    .map((m): UnitRank => {
      const entry = listed.get(m.id)!;
      if (entry.reason !== null) {
        const label = EXCLUSION_REASON_LABELS[entry.reason as ExclusionReason] ?? entry.reason;
        return { unitId: m.id, unitName: m.name, outcome: 'excluded', stratum: null, rank: null, candidatesInStratum: null, reason: label };
      }
      const stratum = entry.stratum!;
      const count = stratumSize.get(stratum) ?? 0;
      if (!result) return { unitId: m.id, unitName: m.name, outcome: 'not_selected', stratum, rank: null, candidatesInStratum: count, reason: '尚未执行抽取' };
      const s = result.strata.find((x) => x.code === stratum)!;
      const outcome = s.selected.includes(m.id) ? 'selected' : s.alternates.includes(m.id) ? 'alternate' : 'not_selected';
      return { unitId: m.id, unitName: m.name, outcome, stratum, rank: fullRank(stratum).get(m.id) ?? null, candidatesInStratum: count, reason: null };
    })
    .sort((x, y) => OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome] || x.unitName.localeCompare(y.unitName, 'zh'));
}
