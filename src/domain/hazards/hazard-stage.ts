/**
 * A hazard's way to closure (隐患闭环, decision 0023), pure. Every 不符合 line of a submitted record becomes one hazard;
 * nothing leaves the loop without reaching a terminal stage, and every move is audited.
 *
 * found (待处理: no notice yet) → ordered (整改中: a 责令改正通知书 names it, with its correction deadline) →
 * reinspection (待复查: a 复查 task is open) → corrected (已改正) | case (立案查处: 未改正 at 复查, or a case opened
 * directly) → closed (已办结: the case is decided and executed, or closed otherwise).
 * A hazard fixed on the spot is corrected at once (the record notes the oral order). A record corrected before any
 * notice named its hazards supersedes them (superseded, 已更正作废); the new version's hazards take their place.
 */
export const HAZARD_STAGES = ['found', 'ordered', 'reinspection', 'corrected', 'case', 'closed', 'superseded'] as const;
export type HazardStage = (typeof HAZARD_STAGES)[number];

export const HAZARD_STAGE_LABELS: Record<HazardStage, string> = {
  found: '待开具文书',
  ordered: '限期整改中',
  reinspection: '待复查',
  corrected: '已改正',
  case: '立案查处中',
  closed: '已办结',
  superseded: '已更正作废',
};

export const TERMINAL_HAZARD_STAGES = ['corrected', 'closed', 'superseded'] as const satisfies readonly HazardStage[];

export function isTerminalHazardStage(stage: HazardStage): boolean {
  return (TERMINAL_HAZARD_STAGES as readonly HazardStage[]).includes(stage);
}

export type HazardEvent =
  | 'notice_issued'
  /** The notice that ordered it was voided (or replaced before the new one names it): back to 待开具文书. */
  | 'notice_voided'
  | 'reinspection_scheduled'
  | 'reinspected_corrected'
  | 'reinspected_not_corrected'
  | 'case_opened'
  | 'case_closed'
  | 'record_corrected';

/** What each event is called in the audit log. */
export const HAZARD_EVENT_LABELS: Record<HazardEvent, string> = {
  notice_issued: '开具责令改正通知书',
  notice_voided: '通知书作废',
  reinspection_scheduled: '安排复查',
  reinspected_corrected: '复查：已改正',
  reinspected_not_corrected: '复查：未改正',
  case_opened: '立案',
  case_closed: '结案',
  record_corrected: '检查记录更正',
};

const MOVES: Record<HazardEvent, { from: readonly HazardStage[]; to: HazardStage }> = {
  notice_issued: { from: ['found'], to: 'ordered' },
  notice_voided: { from: ['ordered'], to: 'found' },
  reinspection_scheduled: { from: ['ordered'], to: 'reinspection' },
  reinspected_corrected: { from: ['ordered', 'reinspection'], to: 'corrected' },
  reinspected_not_corrected: { from: ['ordered', 'reinspection'], to: 'case' },
  case_opened: { from: ['found', 'ordered', 'reinspection'], to: 'case' },
  case_closed: { from: ['case'], to: 'closed' },
  record_corrected: { from: ['found'], to: 'superseded' },
};

/** The stage an event moves a hazard to, or null when the event does not apply to a hazard at that stage. */
export function nextHazardStage(stage: HazardStage, event: HazardEvent): HazardStage | null {
  const move = MOVES[event];
  return move.from.includes(stage) ? move.to : null;
}
