import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { UnitListQuery } from '../contracts/units.ts';
import { searchGrams } from '../domain/registry/search-grams.ts';
import type { DbOrTx } from './client.ts';
import { orgs, unitHistory, units } from './schema.ts';
import { containsPattern } from './sql-helpers.ts';

export type UnitRow = typeof units.$inferSelect;
export type UnitWithBrigade = { unit: UnitRow; brigade: typeof orgs.$inferSelect };

/**
 * Lists count matching rows up to this many; beyond it the total is shown as "20,000+" (counting every
 * row of a broad filter over a large registry would cost more than the page itself).
 */
export const LIST_COUNT_CAP = 2_000;

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

/** The ids of the orgs in a subtree (null for everything). */
export async function resolveScopeOrgIds(db: DbOrTx, scopePath: string | null): Promise<string[] | null> {
  if (!scopePath) return null;
  const rows = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(sql`${orgs.path} like ${scopePath + '%'}`);
  return rows.map((r) => r.id);
}

/** The list filters as one WHERE clause (shared by the list, its count and the export). */
export function unitListWhere(filter: UnitFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [scopeCondition(filter.scopeOrgIds)];
  if (filter.q && USCC_PREFIX.test(filter.q)) {
    // Something that looks like (the start of) a credit code: an index range scan on the code.
    c.push(sql`${units.uscc} like ${filter.q.toUpperCase().replace(/[\\%_]/g, '') + '%'}`);
  } else if (filter.q) {
    const pattern = containsPattern(filter.q);
    const grams = searchGrams(filter.q);
    if (grams.length > 0) c.push(sql`${units.searchGrams} @> ${sql.param(grams, units.searchGrams)}`);
    c.push(
      or(
        sql`${units.name} ilike ${pattern}`,
        sql`${units.address} ilike ${pattern}`,
        sql`${units.registeredAddress} ilike ${pattern}`,
      ),
    );
  }
  if (filter.category?.length) c.push(inArray(units.category, filter.category));
  if (filter.status?.length) c.push(inArray(units.status, filter.status));
  for (const flag of filter.flags ?? []) {
    c.push(eq(flag === 'isCrowded' ? units.isCrowded : flag === 'isFlammable' ? units.isFlammable : units.isHighRise, true));
  }
  if (filter.riskLevel?.length) c.push(inArray(units.riskLevel, filter.riskLevel));
  if (filter.creditLevel?.length) c.push(inArray(units.creditLevel, filter.creditLevel));
  if (filter.industry?.length) c.push(inArray(units.industry, filter.industry));
  if (filter.tags?.length) c.push(sql`${units.tags} && ${sql.param(filter.tags, units.tags)}`);
  if (filter.districtCode) c.push(eq(units.districtCode, filter.districtCode));
  if (filter.brigadeId) c.push(eq(units.brigadeId, filter.brigadeId));
  if (filter.quality) c.push(qualityCondition(filter.quality, filter.now ?? new Date()));
  const present = c.filter((x): x is SQL => x !== undefined);
  return present.length ? and(...present) : undefined;
}

const SORT_COLUMNS = {
  name: units.name,
  uscc: units.uscc,
  category: units.category,
  status: units.status,
  riskLevel: units.riskLevel,
  updatedAt: units.updatedAt,
  createdAt: units.createdAt,
} as const;

export async function listUnitsPage(
  db: DbOrTx,
  filter: UnitFilter,
  paging: { page: number; pageSize: number; sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc' },
) {
  const where = unitListWhere(filter);
  const column = SORT_COLUMNS[paging.sort];
  const capped = db
    .select({ one: sql`1` })
    .from(units)
    .where(where)
    .limit(LIST_COUNT_CAP + 1)
    .as('capped');
  // The page and its count are independent reads: on PostgreSQL they run on two pooled connections at once.
  const [rows, [count]] = await Promise.all([
    db
      .select({ unit: units, brigadeName: orgs.name })
      .from(units)
      .innerJoin(orgs, eq(orgs.id, units.brigadeId))
      .where(where)
      .orderBy(...(paging.order === 'asc' ? [asc(column), asc(units.id)] : [desc(column), desc(units.id)]))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(capped),
  ]);
  const n = count?.n ?? 0;
  return { rows, total: Math.min(n, LIST_COUNT_CAP), totalCapped: n > LIST_COUNT_CAP };
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
  const base = and(
    scopeCondition(scopeOrgIds),
    brigadeId ? eq(units.brigadeId, brigadeId) : undefined,
  );
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
