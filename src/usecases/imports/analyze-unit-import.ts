import { isInScope, type Actor } from '../../domain/access.ts';
import {
  classifyUnitImportRowsLazily,
  completeRowDiff,
  countInvalidRows,
  createFileDuplicateMarker,
  createUnitRowPreparer,
  type PreparedUnitRow,
  type RegistryDuplicate,
  type RegistryUnit,
  type UnitImportDictionaries,
  type UnitImportPlan,
  type UnitImportRegistry,
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

/**
 * The registry's side of a dry run (what step 2 compares the rows with), looked up part by part: the registry's copy
 * of each credit code (anywhere: the code is unique system-wide, `inScope` as `actor` sees it), then the units of the
 * actor's subtree sharing a duplicate key with a valid row whose code the registry does not hold. A key is looked up
 * once however many parts hold it.
 */
function registryLookups(db: DbOrTx, actor: Actor) {
  const byUscc = new Map<string, RegistryUnit>();
  const duplicatesByKey = new Map<string, RegistryDuplicate[]>();
  const keysLookedUp = new Set<string>();
  const scopePath = scopePathOf(actor);
  return {
    registry: { byUscc, duplicatesByKey } satisfies UnitImportRegistry,
    /** Credit codes as read from the file (normalised; any that cannot be one is left out here). */
    async addCodes(codes: readonly string[]): Promise<void> {
      const units = await findUnitsByUsccs(
        db,
        codes.filter((c) => c.length === 18),
      );
      for (const unit of units) byUscc.set(unit.uscc, { ...unit, inScope: isInScope(actor, unit.brigadePath) });
    },
    /** After the codes of the same rows. */
    async addDuplicateKeys(rows: readonly PreparedUnitRow[]): Promise<void> {
      const keys: string[] = [];
      for (const r of rows) {
        if (r.value === null || byUscc.has(r.value.uscc) || keysLookedUp.has(r.duplicateKey)) continue;
        keysLookedUp.add(r.duplicateKey);
        keys.push(r.duplicateKey);
      }
      for (const d of await findUnitsByDuplicateKeys(db, keys, scopePath)) {
        const list = duplicatesByKey.get(d.duplicateKey) ?? [];
        list.push({ uscc: d.uscc, name: d.name });
        duplicatesByKey.set(d.duplicateKey, list);
      }
    },
  };
}

/** What a table's early preparation works with once the header row and the dictionaries are known. */
type EarlyPreparation = {
  columns: ReturnType<typeof mappedColumns>;
  dictionaries: UnitImportDictionaries;
  prepareRow: (row: ImportTableRow) => PreparedUnitRow;
};

/**
 * A preview's dry run while the file is still being read (decision 0031): once the header row is known, the rows the
 * parsing worker hands over are validated slice by slice (letting other requests through between two), looked up in
 * the registry and classified as the look-ups come back, so the preview does not wait for the whole table before it
 * starts. `finish(table)` validates the table's last rows
 * and leaves the prepared rows where {@link analyzeUnitImport} looks for them, under the key it computes itself (the
 * mapping recognised from the table's final headers, the division, the dictionaries as it loads them). When any of
 * those differs — a data row wider than the header row that changes the mapping, a dictionary edited meanwhile — the
 * rows prepared early are simply not used and analyzeUnitImport prepares them as before.
 */
export function prepareUnitRowsWhileReading(
  db: DbOrTx,
  brigade: { id: string; divisionCode: string },
  actor: Actor,
): {
  listener: ParseListener;
  finish(table: ImportTable): Promise<void>;
  /** The file could not be read: what is still queued or waiting for a look-up is dropped. */
  abandon(): void;
  /** The dictionaries it loaded (null when that failed), for the dry run of the same preview to use rather than load again. */
  dictionaries: Promise<UnitImportDictionaries | null>;
  /**
   * The registry looked up for the rows as they were prepared, once `finish` has prepared the table's last ones (null
   * when the rows prepared early were not used, or a look-up failed): the same preview's dry run then looks up nothing.
   */
  registry(): UnitImportRegistry | null;
  /**
   * The preview's summary, the rows classified against that registry as their look-ups came back (null whenever
   * registry() is): the same preview's dry run then classifies nothing either.
   */
  summary(): ImportSummary | null;
} {
  const dictionariesLoaded = loadImportDictionaries(db);
  dictionariesLoaded.catch(() => undefined); // a failure only means nothing is prepared early
  let headers: string[] | null = null;
  const queue: ImportTableRow[][] = [];
  const prepared: PreparedUnitRow[] = [];
  let state: EarlyPreparation | null = null;
  let failed = false;
  let working = Promise.resolve();
  // The registry is looked up a slice at a time as the rows are prepared (the database is idle while the file is read).
  // Whatever rows arrived while a look-up ran go together in the next (few round trips however busy this thread is).
  const lookups = registryLookups(db, actor);
  let waitingRows: PreparedUnitRow[] = [];
  let lookingUp: Promise<void> = Promise.resolve();
  let running = false;
  let lookupFailed = false;
  /** The rows prepared early will not be used: what is still waiting is not looked up. */
  let abandoned = false;
  let complete = false;
  // Rows are classified (step 2, as a preview: nothing to write) once their look-ups are back, while the file is still
  // read; the summary does not depend on the order rows reach it.
  const summarizer = createImportSummarizer(completeRowDiff);
  let summary: ImportSummary | null = null;
  const lookUpWaiting = async (): Promise<void> => {
    try {
      while (waitingRows.length > 0 && !lookupFailed && !abandoned) {
        const rows = waitingRows;
        waitingRows = [];
        // A prepared row's key is its cell's credit code as the look-up takes it (valid or not).
        await lookups.addCodes(rows.map((r) => r.key ?? ''));
        await lookups.addDuplicateKeys(rows);
        const dictionaries = state?.dictionaries ?? {};
        for (let i = 0; i < rows.length; i += PAUSE_EVERY) {
          if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
          const part = rows.slice(i, i + PAUSE_EVERY);
          summarizer.add(classifyUnitImportRowsLazily(part, lookups.registry, { brigadeId: brigade.id, dictionaries, writes: false }).rows);
        }
      }
    } catch {
      lookupFailed = true;
    } finally {
      running = false;
    }
  };
  const lookUp = (done: readonly PreparedUnitRow[]): void => {
    if (lookupFailed || abandoned) return;
    for (const row of done) waitingRows.push(row);
    if (running) return;
    running = true;
    lookingUp = lookUpWaiting();
  };

  const ready = async (): Promise<EarlyPreparation | null> => {
    if (state !== null || headers === null) return state;
    const dictionaries = await dictionariesLoaded;
    const columns = mappedColumns(recognizedMapping(headers), UNIT_IMPORT_SPEC);
    state = {
      columns,
      dictionaries,
      prepareRow: createRowPreparer(columns, { withinDivisionCode: brigade.divisionCode, dictionaries }),
    };
    return state;
  };
  const drain = async (): Promise<void> => {
    try {
      const s = await ready();
      if (s === null) return;
      while (queue.length > 0) {
        const done = (queue.shift() as ImportTableRow[]).map(s.prepareRow);
        for (const row of done) prepared.push(row);
        lookUp(done);
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
    abandon() {
      failed = true;
      abandoned = true;
      queue.length = 0;
    },
    async finish(table) {
      await working;
      const s = await ready().catch(() => null);
      const mapping = recognizedMapping(table.headers);
      if (
        failed ||
        s === null ||
        queue.length > 0 ||
        prepared.length > table.rows.length ||
        JSON.stringify(mappedColumns(mapping, UNIT_IMPORT_SPEC)) !== JSON.stringify(s.columns)
      ) {
        abandoned = true;
        return;
      }
      const done = table.rows.slice(prepared.length).map(s.prepareRow);
      for (const row of done) prepared.push(row);
      lookUp(done);
      const options = { withinDivisionCode: brigade.divisionCode, dictionaries: s.dictionaries };
      preparedByTable.set(table, { key: preparedKey(mapping, options), prepared });
      while (running) await lookingUp;
      complete = !lookupFailed && waitingRows.length === 0;
    },
    registry: () => (complete ? lookups.registry : null),
    summary: () => {
      if (!complete) return null;
      summary ??= summarizer.finish();
      return summary;
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
     * The commit's writes: each slice's part of the plan as soon as it is classified, with the number of invalid rows
     * (all of them, known from the start; see countInvalidRows), so the database writes the first rows while the rest
     * are classified (the next slice waits for it as it must). The plan returned is then empty.
     */
    onPlan?: (part: Omit<UnitImportPlan, 'rows'>, invalid: number) => Promise<void>;
    /** The registry as the preview's early preparation looked it up while the file was read; else looked up here. */
    registry?: UnitImportRegistry | null;
    /**
     * With that registry, the rows as the early preparation classified them (a preview only: `plan` false, no `onPlan`);
     * else classified here.
     */
    summary?: ImportSummary | null;
  },
  actor: Actor,
): Promise<UnitImportAnalysis> {
  const mapping = input.mapping ?? recognizedMapping(input.table.headers);
  const dictionaries = input.dictionaries ?? (await loadImportDictionaries(db));

  const columns = mappedColumns(mapping, UNIT_IMPORT_SPEC);
  const options = { withinDivisionCode: input.brigade.divisionCode, dictionaries };
  // The early registry was looked up for the rows the early preparation left for this table under this key: used only
  // with those rows.
  const earlyRows = preparedByTable.get(input.table);
  let registry = input.registry && earlyRows?.key === preparedKey(mapping, options) ? input.registry : null;
  let rows: PreparedUnitRow[];
  if (registry !== null) {
    if (input.summary && input.plan === false && !input.onPlan) {
      return { mapping, dictionaries, plan: { inserts: [], updates: [] }, summary: input.summary };
    }
    rows = await prepareRows(input.table, columns, options, mapping);
  } else {
    // The registry look-up needs only the codes, so it is sent before the rows are validated and the database answers
    // while they are (validation pauses every 2,000 rows, which also keeps the server responsive to other requests
    // during a large import).
    const lookups = registryLookups(db, actor);
    const usccColumn = columns.find((c) => c.field === 'uscc')?.index;
    const codes = lookups.addCodes(
      usccColumn === undefined ? [] : input.table.rows.map((r) => normalizeUscc(cleanCell(r.cells[usccColumn] ?? ''))),
    );
    codes.catch(() => undefined); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    rows = await prepareRows(input.table, columns, options, mapping);
    await codes;
    await lookups.addDuplicateKeys(rows);
    registry = lookups.registry;
  }
  // Rows are classified independently: in slices, letting other requests (the public portal) through between two.
  const plan: Omit<UnitImportPlan, 'rows'> = { inserts: [], updates: [] };
  // Only the rows the summary lists get their field-by-field diff described.
  const summarizer = createImportSummarizer(completeRowDiff);
  // Known before any row is classified, so a refuse-mode commit refuses before it writes anything (the count the
  // classification keeps is the commit's safety net).
  const invalidKnown = input.onPlan ? countInvalidRows(rows, registry, input.brigade.id) : 0;
  let invalid = 0;
  for (let i = 0; i < rows.length; i += PAUSE_EVERY) {
    const part = classifyUnitImportRowsLazily(
      rows.slice(i, i + PAUSE_EVERY),
      registry,
      { brigadeId: input.brigade.id, dictionaries, writes: input.plan ?? true },
    );
    summarizer.add(part.rows);
    for (const row of part.rows) if (row.outcome === 'invalid') invalid++;
    if (input.onPlan) {
      await input.onPlan({ inserts: part.inserts, updates: part.updates }, Math.max(invalidKnown, invalid));
    } else {
      plan.inserts.push(...part.inserts);
      plan.updates.push(...part.updates);
    }
    if (i + PAUSE_EVERY < rows.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { mapping, dictionaries, plan, summary: summarizer.finish() };
}
