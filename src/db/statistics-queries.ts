import { sql, type SQL } from 'drizzle-orm';
import type { CountFigure, GroupKey } from '../domain/statistics/figures.ts';
import type { DbOrTx } from './client.ts';
import { anyUuidOf } from './sql-helpers.ts';

/**
 * 统计分析的查询 (issue 16). Each figure is a row source — the rows behind it, each with its org, unit, day and amount —
 * so the counts (GROUP BY over the sources) and the drill-down list (the same source filtered by one key) cannot
 * disagree. Every source filters its own table by org ids and a date range first, so it can use the (org_id, date)
 * indexes (tasks_org_idx, documents_org_idx, cases_org_idx, sealings_org_idx, hazards via tasks).
 */

export type StatisticsFilter = { orgIds: readonly string[] | null; fromDay: string; toDay: string };

const inOrgs = (column: SQL, orgIds: readonly string[] | null) => (orgIds === null ? sql`true` : anyUuidOf(column, orgIds));

/** The latest version of each record of a 双随机 task, visited in the period. */
function latestRecords(f: StatisticsFilter, extra: SQL, detail: SQL = sql`r.outcome`): SQL {
  return sql`select r.id, t.org_id, t.unit_id, r.visit_date as day, 0::numeric as amount, ${detail} as detail, t.id as task_id
    from inspection_records r join tasks t on t.id = r.task_id
    where t.kind = 'draw' and ${inOrgs(sql`t.org_id`, f.orgIds)} and r.visit_date between ${f.fromDay}::date and ${f.toDay}::date
      and not exists (select 1 from inspection_records n where n.task_id = r.task_id and n.version > r.version) and ${extra}`;
}

/** The rows behind each figure: id, org_id, unit_id (null for a plan), day, amount, detail, task_id. */
const SOURCES: Record<CountFigure, (f: StatisticsFilter) => SQL> = {
  planned: (f) => sql`select mp.id, mp.org_id, null::uuid as unit_id, make_date(mp.year, mp.month, 1) as day,
      (select coalesce(sum((q->>'quota')::numeric), 0) from jsonb_array_elements(mp.quotas) q) as amount, mp.status as detail, null::uuid as task_id
    from monthly_plans mp where mp.status = 'published' and ${inOrgs(sql`mp.org_id`, f.orgIds)}
      and make_date(mp.year, mp.month, 1) between ${f.fromDay}::date and ${f.toDay}::date`,
  // By the draw's task period (a November plan's tasks count in November, though due in early December).
  drawn: (f) => sql`select t.id, t.org_id, t.unit_id, d.period_start as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from draws d join tasks t on t.draw_id = d.id
    where d.status <> 'voided' and ${inOrgs(sql`d.org_id`, f.orgIds)} and d.period_start between ${f.fromDay}::date and ${f.toDay}::date
      and t.kind = 'draw' and t.status not in ('replaced', 'cancelled')`,
  // The drawn tasks that have a record: a task replaced after 无法检查 is not drawn any more, its replacement is.
  completed: (f) => sql`select t.id, t.org_id, t.unit_id, d.period_start as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from draws d join tasks t on t.draw_id = d.id
    where d.status <> 'voided' and ${inOrgs(sql`d.org_id`, f.orgIds)} and d.period_start between ${f.fromDay}::date and ${f.toDay}::date
      and t.kind = 'draw' and t.status not in ('replaced', 'cancelled') and exists (select 1 from inspection_records r where r.task_id = t.id)`,
  inspected: (f) => latestRecords(f, sql`r.outcome = 'inspected'`),
  doneOnTime: (f) => latestRecords(f, sql`r.visit_date <= t.due_date`),
  failed: (f) => latestRecords(f, sql`r.outcome = 'inspected' and r.body->>'conclusion' = 'hazards_found'`),
  unable: (f) => latestRecords(f, sql`r.outcome = 'unable'`, sql`coalesce(r.body->'unable'->>'reason', '')`),
  jointInspections: (f) => latestRecords(f, sql`jsonb_array_length(coalesce(r.body->'jointStaffIds', '[]'::jsonb)) > 0`),
  hazards: (f) => sql`select h.id, h.org_id, h.unit_id, h.found_on as day, 0::numeric as amount, h.description as detail, h.task_id
    from hazards h where h.stage <> 'superseded' and ${inOrgs(sql`h.org_id`, f.orgIds)} and h.found_on between ${f.fromDay}::date and ${f.toDay}::date`,
  notices: (f) => sql`select d.id, d.org_id, d.unit_id, d.issue_date as day, 0::numeric as amount, d.number as detail, d.task_id
    from documents d where d.doc_type in ('immediate_notice', 'deadline_notice') and d.status = 'issued' and ${inOrgs(sql`d.org_id`, f.orgIds)}
      and d.issue_date between ${f.fromDay}::date and ${f.toDay}::date`,
  reinspections: (f) => sql`select t.id, t.org_id, t.unit_id, t.due_date as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from tasks t where t.kind = 'reinspection' and t.status <> 'cancelled' and ${inOrgs(sql`t.org_id`, f.orgIds)}
      and t.due_date between ${f.fromDay}::date and ${f.toDay}::date`,
  reinspectionsOnTime: (f) => sql`select t.id, t.org_id, t.unit_id, t.due_date as day, 0::numeric as amount, t.status as detail, t.id as task_id
    from tasks t where t.kind = 'reinspection' and t.status = 'done' and ${inOrgs(sql`t.org_id`, f.orgIds)}
      and t.due_date between ${f.fromDay}::date and ${f.toDay}::date
      and exists (select 1 from inspection_records r where r.task_id = t.id and r.visit_date <= t.due_date)`,
  resultEntries: (f) => resultEntrySource(f, sql`true`),
  published: (f) => resultEntrySource(f, sql`p.published_on is not null`),
  penalties: (f) => penaltySource(f),
  penaltyAmount: (f) => penaltySource(f),
  sealings: (f) => sql`select s.id, s.org_id, s.unit_id, s.sealed_on as day, 0::numeric as amount, s.places as detail, null::uuid as task_id
    from sealings s where ${inOrgs(sql`s.org_id`, f.orgIds)} and s.sealed_on between ${f.fromDay}::date and ${f.toDay}::date`,
};

/** 检查结果的公示条目 (not those decided 不予公示), by the inspection's date; detail = the entry's status. */
function resultEntrySource(f: StatisticsFilter, extra: SQL): SQL {
  return sql`select p.id, p.org_id, p.unit_id, p.event_date as day, 0::numeric as amount, p.status as detail, p.task_id
    from publications p where p.kind = 'result' and p.status <> 'suppressed' and ${inOrgs(sql`p.org_id`, f.orgIds)}
      and p.event_date between ${f.fromDay}::date and ${f.toDay}::date and ${extra}`;
}

function penaltySource(f: StatisticsFilter): SQL {
  return sql`select c.id, c.org_id, c.unit_id, c.decided_on as day, coalesce(c.fine_amount, 0)::numeric as amount, c.number as detail, null::uuid as task_id
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

/** Each figure's count (or amount) by group key, over the scope and period: one statement, a UNION ALL of the sources. */
export async function countFiguresByGroup(db: DbOrTx, filter: StatisticsFilter, group: GroupKey, figures: readonly CountFigure[]): Promise<FigureCountRow[]> {
  if (figures.length === 0) return [];
  const parts = figures.map(
    (figure) => sql`select ${figure}::text as figure, ${KEY_SQL[group]} as key, ${SUMMED.has(figure) ? sql`coalesce(sum(f.amount), 0)` : sql`count(*)`}::float8 as value
      from (${SOURCES[figure](filter)}) f left join units u on u.id = f.unit_id group by 2`,
  );
  const result = await db.execute(sql.join(parts, sql` union all `));
  return (result as unknown as { rows: FigureCountRow[] }).rows.map((r) => ({ figure: r.figure, key: r.key, value: Number(r.value) }));
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
): Promise<{ total: number; rows: FigureListRow[] }> {
  const where = key === null ? sql`true` : sql`${KEY_SQL[group]} = ${key}`;
  const from = sql`from (${SOURCES[figure](filter)}) f left join units u on u.id = f.unit_id join orgs o on o.id = f.org_id where ${where}`;
  const [countResult, rowsResult] = [
    await db.execute(sql`select count(*)::int as n ${from}`),
    await db.execute(sql`select f.id::text as id, f.org_id::text as "orgId", o.short_name as "orgName", u.id::text as "unitId", u.name as "unitName",
        to_char(f.day, 'YYYY-MM-DD') as day, f.amount::float8 as amount, coalesce(f.detail, '') as detail, f.task_id::text as "taskId"
      ${from} order by f.day, f.id limit ${limit}`),
  ];
  const total = (countResult as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  return { total, rows: (rowsResult as unknown as { rows: FigureListRow[] }).rows.map((r) => ({ ...r, amount: Number(r.amount) })) };
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
