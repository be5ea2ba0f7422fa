import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { writeProvinceRows, type ProvinceSize } from '../src/db/province-seed-queries.ts';

/**
 * The statistics bench's rows when its database is empty: the province generator (writeProvinceRows, the one
 * `seed-demo --scale province` uses; decision 0033) at the bench's size — 90 大队 under 11 支队, `units` units,
 * 36 months of draws with `perDraw` tasks each, no portal entries or callbacks — in one transaction. A database
 * seeded by `seed-demo --scale province` is used as it is (the bench seeds only an empty one).
 */
export type StatisticsFixtureSize = { units: number; perDraw: number };

export async function seedStatisticsFixture(db: Db, size: StatisticsFixtureSize, today: string): Promise<void> {
  const province: ProvinceSize = { units: size.units, perDraw: size.perDraw, brigades: 90, detachments: 11, inspectors: 900, months: 36, callbackQuarters: 0, publications: false };
  await db.transaction((tx) => writeProvinceRows(tx, province, { today, accounts: null, onProgress: (m) => console.log(`    ${m}`) }));
}

/** Rows that would break a foreign key, had the load checked them (the load skips the row-by-row checks). */
export async function danglingReferences(db: Db): Promise<number> {
  const result = await db.execute(
    sql.raw(`select
      (select count(*) from tasks t where not exists (select 1 from units u where u.id = t.unit_id))
    + (select count(*) from tasks t where t.draw_id is not null and not exists (select 1 from draws d where d.id = t.draw_id))
    + (select count(*) from inspection_records r where not exists (select 1 from tasks t where t.id = r.task_id))
    + (select count(*) from inspection_records r where r.corrects_id is not null and not exists (select 1 from inspection_records p where p.id = r.corrects_id))
    + (select count(*) from hazards h where not exists (select 1 from inspection_records r where r.id = h.record_id))
    + (select count(*) from documents d where not exists (select 1 from inspection_records r where r.id = d.record_id))
    + (select count(*) from draws d where not exists (select 1 from monthly_plans p where p.id = d.monthly_plan_id))
    + (select count(*) from units u where not exists (select 1 from orgs o where o.id = u.brigade_id)) as n`),
  );
  return Number((result as unknown as { rows: { n: string | number }[] }).rows[0]?.n ?? 0);
}
