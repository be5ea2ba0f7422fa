import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { readTogether, type Db } from '../../db/client.ts';
import {
  countTasksOfDraw,
  findPublicDrawHead,
  inspectorNames,
  latestTaskChanges,
  listExternalEntries,
  listObservers,
  manifestOutline,
  pageTasksOfDraw,
  resultTasksOfDraw,
  unitNames,
  type ManifestOutline,
  type PublicDrawHead,
  type TaskRow,
} from '../../db/draw-queries.ts';
import { portalEntriesOfDraw } from '../../db/publication-queries.ts';
import { drawSource } from '../draws/get-draw.ts';

/** The changes the draw page lists at most (the latest; the page says how many there are in all). */
export const PUBLIC_CHANGES_SHOWN = 200;

/**
 * What a page shows of each manifest, kept per draw: a manifest never changes once frozen (its hash is public), and
 * reading even a path of it makes PostgreSQL unpack the whole value (every candidate). At most OUTLINES_KEPT are kept.
 */
const OUTLINES_KEPT = 256;
const outlineCache = new Map<string, ManifestOutline>();

async function outlineOf(db: Db, draw: { id: string; manifestHash: string }): Promise<ManifestOutline> {
  const key = `${draw.id}\u0000${draw.manifestHash}`;
  const kept = outlineCache.get(key);
  if (kept) return kept;
  const outline = await manifestOutline(db, draw.id);
  if (!outline) throw new DomainError('NOT_FOUND', '抽取不存在');
  if (outlineCache.size >= OUTLINES_KEPT) outlineCache.delete(outlineCache.keys().next().value!);
  outlineCache.set(key, outline);
  return outline;
}

/** A draw voided before execution with complete inputs: its page lists the tasks its result would have created. */
const listsWouldBe = (head: PublicDrawHead) => head.draw.status === 'voided' && head.draw.resultHash !== null && !head.hasTasks;

async function headOf(db: Db, code: string): Promise<PublicDrawHead> {
  const head = await findPublicDrawHead(db, code);
  if (!head) throw new DomainError('NOT_FOUND', '抽取不存在');
  return head;
}

export type PublicDraw = Awaited<ReturnType<typeof getPublicDraw>>;

/**
 * A draw as the portal heads its page: every draw is public from the moment it is frozen (its hash first). Without
 * its tasks (they come a page at a time, {@link getPublicDrawTasks}) and without the manifest's lists (their lengths
 * only): a province's draw is read in a few small queries whatever its size (decision 0035).
 */
export async function getPublicDraw(db: Db, code: string) {
  const head = await headOf(db, code);
  const drawId = head.draw.id;
  const outline = await outlineOf(db, head.draw);
  const [observers, entries, changes, source] = await readTogether(db, [
    () => listObservers(db, drawId),
    () => listExternalEntries(db, drawId),
    () => latestTaskChanges(db, drawId, PUBLIC_CHANGES_SHOWN),
    () => drawSource(db, head.draw, outline.strata.map((s) => s.code)),
  ]);
  const [names, units] = await readTogether(db, [
    () => inspectorNames(db, changes.changes.flatMap((c) => (c.kind === 'inspector_replaced' ? [c.fromId ?? '', c.toId ?? ''] : [])).filter((id) => id !== '')),
    () => unitNames(db, changes.changes.flatMap((c) => (c.kind === 'unit_replaced' ? [c.fromId ?? '', c.toId ?? ''] : [])).filter((id) => id !== '')),
  ]);
  return {
    ...head,
    outline,
    sourceLabel: source.label,
    stratumNames: source.stratumNames,
    observers,
    entries,
    changes: changes.changes,
    changeTotal: changes.total,
    names,
    unitNames: units,
    listsWouldBe: listsWouldBe(head),
  };
}

export type PublicDrawTask = {
  unitId: string;
  unitName: string;
  stratum: string;
  rank: number;
  leads: string[];
  assistants: string[];
  /** Null for a task the draw would have created (voided before execution). */
  status: TaskRow['status'] | null;
  resultId: string | null;
};

/**
 * One page of a draw's tasks in draw order (stratum, then rank), optionally of one stratum, with each task's result on
 * the portal today. For a draw voided before execution with complete inputs, the tasks its result would have created
 * (none were), in the same order.
 */
export async function getPublicDrawTasks(
  db: Db,
  code: string,
  q: { page: number; pageSize: number; stratum?: string | undefined },
  now: Date,
): Promise<{ items: PublicDrawTask[]; total: number }> {
  const head = await headOf(db, code);
  const offset = (q.page - 1) * q.pageSize;
  if (listsWouldBe(head)) return wouldBeTasks(db, head.draw.id, q.stratum, offset, q.pageSize);
  const [rows, total] = await readTogether(db, [
    () => pageTasksOfDraw(db, head.draw.id, { stratum: q.stratum, offset, limit: q.pageSize }),
    () => countTasksOfDraw(db, head.draw.id, q.stratum),
  ]);
  const [names, resultIds] = await readTogether(db, [
    () => inspectorNames(db, rows.flatMap((t) => [...t.leadIds, ...t.assistantIds])),
    () => portalEntriesOfDraw(db, head.draw.id, rows.map((t) => t.id), localDate(now)),
  ]);
  return {
    items: rows.map((t) => ({
      unitId: t.unitId,
      unitName: t.unitName,
      stratum: t.stratum,
      rank: t.rank,
      leads: t.leadIds.map((id) => names.get(id) ?? id),
      assistants: t.assistantIds.map((id) => names.get(id) ?? id),
      status: t.status,
      resultId: resultIds.get(t.id) ?? null,
    })),
    total,
  };
}

async function wouldBeTasks(db: Db, drawId: string, stratum: string | undefined, offset: number, limit: number) {
  const result = await resultTasksOfDraw(db, drawId);
  const placeOf = new Map(result.strata.flatMap((s) => s.selected.map((id, rank) => [id, { stratum: s.code, rank }] as const)));
  // Code-unit order of the stratum, as the tasks' query orders it (collate "C").
  const all = result.tasks
    .map((t) => ({ task: t, stratum: placeOf.get(t.unitId)?.stratum ?? '', rank: placeOf.get(t.unitId)?.rank ?? 0 }))
    .filter((t) => stratum === undefined || t.stratum === stratum)
    .sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : a.rank - b.rank || (a.task.unitId < b.task.unitId ? -1 : 1)));
  const page = all.slice(offset, offset + limit);
  const [names, units] = await readTogether(db, [
    () => inspectorNames(db, page.flatMap((t) => [...t.task.lead, ...t.task.assistant])),
    () => unitNames(db, page.map((t) => t.task.unitId)),
  ]);
  return {
    items: page.map((t): PublicDrawTask => ({
      unitId: t.task.unitId,
      unitName: units.get(t.task.unitId) ?? t.task.unitId,
      stratum: t.stratum,
      rank: t.rank,
      leads: t.task.lead.map((id) => names.get(id) ?? id),
      assistants: t.task.assistant.map((id) => names.get(id) ?? id),
      status: null,
      resultId: null,
    })),
    total: all.length,
  };
}
