import { z } from 'zod';
import { text, uuidParam } from './common.ts';

/**
 * Registry import: upload (raw bytes, `content-type: application/octet-stream`) → dry-run preview →
 * optional column re-mapping → commit in one transaction, refusing the whole file or skipping invalid rows.
 *
 *   POST /api/imports/units?brigadeId=…&fileName=…        → ImportPreviewView (201)
 *   POST /api/imports/inspectors?orgId=…&fileName=…        → ImportPreviewView (201)
 *   POST /api/imports/credit-grades?orgId=…&fileName=…     → ImportPreviewView (201): 信用等级 (decision 0027)
 *   GET  /api/imports/:id                                  → ImportPreviewView
 *   PUT  /api/imports/:id/mapping   { mapping }            → ImportPreviewView
 *   POST /api/imports/:id/commit    { mode }               → ImportResultView
 *   GET  /api/imports/:id/report                           → .xlsx: every row not imported and why
 *   GET  /api/units/export?<UnitListQuery filters>         → .xlsx (streamed)
 *   GET  /api/inspectors/export?<InspectorListQuery>       → .xlsx
 *   POST /api/reconciliations?brigadeId=…&full=true|false&fileName=…  (market-regulation snapshot)
 *                                                          → ReconciliationPreviewView (201)
 *   POST /api/reconciliations/:id/commit                   → ReconciliationResultView
 */
/** The uploaded file's name as the browser gave it: shown in lists and written back in the report's file name. */
const fileName = text('文件名', {
  max: 200,
  name: true,
  messages: { type: '文件名：必须提供', empty: '文件名：必须提供', tooLong: '文件名：过长' },
});

export const UploadUnitsQuery = z.object({
  brigadeId: uuidParam('所属大队'),
  fileName,
});
export type UploadUnitsQuery = z.infer<typeof UploadUnitsQuery>;

export const UploadInspectorsQuery = z.object({
  orgId: uuidParam('所属机构'),
  fileName,
});
export type UploadInspectorsQuery = z.infer<typeof UploadInspectorsQuery>;

/** The query of POST /api/reconciliations: a units upload's, and whether the snapshot is the full register. */
export const UploadSnapshotQuery = UploadUnitsQuery.extend({
  full: z.enum(['true', 'false'], { error: '全量比对：只能是 true 或 false' }).transform((v) => v === 'true'),
});
export type UploadSnapshotQuery = z.infer<typeof UploadSnapshotQuery>;

export const UpdateImportMappingRequest = z.object({
  /** Column index (0-based, as a string key) → field name, or null to ignore the column. */
  mapping: z.record(
    z.string().regex(/^[0-9]+$/),
    text('列映射', {
      max: 64,
      min: 0,
      trim: false,
      messages: { type: '列映射：字段名应为文本或 null', tooLong: '列映射：字段名最多 64 个字符' },
    }).nullable(),
    // A bad key is reported by the record itself (invalid_key), not by the key schema.
    { error: (issue) => (issue.code === 'invalid_key' ? '列映射：列序号应为数字' : '列映射：应为“列序号 → 字段名”的对象') },
  ),
});
export type UpdateImportMappingRequest = z.infer<typeof UpdateImportMappingRequest>;

export const CommitImportRequest = z.object({
  mode: z.enum(['refuse', 'skip'], { error: '导入方式：只能是“整体拒绝”(refuse) 或“跳过错误行”(skip)' }),
});
export type CommitImportRequest = z.infer<typeof CommitImportRequest>;

export type ImportColumnView = { index: number; header: string; field: string | null };
export type ImportFieldView = { field: string; label: string; required: boolean };

export type ImportRowOutcome = 'new' | 'changed' | 'unchanged' | 'invalid';

export type ImportRowView = {
  rowNumber: number;
  outcome: ImportRowOutcome;
  key: string | null;
  name: string | null;
  errors: string[];
  warnings: string[];
  diff: { field: string; label: string; before: string | null; after: string | null }[];
};

export type ImportPreviewView = {
  id: string;
  kind: 'units' | 'inspectors' | 'credit_grades';
  fileName: string;
  fileSha256: string;
  encoding: string | null;
  status: 'previewed' | 'committed' | 'refused' | 'discarded';
  orgId: string;
  orgName: string;
  totalRows: number;
  columns: ImportColumnView[];
  fields: ImportFieldView[];
  counts: Record<ImportRowOutcome, number> & { warnings: number; duplicatesInFile: number; probableDuplicates: number };
  /** Problem rows first (invalid, then warnings), then changes; at most 500. */
  rows: ImportRowView[];
  rowsTruncated: boolean;
  result: ImportResultView | null;
  createdAt: string;
};

export type ImportResultView = {
  status: 'committed' | 'refused';
  mode: 'refuse' | 'skip';
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  committedAt: string;
};

export type ReconciliationPreviewView = {
  id: string;
  fileName: string;
  full: boolean;
  snapshotRows: number;
  brigadeId: string;
  /** Units that would be flagged for review, with why (missing from a full snapshot / 注销 / 吊销). */
  toFlag: { unitId: string; uscc: string; name: string; reason: string }[];
  alreadyFlagged: number;
  unknownInRegistry: number;
};

export type ReconciliationResultView = { flagged: number; committedAt: string };
