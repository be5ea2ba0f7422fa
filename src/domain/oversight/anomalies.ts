/**
 * 异常线索 (issue 16, decision 0026): rules that pick, from what the system recorded, the facts a discipline audit
 * should look at first. They accuse nobody: each row links to the record and 纪检 judge.
 */

/** 递补 by one person: at least this many in the window… */
export const FREQUENT_REPLACEMENT_MIN = 3;
/** …of this many days… */
export const FREQUENT_REPLACEMENT_DAYS = 30;
/** …and more than this multiple of the median of everyone who made a 递补 in the window (when at least 3 did). */
export const FREQUENT_REPLACEMENT_MEDIAN_FACTOR = 2;
/** Below this many people the median says nothing, and the absolute threshold alone applies. */
export const FREQUENT_REPLACEMENT_PEERS = 3;

/** A freeze or a 回避 registered at most this many days before a draw was frozen. */
export const SHORTLY_BEFORE_DRAW_DAYS = 7;

const DAY_MS = 86_400_000;

/** The median of counts (the mean of the two middle ones for an even number); 0 for none. */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type FrequentReplacer = { by: string; count: number; median: number };

/**
 * People who made many 递补 (unit or inspector replacements) in the `days` days up to `now`: at least
 * {@link FREQUENT_REPLACEMENT_MIN}, and — when at least {@link FREQUENT_REPLACEMENT_PEERS} people made any — more than
 * {@link FREQUENT_REPLACEMENT_MEDIAN_FACTOR} × the median count of those people. The median is of the same scope as
 * the rows given (the reader's org subtree). Sorted by count, highest first.
 */
export function findFrequentReplacers(changes: readonly { by: string; at: Date }[], now: Date, days = FREQUENT_REPLACEMENT_DAYS): FrequentReplacer[] {
  const from = now.getTime() - days * DAY_MS;
  const counts = new Map<string, number>();
  for (const c of changes) {
    const t = c.at.getTime();
    if (t > from && t <= now.getTime()) counts.set(c.by, (counts.get(c.by) ?? 0) + 1);
  }
  const median = medianOf([...counts.values()]);
  const compare = counts.size >= FREQUENT_REPLACEMENT_PEERS;
  return [...counts.entries()]
    .filter(([, n]) => n >= FREQUENT_REPLACEMENT_MIN && (!compare || n > FREQUENT_REPLACEMENT_MEDIAN_FACTOR * median))
    .map(([by, count]) => ({ by, count, median }))
    .sort((a, b) => b.count - a.count || a.by.localeCompare(b.by));
}

/**
 * Whether a freeze or 回避 registered at `createdAt` came shortly before a draw frozen at `frozenAt`: not after it,
 * and at most `days` days before it.
 */
export function isShortlyBeforeDraw(createdAt: Date, frozenAt: Date, days = SHORTLY_BEFORE_DRAW_DAYS): boolean {
  const gap = frozenAt.getTime() - createdAt.getTime();
  return gap >= 0 && gap <= days * DAY_MS;
}

/**
 * The top-level fields of a record body that a correction changed (compared as JSON), in the corrected body's order
 * followed by fields it dropped.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** The Chinese names of an inspection record's body fields (src/contracts/field.ts RecordBody). */
export const RECORD_FIELD_LABELS: Record<string, string> = {
  taskId: '任务',
  outcome: '检查结果',
  startedAt: '开始时间',
  endedAt: '结束时间',
  accompanying: '陪同人员',
  jointStaffIds: '联合检查人员',
  lines: '检查内容',
  conclusion: '检查结论',
  unable: '无法检查情况',
  remarks: '备注',
};
