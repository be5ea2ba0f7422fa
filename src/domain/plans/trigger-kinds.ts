/** The kinds of 触发式线索 (complaints, reports, bad credit, incidents) and their Chinese names. */
export const TRIGGER_KINDS = ['complaint', 'report', 'bad_credit', 'incident'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const TRIGGER_KIND_LABELS: Record<TriggerKind, string> = {
  complaint: '举报投诉',
  report: '群众举报',
  bad_credit: '失信记录',
  incident: '火灾事故',
};
