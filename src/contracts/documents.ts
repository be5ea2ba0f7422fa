import { z } from 'zod';
import { isoDate, isoDateTime, PageQuery, paramText, queryText, text, uuidParam } from './common.ts';
import { DOCUMENT_TYPES, SERVICE_METHODS, type DocumentContent, type DocumentType, type ServiceMethod } from '../domain/documents/document-types.ts';
import { HAZARD_STAGES, type HazardStage } from '../domain/hazards/hazard-stage.ts';

/**
 * Documents after an inspection (decision 0023): correction notices, their service (送达), voiding and correction,
 * the 隐患闭环 list, the number formats and the public check of a paper (/portal/documents/<code>).
 */

export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  SERVICE_METHODS,
  SERVICE_METHOD_LABELS,
  type DocumentType,
  type DocumentContent,
  type DocumentBlock,
  type ServiceMethod,
} from '../domain/documents/document-types.ts';
export { HAZARD_STAGES, HAZARD_STAGE_LABELS, type HazardStage } from '../domain/hazards/hazard-stage.ts';

const sha256 = (label: string) => z.string({ error: `${label}：格式不正确` }).regex(/^[0-9a-f]{64}$/, `${label}：应为 64 位小写十六进制`);

export const NOTICE_TYPES = ['deadline_notice', 'immediate_notice'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** The correction period presets offered for a 责令限期改正通知书 (working days). */
export const CORRECTION_PRESETS = [3, 5, 10, 15, 30] as const;

const CorrectionPeriod = z
  .object({
    hazardId: uuidParam('隐患'),
    workingDays: z.number({ error: '改正期限：应为工作日数' }).int('改正期限：应为整数').min(1, '改正期限：至少 1 个工作日').max(60, '改正期限：最多 60 个工作日').optional(),
    date: isoDate('改正期限').optional(),
  })
  .refine((p) => (p.workingDays === undefined) !== (p.date === undefined), { error: '改正期限：请选择工作日数或具体日期（二选一）' });
export type CorrectionPeriodInput = z.infer<typeof CorrectionPeriod>;

/** POST /api/records/:id/notices: issue a correction notice for hazards of the record. */
export const IssueNoticeRequest = z.object({
  type: z.enum(NOTICE_TYPES, { error: '文书类型：只能是责令限期改正通知书或责令立即改正通知书' }),
  /** Omitted: every hazard of the record still waiting for a notice. */
  hazardIds: z.array(uuidParam('隐患'), { error: '隐患：必须是列表' }).min(1, '隐患：至少选择 1 项').max(100, '隐患：最多 100 项').optional(),
  /** Omitted: today (China time). */
  issueDate: isoDate('成文日期').optional(),
  /** Per hazard for a 限期 notice: working days or a date. */
  periods: z.array(CorrectionPeriod, { error: '改正期限：必须是列表' }).max(100, '改正期限：最多 100 项').default([]),
});
export type IssueNoticeRequest = z.infer<typeof IssueNoticeRequest>;

export const VoidDocumentRequest = z.object({ reason: text('作废理由', { max: 500 }) });

/** POST /api/documents/:id/replace: a corrected document of the same type (the old one stays, 已被更正). */
export const ReplaceDocumentRequest = z.object({
  reason: text('更正理由', { max: 500 }),
  issueDate: isoDate('成文日期').optional(),
  /** New periods per hazard; a hazard not named keeps its correction date. */
  periods: z.array(CorrectionPeriod, { error: '改正期限：必须是列表' }).max(100, '改正期限：最多 100 项').default([]),
});
export type ReplaceDocumentRequest = z.infer<typeof ReplaceDocumentRequest>;

const optionalText = (label: string, max: number) => text(label, { max, min: 0 }).default('');

/** POST /api/documents/:id/services: how the document reached its party. */
export const RecordServiceRequest = z.object({
  method: z.enum(SERVICE_METHODS, { error: '送达方式：只能是直接送达、留置送达、邮寄送达或电子送达' }),
  /** Omitted: now. */
  servedAt: isoDateTime('送达时间').optional(),
  place: optionalText('送达地点', 200),
  recipientName: text('受送达人', { max: 40, min: 0, name: true }).default(''),
  recipientRelation: optionalText('与受送达单位关系', 40),
  refusalReason: optionalText('拒收事由', 500),
  witness: text('见证人', { max: 40, min: 0, name: true }).default(''),
  postalTracking: optionalText('邮件单号', 60),
  electronicAddress: optionalText('电子送达地址', 200),
  consentFile: sha256('同意电子送达确认书').nullable().default(null),
  evidenceFiles: z.array(sha256('送达凭证'), { error: '送达凭证：必须是列表' }).max(20, '送达凭证：最多 20 个').default([]),
});
export type RecordServiceRequest = z.infer<typeof RecordServiceRequest>;

/** POST /api/documents/print: many documents as one PDF. */
export const PrintDocumentsRequest = z.object({
  ids: z.array(uuidParam('文书'), { error: '文书：必须是列表' }).min(1, '文书：至少选择 1 份').max(200, '文书：一次最多打印 200 份'),
});

export const DOCUMENT_LIST_STATUSES = ['valid', 'voided', 'replaced'] as const;
export type DocumentListStatus = (typeof DOCUMENT_LIST_STATUSES)[number];
export const DOCUMENT_LIST_STATUS_LABELS: Record<DocumentListStatus, string> = { valid: '有效', voided: '已作废', replaced: '已被更正' };

/** GET /api/documents */
export const DocumentListQuery = PageQuery.extend({
  type: z.enum(DOCUMENT_TYPES, { error: '文书类型：不正确' }).optional(),
  status: z.enum(DOCUMENT_LIST_STATUSES, { error: '状态：只能是有效、已作废或已被更正' }).optional(),
  unitId: uuidParam('检查对象').optional(),
  recordId: uuidParam('检查记录').optional(),
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
  q: queryText('文号', 60).optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

/** GET /api/hazards (隐患闭环): open hazards unless a stage is asked for. */
export const HazardListQuery = PageQuery.extend({
  stage: z.enum(HAZARD_STAGES, { error: '阶段：不正确' }).optional(),
  overdue: z.enum(['true', 'false'], { error: '只看逾期：只能是 true 或 false' }).optional(),
  /** Only deadlines due today or within two working days. */
  dueSoon: z.enum(['true', 'false'], { error: '即将到期：只能是 true 或 false' }).optional(),
  /** Only hazards of tasks the logged-in inspector leads or assists. */
  mine: z.enum(['true', 'false'], { error: '我的隐患：只能是 true 或 false' }).optional(),
  unitId: uuidParam('检查对象').optional(),
  recordId: uuidParam('检查记录').optional(),
});
export type HazardListQuery = z.infer<typeof HazardListQuery>;

/** GET /api/document-formats?orgId=… and PUT /api/document-formats */
export const DocumentFormatsQuery = z.object({ orgId: uuidParam('大队').optional() });
export const UpdateNumberFormatRequest = z.object({
  orgId: uuidParam('大队'),
  type: z.enum(DOCUMENT_TYPES, { error: '文书类型：不正确' }),
  pattern: text('文号格式', { max: 60, name: true }),
});
export type UpdateNumberFormatRequest = z.infer<typeof UpdateNumberFormatRequest>;

/** GET /api/public/documents/:code */
export const DocumentCodeParams = z.object({
  code: paramText('核验码', 16).regex(/^[A-Za-z0-9]{6,16}$/, '核验码：格式不正确'),
});

// ---------- views ----------

export type DocumentSummary = {
  id: string;
  number: string;
  type: DocumentType;
  typeLabel: string;
  unitId: string;
  unitName: string;
  issueDate: string;
  status: DocumentListStatus;
  statusLabel: string;
  replacedByNumber: string | null;
  served: boolean;
  /** 送达: the last day it should be served by (责令限期改正通知书), and how that stands today. */
  serviceDue: string | null;
  /** 「已送达」, 「还剩 2 个工作日」, 「已逾期 1 个工作日」 … or the calendar's refusal. */
  deadlineLabel: string;
  overdue: boolean;
};

export type DocumentServiceView = {
  id: string;
  method: ServiceMethod;
  methodLabel: string;
  servedAt: string;
  place: string;
  recipientName: string;
  recipientRelation: string;
  refusalReason: string | null;
  witness: string | null;
  postalTracking: string | null;
  electronicAddress: string | null;
  consentFile: string | null;
  evidenceFiles: string[];
  late: boolean;
};

export type HazardView = {
  id: string;
  seq: number;
  description: string;
  location: string;
  legalBasis: string;
  fixedOnSpot: boolean;
  stage: HazardStage;
  stageLabel: string;
  foundOn: string;
  correctionDue: string | null;
  /** How the hazard's deadline stands today (its correction date, or the notice's service date while none is issued). */
  deadlineLabel: string | null;
  overdue: boolean;
  unitId: string;
  unitName: string;
  taskId: string;
  recordId: string;
  noticeId: string | null;
  noticeNumber: string | null;
  caseId: string | null;
  closedOn: string | null;
};

export type DocumentView = DocumentSummary & {
  orgId: string;
  orgName: string;
  content: DocumentContent;
  contentHash: string;
  /** The first 16 hex digits, as printed on the paper. */
  printedHash: string;
  checkCode: string;
  checkPath: string;
  taskId: string | null;
  recordId: string | null;
  inspectedOn: string | null;
  /** Issued after its service deadline (shown; allowed). */
  issuedLate: boolean;
  replaces: { id: string; number: string } | null;
  replacedBy: { id: string; number: string }[];
  voidReason: string | null;
  voidedAt: string | null;
  issuedAt: string;
  services: DocumentServiceView[];
  hazards: HazardView[];
  /** 整改材料 the unit uploaded on its own page (decision 0024), each opened through /api/files/:sha256. */
  unitEvidence: { id: string; fileName: string; contentType: string; byteSize: number; submittedAt: string; url: string }[];
  /** Early-复查 requests: by the unit on its own page (byUnit) or registered by staff. */
  earlyRequests: { requestedOn: string; note: string; byUnit: boolean }[];
  /** Whether the actor may serve and correct it (the brigade's admins, the task's inspectors), and void it (admins). */
  canManage: boolean;
  canVoid: boolean;
};

export type NumberFormatView = { type: DocumentType; typeLabel: string; pattern: string; isDefault: boolean; example: string };
export type NumberFormatsView = { orgId: string; orgName: string; canManage: boolean; formats: NumberFormatView[] };

/** The public check of a paper document: nothing about people, hazards or ids. */
export type PublicDocumentView = {
  number: string;
  typeLabel: string;
  issueDate: string;
  orgName: string;
  unitName: string;
  status: DocumentListStatus;
  statusLabel: string;
  replacedByNumber: string | null;
  contentHash: string;
};
