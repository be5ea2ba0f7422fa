import type { DbOrTx } from '../../db/client.ts';
import { latestMessagesOfTasks, latestRecordsOfTasks, type InspectionRecordRow, type OutboxMessageRow } from '../../db/field-queries.ts';

/** Per task: its latest inspection record and its latest pre-notice message (the admin task views show both). */
export type TaskFieldFacts = { records: Map<string, InspectionRecordRow>; messages: Map<string, OutboxMessageRow> };

export async function loadTaskFieldFacts(db: DbOrTx, taskIds: readonly string[]): Promise<TaskFieldFacts> {
  const [records, messages] = [await latestRecordsOfTasks(db, taskIds), await latestMessagesOfTasks(db, taskIds)];
  return { records, messages };
}
