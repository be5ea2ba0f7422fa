/**
 * A notice's state as the public and the unit read it (decision 0024), pure, from its status and the stages of the
 * hazards it ordered corrected: 已作废 / 已更正, 已整改, 逾期未改正，已立案查处, 整改期限已过，待复查, or
 * 限期整改中（YYYY年M月D日前改正）.
 */
import { chineseLongDate } from '../documents/chinese-date.ts';
import type { HazardStage } from '../hazards/hazard-stage.ts';

export type NoticeFact = {
  status: 'issued' | 'voided';
  replaced: boolean;
  hazardStages: readonly HazardStage[];
  correctionDue: string | null;
};

export type NoticeState = 'voided' | 'replaced' | 'corrected' | 'case' | 'awaiting_reinspection' | 'correcting';

export function noticeState(n: NoticeFact, today: string): { state: NoticeState; label: string } {
  if (n.status === 'voided') return { state: 'voided', label: '已作废' };
  if (n.replaced) return { state: 'replaced', label: '已更正' };
  const live = n.hazardStages.filter((s) => s !== 'superseded');
  if (live.length > 0 && live.every((s) => s === 'corrected' || s === 'closed')) return { state: 'corrected', label: '已整改' };
  if (live.includes('case')) return { state: 'case', label: '逾期未改正，已立案查处' };
  if (n.correctionDue !== null && today > n.correctionDue) return { state: 'awaiting_reinspection', label: '整改期限已过，待复查' };
  if (n.correctionDue === null) return { state: 'correcting', label: '责令立即改正' };
  return { state: 'correcting', label: `限期整改中（${chineseLongDate(n.correctionDue)}前改正）` };
}
