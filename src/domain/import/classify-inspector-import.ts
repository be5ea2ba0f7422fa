/**
 * The dry run of an inspectors import (执法检查人员名录), the same two steps as the units import:
 * prepareInspectorImportRows (validation, the same badge number twice, the same certificate twice) and
 * classifyInspectorImportRows (against the registry's copy with the same 警号/工号).
 *
 * Decisions (docs/decisions/0006-registry-import.md): an inspector registered in another org is an
 * invalid row, never moved (a transfer is a deliberate, audited edit); a new inspector without 岗位 is
 * registered as 其他 and without 可任角色 as 协办, each with a warning, because both columns are required in
 * the registry and the conservative choice gives the lowest draw weight and no 主办 duty; the draw weight of
 * a new inspector is the post's weight from the dictionary, and an import never changes an existing weight.
 */
import {
  DEFAULT_DRAW_WEIGHTS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  type DrawWeightTable,
  type InspectorPost,
  type InspectorRole,
} from '../registry/inspector-rules.ts';
import { cleanCell } from '../registry/text.ts';
import { pendingRowResult, type ImportDiffEntry, type ImportRowResult } from './import-outcome.ts';
import type { ImportTableRow } from './import-table.ts';
import type { FieldColumn } from './column-mapping.ts';
import {
  INSPECTOR_IMPORT_FIELD_LABELS,
  REQUIRED_INSPECTOR_IMPORT_FIELDS,
  type InspectorImportField,
} from './inspector-import-fields.ts';
import { normalizeBadgeNo, validateInspectorRow, type InspectorImportRow } from './validate-inspector-row.ts';

export type PreparedInspectorRow = {
  rowNumber: number;
  key: string | null;
  name: string | null;
  value: InspectorImportRow | null;
  errors: string[];
  warnings: string[];
  duplicateInFile: boolean;
  probableDuplicate: boolean;
};

function applyMapping(cells: readonly string[], columns: readonly FieldColumn<InspectorImportField>[]) {
  const raw: Partial<Record<InspectorImportField, string>> = {};
  for (const { index, field } of columns) raw[field] = cells[index] ?? '';
  return raw;
}

const certificateKey = (certificateNo: string) => certificateNo.replace(/\s+/g, '').toUpperCase();

/** Step 1: every row validated; a repeated badge number is an error on the later row naming the first. */
export function prepareInspectorImportRows(
  rows: readonly ImportTableRow[],
  columns: readonly FieldColumn<InspectorImportField>[],
): PreparedInspectorRow[] {
  const missing = REQUIRED_INSPECTOR_IMPORT_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  const firstByBadge = new Map<string, number>();
  const firstByCertificate = new Map<string, number>();
  return rows.map((row) => {
    const n = row.rowNumber;
    const raw = applyMapping(row.cells, columns);
    const key = normalizeBadgeNo(raw.badgeNo ?? '') || null;
    const name = cleanCell(raw.name ?? '') || null;
    const base = { rowNumber: n, key, name, duplicateInFile: false, probableDuplicate: false };
    if (missing.length > 0) {
      const errors = missing.map((f) => `第 ${n} 行「${INSPECTOR_IMPORT_FIELD_LABELS[f]}」：没有对应的列，请在“列映射”中指定`);
      return { ...base, value: null, errors, warnings: [] };
    }
    const result = validateInspectorRow(raw, n);
    if (!result.ok) return { ...base, value: null, errors: result.errors, warnings: result.warnings };
    const value = result.value;
    const first = firstByBadge.get(value.badgeNo);
    if (first !== undefined) {
      return {
        ...base,
        value: null,
        errors: [`第 ${n} 行「警号/工号」：与第 ${first} 行重复（${value.badgeNo}）`],
        warnings: result.warnings,
        duplicateInFile: true,
      };
    }
    firstByBadge.set(value.badgeNo, n);
    const warnings = [...result.warnings];
    let probableDuplicate = false;
    if (value.certificateNo !== null) {
      const same = firstByCertificate.get(certificateKey(value.certificateNo));
      if (same !== undefined) {
        warnings.push(`第 ${n} 行「执法证号」：与第 ${same} 行相同（${value.certificateNo}），但警号/工号不同，疑似同一人`);
        probableDuplicate = true;
      } else {
        firstByCertificate.set(certificateKey(value.certificateNo), n);
      }
    }
    return { ...base, value, errors: [], warnings, probableDuplicate };
  });
}

/** The registry's copy of an inspector, as the import compares it. */
export type RegistryInspector = {
  id: string;
  orgId: string;
  orgName: string;
  inScope: boolean;
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  post: InspectorPost;
  roles: InspectorRole[];
  phone: string | null;
};

export type InspectorImportRegistry = {
  byBadge: ReadonlyMap<string, RegistryInspector>;
  /** Inspectors in the uploader's subtree by certificate number (upper-case, no spaces). */
  byCertificate: ReadonlyMap<string, readonly { badgeNo: string; name: string }[]>;
};

export type InspectorWriteValues = {
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  post: InspectorPost;
  roles: InspectorRole[];
  phone: string | null;
};

export type InspectorChange = { field: InspectorImportField; label: string; from: unknown; to: unknown };

export type InspectorImportPlan = {
  rows: ImportRowResult[];
  inserts: { rowNumber: number; values: InspectorWriteValues & { drawWeight: number } }[];
  updates: { rowNumber: number; id: string; values: InspectorWriteValues; changes: InspectorChange[] }[];
};

const COMPARED: readonly (keyof InspectorWriteValues & InspectorImportField)[] = [
  'name',
  'certificateNo',
  'certificateValidFrom',
  'certificateValidUntil',
  'post',
  'roles',
  'phone',
];

/**
 * Step 2: each prepared row against the registry, for the org `orgId`, on the date `today` (YYYY-MM-DD).
 * Warnings on the resulting record: no certificate number or end date (not drawable until completed), an
 * expired certificate, a certificate number held by another inspector of the subtree.
 */
export function classifyInspectorImportRows(
  prepared: readonly PreparedInspectorRow[],
  registry: InspectorImportRegistry,
  target: { orgId: string; today: string; drawWeights?: DrawWeightTable },
): InspectorImportPlan {
  const weights = target.drawWeights ?? DEFAULT_DRAW_WEIGHTS;
  const plan: InspectorImportPlan = { rows: [], inserts: [], updates: [] };
  for (const row of prepared) {
    const n = row.rowNumber;
    const result = pendingRowResult(row);
    plan.rows.push(result);
    const incoming = row.value;
    if (incoming === null) continue;

    const existing = registry.byBadge.get(incoming.badgeNo);
    if (existing && existing.orgId !== target.orgId) {
      result.errors.push(
        existing.inScope
          ? `第 ${n} 行「警号/工号」：该警号已登记在${existing.orgName}（${existing.name}），如需调入请在人员详情中修改所属机构`
          : `第 ${n} 行「警号/工号」：该警号已登记在其他单位（${existing.orgName}），不能导入本单位`,
      );
      continue;
    }

    let values: InspectorWriteValues;
    if (existing) {
      values = {
        name: incoming.name,
        badgeNo: existing.badgeNo,
        certificateNo: incoming.certificateNo ?? existing.certificateNo,
        certificateValidFrom: incoming.certificateValidFrom ?? existing.certificateValidFrom,
        certificateValidUntil: incoming.certificateValidUntil ?? existing.certificateValidUntil,
        post: incoming.post ?? existing.post,
        roles: incoming.roles ?? existing.roles,
        phone: incoming.phone ?? existing.phone,
      };
      if (
        values.certificateValidFrom !== null &&
        values.certificateValidUntil !== null &&
        values.certificateValidUntil < values.certificateValidFrom
      ) {
        result.errors.push(
          `第 ${n} 行「执法证有效期止」：导入后有效期止 ${values.certificateValidUntil} 将早于有效期起 ${values.certificateValidFrom}`,
        );
        continue;
      }
      const changes = COMPARED.filter((f) => !sameValue(existing[f], values[f])).map((f) => ({
        field: f,
        label: INSPECTOR_IMPORT_FIELD_LABELS[f],
        from: existing[f],
        to: values[f],
      }));
      result.outcome = changes.length === 0 ? 'unchanged' : 'changed';
      result.diff = changes.map(diffEntry);
      if (changes.length > 0) plan.updates.push({ rowNumber: n, id: existing.id, values, changes });
    } else {
      values = {
        ...incoming,
        post: incoming.post ?? 'other',
        roles: incoming.roles ?? ['assistant'],
      };
      if (incoming.post === null) result.warnings.push(`第 ${n} 行「岗位」：未填写，将按“${INSPECTOR_POST_LABELS.other}”登记`);
      if (incoming.roles === null)
        result.warnings.push(`第 ${n} 行「可任角色」：未填写，将按“${INSPECTOR_ROLE_LABELS.assistant}”登记`);
      result.outcome = 'new';
      result.diff = COMPARED.filter((f) => values[f] !== null).map((f) =>
        diffEntry({ field: f, label: INSPECTOR_IMPORT_FIELD_LABELS[f], from: null, to: values[f] }),
      );
      plan.inserts.push({ rowNumber: n, values: { ...values, drawWeight: weights[values.post] } });
    }

    if (values.certificateNo === null) result.warnings.push(`第 ${n} 行「执法证号」：未填写，补全前该人员不会被抽取`);
    if (values.certificateValidUntil === null) {
      result.warnings.push(`第 ${n} 行「执法证有效期止」：未填写，补全前该人员不会被抽取`);
    } else if (values.certificateValidUntil < target.today) {
      result.warnings.push(`第 ${n} 行「执法证有效期止」：执法证已于 ${values.certificateValidUntil} 过期，该人员不会被抽取`);
    }
    if (values.certificateNo !== null) {
      const holders = (registry.byCertificate.get(certificateKey(values.certificateNo)) ?? []).filter(
        (h) => h.badgeNo !== values.badgeNo,
      );
      const [holder] = holders;
      if (holder) {
        result.probableDuplicate = true;
        result.warnings.push(`第 ${n} 行「执法证号」：与名录库中的${holder.name}（警号 ${holder.badgeNo}）相同，疑似同一人`);
      }
    }
  }
  return plan;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return (a ?? null) === (b ?? null);
}

function diffEntry(change: InspectorChange): ImportDiffEntry {
  return {
    field: change.field,
    label: change.label,
    before: displayValue(change.field, change.from),
    after: displayValue(change.field, change.to),
  };
}

function displayValue(field: InspectorImportField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'post') return INSPECTOR_POST_LABELS[value as InspectorPost] ?? String(value);
  if (field === 'roles') return (value as InspectorRole[]).map((r) => INSPECTOR_ROLE_LABELS[r] ?? r).join('、') || null;
  return String(value);
}
