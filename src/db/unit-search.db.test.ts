import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createOrgTree } from '../../test/harness/factories.ts';
import { unitSearchGrams } from '../domain/registry/search-grams.ts';
import { units } from './schema.ts';

let database: TestDatabase;
let brigadeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  brigadeId = (await createOrgTree(database.db)).brigadeA.id;
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
        expect([...row!.grams].sort()).toEqual(unitSearchGrams({ name, address, registeredAddress, uscc }));
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
});
