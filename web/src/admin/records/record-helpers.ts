import type { AttachedFileView } from '@contracts/files.ts';
import type { LineResult, RecordLine, RecordSummary, RecordView, Signature } from '@contracts/field.ts';
import { LINE_RESULT_LABELS, LINE_RESULTS } from '@contracts/field.ts';

/** The pure part of the record pages: grouping, colours, counts and the ways to a file. */

/** 符合 green, 不符合 red, 不适用 grey, 未查 orange (it needs a reason). */
export const LINE_RESULT_COLORS: Record<LineResult, string> = { pass: 'green', fail: 'red', na: 'default', unchecked: 'orange' };

export const OUTCOME_COLORS: Record<RecordView['outcome'], string> = { inspected: 'green', unable: 'orange' };

export const OUTBOX_STATE_COLORS: Record<'pending' | 'sent' | 'failed', string> = { pending: 'processing', sent: 'green', failed: 'red' };

/** Who signs a record, in the order the sheet shows them. */
export const SIGNATURE_ROLES = [
  { key: 'lead', label: '主办检查人员' },
  { key: 'assistant', label: '协办检查人员' },
  { key: 'representative', label: '被检查单位代表' },
] as const;

export type LineRow = { line: RecordLine; text: string };
export type LineGroup = { itemName: string; lines: LineRow[] };

/**
 * The checklist lines grouped by their check item (抽查事项), in the record's own order: a group starts where its first
 * line is. A line whose label the record lacks shows its code under 「其他检查内容」.
 */
export function groupLines(lines: readonly RecordLine[], labels: RecordView['lineLabels']): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const line of lines) {
    const label = labels[`${line.versionId}:${line.code}`];
    const itemName = label?.itemName ?? '其他检查内容';
    let group = groups.get(itemName);
    if (!group) {
      group = { itemName, lines: [] };
      groups.set(itemName, group);
    }
    group.lines.push({ line, text: label?.text ?? line.code });
  }
  return [...groups.values()];
}

/** How many lines have each result: 「符合 12 · 不符合 2 · 不适用 3」 (results with none left out). */
export function resultCounts(lines: readonly RecordLine[]): { result: LineResult; label: string; count: number }[] {
  return LINE_RESULTS.map((result) => ({ result, label: LINE_RESULT_LABELS[result], count: lines.filter((l) => l.result === result).length })).filter(
    (c) => c.count > 0,
  );
}

/** Where a stored file is served: the record's file list gives its url; a hash it lacks is asked of /api/files. */
export function fileUrlOf(files: readonly AttachedFileView[]): (sha256: string) => string {
  const urls = new Map(files.map((f) => [f.sha256, f.url]));
  return (sha256) => urls.get(sha256) ?? `/api/files/${sha256}`;
}

/** The visit's length in whole minutes, 「1 小时 5 分钟」; null when the times are missing or out of order. */
export function visitLength(startedAt: string, endedAt: string): string | null {
  const minutes = Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 0) return null;
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} 小时 ${minutes % 60} 分钟` : `${minutes} 分钟`;
}

/** Whether a signature was given over this body (the server refuses any other; shown to make it visible). */
export const signsBody = (signature: Signature, bodyHash: string) => signature.signedHash === bodyHash;

/** The other versions of a record (its task's records), oldest first, without the one shown. */
export function otherVersions(records: readonly RecordSummary[], currentId: string): RecordSummary[] {
  return records.filter((r) => r.id !== currentId).sort((a, b) => a.version - b.version);
}
