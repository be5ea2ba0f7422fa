import { z } from 'zod';
import { cleanText, isoDate, nameText, PageQuery, queryText, text, uuidParam } from './common.ts';
import {
  PUBLICATION_KINDS,
  PUBLICATION_OUTCOMES,
  type PublicationKind,
  type PublicationOutcome,
  type PublicationPolicy,
  type PublicationStatus,
} from '../domain/publication/publication-types.ts';
import type { PublicationRecord } from '../domain/publication/publication-rules.ts';

/**
 * 一公开 (decision 0024): the brigade's publication queue and policy, the portal's results (search, entry, unit page,
 * feeds) and the inspected unit's own page. Labels come from the zod-free domain file, which the web imports too.
 */
export * from '../domain/publication/publication-types.ts';
export { RATING_LABELS, RATING_SCORES, UNIT_ACCESS_CODE_DAYS, UNIT_SESSION_MINUTES } from '../domain/publication/unit-access.ts';
/** The credit code's check character, for the unit page's hint as it is typed (pure, GB 32100-2015). */
export { checkUscc } from '../domain/uscc.ts';

// ---------- the brigade's queue (admin) ----------

/** GET /api/publications: the queue (待公示 and 待撤回, overdue first) or any status; the brigades in scope. */
export const PublicationQueueQuery = z.object({
  view: z.enum(['queue', 'published', 'withdrawn', 'suppressed', 'all'], { error: '列表：只能是待办、已公示、已撤回、不予公示或全部' }).default('queue'),
  orgId: uuidParam('大队').optional(),
  kind: z.enum(PUBLICATION_KINDS, { error: '类别：只能是抽查结果或行政处罚' }).optional(),
});
export type PublicationQueueQuery = z.input<typeof PublicationQueueQuery>;

export type PublicationQueueItem = {
  id: string;
  kind: PublicationKind;
  kindLabel: string;
  status: PublicationStatus;
  statusLabel: string;
  orgId: string;
  orgName: string;
  unitId: string;
  unitName: string;
  eventDate: string;
  /** A one-line account of what is published: 「发现火灾隐患 2 处」, 「罚款 5,000 元」. */
  summary: string;
  taskId: string | null;
  caseId: string | null;
  due: string | null;
  /** 「还剩 N 个工作日」「已逾期 N 个工作日」「按期公示」「无法计算：…」 */
  timingLabel: string;
  overdue: boolean;
  publishedOn: string | null;
  displayUntil: string | null;
  withdrawReason: string | null;
  suppressReason: string | null;
  contentVersion: number;
};

/** One brigade's publication record (statistics read it too): publicationRecord's counts, named by brigade. */
export type PublicationRecordView = { orgId: string; orgName: string } & PublicationRecord;

export type PublicationQueueView = { items: PublicationQueueItem[]; records: PublicationRecordView[]; canManage: boolean; truncated: boolean };

/** POST /api/publications/act */
export const PublicationActRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), ids: z.array(uuidParam('公示条目')).min(1, '公示条目：请至少选择一条').max(500, '公示条目：一次最多 500 条') }),
  z.object({ action: z.literal('withdraw'), ids: z.array(uuidParam('公示条目')).min(1, '公示条目：请至少选择一条').max(500, '公示条目：一次最多 500 条') }),
  z.object({
    action: z.literal('suppress'),
    ids: z.array(uuidParam('公示条目')).min(1, '公示条目：请至少选择一条').max(500, '公示条目：一次最多 500 条'),
    reason: cleanText('不予公示理由', 500),
  }),
], { error: '操作：只能是公示、撤回或不予公示' });
export type PublicationActRequest = z.input<typeof PublicationActRequest>;

/** GET/PUT /api/publication-policy?orgId= */
export const PublicationPolicyQuery = z.object({ orgId: uuidParam('机构') });
const days = (label: string) => z.number({ error: `${label}：必须是数字` }).int(`${label}：必须是整数`);
export const PublicationPolicyRequest = z.object({
  orgId: uuidParam('机构'),
  policy: z.object({
    resultDays: days('抽查结果公示期限（工作日）'),
    penaltyDays: days('行政处罚公示期限（工作日）'),
    withdrawalDays: days('撤回期限（工作日）'),
    autoPublishAfterDays: days('自动公示（天）').nullable(),
    minorFineMax: days('较低数额罚款上限（元）'),
    minorDisplayMonths: days('警告及较低数额罚款公示期（月）'),
    displayYears: days('其他行政处罚公示期（年）'),
    publishPersonName: z.boolean({ error: '公开自然人当事人姓名：只能是是或否' }),
  }),
});
export type PublicationPolicyRequest = z.input<typeof PublicationPolicyRequest>;
export type PublicationPolicyView = { policy: PublicationPolicy; setBy: { orgId: string; orgName: string } | null; canManage: boolean };

/** POST /api/cases/:id/revoke */
export const RevokePenaltyRequest = z.object({
  kind: z.enum(['revoked', 'changed'], { error: '撤销方式：只能是撤销或变更' }),
  revokedOn: isoDate('撤销日期'),
  reason: cleanText('撤销或变更的理由和依据', 500),
});
export type RevokePenaltyRequest = z.input<typeof RevokePenaltyRequest>;

// ---------- the portal (public) ----------

/** GET /api/public/results */
export const PublicResultsQuery = PageQuery.extend({
  q: queryText('单位名称或统一社会信用代码', 60).optional(),
  district: z.string({ error: '行政区划：应为 2–6 位数字' }).regex(/^\d{2,6}$/, '行政区划：应为 2–6 位数字').optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  outcome: z.enum(PUBLICATION_OUTCOMES, { error: '结果：只能是未发现火灾隐患、发现火灾隐患、未能检查、警告或罚款' }).optional(),
  kind: z.enum(PUBLICATION_KINDS, { error: '类别：只能是抽查结果或行政处罚' }).optional(),
});
export type PublicResultsQuery = z.input<typeof PublicResultsQuery>;

/** One line of the portal's results: an organisation and what happened, nothing about a person. */
export type PublicResultItem = {
  id: string;
  kind: PublicationKind;
  kindLabel: string;
  /** 'withdrawn': the portal shows the withdrawal in place of the decision. */
  withdrawn: boolean;
  unitId: string;
  unitName: string;
  uscc: string | null;
  brigadeName: string;
  eventDate: string;
  outcome: PublicationOutcome;
  outcomeLabel: string;
  /** 「发现火灾隐患 2 处」「罚款 5,000 元」「已撤回：处罚决定已撤销」 */
  summary: string;
  drawCode: string | null;
};
export type PublicResultsView = { items: PublicResultItem[]; total: number; totalCapped: boolean; page: number; pageSize: number };

export type PublicNoticeView = { number: string; typeLabel: string; issueDate: string; stateLabel: string; checkCode: string | null };

export type PublicResultView = PublicResultItem & {
  publishedOn: string | null;
  address: string;
  districtName: string | null;
  /** Result: what was checked and found. */
  items: { code: string; name: string }[];
  hazards: { seq: number; item: string; text: string; fixedOnSpot: boolean }[];
  unableReasonLabel: string | null;
  notices: PublicNoticeView[];
  corrected: boolean;
  /** Penalty: the decision as published (a person's name masked unless policy allows). */
  penalty: null | { partyName: string; decisionNumber: string; decidedOn: string; citation: string; penaltyLabel: string; facts: string[] };
  withdrawal: null | { on: string | null; reason: string };
};

export type PublicUnitView = {
  id: string;
  name: string;
  uscc: string;
  address: string;
  districtName: string | null;
  results: PublicResultItem[];
  penalties: PublicResultItem[];
  notices: PublicNoticeView[];
};

/** GET /api/public/results/districts: the districts the portal's entries are in, prefectures (4 digits) and counties (6). */
export type PublicDistrictOption = { code: string; name: string };

export const PublicResultIdParams = z.object({ id: uuidParam('公示条目') });
export const PublicUnitIdParams = z.object({ id: uuidParam('单位') });

// ---------- the unit's own page (no account) ----------

/** POST /api/public/unit-access */
export const UnitAccessRequest = z.object({
  code: text('核验码', { max: 16 }),
  uscc: text('统一社会信用代码', { max: 18 }),
});
export type UnitAccessRequest = z.input<typeof UnitAccessRequest>;
export type UnitAccessView = { token: string; expiresAt: string; unitName: string };

/** POST /api/unit/evidence?documentId=&fileName= with the file's bytes (application/octet-stream). */
export const UnitEvidenceQuery = z.object({ documentId: uuidParam('整改通知书'), fileName: nameText('文件名', 200) });
export type UnitEvidenceQuery = z.input<typeof UnitEvidenceQuery>;

/** POST /api/unit/ratings */
export const UnitRatingRequest = z.object({
  taskId: uuidParam('检查任务'),
  score: z.number({ error: '评分：必须是 1–5 的整数' }).int('评分：必须是 1–5 的整数').min(1, '评分：必须是 1–5 的整数').max(5, '评分：必须是 1–5 的整数'),
  comment: text('评价内容', { max: 500, min: 0 }).default(''),
});
export type UnitRatingRequest = z.input<typeof UnitRatingRequest>;

/** POST /api/unit/complaints */
export const UnitComplaintRequest = z.object({
  taskId: uuidParam('检查任务'),
  /** The inspector complained about, by the position shown on the page ('lead-0', 'assistant-0'), or null: the visit. */
  inspector: z.string({ error: '投诉对象：格式不正确' }).regex(/^(lead|assistant)-\d$/, '投诉对象：格式不正确').nullable().default(null),
  text: cleanText('投诉内容', 2000),
  contact: text('联系方式', { max: 60, min: 0 }).default(''),
});
export type UnitComplaintRequest = z.input<typeof UnitComplaintRequest>;

/** POST /api/unit/reinspection-requests */
export const UnitReinspectionRequest = z.object({ documentId: uuidParam('文书'), note: text('说明', { max: 500, min: 0 }).default('') });
export type UnitReinspectionRequest = z.input<typeof UnitReinspectionRequest>;

/** One hazard of the unit's own notice: its own words (it is the unit's notice), with its correction date. */
export type UnitNoticeHazardView = { seq: number; description: string; location: string; correctionDue: string | null; deadlineLabel: string | null; overdue: boolean; stageLabel: string };
export type UnitEvidenceView = { id: string; fileName: string; contentType: string; byteSize: number; submittedAt: string };
export type UnitNoticeView = {
  id: string;
  number: string;
  typeLabel: string;
  issueDate: string;
  brigadeName: string;
  /** noticeState: 「限期整改中（…前改正）」「整改期限已过，待复查」「已整改」… */
  state: string;
  stateLabel: string;
  correctionDue: string | null;
  /** 「还剩 N 个工作日」「今日到期」「已逾期 N 个工作日」, null when corrected, voided or immediate. */
  deadlineLabel: string | null;
  overdue: boolean;
  hazards: UnitNoticeHazardView[];
  /** The early 复查 the unit (or staff for it) asked for, and the 复查 task's due date once made. */
  earlyRequestedOn: string | null;
  reinspectionDue: string | null;
  canRequestEarly: boolean;
  canUpload: boolean;
  evidence: UnitEvidenceView[];
};
/** An inspector as the unit sees them: masked name and role only, keyed by position ('lead-0', 'assistant-0'). */
export type UnitVisitInspectorView = { key: string; roleLabel: string; name: string };
export type UnitVisitView = {
  taskId: string;
  kindLabel: string;
  visitDate: string;
  brigadeName: string;
  outcomeLabel: string;
  inspectors: UnitVisitInspectorView[];
  rating: null | { score: number; scoreLabel: string };
};
export type UnitPenaltyView = { number: string; decidedOn: string; brigadeName: string; penaltyLabel: string; statusLabel: string };
/** GET /api/unit/me */
export type UnitOwnView = { unitName: string; expiresAt: string; notices: UnitNoticeView[]; visits: UnitVisitView[]; penalties: UnitPenaltyView[] };

// ---------- the unit's feedback (纪检) ----------

export type FeedbackRatingView = { id: string; taskId: string; score: number; scoreLabel: string; comment: string; unitName: string; brigadeName: string; submittedAt: string };
export type FeedbackComplaintView = {
  id: string;
  taskId: string;
  unitName: string;
  brigadeName: string;
  /** 「张三（主办）」: the inspector's full name (纪检 may see it) and role on the visit, or 「整次检查」. */
  inspectorLabel: string;
  text: string;
  contact: string;
  submittedAt: string;
};
/** GET /api/feedback: complaints are null for a reader who may not see them (an auditor of the inspecting brigade). */
export type FeedbackView = { ratings: FeedbackRatingView[]; complaints: FeedbackComplaintView[] | null; complaintsHiddenReason: string | null };
