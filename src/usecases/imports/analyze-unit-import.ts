import { isInScope, type Actor } from '../../domain/access.ts';
import {
  classifyUnitImportRowsLazily,
  completeRowDiff,
  createFileDuplicateMarker,
  createUnitRowPreparer,
  type PreparedUnitRow,
  type RegistryDuplicate,
  type RegistryUnit,
  type UnitImportDictionaries,
  type UnitImportPlan,
} from '../../domain/import/classify-unit-import.ts';
import { mappedColumns, mappingFromColumns, type ColumnMapping } from '../../domain/import/column-mapping.ts';
import { createImportSummarizer, type ImportSummary } from '../../domain/import/import-outcome.ts';
import type { ImportTable, ImportTableRow } from '../../domain/import/import-table.ts';
import { recognizeHeaders } from '../../domain/import/recognize-headers.ts';
import { UNIT_IMPORT_SPEC } from '../../domain/import/unit-import-spec.ts';
import { cleanCell } from '../../domain/registry/text.ts';
import { normalizeUscc } from '../../domain/uscc.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import { findUnitsByDuplicateKeys, findUnitsByUsccs } from '../../db/import-queries.ts';
import type { ParseListener } from '../../workers/import-parsing-pool.ts';
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

/** What prepared rows depend on besides the table. */
function preparedKey(mapping: ColumnMapping, options: { withinDivisionCode: string; dictionaries: UnitImportDictionaries }): string {
  return JSON.stringify([mapping, options.withinDivisionCode, options.dictionaries]);
}

async function prepareRows(
  table: ImportTable,
  columns: Parameters<typeof createUnitRowPreparer>[0],
  options: { withinDivisionCode: string; dictionaries: UnitImportDictionaries },
  mapping: ColumnMapping,
): Promise<PreparedUnitRow[]> {
  const key = preparedKey(mapping, options);
  const known = preparedByTable.get(table);
  if (known?.key === key) return known.prepared;
  const prepareRow = createRowPreparer(columns, options);
  const prepared: PreparedUnitRow[] = [];
  for (const [i, row] of table.rows.entries()) {
    prepared.push(prepareRow(row));
    if (i % PAUSE_EVERY === PAUSE_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  preparedByTable.set(table, { key, prepared });
  return prepared;
}

/**
 * Step 1 a row at a time, rows in the file's order: the row validated on its own, then checked against the rows
 * before it (the in-file duplicate search), so nothing is left to do across the file after its last row.
 */
function createRowPreparer(
  columns: Parameters<typeof createUnitRowPreparer>[0],
  options: { withinDivisionCode: string; dictionaries: UnitImportDictionaries },
): (row: ImportTableRow) => PreparedUnitRow {
  const prepare = createUnitRowPreparer(columns, options);
  const mark = createFileDuplicateMarker(options);
  return (row) => {
    const prepared = prepare(row);
    mark(prepared);
    return prepared;
  };
}

/** The mapping of a file whose columns are taken as their headers say (no mapping chosen by the user yet). */
function recognizedMapping(headers: readonly string[]): ColumnMapping {
  return mappingFromColumns(headers.length, recognizeHeaders([...headers]).mapped);
}

/** The active dictionary entries by the import's field they fill. */
async function loadImportDictionaries(db: DbOrTx): Promise<UnitImportDictionaries> {
  const dictionaries: Record<string, { code: string; label: string }[]> = {};
  for (const entry of await listDictionaryEntries(db)) {
    const field = DICTIONARY_FIELD_BY_KIND[entry.kind as keyof typeof DICTIONARY_FIELD_BY_KIND];
    if (field === undefined || !entry.active) continue;
    (dictionaries[field] ??= []).push({ code: entry.code, label: entry.label });
  }
  return dictionaries;
}

/** What a table's early preparation works with once the header row and the dictionaries are known. */
type EarlyPreparation = {
  columns: ReturnType<typeof mappedColumns>;
  dictionaries: UnitImportDictionaries;
  prepareRow: (row: ImportTableRow) => PreparedUnitRow;
};

/**
 * Step 1 of a preview's dry run while the file is still being read (decision 0031): once the header row is known,
 * the rows the parsing worker hands over are validated slice by slice (letting other requests through between two),
 * so the preview does not wait for the whole table before it starts. `finish(table)` validates the table's last rows
 * and leaves the prepared rows where {@link analyzeUnitImport} looks for them, under the key it computes itself (the
 * mapping recognised from the table's final headers, the division, the dictionaries as it loads them). When any of
 * those differs — a data row wider than the header row that changes the mapping, a dictionary edited meanwhile — the
 * rows prepared early are simply not used and analyzeUnitImport prepares them as before.
 */
export function prepareUnitRowsWhileReading(
  db: DbOrTx,
  brigade: { divisionCode: string },
): {
  listener: ParseListener;
  finish(table: ImportTable): Promise<void>;
  /** The dictionaries it loaded (null when that failed), for the dry run of the same preview to use rather than load again. */
  dictionaries: Promise<UnitImportDictionaries | null>;
} {
  const dictionariesLoaded = loadImportDictionaries(db);
  dictionariesLoaded.catch(() => undefined); // a failure only means nothing is prepared early
  let headers: string[] | null = null;
  const queue: ImportTableRow[][] = [];
  const prepared: PreparedUnitRow[] = [];
  let state: EarlyPreparation | null = null;
  let failed = false;
  let working = Promise.resolve();

  const ready = async (): Promise<EarlyPreparation | null> => {
    if (state !== null || headers === null) return state;
    const dictionaries = await dictionariesLoaded;
    const columns = mappedColumns(recognizedMapping(headers), UNIT_IMPORT_SPEC);
    state = { columns, dictionaries, prepareRow: createRowPreparer(columns, { withinDivisionCode: brigade.divisionCode, dictionaries }) };
    return state;
  };
  const drain = async (): Promise<void> => {
    try {
      const s = await ready();
      if (s === null) return;
      while (queue.length > 0) {
        for (const row of queue.shift() as ImportTableRow[]) prepared.push(s.prepareRow(row));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch {
      failed = true;
    }
  };

  return {
    dictionaries: dictionariesLoaded.catch(() => null),
    listener: {
      header(h) {
        headers = h;
      },
      rows(rows) {
        if (failed) return;
        queue.push(rows);
        working = working.then(drain);
      },
    },
    async finish(table) {
      await working;
      const s = await ready().catch(() => null);
      if (failed || s === null || queue.length > 0 || prepared.length > table.rows.length) return;
      const mapping = recognizedMapping(table.headers);
      if (JSON.stringify(mappedColumns(mapping, UNIT_IMPORT_SPEC)) !== JSON.stringify(s.columns)) return;
      for (const row of table.rows.slice(prepared.length)) prepared.push(s.prepareRow(row));
      const options = { withinDivisionCode: brigade.divisionCode, dictionaries: s.dictionaries };
      preparedByTable.set(table, { key: preparedKey(mapping, options), prepared });
    },
  };
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
    /** The active dictionaries as this request has already loaded them (the preview's early preparation); else loaded here. */
    dictionaries?: UnitImportDictionaries | null;
    /**
     * The commit's writes: each slice's part of the plan as soon as it is classified, with the invalid rows counted so
     * far, so the database writes the first rows while the rest are classified (the next slice waits for it as it must).
     * The plan returned is then empty.
     */
    onPlan?: (part: Omit<UnitImportPlan, 'rows'>, invalidSoFar: number) => Promise<void>;
  },
  actor: Actor,
): Promise<UnitImportAnalysis> {
  const mapping = input.mapping ?? recognizedMapping(input.table.headers);
  const dictionaries = input.dictionaries ?? (await loadImportDictionaries(db));

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
  let invalid = 0;
  for (let i = 0; i < prepared.length; i += PAUSE_EVERY) {
    const part = classifyUnitImportRowsLazily(
      prepared.slice(i, i + PAUSE_EVERY),
      { byUscc, duplicatesByKey },
      { brigadeId: input.brigade.id, dictionaries, writes: input.plan ?? true },
    );
    summarizer.add(part.rows);
    for (const row of part.rows) if (row.outcome === 'invalid') invalid++;
    if (input.onPlan) {
      await input.onPlan({ inserts: part.inserts, updates: part.updates }, invalid);
    } else {
      plan.inserts.push(...part.inserts);
      plan.updates.push(...part.updates);
    }
    if (i + PAUSE_EVERY < prepared.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { mapping, dictionaries, plan, summary: summarizer.finish() };
}
