/**
 * The dry run of a units import, in two pure steps around one registry look-up:
 *
 * 1. prepareUnitImportRows: each row through the column mapping, dictionary labels → codes and
 *    validateUnitRow, then the file-level checks (the same credit code twice, probable duplicates);
 * 2. classifyUnitImportRows: each valid row against the registry's copy of the same credit code → new,
 *    changed (with the field-by-field diff) or unchanged, plus what the commit has to write.
 *
 * Decisions (docs/decisions/0006-registry-import.md):
 * - 单位类别 may be absent: a new unit is registered as 一般单位 with a warning; an existing unit keeps its own.
 * - A 行政区划 that cannot be resolved is a warning and the field is left empty, not a reason to refuse the
 *   row (the district is optional; the rest of the row is good).
 * - A unit registered in another brigade is an invalid row, never moved silently (moving is an audited
 *   transfer). Out of the uploader's subtree the message names the brigade but not the unit.
 * - The file never reinstates a unit: 正常/存续 in the file does not undo a 停业/注销/迁出/查无此单位 recorded
 *   in the registry (registration status is not operating status). It only warns.
 * - Empty cells never erase a stored value (see diffUnitRow), so importing the same file twice changes nothing.
 */
import { normalizeUscc } from '../uscc.ts';
import { regionPrefixesOf } from '../registry/divisions.ts';
import { cleanCell, foldFullWidth } from '../registry/text.ts';
import {
  UNIT_CATEGORY_LABELS,
  UNIT_STATUS_LABELS,
  duplicateKey,
  type UnitCategory,
  type UnitStatus,
} from '../registry/unit-rules.ts';
import type { ImportTableRow } from './import-table.ts';
import { pendingRowResult, type ImportDiffEntry, type ImportRowResult } from './import-outcome.ts';
import { applyColumnMapping, type MappedColumn } from './recognize-headers.ts';
import { REQUIRED_UNIT_IMPORT_FIELDS, UNIT_IMPORT_FIELD_LABELS, type UnitImportField } from './unit-import-fields.ts';
import {
  diffUnitRow,
  createDuplicateRowFinder,
  validateUnitRow,
  type DictionaryField,
  type FieldChange,
  type UnitImportRow,
} from './validate-unit-row.ts';

/** An admin-editable dictionary entry: records store the code, files usually hold the label. */
export type DictionaryChoice = { code: string; label: string };
export type UnitImportDictionaries = Partial<Record<DictionaryField, readonly DictionaryChoice[]>>;

export type UnitImportOptions = {
  /** The brigade's division code: picks between counties of the same name, strips region prefixes. */
  withinDivisionCode?: string;
  /** Active entries per dictionary field; a field without an entry list accepts any text. */
  dictionaries?: UnitImportDictionaries;
};

export type PreparedUnitRow = {
  rowNumber: number;
  /** The credit code as normalised (possibly invalid), or null when the cell is empty. */
  key: string | null;
  name: string | null;
  /** null when the row is invalid. */
  value: UnitImportRow | null;
  /** unitDuplicateKey of the row's own name and address; '' when the row is invalid. */
  duplicateKey: string;
  errors: string[];
  warnings: string[];
  duplicateInFile: boolean;
  probableDuplicate: boolean;
};

const DICTIONARY_FIELDS = ['industry', 'riskLevel', 'creditLevel', 'buildingScale'] as const;
const TAG_SEPARATORS = /[、,;|/]/;

const fold = (text: string) => foldFullWidth(cleanCell(text)).toUpperCase();

/** label or code (folded) → code, per dictionary field. */
function codeLookups(dictionaries: UnitImportDictionaries): Map<DictionaryField, Map<string, string>> {
  const lookups = new Map<DictionaryField, Map<string, string>>();
  for (const [field, entries] of Object.entries(dictionaries) as [DictionaryField, readonly DictionaryChoice[]][]) {
    const map = new Map<string, string>();
    for (const e of entries) map.set(fold(e.label), e.code);
    for (const e of entries) map.set(fold(e.code), e.code);
    lookups.set(field, map);
  }
  return lookups;
}

/**
 * Replaces dictionary labels by their codes (高 → high, 'A 级（守信）' → A, ≤300㎡ → S1), case- and
 * width-insensitively, so a file written with the labels people see is accepted; unknown values are left
 * as written for validateUnitRow to report.
 */
export function translateDictionaryLabels(
  raw: Readonly<Partial<Record<UnitImportField, string>>>,
  dictionaries: UnitImportDictionaries,
): Partial<Record<UnitImportField, string>> {
  return translateWith(raw, codeLookups(dictionaries));
}

function translateWith(
  raw: Readonly<Partial<Record<UnitImportField, string>>>,
  lookups: ReadonlyMap<DictionaryField, ReadonlyMap<string, string>>,
): Partial<Record<UnitImportField, string>> {
  const out = { ...raw };
  for (const field of DICTIONARY_FIELDS) {
    const value = raw[field];
    const code = value === undefined ? undefined : lookups.get(field)?.get(fold(value));
    if (code !== undefined) out[field] = code;
  }
  const tags = raw.tags;
  const tagLookup = lookups.get('tags');
  if (tags !== undefined && tagLookup) {
    out.tags = foldFullWidth(tags)
      .split(TAG_SEPARATORS)
      .map(cleanCell)
      .filter((t) => t !== '')
      .map((t) => tagLookup.get(fold(t)) ?? t)
      .join('、');
  }
  return out;
}

/** Step 1: validation of every row and the checks across rows of the file. Rows keep the file's order. */
export function prepareUnitImportRows(
  rows: readonly ImportTableRow[],
  columns: readonly Pick<MappedColumn, 'index' | 'field'>[],
  options: UnitImportOptions = {},
): PreparedUnitRow[] {
  const prepareRow = createUnitRowPreparer(columns, options);
  return markFileDuplicates(rows.map(prepareRow), options);
}

/**
 * Step 1a, one row at a time (a caller can pause between rows): the row through the mapping, dictionary
 * labels → codes and validateUnitRow. The per-file set-up (dictionary look-ups, missing columns) is done once.
 */
export function createUnitRowPreparer(
  columns: readonly Pick<MappedColumn, 'index' | 'field'>[],
  options: UnitImportOptions = {},
): (row: ImportTableRow) => PreparedUnitRow {
  const missing = REQUIRED_UNIT_IMPORT_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  const usccColumn = columns.find((c) => c.field === 'uscc')?.index;
  const dictionaries = options.dictionaries ?? {};
  const lookups = codeLookups(dictionaries);
  const allowedValues: Partial<Record<DictionaryField, string[]>> = {};
  for (const [field, entries] of Object.entries(dictionaries) as [DictionaryField, readonly DictionaryChoice[]][]) {
    allowedValues[field] = entries.map((e) => e.code);
  }
  const validateOptions = {
    allowedValues,
    ...(options.withinDivisionCode ? { withinDivisionCode: options.withinDivisionCode } : {}),
  };

  return (row) => {
    const n = row.rowNumber;
    const raw = applyColumnMapping(row.cells, columns);
    const name = cleanCell(raw.name ?? '') || null;
    const key = normalizeUscc(cleanCell(raw.uscc ?? '')) || null;
    const base = { rowNumber: n, key, name, duplicateKey: '', duplicateInFile: false, probableDuplicate: false };
    if (missing.length > 0) {
      const errors = missing.map((f) => `第 ${n} 行「${UNIT_IMPORT_FIELD_LABELS[f]}」：没有对应的列，请在“列映射”中指定`);
      return { ...base, value: null, errors, warnings: [] };
    }
    const translated = translateWith(raw, lookups);
    let result = validateUnitRow(translated, n, validateOptions);
    const districtWarnings: string[] = [];
    if (!result.ok && result.errors.every((e) => e.field === 'districtCode')) {
      districtWarnings.push(...result.errors.map((e) => `${e.message}；该字段不导入`));
      result = validateUnitRow({ ...translated, districtCode: '' }, n, validateOptions);
    }
    const warnings = [...result.warnings.map((w) => w.message), ...districtWarnings];
    if (!result.ok) {
      const errors = result.errors.map((e) => e.message);
      if (
        usccColumn !== undefined &&
        row.impreciseColumns?.includes(usccColumn) &&
        result.errors.some((e) => e.field === 'uscc')
      ) {
        errors.push(
          `第 ${n} 行「统一社会信用代码」：该单元格是数字格式，Excel 只保留 15 位有效数字，代码已被改动；请把该列设置为“文本”格式后重新填写`,
        );
      }
      return { ...base, value: null, errors, warnings };
    }
    const value = result.value;
    return {
      ...base,
      key: value.uscc,
      name: value.name,
      value,
      duplicateKey: unitDuplicateKey(value.name, value.address),
      errors: [],
      warnings,
    };
  };
}

/**
 * Step 1b, across the whole file (see findDuplicateRows): the later of two rows with one credit code becomes
 * invalid, naming the first; rows with the same name and address but different codes get a warning.
 * Updates the rows in place and returns them.
 */
export function markFileDuplicates(prepared: PreparedUnitRow[], options: UnitImportOptions = {}): PreparedUnitRow[] {
  const mark = createFileDuplicateMarker(options);
  for (const row of prepared) mark(row);
  return prepared;
}

/**
 * {@link markFileDuplicates} a row at a time, rows in the file's order (each as soon as it is prepared): marks the row
 * in place when it repeats an earlier row's credit code or name and address.
 */
export function createFileDuplicateMarker(options: UnitImportOptions = {}): (row: PreparedUnitRow) => void {
  const regionPrefixes = options.withinDivisionCode ? regionPrefixesOf(options.withinDivisionCode) : [];
  const check = createDuplicateRowFinder({ regionPrefixes });
  return (row) => {
    if (row.value === null) return;
    const found = check({ rowNumber: row.rowNumber, value: row.value });
    if (found?.kind === 'error') {
      row.errors.push(found.issue.message);
      row.value = null;
      row.duplicateInFile = true;
    } else if (found?.kind === 'warning') {
      row.warnings.push(found.issue.message);
      row.probableDuplicate = true;
    }
  };
}

/** The registry's copy of a unit, as the import compares it. */
export type RegistryUnit = {
  id: string;
  brigadeId: string;
  brigadeName: string;
  /** Whether the unit's brigade lies in the uploader's subtree. */
  inScope: boolean;
  name: string;
  uscc: string;
  registeredAddress: string | null;
  address: string | null;
  districtCode: string | null;
  street: string | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  category: UnitCategory;
  industry: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  buildingScale: string | null;
  tags: string[];
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  status: UnitStatus;
};

/** Another unit of the registry with the same duplicate key. */
export type RegistryDuplicate = { uscc: string; name: string };

export type UnitImportRegistry = {
  byUscc: ReadonlyMap<string, RegistryUnit>;
  /** Units in the uploader's subtree by duplicate key (see unitDuplicateKey). */
  duplicatesByKey: ReadonlyMap<string, readonly RegistryDuplicate[]>;
};

/** Every stored field of an imported unit (after defaults or merging with the registry's copy). */
export type UnitWriteValues = {
  name: string;
  uscc: string;
  registeredAddress: string | null;
  address: string | null;
  districtCode: string | null;
  street: string | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  category: UnitCategory;
  industry: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  buildingScale: string | null;
  tags: string[];
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  status: UnitStatus;
  duplicateKey: string;
};

export type UnitInsertPlan = { rowNumber: number; values: UnitWriteValues };
export type UnitUpdatePlan = {
  rowNumber: number;
  id: string;
  values: UnitWriteValues;
  changes: FieldChange[];
  statusChanged: boolean;
};

export type UnitImportPlan = { rows: ImportRowResult[]; inserts: UnitInsertPlan[]; updates: UnitUpdatePlan[] };

/**
 * A row's result whose diff is not yet described: `describeDiff` gives it (null when the row has none). Describing
 * the diff of a new row takes some forty objects; the preview lists at most 500 rows, so a 100,000-row file describes
 * only the rows listed (completeRowDiff, run by the summary) — decision 0031.
 */
export type UnitRowResult = ImportRowResult & { describeDiff: (() => ImportDiffEntry[]) | null };

/** The row's result with its diff described, as classifyUnitImportRows gives it (the same keys in the same order). */
export function completeRowDiff(row: UnitRowResult): ImportRowResult {
  const { describeDiff, ...result } = row;
  if (describeDiff !== null) result.diff = describeDiff();
  return result;
}

/**
 * The key under which units are probable duplicates, as stored in units.duplicate_key: the normalised name
 * and the normalised 实际经营地址 (the same rule the units API applies on create and edit).
 */
export function unitDuplicateKey(name: string, address: string | null): string {
  return duplicateKey(name, address);
}

/** Step 2: each prepared row against the registry, for the brigade `brigadeId`. */
export function classifyUnitImportRows(
  prepared: readonly PreparedUnitRow[],
  registry: UnitImportRegistry,
  target: { brigadeId: string; dictionaries?: UnitImportDictionaries },
): UnitImportPlan {
  const plan = classifyUnitImportRowsLazily(prepared, registry, target);
  return { ...plan, rows: plan.rows.map(completeRowDiff) };
}

/** A unit of the registry with the row's credit code lies in another brigade: the row cannot be imported here. */
function registeredElsewhere(existing: RegistryUnit | undefined, brigadeId: string): boolean {
  return existing !== undefined && existing.brigadeId !== brigadeId;
}

/**
 * How many of the rows step 2 will find invalid, before any is classified: those invalid on their own (step 1) and
 * those whose credit code the registry holds in another brigade — exactly the rows classifyUnitImportRows makes
 * invalid. A refuse-mode commit decides with it before it writes anything.
 */
export function countInvalidRows(prepared: readonly PreparedUnitRow[], registry: UnitImportRegistry, brigadeId: string): number {
  let invalid = 0;
  for (const row of prepared) {
    if (row.value === null || registeredElsewhere(registry.byUscc.get(row.value.uscc), brigadeId)) invalid++;
  }
  return invalid;
}

/**
 * classifyUnitImportRows with each row's diff left to describe (see UnitRowResult): the dry run of a large file
 * hands the rows to a summary that describes only those it lists.
 */
export function classifyUnitImportRowsLazily(
  prepared: readonly PreparedUnitRow[],
  registry: UnitImportRegistry,
  /** writes false: the preview, which shows the rows but writes nothing, gets no inserts or updates to hold. */
  target: { brigadeId: string; dictionaries?: UnitImportDictionaries; writes?: boolean },
): Omit<UnitImportPlan, 'rows'> & { rows: UnitRowResult[] } {
  const writes = target.writes ?? true;
  const labelOf = labelLookup(target.dictionaries ?? {});
  const rows: UnitRowResult[] = [];
  const inserts: UnitInsertPlan[] = [];
  const updates: UnitUpdatePlan[] = [];

  for (const row of prepared) {
    const n = row.rowNumber;
    const result: UnitRowResult = { ...pendingRowResult(row), describeDiff: null };
    rows.push(result);
    const incoming = row.value;
    if (incoming === null) continue;

    const existing = registry.byUscc.get(incoming.uscc);
    if (existing && registeredElsewhere(existing, target.brigadeId)) {
      result.errors.push(
        existing.inScope
          ? `第 ${n} 行「统一社会信用代码」：该信用代码已登记在${existing.brigadeName}（「${existing.name}」），如需划入本大队请使用“转移单位”`
          : `第 ${n} 行「统一社会信用代码」：该信用代码已登记在其他大队（${existing.brigadeName}），不能导入本大队`,
      );
      continue;
    }

    if (existing) {
      let wanted = incoming;
      if (incoming.status === 'active' && existing.status !== 'active') {
        result.warnings.push(
          `第 ${n} 行「单位状态」：文件中为“正常”，名录库中为“${UNIT_STATUS_LABELS[existing.status]}”；导入不会恢复单位状态，如需恢复请在单位详情中变更状态`,
        );
        wanted = { ...incoming, status: null };
      }
      const changes = diffUnitRow(existing, wanted);
      if (changes.length === 0) {
        result.outcome = 'unchanged';
        continue;
      }
      result.outcome = 'changed';
      result.describeDiff = () => changes.map((c) => diffEntry(c, labelOf));
      if (writes) {
        const values = mergeValues(existing, wanted);
        updates.push({ rowNumber: n, id: existing.id, values, changes, statusChanged: values.status !== existing.status });
      }
      continue;
    }

    result.outcome = 'new';
    if (incoming.category === null) {
      result.warnings.push(`第 ${n} 行「单位类别」：未填写，将按“${UNIT_CATEGORY_LABELS.general}”登记`);
    }
    if (incoming.status !== null && incoming.status !== 'active') {
      result.warnings.push(`第 ${n} 行「单位状态」：为“${UNIT_STATUS_LABELS[incoming.status]}”，将以该状态登记，不参与抽取`);
    }
    const others = (registry.duplicatesByKey.get(row.duplicateKey) ?? []).filter((d) => d.uscc !== incoming.uscc);
    const [other] = others;
    if (other) {
      result.probableDuplicate = true;
      result.warnings.push(
        `第 ${n} 行「单位名称」：与名录库中的「${other.name}」（${other.uscc}）名称和地址相同但信用代码不同${others.length > 1 ? ` 等 ${others.length} 个单位` : ''}，疑似重复单位`,
      );
    }
    result.describeDiff = () => diffUnitRow({}, incoming).map((c) => diffEntry(c, labelOf));
    if (writes) inserts.push({ rowNumber: n, values: newValues(incoming, row.duplicateKey) });
  }
  return { rows, inserts, updates };
}

function newValues(row: UnitImportRow, duplicateKey: string): UnitWriteValues {
  return {
    name: row.name,
    uscc: row.uscc,
    registeredAddress: row.registeredAddress,
    address: row.address,
    districtCode: row.districtCode,
    street: row.street,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    safetyOwner: row.safetyOwner,
    safetyManager: row.safetyManager,
    category: row.category ?? 'general',
    industry: row.industry,
    riskLevel: row.riskLevel,
    creditLevel: row.creditLevel,
    buildingScale: row.buildingScale,
    tags: row.tags ?? [],
    isCrowded: row.isCrowded ?? false,
    isFlammable: row.isFlammable ?? false,
    isHighRise: row.isHighRise ?? false,
    status: row.status ?? 'active',
    duplicateKey,
  };
}

/** The registry's copy with every value the file gives; empty cells (null) keep the stored value. */
function pick<T>(incoming: T | null, stored: T): T {
  return incoming === null ? stored : incoming;
}

function mergeValues(existing: RegistryUnit, row: UnitImportRow): UnitWriteValues {
  const name = pick(row.name, existing.name);
  const address = pick(row.address, existing.address);
  return {
    name,
    uscc: existing.uscc,
    registeredAddress: pick(row.registeredAddress, existing.registeredAddress),
    address,
    districtCode: pick(row.districtCode, existing.districtCode),
    street: pick(row.street, existing.street),
    contactName: pick(row.contactName, existing.contactName),
    contactPhone: pick(row.contactPhone, existing.contactPhone),
    safetyOwner: pick(row.safetyOwner, existing.safetyOwner),
    safetyManager: pick(row.safetyManager, existing.safetyManager),
    category: pick(row.category, existing.category),
    industry: pick(row.industry, existing.industry),
    riskLevel: pick(row.riskLevel, existing.riskLevel),
    creditLevel: pick(row.creditLevel, existing.creditLevel),
    buildingScale: pick(row.buildingScale, existing.buildingScale),
    tags: pick(row.tags, existing.tags),
    isCrowded: pick(row.isCrowded, existing.isCrowded),
    isFlammable: pick(row.isFlammable, existing.isFlammable),
    isHighRise: pick(row.isHighRise, existing.isHighRise),
    status: pick(row.status, existing.status),
    duplicateKey: unitDuplicateKey(name, address),
  };
}

type LabelOf = (field: UnitImportField, code: string) => string;

function labelLookup(dictionaries: UnitImportDictionaries): LabelOf {
  const maps = new Map<string, Map<string, string>>();
  for (const [field, entries] of Object.entries(dictionaries) as [DictionaryField, readonly DictionaryChoice[]][]) {
    maps.set(field, new Map(entries.map((e) => [e.code, e.label])));
  }
  return (field, code) => {
    if (field === 'category') return UNIT_CATEGORY_LABELS[code as UnitCategory] ?? code;
    if (field === 'status') return UNIT_STATUS_LABELS[code as UnitStatus] ?? code;
    return maps.get(field)?.get(code) ?? code;
  };
}

/** A field change as display text: labels for codes, 是/否 for flags, tags joined with 、. */
function diffEntry(change: FieldChange, labelOf: LabelOf): ImportDiffEntry {
  return {
    field: change.field,
    label: change.label,
    before: displayValue(change.field, change.from, labelOf),
    after: displayValue(change.field, change.to, labelOf),
  };
}

// A module-level function, not a closure per call: this runs for every field of every new row.
function displayValue(field: UnitImportField, value: unknown, labelOf: LabelOf): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((v) => labelOf(field, String(v))).join('、');
  return labelOf(field, String(value));
}
