import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../domain/draw/verify-bundle.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { getPublicDrawBundle } from '../public/get-public-draw-bundle.ts';
import { seedDemo } from './seed-demo.ts';
import { seedDemoDraw } from './seed-demo-draw.ts';

const NOW = new Date('2026-11-22T02:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261122, now: NOW, unitCount: 300 });
});
afterAll(async () => database.dispose());

describe('the demo draw', () => {
  it('publishes and draws the current month of 婺城 through the use cases, and its public bundle verifies', async () => {
    const drawn = await seedDemoDraw(database.db, NOW);
    expect(drawn?.code).toMatch(/^D-2026-11-/);
    const bundle = await getPublicDrawBundle(database.db, drawn!.code);
    const verdict = verifyBundle(bundle);
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
  });

  it('skips quietly when the month is already planned', async () => {
    expect(await seedDemoDraw(database.db, NOW)).toBeNull();
  });
});
