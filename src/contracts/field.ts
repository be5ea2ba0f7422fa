import { z } from 'zod';
import type { AttachedFileView } from './files.ts';
import { cleanText, isoDate, isoDateTime, nameText, PageQuery, paramText, text, uuidParam } from './common.ts';
import { TASK_STATUSES } from './draws.ts';
import { canonicalJson } from '../domain/canonical-json.ts';

/**
 * Field work (docs/decisions/0020-field-work.md): the inspector's task bundle, pre-notice, the inspection record
 * and its confirmation. The field app (web/src/field) keeps everything on the device and sends it through its own
 * outbox; every id a record carries (the record, its photos by SHA-256, its signatures) is made on the device, so a
 * repeat is harmless and a different body under the same id is refused (409).
 */

// ---------- statuses ----------

/** A task's life: assigned → notified → in_progress → done (record submitted) → closed; or unable (无法检查). */
export const FIELD_TASK_STATUSES = TASK_STATUSES;
export type FieldTaskStatus = (typeof FIELD_TASK_STATUSES)[number];

export {
  LINE_RESULTS,
  type LineResult,
  LINE_RESULT_LABELS,
  UNABLE_REASONS,
  type UnableReason,
  UNABLE_REASON_LABELS,
  RECORD_OUTCOMES,
  type RecordOutcome,
  RECORD_OUTCOME_LABELS,
  CONCLUSIONS,
  type Conclusion,
  CONCLUSION_LABELS,
  OUTBOX_STATES,
  type OutboxState,
  OUTBOX_STATE_LABELS,
  OUTBOX_CHANNEL_LABELS,
} from './field-labels.ts';
import { CONCLUSIONS, LINE_RESULTS, OUTBOX_STATES, RECORD_OUTCOMES, UNABLE_REASONS, type OutboxState, type RecordOutcome } from './field-labels.ts';

// ---------- the record body (what is hashed and signed) ----------

const sha256 = (label: string) => z.string({ error: `${label}：格式不正确` }).regex(/^[0-9a-f]{64}$/, `${label}：应为 64 位小写十六进制`);
const photos = (label: string) => z.array(sha256(label), { error: `${label}：必须是列表` }).max(20, `${label}：最多 20 张`);

export const RecordLine = z.object({
  /** check_item_versions.id and the line's code in that version's checklist. */
  versionId: uuidParam('检查项目版本'),
  code: cleanText('检查内容编号', 40),
  result: z.enum(LINE_RESULTS, { error: '检查结果：只能是未查、符合、不符合或不适用' }),
  note: text('说明', { max: 1000, min: 0 }).default(''),
  /** Required when a line stays 未查 in a submitted record. */
  uncheckedReason: text('未查原因', { max: 500, min: 0 }).default(''),
  /** Required on a 不符合 line. */
  hazard: z
    .object({
      description: cleanText('隐患描述', 1000),
      location: cleanText('隐患部位', 200),
      legalBasis: cleanText('违反的规定', 500),
      fixedOnSpot: z.boolean({ error: '当场改正：只能是是或否' }),
    })
    .nullable()
    .default(null),
  photos: photos('现场照片'),
});
export type RecordLine = z.infer<typeof RecordLine>;

export const Signature = z.discriminatedUnion('kind', [
  /** A handwritten signature (PNG by its SHA-256) over the body hash it was given at the time of signing. */
  z.object({ kind: z.literal('signed'), image: sha256('签名'), signedHash: sha256('签名所签内容'), at: isoDateTime('签名时间') }),
  /** The unit's representative refused to sign: recorded as such, with a witness. */
  z.object({ kind: z.literal('refused'), witness: nameText('见证人', 40), reason: cleanText('拒签说明', 500), signedHash: sha256('签名所签内容'), at: isoDateTime('签名时间') }),
]);
export type Signature = z.infer<typeof Signature>;

/**
 * The body of a 消防监督检查记录: canonical JSON of this (RFC 8785) is the body hash every signature covers.
 *
 * The hash is taken over the body as this schema reads it: the device computes
 * `sha256Hex(canonicalJson(RecordBody.parse(draft)))` (@domain/crypto/sha256.ts, @domain/canonical-json.ts) and sends
 * exactly that parsed body. The server refuses (400) a body that this schema would change (untrimmed text, a missing
 * field left to its default), since its hash would not be the one signed.
 */
export const RecordBody = z.object({
  taskId: uuidParam('任务'),
  outcome: z.enum(RECORD_OUTCOMES, { error: '检查结果：只能是已检查或无法检查' }),
  /** The visit: when the inspectors arrived and left (device clock, China time offset included). */
  startedAt: isoDateTime('开始时间'),
  endedAt: isoDateTime('结束时间'),
  /** The unit's accompanying person (陪同人员). */
  accompanying: z.object({ name: text('陪同人员', { max: 40, min: 0 }).default(''), title: text('陪同人员职务', { max: 40, min: 0 }).default('') }),
  /** Other departments' staff present at a joint inspection (external_people ids). */
  jointStaffIds: z.array(uuidParam('联合检查人员')).max(10, '联合检查人员：最多 10 名').default([]),
  lines: z.array(RecordLine).max(500, '检查内容：最多 500 条').default([]),
  conclusion: z.enum(CONCLUSIONS, { error: '检查结论：只能是未发现或发现火灾隐患' }).nullable().default(null),
  /** 无法检查: reason, what was seen, photo evidence. */
  unable: z
    .object({
      reason: z.enum(UNABLE_REASONS, { error: '无法检查原因：只能是查无此单位、已停业/歇业、拒绝检查或其他' }),
      detail: cleanText('情况说明', 1000),
      photos: photos('证明照片'),
    })
    .nullable()
    .default(null),
  remarks: text('备注', { max: 2000, min: 0 }).default(''),
});
export type RecordBody = z.infer<typeof RecordBody>;

export const RecordSignatures = z.object({
  lead: Signature.nullable().default(null),
  /** Null when the 协办 confirms on their own device afterwards (POST …/confirm). */
  assistant: Signature.nullable().default(null),
  representative: Signature.nullable().default(null),
});
export type RecordSignatures = z.infer<typeof RecordSignatures>;

/** POST /api/field/records: a record made on the device under its own id. */
export const SubmitRecordRequest = z.object({
  id: uuidParam('检查记录'),
  body: RecordBody,
  signatures: RecordSignatures,
  /** A correction of a submitted record: the version it corrects and why (both versions are kept). */
  corrects: z.object({ recordId: uuidParam('被更正的记录'), reason: cleanText('更正理由', 500) }).nullable().default(null),
});
export type SubmitRecordRequest = z.infer<typeof SubmitRecordRequest>;

/**
 * Whether the body as sent is the body as read (trimmed texts, every field present): only then is the hash the device
 * signed the hash of what the server stores.
 */
export function isRecordBodyAsRead(sent: unknown, read: RecordBody): boolean {
  try {
    return canonicalJson(sent) === canonicalJson(read);
  } catch {
    return false;
  }
}

/** POST /api/field/records/:id/confirm: the 协办 confirms the record on their own device. */
export const ConfirmRecordRequest = z.object({ bodyHash: sha256('记录内容'), signature: Signature });

/** POST /api/field/files/missing: which of these files the server does not hold yet. */
export const MissingFilesRequest = z.object({ sha256: z.array(sha256('文件编号')).max(200, '文件编号：最多 200 个') });
export type MissingFilesResponse = { missing: string[] };

/** POST /api/field/tasks/:id/visit: the lead sets the visit date; the unit is told (pre-notice). */
export const ScheduleVisitRequest = z.object({
  visitDate: isoDate('检查日期'),
  /** Required when the notice is later than one working day before the visit. */
  lateReason: text('迟延告知理由', { max: 500, min: 0 }).default(''),
});

/** GET /api/records: the records of a task, a unit or an inspector, newest first, paged. */
export const RecordListQuery = PageQuery.extend({
  taskId: uuidParam('任务').optional(),
  unitId: uuidParam('检查对象').optional(),
  inspectorId: uuidParam('检查人员').optional(),
  outcome: z.enum(RECORD_OUTCOMES, { error: '检查结果：只能是 inspected（已检查）或 unable（无法检查）' }).optional(),
});
export type RecordListQuery = z.infer<typeof RecordListQuery>;

/** GET /api/outbox: the messages of the actor's scope, newest first, paged. */
export const OutboxListQuery = PageQuery.extend({
  state: z.enum(OUTBOX_STATES, { error: '发送状态：只能是 pending、sent 或 failed' }).optional(),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

/** GET /api/public/notices/:code: the short code of a pre-notice link. */
export const NoticeCodeParams = z.object({
  code: paramText('告知编号', 16).regex(/^[A-Za-z0-9]{6,16}$/, '告知编号：格式不正确'),
});

export const FieldTaskQuery = z.object({
  /** How many days ahead to load for offline use (default 7). */
  days: z.coerce.number({ error: '天数：应为数字' }).int('天数：应为整数').min(1, '天数：至少 1').max(31, '天数：最多 31').default(7),
});

// ---------- views ----------

export type FieldPerson = { id: string; name: string; certificateNo: string | null; role: 'lead' | 'assistant' };
export type FieldExternalPerson = { id: string; name: string; organization: string };

export type FieldChecklistLine = {
  versionId: string;
  itemName: string;
  code: string;
  text: string;
  basis: string | null;
};

/** Everything the device needs to inspect one unit offline. */
export type FieldTask = {
  id: string;
  /**
   * 'reinspection': a 复查 of `followsNotice` (decision 0023): its checklist is one line per hazard of the notice, and
   * 符合 reads 已改正, 不符合 未改正. drawCode is then 「复查」.
   */
  kind: 'draw' | 'reinspection';
  followsNotice: { id: string; number: string } | null;
  drawCode: string;
  status: FieldTaskStatus;
  statusLabel: string;
  dueDate: string;
  visitDate: string | null;
  notice: { state: OutboxState; stateLabel: string; sentAt: string | null; late: boolean; lateReason: string | null } | null;
  myRole: 'lead' | 'assistant';
  unit: {
    id: string;
    name: string;
    creditCode: string | null;
    address: string | null;
    category: string;
    categoryLabel: string;
    isCrowded: boolean;
    contactName: string | null;
    contactPhone: string | null;
  };
  people: FieldPerson[];
  jointStaffChoices: FieldExternalPerson[];
  previousInspections: { on: string; kindLabel: string }[];
  /** Open notices (责令改正…): filled by the documents module; empty until then. */
  openNotices: { title: string; number: string; deadline: string | null }[];
  /** The check-item versions in force for this task and the lines that apply to this unit, in order. */
  checklist: FieldChecklistLine[];
  /** The latest submitted record, if any (its id, version and whether the 协办 has confirmed). */
  record: { id: string; version: number; bodyHash: string; assistantConfirmed: boolean } | null;
};

export type FieldTaskBundle = {
  today: string;
  inspector: { id: string; name: string };
  tasks: FieldTask[];
  /** When the bundle was made (so the device can show how fresh its copy is). */
  at: string;
};

export type RecordView = {
  id: string;
  taskId: string;
  unitId: string;
  version: number;
  correctsRecordId: string | null;
  correctionReason: string | null;
  outcome: RecordOutcome;
  outcomeLabel: string;
  bodyHash: string;
  body: RecordBody;
  signatures: RecordSignatures;
  unitName: string;
  drawCode: string;
  submittedBy: string;
  submittedAt: string;
  assistantConfirmedAt: string | null;
  /** The task's 主办 and 协办 by name (the record's signatures name their roles). */
  people: { id: string; name: string; role: 'lead' | 'assistant' }[];
  /** The joint-inspection staff the body names (jointStaffIds), by name and organisation. */
  jointStaff: { id: string; name: string; organization: string }[];
  /** Every photo and signature image, by SHA-256 (admin only). */
  files: AttachedFileView[];
  lineLabels: Record<string, { itemName: string; text: string }>;
};

export type RecordSummary = {
  id: string;
  taskId: string;
  version: number;
  unitId: string;
  unitName: string;
  drawCode: string;
  outcome: RecordOutcome;
  outcomeLabel: string;
  conclusionLabel: string | null;
  /** A correction's reason (null for a first version). */
  correctionReason: string | null;
  hazardCount: number;
  photoCount: number;
  submittedBy: string;
  submittedAt: string;
};

export type OutboxMessageView = {
  id: string;
  taskId: string | null;
  unitName: string | null;
  channel: 'log' | 'sms';
  recipient: string;
  body: string;
  state: OutboxState;
  stateLabel: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** What the unit sees at /portal/notice/<code>: the brigade, the unit, the day and what to prepare; no names of staff. */
export type PublicNoticeView = {
  brigadeName: string;
  unitName: string;
  visitDate: string | null;
  /** 待检查 / 已取消 …: whether the visit still stands. */
  stateLabel: string;
  text: string;
  prepare: string[];
};
