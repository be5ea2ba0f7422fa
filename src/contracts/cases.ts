import { z } from 'zod';
import { cleanText, isoDate, isoDateTime, nameText, PageQuery, text, uuidParam } from './common.ts';
import {
  CASE_STATUSES,
  PARTY_KINDS,
  PENALTY_KINDS,
  PROCEDURES,
  REFERRAL_DEPARTMENTS,
  type CaseStatus,
  type PartyKind,
  type PaymentStatus,
  type PenaltyKind,
  type Procedure,
  type ReferralDepartment,
  type ReferralStatus,
  type SealingStatus,
} from '../domain/cases/case-types.ts';
import type { CaseDeadline } from '../domain/cases/case-deadlines.ts';
import type { DocumentStatus, DocumentType } from '../domain/documents/document-types.ts';
import type { HazardStage } from '../domain/hazards/hazard-stage.ts';

/**
 * 案件办理 (decision 0023): cases (立案) and penalties, referral (移送), temporary sealing (临时查封) and a unit's
 * follow-up history. Labels come from the zod-free domain files (src/domain/cases/case-types.ts), which the web
 * imports too, with the Fire Law provisions and checkPenalty (the same check in the browser as on the server).
 */
export * from '../domain/cases/case-types.ts';
export type { CaseDeadline } from '../domain/cases/case-deadlines.ts';
/** The same check of a proposed penalty in the browser as on the server (pure, zod-free). */
export { checkPenalty, formatYuan, SUMMARY_FINE_LIMITS } from '../domain/cases/fire-law-provisions.ts';
export { HAZARD_STAGE_LABELS, type HazardStage } from '../domain/hazards/hazard-stage.ts';

const ids = (label: string, max: number) =>
  z.array(uuidParam(label), { error: `${label}：应为列表` }).min(1, `${label}：至少选择一项`).max(max, `${label}：最多 ${max} 项`);

// ---------- requests ----------

/** GET /api/cases */
export const CaseListQuery = PageQuery.extend({
  status: z.enum(CASE_STATUSES, { error: '案件状态：只能是办理中、已决定、已结案或处罚决定已撤销' }).optional(),
  unitId: uuidParam('检查对象').optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** POST /api/cases: 立案 for hazards of one unit. Party: the unit (organisation) unless told otherwise. */
export const OpenCaseRequest = z.object({
  unitId: uuidParam('检查对象'),
  hazardIds: ids('隐患', 200),
  reason: cleanText('立案理由', 500),
  procedure: z.enum(PROCEDURES, { error: '办理程序：只能是 summary（简易程序）或 ordinary（普通程序）' }).default('ordinary'),
  partyKind: z.enum(PARTY_KINDS, { error: '当事人类型：只能是 organisation（单位）或 person（个人）' }).default('organisation'),
  partyName: nameText('当事人', 100).optional(),
  /** 当事人为未成年人: the penalty is never published (decision 0024). */
  partyMinor: z.boolean({ error: '当事人为未成年人：只能是是或否' }).default(false),
  openedOn: isoDate('立案日期').optional(),
});
export type OpenCaseRequest = z.input<typeof OpenCaseRequest>;

/** POST /api/cases/:id/decision: the penalty, checked against the provision's range (checkPenalty). */
export const DecidePenaltyRequest = z.object({
  provisionCode: text('处罚依据', { max: 20 }),
  kind: z.enum(PENALTY_KINDS, { error: '处罚种类：只能是 warning（警告）或 fine（罚款）' }),
  amount: z.number({ error: '罚款金额：必须是数字' }).int('罚款金额：应为整数（元）').min(0, '罚款金额：不能为负数').max(100_000_000, '罚款金额：过大').nullable().default(null),
  procedure: z.enum(PROCEDURES, { error: '办理程序：只能是 summary（简易程序）或 ordinary（普通程序）' }),
  decidedOn: isoDate('决定日期'),
  /** 当场处罚: the officers who sign (default: the acting account). */
  officers: z.array(nameText('执法人员', 30), { error: '执法人员：应为列表' }).max(5, '执法人员：最多 5 人').default([]),
});
export type DecidePenaltyRequest = z.input<typeof DecidePenaltyRequest>;

export const PaymentRequest = z.object({
  status: z.enum(['paid', 'enforced'], { error: '缴纳情况：只能是 paid（已缴纳）或 enforced（已强制执行）' }),
  paidOn: isoDate('缴纳日期'),
  note: text('说明', { max: 500, min: 0 }).default(''),
});
export type PaymentRequest = z.input<typeof PaymentRequest>;

export const CLOSE_WITHOUT_PENALTY = ['no_penalty', 'withdrawn'] as const;
export const CLOSE_WITHOUT_PENALTY_LABELS: Record<(typeof CLOSE_WITHOUT_PENALTY)[number], string> = { no_penalty: '不予处罚', withdrawn: '撤销立案' };

/** POST /api/cases/:id/close: after execution, or without a penalty (不予处罚/撤销立案) with a reason. */
export const CloseCaseRequest = z.object({
  withoutPenalty: z.enum(CLOSE_WITHOUT_PENALTY, { error: '结案方式：只能是 no_penalty（不予处罚）或 withdrawn（撤销立案）' }).nullable().default(null),
  note: text('结案说明', { max: 500, min: 0 }).default(''),
});
export type CloseCaseRequest = z.input<typeof CloseCaseRequest>;

/** POST /api/cases/:id/referrals: 移送 with its letter. */
export const ReferCaseRequest = z.object({
  department: z.enum(REFERRAL_DEPARTMENTS, { error: '移送部门类别：不在可选范围内' }),
  departmentName: nameText('接收部门', 100),
  reason: cleanText('移送理由', 500),
  attachments: z.array(cleanText('附件', 100), { error: '附件：应为列表' }).max(20, '附件：最多 20 项').default([]),
  contactName: nameText('联系人', 30),
  contactPhone: text('联系电话', { max: 30 }).regex(/^[0-9+\-() ]{5,30}$/, '联系电话：格式不正确'),
  sentOn: isoDate('移送日期'),
});
export type ReferCaseRequest = z.input<typeof ReferCaseRequest>;

export const ReferralReplyRequest = z.object({
  replyOn: isoDate('回复日期'),
  replyText: cleanText('回复内容', 2000),
});
export type ReferralReplyRequest = z.input<typeof ReferralReplyRequest>;

/** POST /api/sealings: 临时查封 after a collective decision (when it met and who took part). */
export const SealRequest = z.object({
  unitId: uuidParam('检查对象'),
  hazardIds: z.array(uuidParam('隐患'), { error: '隐患：应为列表' }).max(200, '隐患：最多 200 项').default([]),
  places: cleanText('查封场所、部位', 500),
  reason: cleanText('查封理由', 1000),
  emergency: z.boolean({ error: '紧急查封：应为是或否' }).default(false),
  /** When the seal was applied; for an emergency seal the decision must follow within 24 hours. */
  sealedAt: isoDateTime('查封时间'),
  decidedAt: isoDateTime('集体议决时间'),
  deciders: cleanText('参加集体议决人员', 300),
});
export type SealRequest = z.input<typeof SealRequest>;

export const LiftSealingRequest = z.object({ liftedOn: isoDate('解除日期') });
export type LiftSealingRequest = z.input<typeof LiftSealingRequest>;

// ---------- views ----------

export type DocumentRef = { id: string; number: string; type: DocumentType; typeLabel: string; issueDate: string; status: DocumentStatus; statusLabel: string };

export type HazardItem = {
  id: string;
  seq: number;
  description: string;
  location: string;
  legalBasis: string;
  stage: HazardStage;
  stageLabel: string;
  foundOn: string;
  correctionDue: string | null;
  caseId: string | null;
  recordId: string;
  taskId: string;
  /** Whether a case may be opened for it now (in stage found/ordered/reinspection, or 待立案). */
  canOpenCase: boolean;
};

export type CaseSummary = {
  id: string;
  number: string;
  unitId: string;
  unitName: string;
  openedOn: string;
  procedure: Procedure;
  procedureLabel: string;
  status: CaseStatus;
  statusLabel: string;
  penaltyKind: PenaltyKind | null;
  /** 「罚款 10,000 元」「警告」, or null before the decision. */
  penaltyLabel: string | null;
  fineAmount: number | null;
  decidedOn: string | null;
  paymentStatus: PaymentStatus;
  paymentStatusLabel: string;
  decisionDeadline: CaseDeadline | null;
  paymentDeadline: CaseDeadline | null;
};

export type ReferralView = {
  id: string;
  caseId: string | null;
  department: ReferralDepartment;
  departmentLabel: string;
  departmentName: string;
  reason: string;
  sentOn: string;
  status: ReferralStatus;
  statusLabel: string;
  replyOn: string | null;
  replyText: string | null;
  letter: DocumentRef | null;
};

export type SealingView = {
  id: string;
  places: string;
  reason: string;
  emergency: boolean;
  decidedAt: string;
  deciders: string;
  sealedOn: string;
  sealedUntil: string;
  status: SealingStatus;
  statusLabel: string;
  liftedOn: string | null;
  decision: DocumentRef | null;
  liftDocument: DocumentRef | null;
};

export type CaseView = CaseSummary & {
  reason: string;
  partyKind: PartyKind;
  partyKindLabel: string;
  partyName: string;
  provisionCode: string | null;
  provisionCitation: string | null;
  decisionDocument: DocumentRef | null;
  paidOn: string | null;
  paymentNote: string | null;
  closedOn: string | null;
  closeNote: string | null;
  partyMinor: boolean;
  /** 撤销/变更处罚决定 (decision 0024). */
  revokedOn: string | null;
  revokeKindLabel: string | null;
  revokeReason: string | null;
  /** The penalty's publication entry: 待公示, 已公示, 待撤回, 已撤回 or 不予公示. */
  publication: { id: string; statusLabel: string; publishedOn: string | null; displayUntil: string | null } | null;
  hazards: HazardItem[];
  documents: DocumentRef[];
  referrals: ReferralView[];
  /** Whether the actor may act on it (brigade administrators of its brigade); what is open to them follows its status. */
  canManage: boolean;
};

/** GET /api/units/:id/follow-up: everything after the inspections of one unit. */
export type UnitFollowUpView = {
  unitId: string;
  unitName: string;
  canManage: boolean;
  hazards: HazardItem[];
  documents: DocumentRef[];
  cases: CaseSummary[];
  referrals: ReferralView[];
  sealings: SealingView[];
};

export type FireLawProvisionView = {
  code: string;
  citation: string;
  conduct: string;
  organisation: { warning: boolean; fine: { min: number; max: number } | null } | null;
  person: { warning: boolean; fine: { min: number; max: number } | null } | null;
};
