/**
 * Rules of the inspected unit's own page (decision 0024), pure.
 */

/**
 * Whether the unit may still ask for an early 复查 of a notice (120号令 art. 20: the party applies after correcting):
 * a live 责令限期改正通知书 (issued, not replaced) with hazards still ordered corrected, on or before its correction
 * date, and no 复查 made yet. After the date the daily job makes the 复查 anyway; a 责令立即改正通知书 has none.
 */
export function earlyRequestOpen(
  n: { docType: string; status: string; replaced: boolean; stages: readonly string[]; correctionDue: string | null; reinspectionDue: string | null },
  today: string,
): boolean {
  return (
    n.docType === 'deadline_notice' &&
    n.status === 'issued' &&
    !n.replaced &&
    n.reinspectionDue === null &&
    n.stages.includes('ordered') &&
    n.correctionDue !== null &&
    today <= n.correctionDue
  );
}

/**
 * The inspector at a position the unit's page shows — 'lead-0' the task's first 主办, 'assistant-0' its first 协办 —
 * or null when there is none there. The page never carries inspector ids.
 */
export function inspectorAtPosition(task: { leadIds: readonly string[]; assistantIds: readonly string[] }, position: string): string | null {
  const m = /^(lead|assistant)-(\d)$/.exec(position);
  if (!m) return null;
  const list = m[1] === 'lead' ? task.leadIds : task.assistantIds;
  return list[Number(m[2])] ?? null;
}

/** 主办 or 协办 of an inspector on a task, or null when they are on neither list. */
export function roleOnTask(task: { leadIds: readonly string[]; assistantIds: readonly string[] }, inspectorId: string): '主办' | '协办' | null {
  if (task.leadIds.includes(inspectorId)) return '主办';
  if (task.assistantIds.includes(inspectorId)) return '协办';
  return null;
}
