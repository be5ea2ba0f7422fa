import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { COUNT_FIGURES, GROUP_KEYS, isFigureGroupable } from '../domain/statistics/figures.ts';
import { seedDemo } from '../usecases/system/seed-demo.ts';
import { seedDemoDraw } from '../usecases/system/seed-demo-draw.ts';
import { countFiguresByGroup, countFiguresFromRows, listFigureRows, refreshStatisticsRollup, type StatisticsFilter } from './statistics-queries.ts';

/*
 * The rollup behind the dashboard (migration 0027) gives exactly the row sources' figures, for every figure and
 * grouping, in every scope: with every cell dirty (just migrated or just written), after the refresher folded them in,
 * and after writes that touch folded cells — a correction, a late record in an old month, a cancelled task, a voided
 * notice, a revoked case, a result entry not to be published, a unit moved to another district and industry —
 * before and after the next refresh.
 */

const NOW = new Date('2026-11-22T02:00:00Z');
let database: TestDatabase;
let scopes: { name: string; orgIds: string[] | null }[];

async function rows<T>(statement: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}

const PERIODS = [
  { fromDay: '2026-01-01', toDay: '2026-11-30' },
  { fromDay: '2026-10-01', toDay: '2026-10-31' },
  { fromDay: '2025-11-01', toDay: '2026-10-31' },
];

async function expectRollupEqualsRows(when: string): Promise<number> {
  let compared = 0;
  for (const scope of scopes)
    for (const period of PERIODS)
      for (const group of GROUP_KEYS) {
        const filter: StatisticsFilter = { orgIds: scope.orgIds, ...period };
        const figures = COUNT_FIGURES.filter((f) => isFigureGroupable(f, group));
        const canon = (list: { figure: string; key: string; value: number }[]) => list.map((r) => `${r.figure} ${r.key} ${r.value}`).sort();
        const fromRows = canon(await countFiguresFromRows(database.db, filter, group, figures));
        expect(canon(await countFiguresByGroup(database.db, filter, group, figures)), `${when}: ${scope.name} ${period.fromDay} ${group}`).toEqual(fromRows);
        compared += fromRows.length;
      }
  return compared;
}

async function refreshAll(): Promise<void> {
  while ((await refreshStatisticsRollup(database.db, { maxCells: 3 })) > 0);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261122, now: NOW, unitCount: 300 });
  await seedDemoDraw(database.db, NOW);
  const brigades = await rows<{ id: string; path: string }>(`select id::text, path from orgs where kind = 'brigade' order by name`);
  const [detachment] = await rows<{ path: string }>(`select path from orgs where kind = 'detachment' limit 1`);
  const subtree = async (p: string) => (await rows<{ id: string }>(`select id::text from orgs where path like '${p}%'`)).map((r) => r.id);
  scopes = [
    { name: '全部', orgIds: null },
    { name: '支队', orgIds: await subtree(detachment!.path) },
    ...brigades.map((b) => ({ name: `大队 ${b.id.slice(0, 8)}`, orgIds: [b.id] })),
  ];
});
afterAll(async () => {
  await database.dispose();
});

describe('the statistics rollup', () => {
  it('equals the row sources with every cell dirty, then folded in small steps', async () => {
    const [{ n: dirty } = { n: 0 }] = await rows<{ n: number }>('select count(*)::int as n from statistics_dirty');
    expect(dirty).toBeGreaterThan(0);
    expect(await expectRollupEqualsRows('all dirty')).toBeGreaterThan(100);
    await refreshAll();
    expect(await rows('select 1 from statistics_dirty')).toEqual([]);
    const [{ n: rollup } = { n: 0 }] = await rows<{ n: number }>('select count(*)::int as n from statistics_rollup');
    expect(rollup).toBeGreaterThan(0);
    await expectRollupEqualsRows('folded');
  });

  it('stays equal after corrections, late records, cancellations, voids, revocations, a suppressed entry and a unit moved, before and after the refresh', async () => {
    // A decided penalty in May, folded in before it is revoked.
    await rows(`insert into cases (org_id, unit_id, number, opened_on, opened_by, reason, party_kind, party_name, procedure, status, penalty_kind, fine_amount, decided_on)
      select u.brigade_id, u.id, '测试罚字1号', date '2026-05-02', gen_random_uuid(), '检查发现', 'organisation', u.name, 'general', 'decided', 'fine', 2000, date '2026-05-20'
      from units u join tasks t on t.unit_id = u.id limit 1`);
    await refreshAll();
    await expectRollupEqualsRows('a penalty decided');
    const columns = `task_id, body, body_hash, signatures, submission_hash, snapshot, submitted_by, submitted_by_inspector, submitted_at`;
    // A correction of an inspected record: now 无法检查, visited in an older month.
    const [latest] = await rows<{ id: string; task_id: string; version: number }>(`select r.id::text, r.task_id::text, r.version from inspection_records r
      join tasks t on t.id = r.task_id where t.kind = 'draw' and r.outcome = 'inspected'
        and not exists (select 1 from inspection_records n where n.task_id = r.task_id and n.version > r.version) order by r.visit_date desc limit 1`);
    expect(latest).toBeDefined();
    await rows(`insert into inspection_records (id, version, corrects_id, correction_reason, outcome, visit_date, ${columns})
      select gen_random_uuid(), version + 1, id, '更正', 'unable', date '2026-02-14', ${columns.replace('body,', `body || '{"unable":{"reason":"closed"}}'::jsonb,`)}
      from inspection_records where id = '${latest!.id}'`);
    // A late record, entered today for a visit in an old month, on a task that had none.
    const [bare] = await rows<{ id: string }>(`select t.id::text from tasks t where t.kind = 'draw'
      and not exists (select 1 from inspection_records r where r.task_id = t.id) limit 1`);
    expect(bare).toBeDefined();
    await rows(`insert into inspection_records (id, version, outcome, visit_date, ${columns})
      select gen_random_uuid(), 1, 'inspected', date '2026-03-09', ${columns.replace('task_id', `'${bare!.id}'::uuid`).replace('body,', `jsonb_build_object('conclusion', 'hazards_found', 'jointStaffIds', jsonb_build_array('x')),`)}
      from inspection_records where id = '${latest!.id}'`);
    // A drawn task cancelled; a notice voided; a decided case revoked.
    const changed = async (statement: string) => expect(await rows(`${statement} returning 1`), statement).toHaveLength(1);
    // (An assigned one when the generated data has one; any drawn task not yet cancelled otherwise: the counts must follow either way.)
    await changed(`update tasks set status = 'cancelled' where id = (select t.id from tasks t where t.kind = 'draw' and t.status <> 'cancelled'
      order by t.status = 'assigned' desc limit 1)`);
    await changed(`update documents set status = 'voided', void_reason = '测试', voided_at = now() where id = (select id from documents where status = 'issued'
      and doc_type in ('immediate_notice', 'deadline_notice') limit 1)`);
    await changed(`update cases set status = 'revoked' where id = (select id from cases where decided_on is not null limit 1)`);
    // A result entry decided 不予公示.
    await changed(`update publications set status = 'suppressed' where id = (select id from publications where kind = 'result' and status <> 'suppressed' limit 1)`);
    // A unit with records moves to another district and industry.
    await changed(`update units set district_code = '330799', industry = 'bench-moved' where id = (select t.unit_id from tasks t
      join inspection_records r on r.task_id = t.id order by r.visit_date limit 1)`);

    const [{ n: dirty } = { n: 0 }] = await rows<{ n: number }>('select count(*)::int as n from statistics_dirty');
    expect(dirty).toBeGreaterThan(0);
    await expectRollupEqualsRows('written, not yet folded');
    await refreshAll();
    expect(await rows('select 1 from statistics_dirty')).toEqual([]);
    await expectRollupEqualsRows('written and folded');
  });

  it('pages a drill-down over the months that hold the page, the same rows as over the whole period', async () => {
    await refreshAll();
    const whole: StatisticsFilter = { orgIds: null, fromDay: '2026-01-01', toDay: '2026-11-30' };
    // A period not of whole months is never narrowed: the reference (the 30th's rows come last and the page is short).
    const reference: StatisticsFilter = { ...whole, toDay: '2026-11-29' };
    for (const figure of ['inspected', 'hazards', 'notices', 'drawn'] as const)
      for (const [limit, offset] of [[1, 0], [3, 0], [10, 0], [2, 3], [3, 7]] as const) {
        const narrowed = await listFigureRows(database.db, whole, figure, 'category', null, limit, offset);
        const plain = await listFigureRows(database.db, reference, figure, 'category', null, limit, offset);
        expect(narrowed.rows, `${figure} ${limit} from ${offset}`).toEqual(plain.rows);
      }
  });

  it('gives drill-down lists as long as the counts', async () => {
    const filter: StatisticsFilter = { orgIds: null, fromDay: '2026-01-01', toDay: '2026-11-30' };
    for (const figure of COUNT_FIGURES) {
      const counts = await countFiguresFromRows(database.db, filter, 'month', [figure === 'penaltyAmount' ? 'penalties' : figure]);
      for (const { key, value } of counts) {
        const list = await listFigureRows(database.db, filter, figure, 'month', key, 5000);
        if (figure !== 'planned') expect(list.total, `${figure} ${key}`).toBe(value);
        expect(list.rows.length, `${figure} ${key}`).toBe(list.total);
      }
    }
  });
});
