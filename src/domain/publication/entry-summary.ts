/**
 * An entry in one line (decision 0024), pure: 「未发现火灾隐患」, 「发现火灾隐患 2 处（当场改正 1 处）」,
 * 「未能检查：已停业/歇业」, 「警告」, 「罚款 5,000 元」. The queue, the portal's lists and the feeds read the same words.
 */
import { formatYuan } from '../cases/fire-law-provisions.ts';
import { UNABLE_REASON_LABELS } from '../records/record-labels.ts';
import type { PublicationContent } from './publication-types.ts';

export function entrySummary(content: PublicationContent): string {
  if (content.kind === 'penalty') return content.penaltyKind === 'warning' ? '警告' : `罚款 ${formatYuan(content.fineAmount ?? 0)} 元`;
  if (content.outcome === 'unable') return `未能检查：${UNABLE_REASON_LABELS[content.unableReason ?? 'other']}`;
  if (content.outcome === 'no_hazard') return '未发现火灾隐患';
  const fixed = content.hazards.filter((h) => h.fixedOnSpot).length;
  return `发现火灾隐患 ${content.hazards.length} 处${fixed > 0 ? `（当场改正 ${fixed} 处）` : ''}`;
}
