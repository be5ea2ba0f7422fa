import { reinspectionChecklist } from '../../domain/reinspections/reinspection-checklist.ts';
import type { SnapshotLine } from '../../domain/records/record-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findDocumentsByIds, hazardsOfReinspectionTasks } from '../../db/reinspection-queries.ts';

export type ReinspectionChecklist = { notice: { id: string; number: string }; lines: SnapshotLine[] };

/**
 * The checklists of 复查 tasks (decision 0023): per task, the notice it follows and one line per hazard moved to it
 * when it was made (src/domain/reinspections/reinspection-checklist.ts).
 */
export async function loadReinspectionChecklists(
  db: DbOrTx,
  tasks: readonly { id: string; followsDocumentId: string | null }[],
): Promise<Map<string, ReinspectionChecklist>> {
  const followed = tasks.filter((t) => t.followsDocumentId !== null);
  if (followed.length === 0) return new Map();
  const notices = new Map((await findDocumentsByIds(db, followed.map((t) => t.followsDocumentId!))).map((d) => [d.id, d]));
  const hazards = await hazardsOfReinspectionTasks(db, followed.map((t) => t.id));
  const out = new Map<string, ReinspectionChecklist>();
  for (const t of followed) {
    const doc = notices.get(t.followsDocumentId!);
    if (!doc) continue;
    const notice = { id: doc.id, number: doc.number };
    out.set(t.id, { notice, lines: reinspectionChecklist(notice, hazards.filter((h) => h.reinspectionTaskId === t.id)) });
  }
  return out;
}
