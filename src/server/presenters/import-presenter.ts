import type {
  ImportPreviewView,
  ImportResultView,
  ReconciliationPreviewView,
  ReconciliationResultView,
} from '../../contracts/imports.ts';
import type { ImportFieldSpec } from '../../domain/import/column-mapping.ts';
import { TEXT_ENCODING_LABELS, type TextEncoding } from '../../domain/import/decode-text.ts';
import { INSPECTOR_IMPORT_SPEC } from '../../domain/import/inspector-import-fields.ts';
import { UNIT_IMPORT_SPEC } from '../../domain/import/unit-import-spec.ts';
import { CREDIT_GRADE_SPEC } from '../../domain/import/credit-grade-import.ts';
import type { ImportBatchRecord } from '../../db/import-queries.ts';
import { rowsSummaryOf, snapshotSummaryOf, type StoredImportResult } from '../../domain/import/import-summary.ts';

function fieldsOf<F extends string>(spec: ImportFieldSpec<F>): ImportPreviewView['fields'] {
  return spec.fields.map((field) => ({ field, label: spec.labels[field], required: spec.required.includes(field) }));
}

export function presentImportResult(result: StoredImportResult): ImportResultView {
  return {
    status: result.status,
    mode: result.mode,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    skipped: result.skipped,
    committedAt: result.committedAt,
  };
}

/** A units, inspectors or credit-grade batch as the preview page shows it. The file bytes never leave the server. */
export function presentImportPreview(batch: ImportBatchRecord): ImportPreviewView {
  const summary = rowsSummaryOf(batch);
  const kind = batch.kind === 'units' || batch.kind === 'credit_grades' ? batch.kind : 'inspectors';
  return {
    id: batch.id,
    kind,
    fileName: batch.fileName,
    fileSha256: batch.fileSha256,
    encoding: batch.encoding === null ? null : (TEXT_ENCODING_LABELS[batch.encoding as TextEncoding] ?? batch.encoding),
    status: batch.status,
    orgId: batch.orgId,
    orgName: batch.orgName,
    totalRows: summary.totalRows,
    columns: summary.headers.map((header, index) => ({ index, header, field: batch.mapping[String(index)] ?? null })),
    fields: kind === 'units' ? fieldsOf(UNIT_IMPORT_SPEC) : kind === 'credit_grades' ? fieldsOf(CREDIT_GRADE_SPEC) : fieldsOf(INSPECTOR_IMPORT_SPEC),
    counts: {
      new: summary.counts.new,
      changed: summary.counts.changed,
      unchanged: summary.counts.unchanged,
      invalid: summary.counts.invalid,
      warnings: summary.counts.warnings,
      duplicatesInFile: summary.counts.duplicatesInFile,
      probableDuplicates: summary.counts.probableDuplicates,
    },
    rows: summary.rows.map((r) => ({
      rowNumber: r.rowNumber,
      outcome: r.outcome,
      key: r.key,
      name: r.name,
      errors: r.errors,
      warnings: r.warnings,
      diff: r.diff.map((d) => ({ field: d.field, label: d.label, before: d.before, after: d.after })),
    })),
    rowsTruncated: summary.rowsTruncated,
    result: summary.result ? presentImportResult(summary.result) : null,
    createdAt: batch.createdAt.toISOString(),
  };
}

export function presentReconciliationPreview(batch: ImportBatchRecord): ReconciliationPreviewView {
  const summary = snapshotSummaryOf(batch);
  return {
    id: batch.id,
    fileName: batch.fileName,
    full: summary.full,
    snapshotRows: summary.snapshotRows,
    brigadeId: batch.orgId,
    toFlag: summary.toFlag.map((f) => ({ unitId: f.unitId, uscc: f.uscc, name: f.name, reason: f.reason })),
    alreadyFlagged: summary.alreadyFlagged,
    unknownInRegistry: summary.unknownInRegistry,
  };
}

export function presentReconciliationResult(batch: ImportBatchRecord): ReconciliationResultView {
  const result = snapshotSummaryOf(batch).result;
  return {
    flagged: result?.flagged ?? 0,
    committedAt: result?.committedAt ?? (batch.committedAt ?? batch.createdAt).toISOString(),
  };
}
