import { sql, type SQL } from 'drizzle-orm';
import { COUNT_FIGURES, type CountFigure, type GroupKey } from '../domain/statistics/figures.ts';
import type { Db, DbOrTx } from './client.ts';
import { anyUuidOf } from './sql-helpers.ts';

/**
 * 统计分析的查询 (issue 16). Each figure is a row source — the rows behind it, each with its org, unit, day and amount —
 * so the counts (GROUP BY over the sources) and the drill-down list (the same source filtered by one key) cannot
 * disagree. Every source filters its own table by org ids and a date range first, so it can use the (org_id, date)
 * indexes (tasks_org_idx, documents_org_idx, cases_org_idx, sealings_org_idx, hazards via tasks).
 */

export type StatisticsFilter = { orgIds: readonly string[] | null; fromDay: string; toDay: string };

/**
 * `column = any(ids)` with the ids as one uuid[] literal parameter: a scope has at most a few hundred orgs, and the
 * planner sees the array (so it estimates how many rows of each table the scope holds, and can walk an index by org).
 */
const inOrgs = (column: SQL, orgIds: readonly string[] | null) => {
  if (orgIds === null) return sql`true`;
  if (orgIds.some((id) => !UUID.test(id))) throw new Error('statistics: org ids must be uuids');
  return sql`${column} = any(${`{${orgIds.join(',')}}`}::uuid[])`;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The latest version of each record of a 双随机 task, visited in the period. */
function latestRecords(f: StatisticsFilter, extra: SQL, detail: SQL = sql`r.outcome`): SQL {
  return sql`select r.id, t.org_id, t.org_id as scope_org_id, t.unit_id, r.visit_date as day, 0::numeric as amount, ${detail} as detail, t.id as task_id
    from inspection_records r join tasks t on t.id = r.task_id
    where t.kind = 'draw' and ${inOrgs(sql`t.org_id`, f.orgIds)} and r.visit_date between ${f.fromDay}::date and ${f.toDay}::date
      and not exists (select 1 from inspection_records n where n.task_id = r.task_id and n.version > r.version) and ${extra}`;
}

/** The rows behind each figure: id, org_id, unit_id (null for a plan), day, amount, detail, task_id. */
const SOURCES: Record<CountFigure, (f: StatisticsFilter) => SQL> = {
  planned: (f) => sql`select mp.id, mp.org_id, mp.org_id as scope_org_id, null::uuid as unit_id, make_date(mp.year, mp.month, 1) as day,
      (select coalesce(sum((q->>'quota')::numeric), 0) from jsonb_array_elements(mp.quotas) q) as amount, mp.status as detail, null::uuid as task_id
    from monthly_plans mp where mp.status = 'published' and ${inOrgs(sql`mp.org_id`, f.orgIds)}
      and make_date(mp.year, mp.month, 1) between ${f.fromDay}::date and ${f.toDay}::date`,
  // By the draw's task period (a November plan's tasks count in November, though due in early December).
  drawn: (f) => sql`select t.id, t.org_id, d.org_id as scope_org_id, t.unit_id, d.period_start as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from draws d join tasks t on t.draw_id = d.id
    where d.status <> 'voided' and ${inOrgs(sql`d.org_id`, f.orgIds)} and d.period_start between ${f.fromDay}::date and ${f.toDay}::date
      and t.kind = 'draw' and t.status not in ('replaced', 'cancelled')`,
  // The drawn tasks that have a record: a task replaced after 无法检查 is not drawn any more, its replacement is.
  completed: (f) => sql`select t.id, t.org_id, d.org_id as scope_org_id, t.unit_id, d.period_start as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from draws d join tasks t on t.draw_id = d.id
    where d.status <> 'voided' and ${inOrgs(sql`d.org_id`, f.orgIds)} and d.period_start between ${f.fromDay}::date and ${f.toDay}::date
      and t.kind = 'draw' and t.status not in ('replaced', 'cancelled') and exists (select 1 from inspection_records r where r.task_id = t.id)`,
  inspected: (f) => latestRecords(f, sql`r.outcome = 'inspected'`),
  doneOnTime: (f) => latestRecords(f, sql`r.visit_date <= t.due_date`),
  failed: (f) => latestRecords(f, sql`r.outcome = 'inspected' and r.body->>'conclusion' = 'hazards_found'`),
  unable: (f) => latestRecords(f, sql`r.outcome = 'unable'`, sql`coalesce(r.body->'unable'->>'reason', '')`),
  jointInspections: (f) => latestRecords(f, sql`jsonb_array_length(coalesce(r.body->'jointStaffIds', '[]'::jsonb)) > 0`),
  hazards: (f) => sql`select h.id, h.org_id, h.org_id as scope_org_id, h.unit_id, h.found_on as day, 0::numeric as amount, h.description as detail, h.task_id
    from hazards h where h.stage <> 'superseded' and ${inOrgs(sql`h.org_id`, f.orgIds)} and h.found_on between ${f.fromDay}::date and ${f.toDay}::date`,
  notices: (f) => sql`select d.id, d.org_id, d.org_id as scope_org_id, d.unit_id, d.issue_date as day, 0::numeric as amount, d.number as detail, d.task_id
    from documents d where d.doc_type in ('immediate_notice', 'deadline_notice') and d.status = 'issued' and ${inOrgs(sql`d.org_id`, f.orgIds)}
      and d.issue_date between ${f.fromDay}::date and ${f.toDay}::date`,
  reinspections: (f) => sql`select t.id, t.org_id, t.org_id as scope_org_id, t.unit_id, t.due_date as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from tasks t where t.kind = 'reinspection' and t.status <> 'cancelled' and ${inOrgs(sql`t.org_id`, f.orgIds)}
      and t.due_date between ${f.fromDay}::date and ${f.toDay}::date`,
  reinspectionsOnTime: (f) => sql`select t.id, t.org_id, t.org_id as scope_org_id, t.unit_id, t.due_date as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from tasks t where t.kind = 'reinspection' and t.status = 'done' and ${inOrgs(sql`t.org_id`, f.orgIds)}
      and t.due_date between ${f.fromDay}::date and ${f.toDay}::date
      and exists (select 1 from inspection_records r where r.task_id = t.id and r.visit_date <= t.due_date)`,
  resultEntries: (f) => resultEntrySource(f, sql`true`),
  published: (f) => resultEntrySource(f, sql`p.published_on is not null`),
  penalties: (f) => penaltySource(f),
  penaltyAmount: (f) => penaltySource(f),
  sealings: (f) => sql`select s.id, s.org_id, s.org_id as scope_org_id, s.unit_id, s.sealed_on as day, 0::numeric as amount, s.places as detail, null::uuid as task_id
    from sealings s where ${inOrgs(sql`s.org_id`, f.orgIds)} and s.sealed_on between ${f.fromDay}::date and ${f.toDay}::date`,
};

/** 检查结果的公示条目 (not those decided 不予公示), by the inspection's date; detail = the entry's status. */
function resultEntrySource(f: StatisticsFilter, extra: SQL): SQL {
  return sql`select p.id, p.org_id, p.org_id as scope_org_id, p.unit_id, p.event_date as day, 0::numeric as amount, p.status as detail, p.task_id
    from publications p where p.kind = 'result' and p.status <> 'suppressed' and ${inOrgs(sql`p.org_id`, f.orgIds)}
      and p.event_date between ${f.fromDay}::date and ${f.toDay}::date and ${extra}`;
}

function penaltySource(f: StatisticsFilter): SQL {
  return sql`select c.id, c.org_id, c.org_id as scope_org_id, c.unit_id, c.decided_on as day, coalesce(c.fine_amount, 0)::numeric as amount, c.number as detail, null::uuid as task_id
    from cases c where c.decided_on is not null and c.status <> 'revoked' and ${inOrgs(sql`c.org_id`, f.orgIds)}
      and c.decided_on between ${f.fromDay}::date and ${f.toDay}::date`;
}

/** The group key of a source row `f` joined to its unit `u`; '' for a unit with no district or industry. */
const KEY_SQL: Record<GroupKey, SQL> = {
  month: sql`to_char(f.day, 'YYYY-MM')`,
  district: sql`coalesce(u.district_code, '')`,
  industry: sql`coalesce(u.industry, '')`,
  category: sql`coalesce(u.category, '')`,
  brigade: sql`f.org_id::text`,
};

/** Figures summed as amounts rather than counted rows. */
const SUMMED: ReadonlySet<CountFigure> = new Set(['planned', 'penaltyAmount']);

export type FigureCountRow = { figure: CountFigure; key: string; value: number };

/**
 * Each figure's count (or amount) by group key, over the scope and period. A period of whole months (every dashboard
 * query) is read from the rollup (statistics_rollup, migration 0027) for its clean (org, month) cells and from the row
 * sources for the cells written since the refresher last folded them in (statistics_dirty), in one statement — so the
 * figures equal the row sources' at all times, a just-written row included. Any other period reads the row sources.
 */
export async function countFiguresByGroup(db: DbOrTx, filter: StatisticsFilter, group: GroupKey, figures: readonly CountFigure[]): Promise<FigureCountRow[]> {
  if (figures.length === 0) return [];
  if (!wholeMonths(filter)) return countFiguresFromRows(db, filter, group, figures);
  const unrolled = figures.filter((f) => !ROLLUP_COLUMNS[f]);
  if (unrolled.length > 0) {
    const rolled = figures.filter((f) => ROLLUP_COLUMNS[f]);
    return [...(await countFiguresByGroup(db, filter, group, rolled)), ...(await countFiguresFromRows(db, filter, group, unrolled))];
  }
  // The dirty cells narrow the row sources' part; a cell marked between that read and the statement would be in
  // neither part, so the read is repeated until no new cell appeared (a write racing the read: rare).
  for (let attempt = 0; attempt < 3; attempt++) {
    const dirty = await dirtyCellsOf(db, filter);
    const rows = await countFromRollup(db, filter, group, figures, dirty);
    const seen = new Set(dirty.map(cellKey));
    if ((await dirtyCellsOf(db, filter)).every((c) => seen.has(cellKey(c)))) return rows;
  }
  return countFiguresFromRows(db, filter, group, figures);
}

/** The counts straight from the row sources: one statement, a UNION ALL of the sources (the rollup's reference). */
export async function countFiguresFromRows(db: DbOrTx, filter: StatisticsFilter, group: GroupKey, figures: readonly CountFigure[]): Promise<FigureCountRow[]> {
  if (figures.length === 0) return [];
  const parts = figures.map(
    (figure) => sql`select ${figure}::text as figure, ${KEY_SQL[group]} as key, ${SUMMED.has(figure) ? sql`coalesce(sum(f.amount), 0)` : sql`count(*)`}::float8 as value
      from (${SOURCES[figure](filter)}) f left join units u on u.id = f.unit_id group by 2`,
  );
  const result = await db.execute(sql.join(parts, sql` union all `));
  return (result as unknown as { rows: FigureCountRow[] }).rows.map((r) => ({ figure: r.figure, key: r.key, value: Number(r.value) }));
}

/**
 * Each figure's rollup column, and the column counting its rows (a group shows when it has rows, even summing to 0).
 * A figure added later without a column of its own is counted from the rows until a migration gives it one.
 */
const ROLLUP_COLUMNS: Partial<Record<CountFigure, { value: string; rows: string }>> = {
  planned: { value: 'planned', rows: 'planned_rows' },
  drawn: { value: 'drawn', rows: 'drawn' },
  completed: { value: 'completed', rows: 'completed' },
  inspected: { value: 'inspected', rows: 'inspected' },
  failed: { value: 'failed', rows: 'failed' },
  unable: { value: 'unable', rows: 'unable' },
  hazards: { value: 'hazards', rows: 'hazards' },
  notices: { value: 'notices', rows: 'notices' },
  reinspections: { value: 'reinspections', rows: 'reinspections' },
  reinspectionsOnTime: { value: 'reinspections_on_time', rows: 'reinspections_on_time' },
  penalties: { value: 'penalties', rows: 'penalties' },
  penaltyAmount: { value: 'penalty_amount', rows: 'penalties' },
  sealings: { value: 'sealings', rows: 'sealings' },
  jointInspections: { value: 'joint_inspections', rows: 'joint_inspections' },
  doneOnTime: { value: 'done_on_time', rows: 'done_on_time' },
  resultEntries: { value: 'result_entries', rows: 'result_entries' },
  published: { value: 'published', rows: 'published' },
};

/** The rollup's dimension a grouping reads (months sum the brigade rows, the fewest per cell), and its key. */
const ROLLUP_DIM: Record<GroupKey, 'brigade' | 'district' | 'industry' | 'category'> = {
  month: 'brigade',
  brigade: 'brigade',
  district: 'district',
  industry: 'industry',
  category: 'category',
};
const ROLLUP_KEY: Record<GroupKey, SQL> = {
  month: sql`to_char(r.month, 'YYYY-MM')`,
  brigade: sql`r.key`,
  district: sql`r.key`,
  industry: sql`r.key`,
  category: sql`r.key`,
};

type Cell = { orgId: string; month: string };
const cellKey = (c: Cell) => `${c.orgId} ${c.month}`;

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Whether the period is whole months (the rollup's grain). */
function wholeMonths(f: StatisticsFilter): boolean {
  return /^\d{4}-\d{2}-01$/.test(f.fromDay) && /^\d{4}-\d{2}-\d{2}$/.test(f.toDay) && lastDayOf(f.toDay.slice(0, 7)) === f.toDay;
}

/** The dirty cells of the scope and period. */
async function dirtyCellsOf(db: DbOrTx, f: StatisticsFilter): Promise<Cell[]> {
  const result = await db.execute(sql`select org_id::text as "orgId", to_char(month, 'YYYY-MM-DD') as month from statistics_dirty
    where ${inOrgs(sql`org_id`, f.orgIds)} and month between ${f.fromDay}::date and ${f.toDay}::date`);
  return (result as unknown as { rows: Cell[] }).rows;
}

/** The row sources narrowed to the orgs and months of some cells (still to be joined to the cells themselves). */
function narrowedTo(cells: readonly Cell[], f?: StatisticsFilter): StatisticsFilter {
  const months = cells.map((c) => c.month).sort();
  const from = months[0]!;
  const to = lastDayOf(months[months.length - 1]!.slice(0, 7));
  return {
    orgIds: [...new Set(cells.map((c) => c.orgId))],
    fromDay: f && f.fromDay > from ? f.fromDay : from,
    toDay: f && f.toDay < to ? f.toDay : to,
  };
}

async function countFromRollup(db: DbOrTx, filter: StatisticsFilter, group: GroupKey, figures: readonly CountFigure[], dirty: readonly Cell[]): Promise<FigureCountRow[]> {
  // Sum the wide rows by key first (a 总队's year by industry: some 30,000 rows), then turn the few sums into rows.
  const columns = [...new Set(figures.flatMap((f) => [ROLLUP_COLUMNS[f]!.value, ROLLUP_COLUMNS[f]!.rows]))];
  const sums = sql.join(
    columns.map((c) => sql.raw(`sum(r.${c}) as ${c}`)),
    sql`, `,
  );
  const values = sql.join(
    figures.map((f) => sql`(${f}::text, ${sql.raw(`g.${ROLLUP_COLUMNS[f]!.value}`)}::numeric, ${sql.raw(`g.${ROLLUP_COLUMNS[f]!.rows}`)}::numeric)`),
    sql`, `,
  );
  const parts = [
    sql`select v.figure, g.key, v.value, v.n
      from (select ${ROLLUP_KEY[group]} as key, ${sums} from statistics_rollup r
        where r.dim = ${ROLLUP_DIM[group]} and ${inOrgs(sql`r.org_id`, filter.orgIds)} and r.month between ${filter.fromDay}::date and ${filter.toDay}::date
          and not exists (select 1 from statistics_dirty d where d.org_id = r.org_id and d.month = r.month)
        group by 1) g
      cross join lateral (values ${values}) v(figure, value, n)`,
  ];
  if (dirty.length > 0) {
    const narrowed = narrowedTo(dirty, filter);
    for (const figure of figures)
      parts.push(sql`select ${figure}::text as figure, ${KEY_SQL[group]} as key, ${SUMMED.has(figure) ? sql`coalesce(sum(f.amount), 0)` : sql`count(*)`}::numeric as value, count(*)::numeric as n
        from (${SOURCES[figure](narrowed)}) f left join units u on u.id = f.unit_id
        where exists (select 1 from statistics_dirty d where d.org_id = f.scope_org_id and d.month = statistics_month(f.day)) group by 2`);
  }
  const result = await db.execute(sql`select figure, key, sum(value)::float8 as value from (${sql.join(parts, sql` union all `)}) x group by figure, key having sum(n) > 0`);
  return (result as unknown as { rows: FigureCountRow[] }).rows.map((r) => ({ figure: r.figure, key: r.key, value: Number(r.value) }));
}

/**
 * Folds up to `maxCells` dirty cells (one org's, oldest marks first; any orgs' for a whole fold of 1,000 or more) into
 * the rollup: their rows recomputed from the row sources, in one transaction. The sources are read over the cells'
 * orgs and months, grouped, and only then kept to the cells (joining millions of rows to the cell list row by row is
 * what a whole fold after a migration must not do). A cell marked again meanwhile (its seq moved on) stays dirty.
 * Returns how many were folded.
 */
export async function refreshStatisticsRollup(db: Db, options: { maxCells: number }): Promise<number> {
  // One org's cells at a time (the org marked longest ago), unless a whole fold is asked for: a step then reads one
  // org's rows over the months between its cells, never many orgs' over many months.
  const oneOrg = options.maxCells < 1000 ? sql`where org_id = (select org_id from statistics_dirty order by seq limit 1)` : sql``;
  const picked = await db.execute(sql`select org_id::text as "orgId", to_char(month, 'YYYY-MM-DD') as month, seq::text as seq
    from statistics_dirty ${oneOrg} order by seq limit ${options.maxCells}`);
  const cells = (picked as unknown as { rows: (Cell & { seq: string })[] }).rows;
  if (cells.length === 0) return 0;
  const list = sql`(select (e->>0)::uuid as org_id, (e->>1)::date as month, (e->>2)::bigint as seq
    from jsonb_array_elements(${JSON.stringify(cells.map((c) => [c.orgId, c.month, c.seq]))}::jsonb) e)`;
  const narrowed = narrowedTo(cells);
  const sources = sql.join(
    COUNT_FIGURES.filter((f) => f !== 'penaltyAmount' && ROLLUP_COLUMNS[f]).map(
      (figure) => sql`select ${figure}::text as figure, f.scope_org_id as org_id, statistics_month(f.day) as month, f.org_id::text as brigade,
          coalesce(u.district_code, '') as district, coalesce(u.industry, '') as industry, coalesce(u.category, '') as category,
          count(*) as n, coalesce(sum(f.amount), 0)::numeric as amount
        from (${SOURCES[figure](narrowed)}) f left join units u on u.id = f.unit_id
        group by 2, 3, 4, 5, 6, 7`,
    ),
    sql` union all `,
  );
  const n = (figure: CountFigure) => sql`coalesce(sum(n) filter (where figure = ${figure}), 0)`;
  const amount = (figure: CountFigure) => sql`coalesce(sum(amount) filter (where figure = ${figure}), 0)`;
  const columns = sql`${amount('planned')}, ${n('planned')}, ${n('drawn')}, ${n('completed')}, ${n('inspected')}, ${n('failed')}, ${n('unable')}, ${n('hazards')},
    ${n('notices')}, ${n('reinspections')}, ${n('reinspectionsOnTime')}, ${n('penalties')}, ${amount('penalties')}, ${n('sealings')}, ${n('jointInspections')},
    ${n('doneOnTime')}, ${n('resultEntries')}, ${n('published')}`;
  const byDim = (dim: string) => sql`select org_id, month, ${dim}::text, ${sql.raw(dim)}, ${columns} from s group by org_id, month, ${sql.raw(dim)}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from statistics_rollup r using ${list} c where r.org_id = c.org_id and r.month = c.month`);
    await tx.execute(sql`insert into statistics_rollup (org_id, month, dim, key, planned, planned_rows, drawn, completed, inspected, failed, unable, hazards, notices,
        reinspections, reinspections_on_time, penalties, penalty_amount, sealings, joint_inspections, done_on_time, result_entries, published)
      with counted as materialized (${sources}),
        s as (select counted.* from counted join ${list} c on c.org_id = counted.org_id and c.month = counted.month)
      ${sql.join(['brigade', 'district', 'industry', 'category'].map(byDim), sql` union all `)}`);
    await tx.execute(sql`delete from statistics_dirty d using ${list} c where d.org_id = c.org_id and d.month = c.month and d.seq = c.seq`);
  });
  return cells.length;
}

/** One figure's rows counted by their detail (e.g. 无法检查 by reason), largest first. */
export async function countFigureByDetail(db: DbOrTx, filter: StatisticsFilter, figure: CountFigure): Promise<{ key: string; count: number }[]> {
  const result = await db.execute(sql`select coalesce(f.detail, '') as key, count(*)::int as count from (${SOURCES[figure](filter)}) f group by 1 order by 2 desc, 1`);
  return (result as unknown as { rows: { key: string; count: number }[] }).rows;
}

/**
 * The hazards figure counted by checklist line, in the standard wording of the record's snapshot (a hazard whose line
 * the snapshot lacks counts under its line code with no wording), largest first.
 */
export async function countHazardsByLine(db: DbOrTx, filter: StatisticsFilter): Promise<{ code: string; itemName: string; text: string; count: number }[]> {
  const result = await db.execute(sql`
    select h.line_code as code, coalesce(l.line ->> 'itemName', '') as "itemName", coalesce(l.line ->> 'text', '') as text, count(*)::int as count
    from (${SOURCES.hazards(filter)}) f
    join hazards h on h.id = f.id
    left join inspection_records r on r.id = h.record_id
    left join lateral (select x as line from jsonb_array_elements(r.snapshot -> 'lines') x where x ->> 'code' = h.line_code limit 1) l on true
    group by 1, 2, 3 order by 4 desc, 1`);
  return (result as unknown as { rows: { code: string; itemName: string; text: string; count: number }[] }).rows;
}

export type FigureListRow = {
  id: string;
  orgId: string;
  orgName: string;
  unitId: string | null;
  unitName: string | null;
  day: string;
  amount: number;
  detail: string;
  taskId: string | null;
};

/** The rows behind one figure in one group (null key: the whole scope), oldest first, at most `limit`; and their number. */
export async function listFigureRows(
  db: DbOrTx,
  filter: StatisticsFilter,
  figure: CountFigure,
  group: GroupKey,
  key: string | null,
  limit: number,
  offset = 0,
): Promise<{ total: number; rows: FigureListRow[] }> {
  const where = key === null ? sql`true` : sql`${KEY_SQL[group]} = ${key}`;
  const from = (f: StatisticsFilter) => sql`from (${SOURCES[figure](f)}) f left join units u on u.id = f.unit_id join orgs o on o.id = f.org_id where ${where}`;
  const page = async (f: StatisticsFilter) =>
    (
      (await db.execute(sql`select f.id::text as id, f.org_id::text as "orgId", o.short_name as "orgName", u.id::text as "unitId", u.name as "unitName",
        to_char(f.day, 'YYYY-MM-DD') as day, f.amount::float8 as amount, coalesce(f.detail, '') as detail, f.task_id::text as "taskId"
      ${from(f)} order by f.day, f.id limit ${limit} offset ${offset}`)) as unknown as { rows: FigureListRow[] }
    ).rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  const total = await listTotal(db, filter, figure, group, key, from(filter));
  // The page is the oldest rows: read only the months that hold them (known from the rollup's counts by month).
  const toDay = figure === 'planned' ? null : await lastDayHolding(db, filter, figure === 'penaltyAmount' ? 'penalties' : figure, group, key, offset + limit);
  if (toDay !== null && toDay < filter.toDay) {
    const rows = await page({ ...filter, toDay });
    if (rows.length >= Math.min(limit, Math.max(0, total - offset))) return { total, rows };
  }
  return { total, rows: await page(filter) };
}

/**
 * The last day of the first month by which the rows of a figure in a group reach `limit` (null: the period's end, or
 * cells are dirty and the rollup cannot say). A write racing the read can only make the page short: it is then re-read
 * over the whole period.
 */
async function lastDayHolding(db: DbOrTx, filter: StatisticsFilter, figure: CountFigure, group: GroupKey, key: string | null, limit: number): Promise<string | null> {
  const column = ROLLUP_COLUMNS[figure];
  if (!column || !wholeMonths(filter) || (await dirtyCellsOf(db, filter)).length > 0) return null;
  const keyMatch = key === null ? sql`true` : sql`${ROLLUP_KEY[group]} = ${key}`;
  const result = await db.execute(sql`select to_char(r.month, 'YYYY-MM') as month, sum(${sql.raw(`r.${column.rows}`)})::float8 as n
    from statistics_rollup r where r.dim = ${ROLLUP_DIM[group]} and ${inOrgs(sql`r.org_id`, filter.orgIds)}
      and r.month between ${filter.fromDay}::date and ${filter.toDay}::date and ${keyMatch}
    group by 1 order by 1`);
  let seen = 0;
  for (const { month, n } of (result as unknown as { rows: { month: string; n: number }[] }).rows) {
    seen += Number(n);
    if (seen >= limit) return lastDayOf(month);
  }
  return null;
}

/**
 * A list's length: its figure's count (the rows of 罚款金额 are the 行政处罚 counted), so from the rollup when the period
 * is whole months — the count a cell shows is the list's length by construction. Plans are few: counted from the rows.
 */
async function listTotal(db: DbOrTx, filter: StatisticsFilter, figure: CountFigure, group: GroupKey, key: string | null, from: SQL): Promise<number> {
  if (figure === 'planned') {
    const result = await db.execute(sql`select count(*)::int as n ${from}`);
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  }
  const counted = figure === 'penaltyAmount' ? 'penalties' : figure;
  const rows = await countFiguresByGroup(db, filter, group, [counted]);
  return rows.filter((r) => key === null || r.key === key).reduce((n, r) => n + r.value, 0);
}

/** Names for the group keys: brigades by id, industries from the dictionary. */
export async function findGroupNames(db: DbOrTx, group: GroupKey, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  if (group === 'brigade') {
    const result = await db.execute(sql`select id::text as key, short_name as name from orgs where ${anyUuidOf(sql`id`, keys.filter((k) => /^[0-9a-f-]{36}$/.test(k)))}`);
    return new Map((result as unknown as { rows: { key: string; name: string }[] }).rows.map((r) => [r.key, r.name]));
  }
  if (group === 'industry') {
    const result = await db.execute(sql`select code as key, label as name from dictionary_entries where kind = 'industry'`);
    return new Map((result as unknown as { rows: { key: string; name: string }[] }).rows.map((r) => [r.key, r.name]));
  }
  return new Map();
}
