/**
 * The one-line account of a published entry (decision 0024), pure: 「未发现火灾隐患」「发现火灾隐患 2 处」
 * 「未能检查：拒绝检查」「警告」「罚款 5,000 元」, and for a withdrawn penalty only the withdrawal,
 * 「已撤回：处罚决定已撤销」 — never the decision it replaces.
 */
import { UNABLE_REASON_LABELS } from '../records/record-labels.ts';
import {
  PUBLICATION_OUTCOME_LABELS,
  WITHDRAW_KIND_LABELS,
  type PenaltyContent,
  type PublicationContent,
  type WithdrawKind,
} from './publication-types.ts';

/** 「警告」 or 「罚款 5,000 元」. */
export function penaltyLabel(content: Pick<PenaltyContent, 'penaltyKind' | 'fineAmount'>): string {
  if (content.penaltyKind === 'warning') return '警告';
  return content.fineAmount === null ? '罚款' : `罚款 ${content.fineAmount.toLocaleString('en-US')} 元`;
}

/** 「已撤回：处罚决定已撤销」; the kind unknown: 「已撤回」. */
export function withdrawalLabel(kind: WithdrawKind | null): string {
  return kind ? `已撤回：${WITHDRAW_KIND_LABELS[kind]}` : '已撤回';
}

export function entrySummary(content: PublicationContent, withdrawn: { kind: WithdrawKind | null } | null): string {
  if (content.kind === 'penalty') return withdrawn ? withdrawalLabel(withdrawn.kind) : penaltyLabel(content);
  if (content.outcome === 'unable') return `未能检查：${UNABLE_REASON_LABELS[content.unableReason ?? 'other']}`;
  if (content.outcome === 'no_hazard') return PUBLICATION_OUTCOME_LABELS.no_hazard;
  const onSpot = content.hazards.filter((h) => h.fixedOnSpot).length;
  return `发现火灾隐患 ${content.hazards.length} 处${onSpot > 0 ? `（当场改正 ${onSpot} 处）` : ''}`;
}
