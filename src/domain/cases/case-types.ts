/**
 * 行政案件 (decision 0023): opened (立案) when a hazard is not corrected, decided by a 行政处罚决定书 (ordinary
 * procedure) or a 当场处罚决定书 (summary procedure), executed (fine paid or enforced) and closed. Pure labels.
 */
export const CASE_STATUSES = ['open', 'decided', 'closed', 'revoked'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: '办理中', decided: '已决定', closed: '已结案', revoked: '处罚决定已撤销' };

export const PROCEDURES = ['summary', 'ordinary'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = { summary: '简易程序', ordinary: '普通程序' };

export const PARTY_KINDS = ['organisation', 'person'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { organisation: '单位', person: '个人' };

export const PENALTY_KINDS = ['warning', 'fine'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = { warning: '警告', fine: '罚款' };

export const PAYMENT_STATUSES = ['not_applicable', 'unpaid', 'paid', 'enforced'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  not_applicable: '无需缴纳',
  unpaid: '未缴纳',
  paid: '已缴纳',
  enforced: '已强制执行',
};

export const REFERRAL_DEPARTMENTS = ['housing', 'market', 'police', 'judicial', 'other'] as const;
export type ReferralDepartment = (typeof REFERRAL_DEPARTMENTS)[number];
export const REFERRAL_DEPARTMENT_LABELS: Record<ReferralDepartment, string> = {
  housing: '住房和城乡建设部门',
  market: '市场监督管理部门',
  police: '公安派出所',
  judicial: '司法机关',
  other: '其他部门',
};

export const REFERRAL_STATUSES = ['sent', 'replied'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { sent: '已移送', replied: '已回复' };

export const SEALING_STATUSES = ['sealed', 'lifted'] as const;
export type SealingStatus = (typeof SEALING_STATUSES)[number];
export const SEALING_STATUS_LABELS: Record<SealingStatus, string> = { sealed: '查封中', lifted: '已解除' };
