/**
 * The closed value sets of field work (a checklist line's result, why a task could not be inspected, a record's
 * outcome and conclusion, an outbox message's state and channel) and their Chinese names. Pure data, no zod: the
 * contracts re-export them (src/contracts/field-labels.ts for the field app, src/contracts/field.ts for the rest).
 */

/** One checklist line's result. 'unchecked' is explicit too: nothing is ever defaulted. */
export const LINE_RESULTS = ['unchecked', 'pass', 'fail', 'na'] as const;
export type LineResult = (typeof LINE_RESULTS)[number];
export const LINE_RESULT_LABELS: Record<LineResult, string> = { unchecked: '未查', pass: '符合', fail: '不符合', na: '不适用' };

/** Why a task ended as 无法检查. */
export const UNABLE_REASONS = ['not_found', 'closed', 'refused', 'other'] as const;
export type UnableReason = (typeof UNABLE_REASONS)[number];
export const UNABLE_REASON_LABELS: Record<UnableReason, string> = {
  not_found: '查无此单位',
  closed: '已停业/歇业',
  refused: '拒绝检查',
  other: '其他原因',
};

export const RECORD_OUTCOMES = ['inspected', 'unable'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];
export const RECORD_OUTCOME_LABELS: Record<RecordOutcome, string> = { inspected: '已检查', unable: '无法检查' };

export const CONCLUSIONS = ['no_hazard', 'hazards_found'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const CONCLUSION_LABELS: Record<Conclusion, string> = { no_hazard: '未发现火灾隐患', hazards_found: '发现火灾隐患' };

export const OUTBOX_STATES = ['pending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = { pending: '待发送', sent: '已发送', failed: '发送失败' };

export const OUTBOX_CHANNELS = ['log', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export const OUTBOX_CHANNEL_LABELS: Record<OutboxChannel, string> = { log: '系统留存', sms: '短信' };
