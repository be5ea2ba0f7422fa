/**
 * The checklist of a 复查 task (decision 0023), pure: one line per hazard the notice ordered corrected, so the
 * inspector records each as 符合 (已改正) or 不符合 (未改正, describing what is still wrong). The lines carry the notice
 * as their "version" (versionId = the notice's document id) and the hazard's place as their code (H<seq>).
 */
import type { SnapshotLine } from '../records/record-types.ts';
import { LINE_RESULT_LABELS, type LineResult } from '../records/record-labels.ts';

export const REINSPECTION_ITEM_CODE = 'REINSPECTION';

/** How a 复查 line's result reads (labels only; the values stay pass/fail): 符合 is 已改正, 不符合 未改正. */
export const REINSPECTION_LINE_RESULT_LABELS: Record<LineResult, string> = { ...LINE_RESULT_LABELS, pass: '已改正', fail: '未改正' };

export type ReinspectionHazard = { id: string; seq: number; location: string; description: string; legalBasis: string };

export function reinspectionLineCode(seq: number): string {
  return `H${seq}`;
}

export function reinspectionChecklist(notice: { id: string; number: string }, hazards: readonly ReinspectionHazard[]): SnapshotLine[] {
  return [...hazards]
    .sort((a, b) => a.seq - b.seq)
    .map((h) => ({
      versionId: notice.id,
      itemCode: REINSPECTION_ITEM_CODE,
      itemName: `复查：${notice.number}`,
      version: 1,
      code: reinspectionLineCode(h.seq),
      text: `${h.location}：${h.description}`,
      basis: h.legalBasis,
    }));
}

/** The hazards a 复查 record found corrected (符合) and not corrected (不符合), by the record's lines. */
export function reinspectionOutcome<H extends ReinspectionHazard>(
  hazards: readonly H[],
  lines: readonly { code: string; result: string }[],
): { corrected: H[]; notCorrected: H[] } {
  const resultOf = new Map(lines.map((l) => [l.code, l.result]));
  const corrected: H[] = [];
  const notCorrected: H[] = [];
  for (const h of hazards) {
    const result = resultOf.get(reinspectionLineCode(h.seq));
    if (result === 'pass') corrected.push(h);
    else if (result === 'fail') notCorrected.push(h);
  }
  return { corrected, notCorrected };
}
