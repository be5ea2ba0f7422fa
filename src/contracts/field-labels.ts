/**
 * The closed value sets of field work and their Chinese names (owned by the domain, decision 0019), without zod: the
 * field app imports them from here, so its first load does not carry the validation library.
 */
export {
  CONCLUSIONS,
  CONCLUSION_LABELS,
  LINE_RESULTS,
  LINE_RESULT_LABELS,
  OUTBOX_CHANNEL_LABELS,
  OUTBOX_STATES,
  OUTBOX_STATE_LABELS,
  RECORD_OUTCOMES,
  RECORD_OUTCOME_LABELS,
  UNABLE_REASONS,
  UNABLE_REASON_LABELS,
  type Conclusion,
  type LineResult,
  type OutboxState,
  type RecordOutcome,
  type UnableReason,
} from '../domain/records/record-labels.ts';
/** 复查 tasks (decision 0023): what made a task, and how a 复查 line's 符合/不符合 read (已改正/未改正). */
export { TASK_KIND_LABELS, type TaskKind } from '../domain/tasks/task-kind.ts';
export { REINSPECTION_LINE_RESULT_LABELS } from '../domain/reinspections/reinspection-checklist.ts';
