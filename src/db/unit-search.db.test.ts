import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createOrgTree } from '../../test/harness/factories.ts';
import { unitSearchGrams } from '../domain/registry/search-grams.ts';
import type { DbOrTx } from './client.ts';
import { units } from './schema.ts';
import { countUnitsOnce } from './unit-count-cache.ts';
import { listUnitsPage, qualityCondition, textSearchPlan, UNIT_LIST_COUNT_CAP, unitListCountCap, unitListWhere } from './unit-queries.ts';

let database: TestDatabase;
let brigadeId: string;
let otherBrigadeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const tree = await createOrgTree(database.db);
  brigadeId = tree.brigadeA.id;
  otherBrigadeId = tree.brigadeB.id;
});
afterAll(async () => database.dispose());

const text = fc.string({ unit: fc.constantFrom(...'婺城区金华市八一南街号店ABCabc0129 \t　-（）'.split('')), minLength: 0, maxLength: 12 });

describe('unit search bigrams', () => {
  it('are the same whether the database trigger or the TypeScript writer computes them', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, fc.option(text), fc.option(text), async (name, address, registeredAddress) => {
        n += 1;
        const uscc = `91330702MA${String(n).padStart(8, '0')}`;
        const id = randomUUID();
        await database.db.insert(units).values({ id, uscc, name, address, registeredAddress, category: 'general', brigadeId });
        const [row] = await database.db.select({ grams: units.searchGrams }).from(units).where(eq(units.id, id));
        expect([...row!.grams].sort()).toEqual(unitSearchGrams({ name, address, registeredAddress }));
      }),
      { numRuns: 60 },
    );
  });

  it('are recomputed when a searched field changes without new bigrams, and kept when a writer supplies them', async () => {
    const id = randomUUID();
    await database.db.insert(units).values({ id, uscc: '91330702MA99999999', name: '鑫源餐饮', category: 'general', brigadeId, searchGrams: ['xx'] });
    const [kept] = await database.db.select({ grams: units.searchGrams }).from(units).where(eq(units.id, id));
    expect(kept!.grams).toEqual(['xx']);
    await database.db.update(units).set({ name: '恒达五金' }).where(eq(units.id, id));
    const [recomputed] = await database.db.select({ grams: units.searchGrams }).from(units).where(eq(units.id, id));
    expect(recomputed!.grams).toContain('恒达');
    expect(recomputed!.grams).not.toContain('xx');
  });

  it('are computed for an insert that gives none, as an empty list or as NULL (the trigger fires only then)', async () => {
    const grams = async (id: string) => (await database.db.select({ grams: units.searchGrams }).from(units).where(eq(units.id, id)))[0]!.grams;
    const [empty, none] = [randomUUID(), randomUUID()];
    await database.db.insert(units).values({ id: empty, uscc: '91330702MA99999996', name: '鑫源餐饮', category: 'general', brigadeId, searchGrams: [] });
    await database.db.execute(
      sql`insert into units (id, uscc, name, category, brigade_id, search_grams) values (${none}, '91330702MA99999995', '鑫源餐饮', 'general', ${brigadeId}, null)`,
    );
    expect([...(await grams(empty))].sort()).toEqual(['源餐', '鑫源', '餐饮'].sort());
    expect([...(await grams(none))].sort()).toEqual(['源餐', '鑫源', '餐饮'].sort());
  });

  it('leave the credit code out, and a new code alone leaves them as they are', async () => {
    const id = randomUUID();
    await database.db.insert(units).values({ id, uscc: '91330702MA99999998', name: '鑫源餐饮', category: 'general', brigadeId });
    const grams = async () => (await database.db.select({ grams: units.searchGrams }).from(units).where(eq(units.id, id)))[0]!.grams;
    expect([...(await grams())].sort()).toEqual(['源餐', '鑫源', '餐饮'].sort());
    await database.db.update(units).set({ uscc: '91330702MA99999997' }).where(eq(units.id, id));
    expect([...(await grams())].sort()).toEqual(['源餐', '鑫源', '餐饮'].sort());
  });
});

describe('unit list text search', () => {
  const alphabet = '婺城区金华市八一南街号店KTVktv ';
  const piece = fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: 0, maxLength: 10 });
  let n = 0;
  const uscc = () => `91330703MA${String(++n).padStart(8, '0')}`;

  it('finds the same units with or without the bigram condition, LIKE for Chinese and ILIKE for letters alike', async () => {
    const rows = await fc.sample(fc.record({ name: piece, address: fc.option(piece), registeredAddress: fc.option(piece) }), { numRuns: 80, seed: 7 });
    await database.db.insert(units).values(
      rows.map((r) => ({ ...r, name: r.name || '单位', uscc: uscc(), category: 'general' as const, brigadeId: otherBrigadeId })),
    );
    const stored = await database.db.select().from(units).where(eq(units.brigadeId, otherBrigadeId));
    const queries = fc.sample(
      piece.map((q) => q.trim()).filter((q) => q.length > 0 && !/^[0-9A-Za-z]{4,18}$/.test(q)),
      { numRuns: 60, seed: 11 },
    );
    for (const q of [...queries, 'ktv', 'KTV', 'Ktv', '婺城区', '婺 城', '区']) {
      const expected = stored
        .filter((u) => [u.name, u.address, u.registeredAddress].some((f) => f?.toLowerCase().includes(q.toLowerCase())))
        .map((u) => u.id)
        .sort();
      const filter = { q, scopeOrgIds: [otherBrigadeId] };
      for (const useGramIndex of [true, false]) {
        const found = await database.db
          .select({ id: units.id })
          .from(units)
          .where(unitListWhere(filter, { useGramIndex }))
          .orderBy(asc(units.id));
        expect(found.map((r) => r.id), `${q} (bigrams ${useGramIndex})`).toEqual(expected);
      }
      const page = await listUnitsPage(database.db, filter, { page: 1, pageSize: 200, sort: 'name', order: 'asc' });
      expect(page.rows.map((r) => r.unit.id).sort(), q).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
  });

  it('leaves the bigram index out for a word most units contain, and uses it for a rare one', async () => {
    await database.db.insert(units).values([
      ...Array.from({ length: 150 }, (_, i) => ({ name: `广泛词单位${i}`, uscc: uscc(), category: 'key' as const, brigadeId: otherBrigadeId })),
      { name: '罕见词单位', uscc: uscc(), category: 'key' as const, brigadeId: otherBrigadeId },
    ]);
    await database.db.execute(sql`analyze units`);
    expect(await textSearchPlan(database.db, '广泛词')).toEqual({ useGramIndex: false });
    expect(await textSearchPlan(database.db, '罕见词')).toEqual({ useGramIndex: true });
    expect(await textSearchPlan(database.db, '91330703')).toEqual({});
    const page = await listUnitsPage(database.db, { q: '广泛词', category: ['key'], scopeOrgIds: [otherBrigadeId] }, { page: 1, pageSize: 20, sort: 'name', order: 'asc' });
    expect(page.total).toBe(150);
    expect(page.rows[0]!.unit.name).toBe('广泛词单位0');
    expect(page.rows[0]!.unit).not.toHaveProperty('searchGrams');
  });

  it('counts exactly up to its cap, says so past it, pages no further, and sorts the same whichever way it reads the page', async () => {
    const filter = { q: '广泛词', scopeOrgIds: [otherBrigadeId] };
    for (const sort of ['name', 'updatedAt', 'createdAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const page of [1, 2, 7]) {
          const paging = { page, pageSize: 20, sort, order };
          // Up to 1,000 matches found through the filters, then sorted; or the sort index walked (and a cap below the 150).
          const few = await listUnitsPage(database.db, filter, paging, { countCap: 1000, fewMatches: 1000 });
          const many = await listUnitsPage(database.db, filter, paging, { countCap: 140, fewMatches: 0 });
          expect(few.rows.map((r) => r.unit.id)).toEqual(many.rows.map((r) => r.unit.id));
          expect(few.rows.map((r) => r.brigadeName)).toEqual(many.rows.map((r) => r.brigadeName));
          expect(few.rows[0]?.unit).toEqual(many.rows[0]?.unit);
          expect([few.total, few.capped, many.total, many.capped]).toEqual([150, false, 140, true]);
          expect(few.rows).toHaveLength(20);
        }
      }
    }
    // The last ten of the 150 are on page 8 when counted exactly; past a cap of 140 the list stops at page 7.
    const last = await listUnitsPage(database.db, filter, { page: 8, pageSize: 20, sort: 'name', order: 'asc' }, { countCap: 1000, fewMatches: 0 });
    expect(last.rows).toHaveLength(10);
    const beyond = await listUnitsPage(database.db, filter, { page: 8, pageSize: 20, sort: 'name', order: 'asc' }, { countCap: 140, fewMatches: 1000 });
    expect(beyond).toEqual({ rows: [], total: 140, capped: true });
    const exact = await listUnitsPage(database.db, filter, { page: 1, pageSize: 20, sort: 'name', order: 'asc' }, { countCap: 150, fewMatches: 150 });
    expect([exact.total, exact.capped]).toEqual([150, false]);
    const uncapped = await listUnitsPage(database.db, filter, { page: 1, pageSize: 20, sort: 'name', order: 'asc' }, { countCap: null, fewMatches: 0 });
    expect([uncapped.total, uncapped.capped]).toEqual([150, false]);
  });

  it('counts a filter once per registry version: any statement writing units (insert, update, delete) counts again', async () => {
    const where = unitListWhere({ q: '计数缓存', scopeOrgIds: [otherBrigadeId] });
    let counted = 0;
    const countIn = (db: DbOrTx) => async () => {
      counted += 1;
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(where);
      return row!.n;
    };
    const count = countIn(database.db);
    expect(await countUnitsOnce(database.db, where, null, count)).toBe(0);
    expect(await countUnitsOnce(database.db, where, null, count)).toBe(0);
    expect(counted).toBe(1);
    // Another cap is another count.
    await countUnitsOnce(database.db, where, 5, count);
    expect(counted).toBe(2);
    const id = randomUUID();
    await database.db.insert(units).values({ id, uscc: '91330703MA77777777', name: '计数缓存单位', category: 'general', brigadeId: otherBrigadeId });
    expect(await countUnitsOnce(database.db, where, null, count)).toBe(1);
    expect(counted).toBe(3);
    // The page the admin sees follows the write at once.
    const page = await listUnitsPage(database.db, { q: '计数缓存', scopeOrgIds: [otherBrigadeId] }, { page: 1, pageSize: 20, sort: 'name', order: 'asc' });
    expect([page.total, page.rows.length]).toEqual([1, 1]);
    await database.db.update(units).set({ name: '改名单位' }).where(eq(units.id, id));
    expect(await countUnitsOnce(database.db, where, null, count)).toBe(0);
    await database.db.update(units).set({ name: '计数缓存单位' }).where(eq(units.id, id));
    expect(await countUnitsOnce(database.db, where, null, count)).toBe(1);
    // An update of another unit's other field is a write too: counted again (the version does not know what changed).
    await database.db.update(units).set({ contactName: '张三' }).where(eq(units.brigadeId, brigadeId));
    await countUnitsOnce(database.db, where, null, count);
    expect(counted).toBe(6);
    // Inside a transaction, always counted afresh.
    await database.db.transaction(async (tx) => {
      await countUnitsOnce(tx, where, null, countIn(tx));
      await countUnitsOnce(tx, where, null, countIn(tx));
    });
    expect(counted).toBe(8);
    // A crowd that misses together waits for one count.
    await database.db.update(units).set({ contactName: '李四' }).where(eq(units.brigadeId, brigadeId));
    const crowd = await Promise.all(Array.from({ length: 5 }, () => countUnitsOnce(database.db, where, null, count)));
    expect(crowd).toEqual([1, 1, 1, 1, 1]);
    expect(counted).toBe(9);
  });

  it('counts exactly within one brigade (its admin, or a filter by brigade) and caps across several', () => {
    expect(unitListCountCap({ scopeOrgIds: [brigadeId] })).toBeNull();
    expect(unitListCountCap({ scopeOrgIds: [brigadeId, otherBrigadeId], brigadeId })).toBeNull();
    expect(unitListCountCap({ scopeOrgIds: null, brigadeId: otherBrigadeId })).toBeNull();
    expect(unitListCountCap({ scopeOrgIds: [brigadeId, otherBrigadeId] })).toBe(UNIT_LIST_COUNT_CAP);
    expect(unitListCountCap({ scopeOrgIds: null })).toBe(10_000);
  });

  it('answers the missing-address filter from its partial index (the predicate is the filter verbatim)', async () => {
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      return tx.execute(sql`explain select 1 from units where ${and(eq(units.brigadeId, otherBrigadeId), qualityCondition('missing_address', new Date()))}`);
    });
    const text = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r).join(' ')).join('\n');
    expect(text).toContain('units_missing_address_idx');
  });
});
