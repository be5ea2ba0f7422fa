/**
 * 一公开 (decision 0024): what the public sees of an inspection's result and of a penalty decision, and the life of
 * each entry. Pure data; the presenters mask and word it (src/domain/publication/mask.ts).
 *
 * An entry is made by the event (a submitted record of a drawn task; a penalty decision), waits in the brigade's
 * queue (pending) until someone publishes it — or the daily job does, when the brigade set auto-publication — and
 * is on the portal while published. A penalty decision that is revoked or voided puts its entry in
 * withdrawal_pending; publishing the withdrawal makes it withdrawn, and the portal then shows the withdrawal, not the
 * decision. An entry the law forbids publishing (a minor as the punished party) is suppressed from the start.
 */
import type { UnableReason } from '../records/record-labels.ts';

export const PUBLICATION_KINDS = ['result', 'penalty'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_KIND_LABELS: Record<PublicationKind, string> = { result: '抽查结果', penalty: '行政处罚' };

export const PUBLICATION_STATUSES = ['pending', 'published', 'withdrawal_pending', 'withdrawn', 'suppressed'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawal_pending: '待撤回',
  withdrawn: '已撤回',
  suppressed: '不予公示',
};

/** What an entry says happened, one word for the search filter. */
export const PUBLICATION_OUTCOMES = ['no_hazard', 'hazards', 'unable', 'warning', 'fine'] as const;
export type PublicationOutcome = (typeof PUBLICATION_OUTCOMES)[number];
export const PUBLICATION_OUTCOME_LABELS: Record<PublicationOutcome, string> = {
  no_hazard: '未发现火灾隐患',
  hazards: '发现火灾隐患',
  unable: '未能检查',
  warning: '警告',
  fine: '罚款',
};

/** Why a penalty entry is withdrawn. */
export const WITHDRAW_KINDS = ['revoked', 'changed', 'voided'] as const;
export type WithdrawKind = (typeof WITHDRAW_KINDS)[number];
export const WITHDRAW_KIND_LABELS: Record<WithdrawKind, string> = {
  revoked: '处罚决定已撤销',
  changed: '处罚决定已变更',
  voided: '处罚决定书已作废',
};

/** A hazard as published: the checklist line's own standard wording (never the inspector's free text). */
export type PublishedHazard = { seq: number; item: string; text: string; fixedOnSpot: boolean };

/** The result of one drawn task's inspection, as composed from its latest record. */
export type ResultContent = {
  kind: 'result';
  brigadeName: string;
  unitName: string;
  uscc: string;
  /** The unit's place of business (an organisation's address, never a person's home). */
  address: string;
  districtCode: string | null;
  drawCode: string | null;
  inspectedOn: string;
  outcome: 'no_hazard' | 'hazards' | 'unable';
  unableReason: UnableReason | null;
  /** The check items (检查项目) applied, by code and name. */
  items: { code: string; name: string }[];
  hazards: PublishedHazard[];
  recordVersion: number;
};

/** A penalty decision as published (行政处罚结果信息). */
export type PenaltyContent = {
  kind: 'penalty';
  brigadeName: string;
  unitName: string;
  /** The organisation's credit code; null when the party is a natural person. */
  uscc: string | null;
  partyKind: 'organisation' | 'person';
  /** As decided; a natural person's name is masked by the presenter unless the policy publishes it. */
  partyName: string;
  decisionNumber: string;
  decidedOn: string;
  citation: string;
  penaltyKind: 'warning' | 'fine';
  fineAmount: number | null;
  /** The facts in plain words: the checklist lines found 不符合 (standard wording). */
  facts: string[];
};

export type PublicationContent = ResultContent | PenaltyContent;

/**
 * A province's (or a 支队's, or a brigade's) publication policy; the nearest org up the tree that set one decides.
 * Days are working days from the event.
 */
export type PublicationPolicy = {
  resultDays: number;
  penaltyDays: number;
  withdrawalDays: number;
  /** Publish pending entries automatically this many calendar days after they were made; null: never. */
  autoPublishAfterDays: number | null;
  /** A fine up to this many yuan (and any warning) is minor: shown for minorDisplayMonths, others for displayYears. */
  minorFineMax: number;
  minorDisplayMonths: number;
  displayYears: number;
  /** Whether a punished natural person's name is published in full (else 张*). */
  publishPersonName: boolean;
};

/** The defaults (DOMAIN rules as we read them; docs/publication.md). */
export const DEFAULT_PUBLICATION_POLICY: PublicationPolicy = {
  resultDays: 20,
  penaltyDays: 7,
  withdrawalDays: 3,
  autoPublishAfterDays: null,
  minorFineMax: 10_000,
  minorDisplayMonths: 3,
  displayYears: 3,
  publishPersonName: false,
};
