import { noticeState, type NoticeState } from '../../domain/publication/notice-state.ts';
import type { DbOrTx } from '../../db/client.ts';
import { noticesOfTasks } from '../../db/publication-queries.ts';

export type PortalNotice = Awaited<ReturnType<typeof noticesOfTasks>>[number] & { state: NoticeState; stateLabel: string };

/** The correction notices of tasks, each with its public state today (noticeState). */
export async function portalNoticesOfTasks(db: DbOrTx, taskIds: readonly string[], today: string): Promise<PortalNotice[]> {
  const rows = await noticesOfTasks(db, taskIds);
  return rows.map((n) => {
    const s = noticeState(
      { status: n.status, replaced: n.replacedBy !== null, hazardStages: n.hazardStages, correctionDue: n.correctionDue },
      today,
    );
    return { ...n, state: s.state, stateLabel: s.label };
  });
}

/**
 * 已整改: hazards were found and every one is put right — each notice still in force reads 已整改, or, with no notice,
 * every hazard was corrected on the spot.
 */
export function isCorrected(
  hazards: readonly { fixedOnSpot: boolean }[],
  notices: readonly Pick<PortalNotice, 'state'>[],
): boolean {
  if (hazards.length === 0) return false;
  const live = notices.filter((n) => n.state !== 'voided' && n.state !== 'replaced');
  if (live.length === 0) return hazards.every((h) => h.fixedOnSpot);
  return live.every((n) => n.state === 'corrected');
}
