import { isInScope, type Actor } from '../../domain/access.ts';
import {
  classifyUnitImportRowsLazily,
  completeRowDiff,
  createUnitRowPreparer,
  markFileDuplicates,
  type PreparedUnitRow,
  type RegistryDuplicate,
  type RegistryUnit,
  type UnitImportDictionaries,
  type UnitImportPlan,
} from '../../domain/import/classify-unit-import.ts';
import { mappedColumns, mappingFromColumns, type ColumnMapping } from '../../domain/import/column-mapping.ts';
import { createImportSummarizer, type ImportSummary } from '../../domain/import/import-outcome.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { recognizeHeaders } from '../../domain/import/recognize-headers.ts';
import { UNIT_IMPORT_SPEC } from '../../domain/import/unit-import-spec.ts';
import { cleanCell } from '../../domain/registry/text.ts';
import { normalizeUscc } from '../../domain/uscc.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import { findUnitsByDuplicateKeys, findUnitsByUsccs } from '../../db/import-queries.ts';
import { scopePathOf } from '../lib/actor.ts';

export type UnitImportAnalysis = {
  mapping: ColumnMapping;
  dictionaries: UnitImportDictionaries;
  /** What the commit writes; the rows' results are only summarised (see createImportSummarizer). */
  plan: Omit<UnitImportPlan, 'rows'>;
  summary: ImportSummary;
};

/** Rows validated between two pauses of the event loop. */
const PAUSE_EVERY = 2_000;

const DICTIONARY_FIELD_BY_KIND = {
  industry: 'industry',
  building_scale: 'buildingScale',
  risk_level: 'riskLevel',
  credit_level: 'creditLevel',
  special_tag: 'tags',
} as const;

/**
 * The rows of a table validated on their own (step 1: fields, dictionaries, duplicates within the file), which
 * depends only on the table, the mapping, the brigade's division and the dictionaries. The commit repeats the
 * preview's dry run on the same table object (readImportFile keeps the tables of recent files), so the last
 * result per table is kept and reused when all of those are the same; the registry comparison (step 2) is always
 * made afresh. Prepared rows are never changed after this.
 */
const preparedByTable = new WeakMap<ImportTable, { key: string; prepared: PreparedUnitRow[] }>();

async function prepareRows(
  table: ImportTable,
  columns: Parameters<typeof createUnitRowPreparer>[0],
  options: { withinDivisionCode: string; dictionaries: UnitImportDictionaries },
  mapping: ColumnMapping,
): Promise<PreparedUnitRow[]> {
  const key = JSON.stringify([mapping, options.withinDivisionCode, options.dictionaries]);
  const known = preparedByTable.get(table);
  if (known?.key === key) return known.prepared;
  const prepareRow = createUnitRowPreparer(columns, options);
  const prepared: PreparedUnitRow[] = [];
  for (const [i, row] of table.rows.entries()) {
    prepared.push(prepareRow(row));
    if (i % PAUSE_EVERY === PAUSE_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  markFileDuplicates(prepared, options);
  preparedByTable.set(table, { key, prepared });
  return prepared;
}

/**
 * The dry run of a units file for a brigade, as `actor` sees the registry: validation, the registry's copy
 * of each credit code (anywhere: the code is unique system-wide), probable duplicates in the actor's
 * subtree. `mapping` null means the recognised headers. Used for the preview and, inside the commit's
 * transaction, to decide what to write, so both follow the same rules.
 */
export async function analyzeUnitImport(
  db: DbOrTx,
  input: {
    table: ImportTable;
    mapping: ColumnMapping | null;
    brigade: { id: string; divisionCode: string };
    /** false for a preview: the plan of the writes is left empty (only the commit writes, and it runs its own dry run). */
    plan?: boolean;
  },
  actor: Actor,
): Promise<UnitImportAnalysis> {
  const mapping = input.mapping ?? mappingFromColumns(input.table.headers.length, recognizeHeaders(input.table.headers).mapped);

  const dictionaries: Record<string, { code: string; label: string }[]> = {};
  for (const entry of await listDictionaryEntries(db)) {
    const field = DICTIONARY_FIELD_BY_KIND[entry.kind as keyof typeof DICTIONARY_FIELD_BY_KIND];
    if (field === undefined || !entry.active) continue;
    (dictionaries[field] ??= []).push({ code: entry.code, label: entry.label });
  }

  const columns = mappedColumns(mapping, UNIT_IMPORT_SPEC);
  const options = { withinDivisionCode: input.brigade.divisionCode, dictionaries };
  // The registry look-up needs only the codes, so it is sent before the rows are validated and the
  // database answers while they are (validation pauses every 2,000 rows, which also keeps the server
  // responsive to other requests during a large import).
  const usccColumn = columns.find((c) => c.field === 'uscc')?.index;
  const codes = usccColumn === undefined ? [] : input.table.rows.map((r) => normalizeUscc(cleanCell(r.cells[usccColumn] ?? '')));
  const lookup = findUnitsByUsccs(
    db,
    codes.filter((c) => c.length === 18),
  );
  lookup.catch(() => undefined); // awaited below; this only keeps a failure from counting as unhandled meanwhile
  const prepared = await prepareRows(input.table, columns, options, mapping);

  const byUscc = new Map<string, RegistryUnit>();
  for (const unit of await lookup) byUscc.set(unit.uscc, { ...unit, inScope: isInScope(actor, unit.brigadePath) });
  const valid = prepared.filter((r) => r.value !== null);
  const newKeys = valid.filter((r) => !byUscc.has(r.value!.uscc)).map((r) => r.duplicateKey);
  const duplicatesByKey = new Map<string, RegistryDuplicate[]>();
  for (const d of await findUnitsByDuplicateKeys(db, newKeys, scopePathOf(actor))) {
    const list = duplicatesByKey.get(d.duplicateKey) ?? [];
    list.push({ uscc: d.uscc, name: d.name });
    duplicatesByKey.set(d.duplicateKey, list);
  }

  // Rows are classified independently: in slices, letting other requests (the public portal) through between two.
  const plan: Omit<UnitImportPlan, 'rows'> = { inserts: [], updates: [] };
  // Only the rows the summary lists get their field-by-field diff described.
  const summarizer = createImportSummarizer(completeRowDiff);
  for (let i = 0; i < prepared.length; i += PAUSE_EVERY) {
    const part = classifyUnitImportRowsLazily(
      prepared.slice(i, i + PAUSE_EVERY),
      { byUscc, duplicatesByKey },
      { brigadeId: input.brigade.id, dictionaries, writes: input.plan ?? true },
    );
    summarizer.add(part.rows);
    plan.inserts.push(...part.inserts);
    plan.updates.push(...part.updates);
    if (i + PAUSE_EVERY < prepared.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { mapping, dictionaries, plan, summary: summarizer.finish() };
}
