import { and, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectionHistory, publications, units } from '../../db/schema.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { COUNTED_INSPECTION_KINDS } from '../../domain/plans/eligibility-types.ts';
import { addMonths } from '../../domain/plans/months.ts';
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

  it('publishes last month’s results and its penalty, leaving the oldest result overdue and the newest in their period', async () => {
    const rows = await database.db.select().from(publications);
    const results = rows.filter((r) => r.kind === 'result').sort((a, b) => a.eventDate.localeCompare(b.eventDate) || a.id.localeCompare(b.id));
    // This small demo (300 units) inspected only a few units last month: the oldest and the two newest stay pending.
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.status).toBe('pending');
    expect(results.at(-1)!.status).toBe('pending');
    expect(results.filter((r) => r.status === 'published').length).toBe(Math.max(0, results.length - 3));
    const calendar = await loadHolidayCalendar(database.db);
    expect(addWorkingDays(calendar, results[0]!.eventDate, 20) < '2026-11-22').toBe(true);
    for (const r of results.filter((x) => x.status === 'published')) expect(r.publishedOn! <= addWorkingDays(calendar, r.eventDate, 20)).toBe(true);
  });

  it('skips quietly when the month is already planned', async () => {
    expect(await seedDemoDraw(database.db, NOW)).toBeNull();
  });
});

const COUNTED_KINDS = [...COUNTED_INSPECTION_KINDS];

describe('the demo draw of a first start on the 5th of a month', () => {
  const FIFTH = new Date('2026-12-05T02:00:00Z');
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await openTestDatabase();
    await seedDemo(fresh.db, { seed: 20261122, now: FIFTH, unitCount: 600 });
  });
  afterAll(async () => fresh.dispose());

  it('has no candidate inspected (counted kinds) in the six months before its freeze, nor twice this year', async () => {
    // The full demo history (12,000 units) has inspections on 12-01..12-04; this smaller one gets some by hand.
    const someUnits = await fresh.db.select({ id: units.id }).from(units).limit(300);
    await fresh.db
      .insert(inspectionHistory)
      .values(
        someUnits.map((u, i) => ({
          unitId: u.id,
          inspectedOn: `2026-12-0${1 + (i % 4)}`,
          kind: COUNTED_KINDS[i % 3]!,
          source: 'legacy' as const,
        })),
      );
    const drawn = await seedDemoDraw(fresh.db, FIFTH);
    const { manifest } = await getPublicDrawBundle(fresh.db, drawn!.code);
    expect(manifest.asOf).toBe('2026-12-05');
    const ids = manifest.candidates.map((c) => c[0]);
    const history = await fresh.db
      .select()
      .from(inspectionHistory)
      .where(and(inArray(inspectionHistory.unitId, ids), inArray(inspectionHistory.kind, [...COUNTED_INSPECTION_KINDS])));
    for (const h of history)
      expect(addMonths(h.inspectedOn, 6) <= manifest.asOf, `${h.unitId} ${h.kind} ${h.inspectedOn}`).toBe(true);
    const thisYear = history.filter((h) => h.inspectedOn.startsWith('2026'));
    expect(new Set(thisYear.map((h) => h.unitId)).size).toBe(thisYear.length);
  });
});
