import type { FieldTask } from '@contracts/field.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { fetchRecord } from '../lib/field-api.ts';
import type { FieldDb } from '../storage/field-db.ts';

/** Whether this device should keep the task's submitted record: the 协办 has it to confirm, the lead to correct. */
export function wantsRecord(task: Pick<FieldTask, 'myRole' | 'record'>): boolean {
  if (!task.record) return false;
  return task.myRole === 'lead' || !task.record.assistantConfirmed;
}

/**
 * Keeps on the device the submitted records its tasks need (after each bundle refresh): each fetched once (a record
 * never changes: a correction is another record), records of tasks no longer listed dropped. A failure is left for
 * the next refresh.
 */
export async function cacheRecords(db: FieldDb, tasks: readonly FieldTask[]): Promise<void> {
  const wanted = new Map(tasks.filter(wantsRecord).map((t) => [t.record!.id, t.id]));
  for (const stale of (await db.records.toArray()).filter((r) => !wanted.has(r.id))) await db.records.delete(stale.id);
  for (const [id, taskId] of wanted) {
    if (await db.records.get(id)) continue;
    try {
      const view = await fetchRecord(id);
      await db.records.put({ id, taskId, view, savedAt: chinaDateTime(new Date()) });
    } catch {
      // Offline or refused: read again on the next refresh.
    }
  }
}
