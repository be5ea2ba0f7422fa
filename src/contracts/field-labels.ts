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
