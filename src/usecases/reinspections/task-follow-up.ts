import type { DbOrTx } from '../../db/client.ts';
import { findDocument, type DocumentRow } from '../../db/document-queries.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import type { HazardRow } from '../../db/hazard-queries.ts';
import { deadlineNoticesOfTask, hazardsOfReinspectionTasks, opinionOfTask } from '../../db/reinspection-queries.ts';

export type TaskFollowUp = {
  /** A 复查 task: the notice it follows, and its 复查意见书 once the record is in. */
  notice: DocumentRow | null;
  opinion: DocumentRow | null;
  /** The hazards a 复查 task checks. */
  hazards: HazardRow[];
  /** The task's issued 责令限期改正通知书 that no 复查 task follows yet. */
  pending: DocumentRow[];
};

/** The 复查 side of a task's page (decision 0023). */
export async function loadTaskFollowUp(db: DbOrTx, task: TaskRow): Promise<TaskFollowUp> {
  const notice = task.followsDocumentId ? await findDocument(db, task.followsDocumentId) : null;
  const opinion = task.kind === 'reinspection' ? await opinionOfTask(db, task.id) : null;
  const hazards = task.kind === 'reinspection' ? await hazardsOfReinspectionTasks(db, [task.id]) : [];
  const notices = await deadlineNoticesOfTask(db, task.id);
  const pending = notices.filter((n) => n.document.status === 'issued' && n.reinspectionTaskId === null).map((n) => n.document);
  return { notice, opinion, hazards, pending };
}
