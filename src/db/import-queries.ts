import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { JsonValue } from '../domain/canonical-json.ts';
import type { ImportBatchSummary } from '../domain/import/import-summary.ts';
import type { FlagProposal } from '../domain/import/reconcile-market-snapshot.ts';
import { unitSearchGramSet } from '../domain/registry/search-grams.ts';
import type { Db, DbOrTx, Tx } from './client.ts';
import { importBatches, inspectors, orgs, units } from './schema.ts';
import { anyOf } from './sql-helpers.ts';

export type ImportBatchRecord = {
  id: string;
  kind: 'units' | 'inspectors' | 'market_snapshot' | 'credit_grades';
  orgId: string;
  orgName: string;
  orgPath: string;
  orgKind: 'corps' | 'detachment' | 'brigade';
  orgDivisionCode: string;
  fileName: string;
  fileSha256: string;
  encoding: string | null;
  mapping: Record<string, string | null>;
  status: 'previewed' | 'committed' | 'refused' | 'discarded';
  mode: 'refuse' | 'skip' | null;
  summary: ImportBatchSummary;
  createdBy: string;
  createdAt: Date;
  committedAt: Date | null;
};

/** Keys per look-up statement; they travel as one JSON array parameter (see anyOf). */
const LOOKUP_CHUNK = 5_000;

/**
 * The keys of a look-up in statements of LOOKUP_CHUNK, the event loop let through between two: on PGlite a statement
 * runs on this thread, and 100,000 credit codes looked up back to back kept every other request (the public portal)
 * waiting 2.6 s (decision 0014). On PostgreSQL the pause costs nothing.
 */
async function* lookupChunks<T>(items: readonly T[]): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    yield items.slice(i, i + LOOKUP_CHUNK);
  }
}
/**
 * Rows per bulk write: one JSON parameter each, one classified slice of a units commit (decision 0031). Chunks of 500
 * were tried while a chunk's garbage waited for V8's next full collection (~500 MB of it in a 100,000-row commit);
 * since the server limits its heap's growth (src/server/heap-growth.ts) that no longer happens with 2,000, and the
 * statements a quarter as many take 0.3–0.5 s less of such a commit (a statement's planning, triggers and round trip).
 */
const WRITE_CHUNK = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Statements of one transaction sent one at a time, in order, each built while the previous one runs: on PostgreSQL
 * the building (a chunk's JSON, the CPU-heavy part of a bulk write) and the database's work overlap; on PGlite, which
 * runs in this thread, it is the same as building and awaiting in turn. `send` returns once the statement before has
 * finished and this one has started, so a caller producing rows faster than the database writes them waits there
 * (at most one statement runs and one is built). The first failure stops the writes: the next `send`, or `done`,
 * rejects with it (the caller's transaction then rolls back).
 */
export type StatementQueue = { send(statement: SQL): Promise<void>; done(): Promise<void> };

export function statementQueue(tx: Tx): StatementQueue {
  let running: Promise<void> = Promise.resolve();
  return {
    async send(statement) {
      await running;
      // drizzle's query runs once it is awaited or then-ed: start it now. A failure is kept for the next send or done,
      // and not reported as unhandled meanwhile.
      running = tx.execute(statement).then(() => undefined);
      running.catch(() => undefined);
    },
    done: () => running,
  };
}

/** Rows written a part at a time, in chunks of `size` (one statement each) through a queue: see {@link chunkedWrites}. */
export type ChunkedWrites<T> = {
  /** Sends every full chunk the rows complete (waiting for the queue as it must). */
  add(rows: readonly T[]): Promise<void>;
  /** Sends the last, partial chunk. The queue's `done` says when it is written. */
  flush(): Promise<void>;
  /** Rows added so far. */
  readonly count: number;
};

/** Rows that arrive a part at a time (an import's classification, slice by slice) written in chunks as they fill. */
export function chunkedWrites<T>(queue: StatementQueue, size: number, statement: (chunk: T[]) => SQL): ChunkedWrites<T> {
  let pending: T[] = [];
  let count = 0;
  const sendPending = (): Promise<void> => {
    const chunk = pending;
    pending = [];
    return queue.send(statement(chunk));
  };
  return {
    async add(rows) {
      count += rows.length;
      for (const row of rows) {
        pending.push(row);
        if (pending.length === size) await sendPending();
      }
    },
    async flush() {
      if (pending.length > 0) await sendPending();
    },
    get count() {
      return count;
    },
  };
}

/**
 * The file travels as base64 text decoded by the database: PGlite serialises a bytea parameter byte by byte
 * (3.4 s for a 14 MB file on the reference machine) but a text parameter in 0.5 s; PostgreSQL does not mind.
 */
export async function insertImportBatch(
  db: DbOrTx,
  values: Omit<typeof importBatches.$inferInsert, 'id' | 'committedAt' | 'fileBytes'> & { fileBytes: Uint8Array },
): Promise<string> {
  const base64 = Buffer.from(values.fileBytes.buffer, values.fileBytes.byteOffset, values.fileBytes.byteLength).toString(
    'base64',
  );
  const [row] = await db
    .insert(importBatches)
    .values({ ...values, fileBytes: sql`decode(${base64}, 'base64')` })
    .returning({ id: importBatches.id });
  return row!.id;
}

/**
 * One batch with its org. The file bytes are loaded only when asked (they may be 30 MB), and the list of
 * invalid rows in the summary only when asked (the report needs it, the preview does not).
 */
export async function findImportBatch(
  db: DbOrTx,
  id: string,
  options: { withInvalidRows?: boolean } = {},
): Promise<ImportBatchRecord | undefined> {
  const summary: SQL<ImportBatchSummary> = options.withInvalidRows
    ? sql`${importBatches.summary}`
    : sql`${importBatches.summary} - 'invalidRows'`;
  const [row] = await db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      orgId: importBatches.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      orgKind: orgs.kind,
      orgDivisionCode: orgs.divisionCode,
      fileName: importBatches.fileName,
      fileSha256: importBatches.fileSha256,
      encoding: importBatches.encoding,
      mapping: importBatches.mapping,
      status: importBatches.status,
      mode: importBatches.mode,
      summary,
      createdBy: importBatches.createdBy,
      createdAt: importBatches.createdAt,
      committedAt: importBatches.committedAt,
    })
    .from(importBatches)
    .innerJoin(orgs, eq(orgs.id, importBatches.orgId))
    .where(eq(importBatches.id, id));
  if (!row) return undefined;
  if (!options.withInvalidRows && row.summary.type === 'rows') row.summary.invalidRows = [];
  return row;
}

/** The stored file, read back as base64 text for the same reason it is written so (see insertImportBatch). */
export async function loadImportFileBytes(db: DbOrTx, id: string): Promise<Uint8Array> {
  const [row] = await db
    .select({ base64: sql<string>`encode(${importBatches.fileBytes}, 'base64')` })
    .from(importBatches)
    .where(eq(importBatches.id, id));
  if (!row) throw new Error(`import batch ${id} not found`);
  return Buffer.from(row.base64, 'base64');
}

/** Locks the batch row for the commit and returns its status: two commits of one batch run one after the other. */
export async function lockImportBatch(tx: Tx, id: string): Promise<ImportBatchRecord['status'] | undefined> {
  const [row] = await tx
    .select({ status: importBatches.status })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .for('update');
  return row?.status;
}

/** Updates a batch; with `onlyIfStatus`, only while it still has that status. Whether a row was updated. */
export async function updateImportBatch(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<typeof importBatches.$inferInsert, 'mapping' | 'status' | 'mode' | 'committedAt'>> & {
    summary?: ImportBatchSummary;
  },
  onlyIfStatus?: ImportBatchRecord['status'],
): Promise<boolean> {
  const rows = await db
    .update(importBatches)
    .set(patch)
    .where(and(eq(importBatches.id, id), onlyIfStatus ? eq(importBatches.status, onlyIfStatus) : undefined))
    .returning({ id: importBatches.id });
  return rows.length > 0;
}

// ─── Units ────────────────────────────────────────────────────────────────────────────────────────────

/** The columns an import compares (not the search grams, history or timestamps). */
const REGISTRY_UNIT_COLUMNS = {
  id: units.id,
  brigadeId: units.brigadeId,
  brigadeName: orgs.name,
  brigadePath: orgs.path,
  name: units.name,
  uscc: units.uscc,
  registeredAddress: units.registeredAddress,
  address: units.address,
  districtCode: units.districtCode,
  street: units.street,
  contactName: units.contactName,
  contactPhone: units.contactPhone,
  safetyOwner: units.safetyOwner,
  safetyManager: units.safetyManager,
  category: units.category,
  industry: units.industry,
  riskLevel: units.riskLevel,
  creditLevel: units.creditLevel,
  buildingScale: units.buildingScale,
  tags: units.tags,
  isCrowded: units.isCrowded,
  isFlammable: units.isFlammable,
  isHighRise: units.isHighRise,
  status: units.status,
};

/** Units with these credit codes, wherever they are registered, with their brigade. */
export async function findUnitsByUsccs(db: DbOrTx, usccs: readonly string[]) {
  const out = [];
  for await (const chunk of lookupChunks([...new Set(usccs)])) {
    out.push(
      ...(await db
        .select(REGISTRY_UNIT_COLUMNS)
        .from(units)
        .innerJoin(orgs, eq(orgs.id, units.brigadeId))
        .where(anyOf(units.uscc, chunk))),
    );
  }
  return out;
}

/** Units of the subtree (null = all) having one of these duplicate keys. */
export async function findUnitsByDuplicateKeys(db: DbOrTx, keys: readonly string[], scopePath: string | null) {
  const out: { duplicateKey: string; uscc: string; name: string }[] = [];
  for await (const chunk of lookupChunks([...new Set(keys)])) {
    const rows = await db
      .select({ duplicateKey: units.duplicateKey, uscc: units.uscc, name: units.name })
      .from(units)
      .innerJoin(orgs, eq(orgs.id, units.brigadeId))
      .where(and(anyOf(units.duplicateKey, chunk), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined));
    for (const r of rows) if (r.duplicateKey !== null) out.push({ duplicateKey: r.duplicateKey, uscc: r.uscc, name: r.name });
  }
  return out;
}

/** The stored fields of an imported unit (see UnitWriteValues in the domain). */
export type ImportedUnitFields = {
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
  category: string;
  industry: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  buildingScale: string | null;
  tags: string[];
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  status: string;
  duplicateKey: string;
};

export type ImportedUnit = {
  id: string;
  /** The row of the file it came from, recorded in the unit's history. */
  rowNumber: number;
  values: ImportedUnitFields;
  /** The reason stored with a status the import sets (a new unit that is not 正常, or a changed status). */
  statusReason: string | null;
};

/**
 * The columns both bulk writes read from their JSON parameter, each under a one-letter key in the JSON (a–y, in this
 * order): 100,000 units travel as some 50 MB of JSON text, and the column names repeated in each row were about a
 * third of it (decision 0031). The bigrams travel as one text, separated by spaces (a bigram never holds whitespace:
 * searchGrams removes it), not as a JSON array of strings.
 */
const UNIT_RECORD_COLUMNS = [
  ['id', 'uuid'],
  ['row_number', 'int'],
  ['name', 'text'],
  ['uscc', 'text'],
  ['registered_address', 'text'],
  ['address', 'text'],
  ['district_code', 'text'],
  ['street', 'text'],
  ['contact_name', 'text'],
  ['contact_phone', 'text'],
  ['safety_owner', 'text'],
  ['safety_manager', 'text'],
  ['category', 'text'],
  ['industry', 'text'],
  ['risk_level', 'text'],
  ['credit_level', 'text'],
  ['building_scale', 'text'],
  ['tags', 'text[]'],
  ['is_crowded', 'boolean'],
  ['is_flammable', 'boolean'],
  ['is_high_rise', 'boolean'],
  ['status', 'text'],
  ['duplicate_key', 'text'],
  ['status_reason', 'text'],
  ['search_grams', 'text'],
] as const;
const unitRecordKey = (i: number) => String.fromCharCode(97 + i);

/** `(select … from json_to_recordset(<json>) …) as v`: the rows of unitJson under their column names, as `v`. */
function unitRecords(json: string): SQL {
  const columns = UNIT_RECORD_COLUMNS.map(([name], i) =>
    name === 'search_grams' ? `string_to_array(r.${unitRecordKey(i)}, ' ') as ${name}` : `r.${unitRecordKey(i)} as ${name}`,
  ).join(', ');
  const record = UNIT_RECORD_COLUMNS.map(([, type], i) => `${unitRecordKey(i)} ${type}`).join(', ');
  return sql`(select ${sql.raw(columns)} from json_to_recordset(${json}::json) as r(${sql.raw(record)})) as v`;
}

/** The JSON parameter of a bulk write: one object per unit, keyed as UNIT_RECORD_COLUMNS says. */
const unitJson = (rows: readonly ImportedUnit[]) =>
  JSON.stringify(
    rows.map(({ id, rowNumber, values: v, statusReason }) => ({
      a: id,
      b: rowNumber,
      c: v.name,
      d: v.uscc,
      e: v.registeredAddress,
      f: v.address,
      g: v.districtCode,
      h: v.street,
      i: v.contactName,
      j: v.contactPhone,
      k: v.safetyOwner,
      l: v.safetyManager,
      m: v.category,
      n: v.industry,
      o: v.riskLevel,
      p: v.creditLevel,
      q: v.buildingScale,
      r: v.tags,
      s: v.isCrowded,
      t: v.isFlammable,
      u: v.isHighRise,
      v: v.status,
      w: v.duplicateKey,
      x: statusReason,
      y: [...unitSearchGramSet(v)].join(' '),
    })),
  );

/**
 * Inserts new units, given a part at a time, in batches of WRITE_CHUNK, each batch one statement reading one JSON
 * parameter (a row-per-parameter insert of 100,000 units would need 2.3 million bound values and many round trips),
 * and in the same statement each unit's 'import' history entry, so the history costs no second pass over the rows.
 */
export function importedUnitInserts<T>(
  queue: StatementQueue,
  /** Each row as the unit to write, made a chunk at a time (the caller need not hold 100,000 of them at once). */
  unitOf: (row: T) => ImportedUnit,
  common: {
    brigadeId: string;
    source: 'market_regulation' | 'department_share' | 'manual';
    now: Date;
    today: string;
    history: { importId: string; fileName: string; actorId: string; actorName: string };
  },
): ChunkedWrites<T> {
  const now = common.now.toISOString();
  const { history } = common;
  return chunkedWrites(
    queue,
    WRITE_CHUNK,
    (chunk) => sql`
      with v as materialized (select * from ${unitRecords(unitJson(chunk.map(unitOf)))}),
      inserted as (
        insert into units (id, name, uscc, registered_address, address, district_code, street, contact_name, contact_phone,
          safety_owner, safety_manager, category, industry, risk_level, credit_level, building_scale, tags, is_crowded,
          is_flammable, is_high_rise, status, status_changed_at, status_effective_on, status_reason, duplicate_key, source,
          brigade_id, created_at, updated_at, search_grams)
        select v.id, v.name, v.uscc, v.registered_address, v.address, v.district_code, v.street, v.contact_name, v.contact_phone,
          v.safety_owner, v.safety_manager, v.category, v.industry, v.risk_level, v.credit_level, v.building_scale,
          coalesce(v.tags, '{}'), v.is_crowded, v.is_flammable, v.is_high_rise, v.status,
          case when v.status <> 'active' then ${now}::timestamptz end,
          case when v.status <> 'active' then ${common.today}::date end,
          case when v.status <> 'active' then v.status_reason end,
          v.duplicate_key, ${common.source}, ${common.brigadeId}::uuid, ${now}::timestamptz, ${now}::timestamptz, v.search_grams
        from v
      )
      insert into unit_history (unit_id, at, actor_id, actor_name, kind, summary)
      select v.id, ${now}::timestamptz, ${history.actorId}::uuid, ${history.actorName}, 'import',
        jsonb_build_object('importId', ${history.importId}::text, 'fileName', ${history.fileName}::text, 'rowNumber', v.row_number)
      from v`,
  );
}

/**
 * Updates changed units, given a part at a time, in batches of WRITE_CHUNK (one statement and one JSON parameter per
 * batch). Every listed unit gets updated_at = now; a status that differs from the stored one also gets its date and
 * reason.
 */
export function importedUnitUpdates(queue: StatementQueue, common: { now: Date; today: string }): ChunkedWrites<ImportedUnit> {
  return chunkedWrites(
    queue,
    WRITE_CHUNK,
    (chunk) => sql`
      update units as u set
        name = v.name, registered_address = v.registered_address, address = v.address, district_code = v.district_code,
        street = v.street, contact_name = v.contact_name, contact_phone = v.contact_phone, safety_owner = v.safety_owner,
        safety_manager = v.safety_manager, category = v.category, industry = v.industry, risk_level = v.risk_level,
        credit_level = v.credit_level, building_scale = v.building_scale, tags = coalesce(v.tags, '{}'),
        is_crowded = v.is_crowded, is_flammable = v.is_flammable, is_high_rise = v.is_high_rise,
        status_changed_at = case when v.status <> u.status then ${common.now.toISOString()}::timestamptz else u.status_changed_at end,
        status_effective_on = case when v.status <> u.status then ${common.today}::date else u.status_effective_on end,
        status_reason = case when v.status <> u.status then v.status_reason else u.status_reason end,
        status = v.status, duplicate_key = v.duplicate_key, search_grams = v.search_grams,
        updated_at = ${common.now.toISOString()}::timestamptz
      from ${unitRecords(unitJson(chunk))}
      where u.id = v.id`,
  );
}

/**
 * Adds unit history entries in bulk (one statement and one JSON parameter per WRITE_CHUNK entries): an import of
 * 100,000 units writes 100,000 entries, which a row-per-parameter insert takes three times as long to send.
 */
export async function insertUnitHistoryBulk(
  tx: Tx,
  entries: readonly UnitHistoryEntry[],
  common: UnitHistoryCommon,
): Promise<void> {
  const queue = statementQueue(tx);
  const writes = unitHistoryInserts(queue, common);
  await writes.add(entries);
  await writes.flush();
  await queue.done();
}

type UnitHistoryEntry = { unitId: string; summary: JsonValue };
type UnitHistoryCommon = { kind: 'import' | 'flag'; at: Date; actorId: string; actorName: string };

/** {@link insertUnitHistoryBulk} for entries given a part at a time, through a queue shared with other writes. */
export function unitHistoryInserts(queue: StatementQueue, common: UnitHistoryCommon): ChunkedWrites<UnitHistoryEntry> {
  return chunkedWrites(queue, WRITE_CHUNK, (chunk) => {
    const json = JSON.stringify(chunk.map((e) => ({ unit_id: e.unitId, summary: e.summary })));
    return sql`
      insert into unit_history (unit_id, at, actor_id, actor_name, kind, summary)
      select v.unit_id, ${common.at.toISOString()}::timestamptz, ${common.actorId}::uuid, ${common.actorName}, ${common.kind}, v.summary
      from json_to_recordset(${json}::json) as v(unit_id uuid, summary jsonb)`;
  });
}

/**
 * Refreshes the planner's statistics after a bulk write on embedded PGlite, which has no autovacuum: without this
 * the list queries would plan against the table as it was before 100,000 units arrived (see decision 0005). On
 * PostgreSQL autovacuum analyses a table that much has changed in by itself within a minute, and the import does
 * not wait the seconds ANALYZE takes there (decision 0031).
 */
export async function analyzeUnitTables(db: Db): Promise<void> {
  if (!isEmbedded(db)) return;
  await db.execute(sql`analyze units, unit_history`);
}

/** Whether `db` is embedded PGlite: drizzle keeps the driver's client as `$client`, a pg pool on PostgreSQL. */
function isEmbedded(db: Db): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return client !== undefined && !(client instanceof pg.Pool);
}

// ─── Inspectors ───────────────────────────────────────────────────────────────────────────────────────

export type ImportRegistryInspectorRow = typeof inspectors.$inferSelect & { orgName: string; orgPath: string };

export async function findInspectorsByBadges(db: DbOrTx, badges: readonly string[]): Promise<ImportRegistryInspectorRow[]> {
  const out: ImportRegistryInspectorRow[] = [];
  for await (const chunk of lookupChunks([...new Set(badges)])) {
    const rows = await db
      .select({ inspector: inspectors, orgName: orgs.name, orgPath: orgs.path })
      .from(inspectors)
      .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
      .where(anyOf(inspectors.badgeNo, chunk));
    for (const r of rows) out.push({ ...r.inspector, orgName: r.orgName, orgPath: r.orgPath });
  }
  return out;
}

/** Inspectors of the subtree (null = all) whose certificate number, upper-cased without spaces, is one of `keys`. */
export async function findInspectorsByCertificates(db: DbOrTx, keys: readonly string[], scopePath: string | null) {
  const out: { certificateKey: string; badgeNo: string; name: string }[] = [];
  const normalized = sql<string>`upper(regexp_replace(${inspectors.certificateNo}, '\\s', '', 'g'))`;
  for await (const chunk of lookupChunks([...new Set(keys)])) {
    const rows = await db
      .select({ certificateKey: normalized, badgeNo: inspectors.badgeNo, name: inspectors.name })
      .from(inspectors)
      .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
      .where(and(anyOf(normalized, chunk), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined));
    out.push(...rows);
  }
  return out;
}

export type ImportedInspectorValues = {
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  post: 'full_time' | 'part_time' | 'other';
  roles: string[];
  phone: string | null;
};

export async function insertImportedInspectors(
  tx: Tx,
  rows: readonly (ImportedInspectorValues & { drawWeight: number })[],
  common: { orgId: string; now: Date },
): Promise<void> {
  for (const chunk of chunks(rows, 500)) {
    await tx.insert(inspectors).values(
      chunk.map((r) => ({
        ...r,
        orgId: common.orgId,
        status: 'active' as const,
        createdAt: common.now,
        updatedAt: common.now,
      })),
    );
  }
}

export async function updateImportedInspector(tx: Tx, id: string, values: ImportedInspectorValues, now: Date): Promise<void> {
  await tx
    .update(inspectors)
    .set({ ...values, updatedAt: now })
    .where(eq(inspectors.id, id));
}

// ─── Reconciliation ───────────────────────────────────────────────────────────────────────────────────

/** The brigade's units with status 正常, the only ones reconciliation looks at. */
export async function listActiveUnitsOfBrigade(db: DbOrTx, brigadeId: string) {
  return db
    .select({ id: units.id, uscc: units.uscc, name: units.name, flaggedAt: units.flaggedAt })
    .from(units)
    .where(and(eq(units.brigadeId, brigadeId), eq(units.status, 'active')))
    .orderBy(asc(units.uscc));
}

/** How many of these credit codes are not registered anywhere. */
export async function countUnregisteredUsccs(db: DbOrTx, usccs: readonly string[]): Promise<number> {
  const unique = [...new Set(usccs)];
  let registered = 0;
  for await (const chunk of lookupChunks(unique)) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(units)
      .where(anyOf(units.uscc, chunk));
    registered += row?.n ?? 0;
  }
  return unique.length - registered;
}

/**
 * Flags the proposed units that are still active and unflagged, and returns those it flagged (a unit
 * flagged or taken out of the pool since the preview is left alone). Never touches status.
 */
export async function flagUnitsForReview(tx: Tx, proposals: readonly FlagProposal[], now: Date): Promise<FlagProposal[]> {
  const flagged: FlagProposal[] = [];
  const byId = new Map(proposals.map((p) => [p.unitId, p]));
  for (const chunk of chunks(proposals, WRITE_CHUNK)) {
    const json = JSON.stringify(chunk.map((p) => ({ id: p.unitId, reason: p.reason })));
    const result = await tx.execute(sql`
      update units as u set flagged_at = ${now.toISOString()}::timestamptz, flag_reason = v.reason, updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${json}::json) as v(id uuid, reason text)
      where u.id = v.id and u.flagged_at is null and u.status = 'active'
      returning u.id`);
    // Both drivers answer { rows }; the drizzle type of a raw result is driver-neutral (unknown).
    for (const row of (result as unknown as { rows: { id: string }[] }).rows) flagged.push(byId.get(row.id)!);
  }
  return flagged;
}

// ─── Export ───────────────────────────────────────────────────────────────────────────────────────────

export async function countUnitsWhere(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(where);
  return row?.n ?? 0;
}

/** The next page of units after `afterId` in id order (keyset paging: no OFFSET, constant cost per page). */
export async function listUnitsPageAfter(db: DbOrTx, where: SQL | undefined, afterId: string | null, limit: number) {
  return db
    .select({
      id: units.id,
      uscc: units.uscc,
      name: units.name,
      registeredAddress: units.registeredAddress,
      address: units.address,
      districtCode: units.districtCode,
      street: units.street,
      community: units.community,
      category: units.category,
      isCrowded: units.isCrowded,
      isFlammable: units.isFlammable,
      isHighRise: units.isHighRise,
      industry: units.industry,
      buildingScale: units.buildingScale,
      riskLevel: units.riskLevel,
      creditLevel: units.creditLevel,
      tags: units.tags,
      status: units.status,
      statusEffectiveOn: units.statusEffectiveOn,
      statusReason: units.statusReason,
      flaggedAt: units.flaggedAt,
      flagReason: units.flagReason,
      legalRepresentative: units.legalRepresentative,
      contactName: units.contactName,
      contactPhone: units.contactPhone,
      safetyOwner: units.safetyOwner,
      safetyManager: units.safetyManager,
      source: units.source,
      brigadeName: orgs.name,
      updatedAt: units.updatedAt,
    })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(and(where, afterId === null ? undefined : gt(units.id, afterId)))
    .orderBy(asc(units.id))
    .limit(limit);
}
