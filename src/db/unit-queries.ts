import { and, asc, desc, eq, getTableColumns, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { UnitListQuery } from '../contracts/units.ts';
import { searchGrams } from '../domain/registry/search-grams.ts';
import type { DbOrTx, Tx } from './client.ts';
import { draws, inspectionHistory, orgs, tasks, unitHistory, units } from './schema.ts';
import { countUnitsOnce } from './unit-count-cache.ts';
import { containsPattern } from './sql-helpers.ts';

/**
 * A unit as the application reads it: every column but the search bigrams, which only the text search's
 * index uses (they are about half of a row's bytes, and lists would ship and parse them for nothing).
 */
export type UnitRow = Omit<typeof units.$inferSelect, 'searchGrams'>;
const { searchGrams: _searchGrams, ...unitColumns } = getTableColumns(units);
export type UnitWithBrigade = { unit: UnitRow; brigade: typeof orgs.$inferSelect };

/** Days after which an unchanged record counts as stale on the data-quality page. */
export const STALE_DAYS = 365;

export type UnitFilter = Omit<UnitListQuery, 'page' | 'pageSize' | 'sort' | 'order'> & {
  /**
   * The ids of the orgs in the viewer's subtree ({@link resolveScopeOrgIds}; null = everything). A literal
   * list gives the planner exact estimates from the units' own statistics, whatever the state of the
   * (rarely analysed) orgs table's.
   */
  scopeOrgIds: string[] | null;
  /** Reference time for the "stale" quality filter. */
  now?: Date;
};

/** Four or more letters/digits (no Chinese): searched as a credit-code prefix. */
const USCC_PREFIX = /^[0-9A-Za-z]{4,18}$/;
const blank = (column: AnyPgColumn) => sql`(${column} is null or btrim(${column}) = '')`;

/** The quality problems as SQL predicates; each is also a list filter. */
export function qualityCondition(quality: NonNullable<UnitFilter['quality']>, now: Date): SQL {
  switch (quality) {
    case 'missing_address':
      return blank(units.address);
    case 'missing_contact':
      return sql`(${blank(units.contactName)} or ${blank(units.contactPhone)})`;
    case 'missing_safety_owner':
      return blank(units.safetyOwner);
    case 'missing_district':
      return sql`${units.districtCode} is null`;
    case 'suspected_duplicate':
      return sql`${units.duplicateKey} in (select u2.duplicate_key from units u2 where u2.duplicate_key is not null group by u2.duplicate_key having count(*) > 1)`;
    case 'flagged':
      return sql`${units.flaggedAt} is not null`;
    case 'stale':
      return sql`${units.updatedAt} < ${new Date(now.getTime() - STALE_DAYS * 86_400_000)}`;
  }
}

export function scopeCondition(scopeOrgIds: string[] | null): SQL | undefined {
  if (!scopeOrgIds) return undefined;
  return scopeOrgIds.length ? inArray(units.brigadeId, scopeOrgIds) : sql`false`;
}

/**
 * The ids of the orgs in a subtree; null for everything, and also when the subtree holds every org (the 总队 of the
 * only province): a condition listing every brigade filters nothing and costs each query of a million units.
 */
export async function resolveScopeOrgIds(db: DbOrTx, scopePath: string | null): Promise<string[] | null> {
  if (!scopePath) return null;
  const rows = await db
    .select({ id: orgs.id, all: sql<number>`(select count(*) from ${orgs})::int` })
    .from(orgs)
    .where(sql`${orgs.path} like ${scopePath + '%'}`);
  return rows.length > 0 && rows.length === rows[0]!.all ? null : rows.map((r) => r.id);
}

/**
 * A search word found in at least this share of units (by the planner's statistics of its bigrams) is
 * "broad": the bigram index would hand back a large part of the table, so the list walks its sort order
 * (or the table) and confirms each row with LIKE instead. Checking the bigram array row by row costs more
 * than the LIKE itself, so a broad search leaves the bigram condition out rather than have it evaluated
 * as a filter.
 */
export const BROAD_GRAM_SHARE = 0.2;

export type TextSearchPlan = {
  /** Include the `search_grams @>` condition (usable by the GIN index). Default true. */
  useGramIndex?: boolean;
};

/** Whether ILIKE can be replaced by the cheaper LIKE: no character of the text has a case. */
export function caseless(text: string): boolean {
  return text === text.toLowerCase() && text === text.toUpperCase();
}

function textConditions(q: string, plan: TextSearchPlan): SQL[] {
  if (USCC_PREFIX.test(q)) {
    // Something that looks like (the start of) a credit code: an index range scan on the code.
    return [sql`${units.uscc} like ${q.toUpperCase().replace(/[\\%_]/g, '') + '%'}`];
  }
  const c: SQL[] = [];
  const grams = searchGrams(q);
  if (grams.length > 0 && plan.useGramIndex !== false)
    c.push(sql`${units.searchGrams} @> ${sql.param(grams, units.searchGrams)}`);
  // The exact confirmation. For Chinese text (no letter case) LIKE gives the same rows as ILIKE, at about a
  // third of the cost per row: ILIKE lower-cases every multibyte value it compares.
  const pattern = containsPattern(q);
  const op = caseless(q) ? sql`like` : sql`ilike`;
  c.push(
    or(
      sql`${units.name} ${op} ${pattern}`,
      sql`${units.address} ${op} ${pattern}`,
      sql`${units.registeredAddress} ${op} ${pattern}`,
    )!,
  );
  return c;
}

/**
 * The list filters as one WHERE clause (shared by the list, its count and the export). The cheap equality
 * filters come first and the text search last: PostgreSQL evaluates filters of equal cost in the order
 * given.
 */
export function unitListWhere(filter: UnitFilter, plan: TextSearchPlan = {}): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (filter.category?.length) c.push(inArray(units.category, filter.category));
  if (filter.status?.length) c.push(inArray(units.status, filter.status));
  for (const flag of filter.flags ?? []) {
    c.push(eq(flag === 'isCrowded' ? units.isCrowded : flag === 'isFlammable' ? units.isFlammable : units.isHighRise, true));
  }
  if (filter.riskLevel?.length) c.push(inArray(units.riskLevel, filter.riskLevel));
  if (filter.creditLevel?.length) c.push(inArray(units.creditLevel, filter.creditLevel));
  if (filter.industry?.length) c.push(inArray(units.industry, filter.industry));
  if (filter.districtCode) c.push(eq(units.districtCode, filter.districtCode));
  if (filter.brigadeId) c.push(eq(units.brigadeId, filter.brigadeId));
  c.push(scopeCondition(filter.scopeOrgIds));
  if (filter.tags?.length) c.push(sql`${units.tags} && ${sql.param(filter.tags, units.tags)}`);
  if (filter.quality) c.push(qualityCondition(filter.quality, filter.now ?? new Date()));
  if (filter.q) c.push(...textConditions(filter.q, plan));
  const present = c.filter((x): x is SQL => x !== undefined);
  return present.length ? and(...present) : undefined;
}

/**
 * The share of rows of `table` holding each frequent bigram (the planner's statistics of its search_grams), cached
 * per database handle and table for a minute: statistics change only when the table is analysed.
 */
const gramStatsCache = new WeakMap<object, Map<string, { at: number; share: Map<string, number> }>>();
const GRAM_STATS_TTL_MS = 60_000;

/** The reads of the statistics under way, per database handle and table: a crowd that misses the cache waits for one. */
const gramStatsInFlight = new WeakMap<object, Map<string, Promise<Map<string, number>>>>();

export async function frequentGramShares(db: DbOrTx, table: 'units' | 'publications' = 'units'): Promise<Map<string, number>> {
  const cached = gramStatsCache.get(db)?.get(table);
  if (cached && Date.now() - cached.at < GRAM_STATS_TTL_MS) return cached.share;
  const flights = gramStatsInFlight.get(db) ?? new Map<string, Promise<Map<string, number>>>();
  gramStatsInFlight.set(db, flights);
  const running = flights.get(table);
  if (running) return running;
  const load = readGramShares(db, table).finally(() => flights.delete(table));
  flights.set(table, load);
  return load;
}

async function readGramShares(db: DbOrTx, table: 'units' | 'publications'): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    select u.e, u.f from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(e, f)
    where s.schemaname = current_schema() and s.tablename = ${table} and s.attname = 'search_grams' and u.e is not null`);
  // Both drivers answer execute() with { rows }.
  const { rows } = result as unknown as { rows: { e: string; f: number | string }[] };
  const share = new Map(rows.map((r) => [r.e, Number(r.f)]));
  // No statistics yet (never analysed): ask again next time rather than keep "nothing is frequent".
  if (share.size > 0) {
    const perTable = gramStatsCache.get(db) ?? new Map<string, { at: number; share: Map<string, number> }>();
    perTable.set(table, { at: Date.now(), share });
    gramStatsCache.set(db, perTable);
  }
  return share;
}

/**
 * How to run a text search: with the bigram index unless every bigram of the query is in at least
 * {@link BROAD_GRAM_SHARE} of the units (a bigram missing from the statistics is rare). Without
 * statistics (never analysed) the index is used.
 */
export async function textSearchPlan(db: DbOrTx, q: string | undefined): Promise<TextSearchPlan> {
  if (!q || USCC_PREFIX.test(q)) return {};
  const grams = searchGrams(q);
  if (grams.length === 0) return {};
  const share = await frequentGramShares(db);
  const broad = grams.every((g) => (share.get(g) ?? 0) >= BROAD_GRAM_SHARE);
  return { useGramIndex: !broad };
}


/**
 * How many matching units a list across several brigades counts exactly (decision 0034). A list within one brigade (a
 * brigade's admin, or anyone filtering by 所属大队) always counts exactly and pages to its last unit: a brigade's registry
 * is what people page through, and counting even the largest costs a few milliseconds. Across brigades, past the cap,
 * the list says 「超过 10,000 家单位」 and pages no further: a province's admin is shown that there are many and narrows them
 * with the filters (the data-quality page and the statistics hold the exact totals; the export takes every unit).
 * Counting a province's million rows for each list cost a crowd of admins seconds.
 */
export const UNIT_LIST_COUNT_CAP = 10_000;

/**
 * Up to how many matching units a page is read by finding them all through the filters' own indexes and sorting them;
 * with more, the sort column's index is walked until a page's worth match (a few hundred rows at most when that many do).
 */
export const UNIT_LIST_FEW_MATCHES = 2_000;

/** The count's cap for a list: none within one brigade, {@link UNIT_LIST_COUNT_CAP} across several. */
export function unitListCountCap(filter: Pick<UnitFilter, 'brigadeId' | 'scopeOrgIds'>): number | null {
  return filter.brigadeId !== undefined || filter.scopeOrgIds?.length === 1 ? null : UNIT_LIST_COUNT_CAP;
}

/**
 * One page of the admin list, and how many units match (exact, or up to the cap with `capped` past it; counted once
 * per filter and registry version, unit-count-cache.ts). The count comes first and decides how the page is read:
 * walking the sort index finds a page quickly when many units match, but when few do (a rare tag, a narrow search)
 * it could read every unit to find them.
 */
export async function listUnitsPage(
  db: DbOrTx,
  filter: UnitFilter,
  paging: { page: number; pageSize: number; sort: UnitListQuery['sort']; order: 'asc' | 'desc' },
  limits: { countCap: number | null; fewMatches: number } = { countCap: unitListCountCap(filter), fewMatches: UNIT_LIST_FEW_MATCHES },
): Promise<{ rows: { unit: UnitRow; brigadeName: string }[]; total: number; capped: boolean }> {
  const where = unitListWhere(filter, await textSearchPlan(db, filter.q));
  const { countCap } = limits;
  const n = await countUnitsOnce(db, where, countCap, async () => {
    const [row] =
      countCap === null
        ? await db.select({ n: sql<number>`count(*)::int` }).from(units).where(where)
        : await db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1` }).from(units).where(where).limit(countCap + 1).as('matching'));
    return row?.n ?? 0;
  });
  const capped = countCap !== null && n > countCap;
  const total = countCap === null ? n : Math.min(n, countCap);
  const offset = (paging.page - 1) * paging.pageSize;
  if (offset >= total) return { rows: [], total, capped };
  // With few matches, OFFSET 0 keeps the subquery a query of its own: planned for all its rows, it finds them through
  // the filters' indexes and cannot walk the sort index. Without it PostgreSQL pulls the subquery up, and the page
  // walks the sort column's index.
  const matching = db.select(unitColumns).from(units).where(where);
  const m = (n > limits.fewMatches ? matching : matching.offset(0)).as('m');
  const column = (key: keyof typeof unitColumns) => m[key] as unknown as AnyPgColumn;
  const mColumns = Object.fromEntries(Object.keys(unitColumns).map((key) => [key, m[key as keyof typeof m]])) as unknown as typeof unitColumns;
  const rows = await db
    .select({ unit: mColumns, brigadeName: orgs.name })
    .from(m)
    .innerJoin(orgs, eq(orgs.id, column('brigadeId')))
    .orderBy(...(paging.order === 'asc' ? [asc(column(paging.sort)), asc(column('id'))] : [desc(column(paging.sort)), desc(column('id'))]))
    .limit(paging.pageSize)
    .offset(offset);
  return { rows, total, capped };
}

export async function findUnitById(db: DbOrTx, id: string): Promise<UnitWithBrigade | undefined> {
  const [row] = await db
    .select({ unit: units, brigade: orgs })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(eq(units.id, id));
  return row;
}

export async function findUnitByUscc(db: DbOrTx, uscc: string): Promise<UnitWithBrigade | undefined> {
  const [row] = await db
    .select({ unit: units, brigade: orgs })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(eq(units.uscc, uscc));
  return row;
}

/** Units by id with their brigade's path (a bulk status change checks each against the actor's scope). */
export async function findUnitsWithBrigadePath(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, status: units.status, brigadeId: units.brigadeId, path: orgs.path })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(inArray(units.id, [...ids]));
}

/** Units of an org and below whose name contains `q` or whose credit code is `q` (upper-cased), at most `limit`. */
export async function searchUnitsUnder(db: DbOrTx, orgPath: string, q: string, limit: number) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(and(sql`${orgs.path} like ${orgPath + '%'}`, or(ilike(units.name, containsPattern(q)), eq(units.uscc, q.toUpperCase()))))
    .limit(limit);
}

/** Every unit's id by its credit code (the demo links its generated history to the units it inserted). */
export async function unitIdsByUscc(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ id: units.id, uscc: units.uscc }).from(units);
  return new Map(rows.map((u) => [u.uscc, u.id]));
}

export async function findFirstUnitOfBrigade(db: DbOrTx, brigadeId: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.brigadeId, brigadeId)).limit(1);
  return row;
}

export type UnitHistoryKind = (typeof unitHistory.$inferInsert)['kind'];

// Writes, inside the caller's transaction. (Imports write units in bulk through import-queries.ts.)

export async function insertUnit(tx: Tx, values: typeof units.$inferInsert): Promise<string> {
  const [row] = await tx.insert(units).values(values).returning({ id: units.id });
  return row!.id;
}

/** Many units, in statements of 1,000 (the demo's). */
export async function insertUnits(tx: Tx, rows: readonly (typeof units.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(units).values(rows.slice(i, i + 1000));
}

export async function updateUnitRow(tx: Tx, id: string, patch: Partial<typeof units.$inferInsert>): Promise<void> {
  await tx.update(units).set(patch).where(eq(units.id, id));
}

export async function updateUnitRows(tx: Tx, ids: readonly string[], patch: Partial<typeof units.$inferInsert>): Promise<void> {
  if (ids.length > 0) await tx.update(units).set(patch).where(inArray(units.id, [...ids]));
}

/** History entries, in statements of 1,000. */
export async function insertUnitHistory(tx: Tx, rows: readonly (typeof unitHistory.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(unitHistory).values(rows.slice(i, i + 1000));
}

export async function findProbableDuplicates(db: DbOrTx, unit: UnitRow, limit = 10) {
  if (!unit.duplicateKey) return [];
  return db
    .select({ id: units.id, name: units.name, uscc: units.uscc, address: units.address })
    .from(units)
    .where(and(eq(units.duplicateKey, unit.duplicateKey), ne(units.id, unit.id)))
    .limit(limit);
}

export async function listUnitHistory(db: DbOrTx, unitId: string) {
  return db.select().from(unitHistory).where(eq(unitHistory.unitId, unitId)).orderBy(desc(unitHistory.at), desc(unitHistory.id));
}

export async function countUnitQuality(db: DbOrTx, scopeOrgIds: string[] | null, brigadeId: string | undefined, now: Date) {
  const base = and(scopeCondition(scopeOrgIds), brigadeId ? eq(units.brigadeId, brigadeId) : undefined);
  const count = (q: NonNullable<UnitFilter['quality']>) =>
    sql<number>`(count(*) filter (where ${qualityCondition(q, now)}))::int`;
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      missing_address: count('missing_address'),
      missing_contact: count('missing_contact'),
      missing_safety_owner: count('missing_safety_owner'),
      missing_district: count('missing_district'),
      suspected_duplicate: count('suspected_duplicate'),
      flagged: count('flagged'),
      stale: count('stale'),
    })
    .from(units)
    .where(base);
  return row!;
}

/** A unit's inspections of every kind (newest first), as recorded or carried over from the previous system. */
export async function listUnitInspections(db: DbOrTx, unitId: string) {
  return db
    .select({ on: inspectionHistory.inspectedOn, kind: inspectionHistory.kind, source: inspectionHistory.source, taskId: inspectionHistory.taskId, note: inspectionHistory.note })
    .from(inspectionHistory)
    .where(eq(inspectionHistory.unitId, unitId))
    .orderBy(desc(inspectionHistory.inspectedOn), desc(inspectionHistory.id));
}

/** The tasks of a unit (newest first), with their draw's code (null for a 复查 task). */
export async function listUnitTasks(db: DbOrTx, unitId: string) {
  return db
    .select({ task: tasks, drawCode: draws.code, drawStatus: draws.status })
    .from(tasks)
    .leftJoin(draws, eq(draws.id, tasks.drawId))
    .where(eq(tasks.unitId, unitId))
    .orderBy(desc(tasks.createdAt));
}
