import { z } from 'zod';
import { cleanText, text } from './common.ts';
import { ExternalValueRequest, FreezeDrawRequest } from './draws.ts';

/**
 * 纪检回访 and 异常线索 (issue 16, decision 0026):
 * - GET  /api/callbacks?quarter=2026Q3           the quarter's preview (brigades, candidates, quotas) and its rounds
 * - POST /api/callbacks/rounds                    冻结清单 (201, the round's id)
 * - GET  /api/callbacks/rounds/:id                one round: steps, units with their records, the report
 * - POST /api/callbacks/rounds/:id/external       one entry of the external value (two 纪检 must agree)
 * - POST /api/callbacks/rounds/:id/execute        执行抽取
 * - POST /api/callbacks/rounds/:id/void           作废 with a reason
 * - GET  /api/callbacks/rounds/:id/bundle         the XF-SRS/1 bundle (JSON, for draw-verify)
 * - GET  /api/callbacks/rounds/:id/report.xlsx    the quarterly report
 * - POST /api/callbacks/units/:id/record          a callback record
 * - POST /api/callbacks/units/:id/replace         an unreachable unit replaced by the next alternate
 * - GET  /api/anomalies?days=90                   the four anomaly lists
 */

const QUARTER = /^\d{4}Q[1-4]$/;
export const QuarterQuery = z.object({
  quarter: z.string({ error: '季度：格式不正确' }).regex(QUARTER, '季度：格式应为 2026Q3').optional(),
});

export const FreezeCallbackRequest = z.object({
  quarter: z.string({ error: '季度：格式不正确' }).regex(QUARTER, '季度：格式应为 2026Q3'),
  /** The same named future values as a plan draw's (1–3, source and issue). */
  external: FreezeDrawRequest.shape.external,
});
export type FreezeCallbackRequest = z.infer<typeof FreezeCallbackRequest>;

/** One 纪检's entry of the lottery value: the same shape as a plan draw's entry. */
export const CallbackExternalRequest = ExternalValueRequest;

export const VoidCallbackRequest = z.object({ reason: cleanText('作废理由', 500) });

export const CallbackRecordRequest = z.object({
  reached: z.boolean({ error: '是否联系上：必须选择' }),
  attempts: z.number({ error: '联系次数：必须是数字' }).int('联系次数：必须是整数').min(1, '联系次数：至少 1 次').max(20, '联系次数：最多 20 次'),
  satisfaction: z.number({ error: '满意度：必须是数字' }).int('满意度：必须是整数').min(1, '满意度：1–5 星').max(5, '满意度：1–5 星').nullable().default(null),
  conductReported: z.boolean({ error: '是否反映执法人员不当行为：必须选择' }).default(false),
  conductText: text('反映内容', { max: 1000, min: 0 }).default(''),
  notes: text('备注', { max: 1000, min: 0 }).default(''),
});
export type CallbackRecordRequest = z.infer<typeof CallbackRecordRequest>;

export const ReplaceCallbackRequest = z.object({ reason: cleanText('递补理由', 500) });

export const AnomalyQuery = z.object({
  days: z.coerce.number({ error: '期间：必须是天数' }).int('期间：必须是整数天').min(7, '期间：至少 7 天').max(366, '期间：最多 366 天').default(90),
});

export const CALLBACK_ROUND_STATUS_LABELS = { frozen: '已冻结', executed: '已抽取', voided: '已作废' } as const;
export const CALLBACK_UNIT_STATUS_LABELS = { open: '待回访', recorded: '已回访', replaced: '已递补', cancelled: '已取消' } as const;

export type CallbackRoundListItem = {
  id: string;
  code: string;
  quarter: string;
  status: keyof typeof CALLBACK_ROUND_STATUS_LABELS;
  orgName: string;
  manifestHash: string;
  resultHash: string | null;
  frozenAt: string;
  voidReason: string | null;
};

export type CallbackPreviewView = {
  quarter: string;
  quarterLabel: string;
  /** The quarters a round may be drawn for now, newest first. */
  quarters: { value: string; label: string }[];
  from: string;
  to: string;
  orgName: string;
  brigades: { orgId: string; name: string; candidates: number; quota: number; alternates: number }[];
  auditors: { id: string; name: string }[];
  /** The Chinese reason a round cannot be frozen now (fewer than two 纪检 …), or null. */
  blocker: string | null;
  canManage: boolean;
  rounds: CallbackRoundListItem[];
};

export type CallbackRecordView = {
  reached: boolean;
  attempts: number;
  satisfaction: number | null;
  conductReported: boolean;
  conductText: string;
  notes: string;
  recordedBy: string;
  recordedAt: string;
};

export type CallbackUnitView = {
  id: string;
  unitId: string;
  unitName: string;
  unitAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  brigadeName: string;
  rank: number;
  caller: string;
  recorder: string;
  status: keyof typeof CALLBACK_UNIT_STATUS_LABELS;
  statusLabel: string;
  replaces: { unitName: string; reason: string; by: string } | null;
  record: CallbackRecordView | null;
  /** The record's history (a later record supersedes an earlier one). */
  records: number;
  canReplace: boolean;
};

export type CallbackReportRow = {
  brigadeName: string;
  drawn: number;
  recorded: number;
  reached: number;
  reachedRate: string;
  averageSatisfaction: string;
  conductReports: number;
  complaints: number;
  ratings: number;
  averageRating: string;
};

export type CallbackReportView = { rows: CallbackReportRow[]; total: CallbackReportRow; manifestHash: string; resultHash: string | null; seed: string | null };

export type CallbackRoundView = {
  id: string;
  code: string;
  quarter: string;
  quarterLabel: string;
  status: keyof typeof CALLBACK_ROUND_STATUS_LABELS;
  statusLabel: string;
  orgName: string;
  manifestHash: string;
  resultHash: string | null;
  seed: string | null;
  frozenAt: string;
  frozenBy: string;
  executedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  strata: { code: string; name: string; quota: number; alternates: number; candidates: number }[];
  auditors: { id: string; name: string }[];
  external: { source: string; ref: string; entries: number; confirmed: boolean; value: string | null; enteredByMe: boolean }[];
  units: CallbackUnitView[];
  report: CallbackReportView | null;
  canManage: boolean;
};

export type AnomalyView = {
  days: number;
  voidedDraws: { drawId: string; code: string; orgName: string; voidedAt: string | null; voidedBy: string; reason: string; wasExecuted: boolean }[];
  frequentReplacers: { by: string; name: string; count: number; median: number; latest: { taskId: string; drawCode: string; at: string; reason: string }[] }[];
  barsBeforeDraws: { kind: 'frozen' | 'recusal'; kindLabel: string; inspectorId: string; inspectorName: string; unitName: string | null; reason: string; createdAt: string; createdBy: string; drawId: string; drawCode: string; frozenAt: string; daysBefore: number }[];
  corrections: { recordId: string; taskId: string; unitName: string; orgName: string; version: number; by: string; at: string; reason: string; fields: string[] }[];
  rules: { replacements: string; bars: string };
};
