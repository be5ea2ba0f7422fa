import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

/**
 * A province-sized set of statistics rows, made set-based in the database (generate_series; no row crosses the driver):
 *
 * - the org tree: a 总队, 11 支队, 90 大队 (paths as the app makes them);
 * - `units` units spread evenly over the brigades; each brigade's county code as district (a third of its units in a
 *   neighbouring district), 28 industries with a skew (5 % blank), categories key 8 % / general 70 % / small venue 20 %
 *   / other 2 %;
 * - 36 months ending this month: one published monthly plan and one executed draw per brigade and month, `perDraw`
 *   tasks each (distinct units of the brigade; 1 % replaced, 1 % cancelled, the rest done or still assigned);
 * - records: a version 1 for the done draw tasks, a correction (version 2) for 9 % of them, some of which change the
 *   outcome or conclusion, and a second one (version 3, same outcome) for half of those; 93 % inspected, 7 % 无法检查 (with a reason); 30 % of the inspected find hazards; 10 % joint;
 * - for a record finding hazards: 1–3 hazards (the latest version's; a corrected record's earlier ones superseded),
 *   a 责令立即改正 (30 %) or 责令限期改正 (70 %) notice; after a 限期 notice a 复查 task (3 % cancelled, 90 % done with a
 *   record, most within the deadline); 6 % a case (90 % decided: warning or fine, a ninth of those later revoked),
 *   1 % a sealing.
 *
 * Ids are md5-derived from the generating number so that rows refer to each other without joins. The load runs with
 * session_replication_role = replica after the orgs and units (foreign keys and the append-only triggers are not checked row by row, nor the
 * statistics triggers: the rollup is built afterwards, as after a migration); the rows are made consistent all the same
 * (every task's draw and unit exist, every record's task, every hazard's record), and the bench checks that. Indexes of
 * the big tables are dropped during the load and built again from their own definitions.
 */
export type StatisticsFixtureSize = { units: number; perDraw: number };

const BIG_TABLES = ['units', 'tasks', 'inspection_records', 'hazards', 'documents', 'cases', 'sealings', 'draws', 'monthly_plans'];

export async function seedStatisticsFixture(db: Db, size: StatisticsFixtureSize, today: string): Promise<void> {
  const run = (statement: string) => db.execute(sql.raw(statement));
  const { units, perDraw } = size;
  const perBrigade = Math.floor(units / 90);

  const indexRows = (
    (await db.execute(
      sql.raw(`select indexname, indexdef from pg_indexes where schemaname = current_schema()
        and tablename in (${BIG_TABLES.map((t) => `'${t}'`).join(', ')}) and indexname not like '%_pkey'`),
    )) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const { indexname } of indexRows) await run(`drop index "${indexname}"`);

  // The org tree.
  await run(`create temp table bench_orgs as
    with c as (select md5('corps')::uuid as id),
    d as (select k, md5('det' || k)::uuid as id from generate_series(0, 10) k),
    b as (select k, k % 11 as det, md5('brig' || k)::uuid as id from generate_series(0, 89) k)
    select 'corps' as kind, null::int as k, c.id, null::uuid as parent_id, '浙江省消防救援总队' as name, '总队' as short_name, '330000' as division_code,
      '/' || c.id || '/' as path from c
    union all
    select 'detachment', d.k, d.id, c.id, '第' || (d.k + 1) || '支队', '支队' || (d.k + 1), '33' || lpad((d.k + 1)::text, 2, '0') || '00',
      '/' || c.id || '/' || d.id || '/' from d, c
    union all
    select 'brigade', b.k, b.id, d.id, '第' || (b.det + 1) || '支队第' || (b.k / 11 + 1) || '大队', '大队' || (b.k + 1),
      '33' || lpad((b.det + 1)::text, 2, '0') || lpad((b.k / 11 + 1)::text, 2, '0'),
      '/' || c.id || '/' || d.id || '/' || b.id || '/' from b join d on d.k = b.det, c`);
  await run(`insert into orgs (id, parent_id, kind, name, short_name, division_code, path)
    select id, parent_id, kind, name, short_name, division_code, path from bench_orgs`);

  // Units: n = brigade + 90 × j.
  await run(`insert into units (id, uscc, name, address, district_code, category, industry, brigade_id, source)
    select md5('u' || n)::uuid, '91' || lpad(n::text, 16, '0'), '单位' || n, '地址' || n,
      case when h % 3 = 0 then substr(b.division_code, 1, 4) || lpad(((b.k / 11 + 1) % 99 + 1)::text, 2, '0') else b.division_code end,
      case when h / 3 % 100 < 8 then 'key' when h / 3 % 100 < 78 then 'general' when h / 3 % 100 < 98 then 'small_venue' else 'other' end,
      case when h / 300 % 100 < 5 then null else 'I' || lpad((1 + floor(28 * power((h / 30000 % 1000) / 1000.0, 1.6)))::text, 2, '0') end,
      b.id, 'market_regulation'
    from (select n, abs(hashtext('u' || n)) as h from generate_series(0, ${perBrigade * 90 - 1}) n) g
    join bench_orgs b on b.kind = 'brigade' and b.k = g.n % 90`);

  await run(`set session_replication_role = replica`);

  // Plans and draws: one per brigade and month, months 0..35 (35 = this month).
  await run(`create temp table bench_draws as
    select d, b.id as org_id, b.k as brigade, d / 90 as m,
      (date_trunc('month', date '${today}') - ((35 - d / 90) || ' months')::interval)::date as period_start,
      md5('draw' || d)::uuid as id, md5('plan' || d)::uuid as plan_id
    from generate_series(0, 90 * 36 - 1) d join bench_orgs b on b.kind = 'brigade' and b.k = d % 90`);
  await run(`insert into monthly_plans (id, annual_plan_id, org_id, year, month, status, annual_revision, quotas, capacity, eligibility, due_date, generated_at, published_at)
    select plan_id, md5('annual' || org_id || extract(year from period_start))::uuid, org_id, extract(year from period_start)::int,
      extract(month from period_start)::int, 'published', 1,
      jsonb_build_array(jsonb_build_object('stratum', 'key', 'quota', ${perDraw} / 5), jsonb_build_object('stratum', 'general', 'quota', ${perDraw} - ${perDraw} / 5)),
      '{}'::jsonb, '{}'::jsonb, (period_start + interval '1 month' - interval '1 day')::date, period_start, period_start
    from bench_draws`);
  await run(`insert into draws (id, code, org_id, monthly_plan_id, status, manifest, manifest_hash, period_start, due_date, frozen_at, frozen_by, seed, executed_at)
    select id, 'C' || to_char(period_start, 'YYYYMM') || '-' || lpad(brigade::text, 3, '0'), org_id, plan_id, 'executed', '{}'::jsonb, md5('m' || d) || md5('n' || d),
      period_start, (period_start + interval '1 month' - interval '1 day')::date, period_start, md5('acct')::uuid, md5('s' || d), period_start
    from bench_draws`);

  // Draw tasks: g = draw × perDraw + r; unit j = (m × 311 + r × 23) mod perBrigade (distinct within a draw).
  await run(`create temp table bench_tasks as
    select g, md5('t' || g)::uuid as id, dr.id as draw_id, dr.org_id, dr.period_start,
      md5('u' || (dr.brigade + 90 * ((dr.m * 311 + r * 23) % ${perBrigade})))::uuid as unit_id, r,
      abs(hashtext('t' || g)) as h, abs(hashtext('v' || g)) as h2, dr.m
    from bench_draws dr, generate_series(0, ${perDraw - 1}) r, lateral (select dr.d * ${perDraw} + r as g) x`);
  await run(`alter table bench_tasks add column visit date, add column v1 boolean, add column v2 boolean,
    add column outcome1 text, add column outcome2 text, add column hz1 boolean, add column hz2 boolean, add column joint boolean,
    add column status text`);
  await run(`update bench_tasks set
      visit = least(period_start + (h % 28), date '${today}'),
      status = case when h % 100 = 97 then 'replaced' when h % 100 = 98 then 'cancelled' when h % 100 = 99 or (m = 35 and h % 3 = 0) then 'assigned' else 'done' end,
      outcome1 = case when h2 % 100 < 7 then 'unable' else 'inspected' end,
      hz1 = h2 / 100 % 100 < 30,
      joint = h2 / 10000 % 10 = 0,
      v2 = h / 100 % 100 < 9`);
  await run(`update bench_tasks set v1 = status = 'done', outcome2 = case when h / 10000 % 10 = 0 then 'unable' else 'inspected' end,
      hz2 = case when h / 100000 % 3 = 0 then not hz1 else hz1 end`);
  await run(`update bench_tasks set v2 = v1 and v2`);
  await run(`insert into tasks (id, draw_id, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status, kind, visit_date)
    select id, draw_id, org_id, unit_id, case when r < ${perDraw} / 5 then 'key' else 'general' end, r, array[md5('insp' || org_id)::uuid],
      array[md5('insp2' || org_id)::uuid], '[]'::jsonb, (period_start + interval '1 month' - interval '1 day')::date,
      status, 'draw', case when v1 then visit end
    from bench_tasks`);

  const record = (version: 1 | 2 | 3, outcome: string, hz: string) => `
    select md5('r${version}' || g)::uuid, id, ${version}, ${version > 1 ? `md5('r${version - 1}' || g)::uuid` : 'null'}, ${version > 1 ? `'更正检查记录'` : 'null'},
      ${outcome},
      jsonb_build_object('conclusion', case when ${outcome} = 'inspected' then (case when ${hz} then 'hazards_found' else 'no_hazards' end) end,
        'jointStaffIds', case when joint then jsonb_build_array(md5('j' || g)) else '[]'::jsonb end,
        'unable', case when ${outcome} = 'unable' then jsonb_build_object('reason', (array['closed', 'refused', 'not_found', 'relocated'])[1 + h2 % 4]) end),
      md5('b${version}' || g) || md5('c' || g), '[]'::jsonb, md5('s${version}' || g) || md5('d' || g), '{}'::jsonb, visit,
      md5('acct')::uuid, md5('insp' || org_id)::uuid, visit::timestamptz + interval '10 hours' + (${version} - 1) * interval '2 days'`;
  const recordColumns = `(id, task_id, version, corrects_id, correction_reason, outcome, body, body_hash, signatures, submission_hash, snapshot,
    visit_date, submitted_by, submitted_by_inspector, submitted_at)`;
  await run(`insert into inspection_records ${recordColumns} ${record(1, 'outcome1', 'hz1')} from bench_tasks where v1`);
  await run(`insert into inspection_records ${recordColumns} ${record(2, 'outcome2', 'hz2')} from bench_tasks where v2`);
  // About half the corrected records corrected once more, the same outcome (a typo fixed).
  await run(`insert into inspection_records ${recordColumns} ${record(3, 'outcome2', 'hz2')} from bench_tasks where v2 and h / 1000 % 100 < 52`);

  // Findings of the latest version: hazards (earlier versions' hazards superseded), notices, 复查, cases, sealings.
  await run(`create temp table bench_findings as
    select g, id as task_id, org_id, unit_id, visit, h, h2, case when v2 then 2 else 1 end as version,
      1 + h2 / 1000000 % 3 as hazard_count
    from bench_tasks where v1 and ((v2 and outcome2 = 'inspected' and hz2) or (not v2 and outcome1 = 'inspected' and hz1))`);
  await run(`insert into hazards (id, org_id, unit_id, task_id, record_id, line_code, seq, description, location, legal_basis, fixed_on_spot, found_on, stage)
    select md5('h' || g || '-' || s)::uuid, org_id, unit_id, task_id, md5('r' || version || g)::uuid, 'XF-0' || s, s, '疏散通道堆放杂物', '一层', '《消防法》第二十八条',
      s = 1 and h % 4 = 0, visit, (array['found', 'ordered', 'reinspection', 'corrected', 'case', 'closed'])[1 + (h / 7 + s) % 6]
    from bench_findings, generate_series(1, hazard_count) s`);
  await run(`insert into hazards (id, org_id, unit_id, task_id, record_id, line_code, seq, description, location, legal_basis, fixed_on_spot, found_on, stage)
    select md5('h1' || t.g)::uuid, t.org_id, t.unit_id, t.id, md5('r1' || t.g)::uuid, 'XF-01', 1, '灭火器过期', '二层', '《消防法》第十六条', false, t.visit, 'superseded'
    from bench_tasks t where t.v2 and t.outcome1 = 'inspected' and t.hz1`);
  await run(`create temp table bench_notices as
    select f.*, case when h % 10 < 3 then 'immediate_notice' else 'deadline_notice' end as doc_type,
      least(visit + (h / 10 % 3), date '${today}') as issue_date
    from bench_findings f`);
  await run(`insert into documents (id, org_id, unit_id, doc_type, number, year, seq, issue_date, task_id, record_id, content, content_hash, check_code, status, issued_by, issued_at)
    select md5('doc' || g)::uuid, org_id, unit_id, doc_type, doc_type || '〔' || extract(year from issue_date) || '〕' || seq, extract(year from issue_date)::int, seq,
      issue_date, task_id, md5('r' || version || g)::uuid, '{}'::jsonb, md5('dc' || g) || md5('dd' || g), substr(md5('cc' || g), 1, 16),
      case when h / 1000 % 200 = 0 then 'voided' else 'issued' end, md5('acct')::uuid, issue_date::timestamptz
    from (select n.*, row_number() over (partition by org_id, doc_type, extract(year from issue_date) order by g) as seq from bench_notices n) x`);
  await run(`create temp table bench_reinspections as
    select g, md5('rt' || g)::uuid as id, org_id, unit_id, issue_date + 15 + h2 % 16 as due, h, h2,
      case when h2 / 7 % 100 < 3 then 'cancelled' when h2 / 7 % 100 < 93 and issue_date + 15 + h2 % 16 - 10 + h / 13 % 13 <= date '${today}' then 'done' else 'assigned' end as status
    from bench_notices where doc_type = 'deadline_notice'`);
  await run(`insert into tasks (id, draw_id, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status, kind, follows_document_id)
    select id, null, org_id, unit_id, 'reinspection', 0, array[md5('insp' || org_id)::uuid], array[md5('insp2' || org_id)::uuid], '[]'::jsonb, due, status,
      'reinspection', md5('doc' || g)::uuid
    from bench_reinspections`);
  await run(`insert into inspection_records ${recordColumns}
    select md5('rr' || g)::uuid, id, 1, null, null, 'inspected', jsonb_build_object('conclusion', 'no_hazards', 'jointStaffIds', '[]'::jsonb),
      md5('rb' || g) || md5('rc' || g), '[]'::jsonb, md5('rs' || g) || md5('rd' || g), '{}'::jsonb, visit, md5('acct')::uuid, md5('insp' || org_id)::uuid,
      visit::timestamptz + interval '10 hours'
    from (select *, due - 10 + h / 13 % 13 as visit from bench_reinspections where status = 'done') x`);
  await run(`insert into cases (id, org_id, unit_id, number, opened_on, opened_by, reason, party_kind, party_name, procedure, status, penalty_kind, fine_amount, decided_on, payment_status)
    select md5('case' || g)::uuid, org_id, unit_id, '罚字' || g, visit + 3, md5('acct')::uuid, '检查发现', 'organisation', '单位', 'general',
      case when h2 % 10 = 0 then 'open' when h2 % 10 < 6 then 'decided' when h2 % 10 < 9 then 'closed' else 'revoked' end,
      case when h2 % 10 = 0 then null when h2 / 10 % 10 < 3 then 'warning' else 'fine' end,
      case when h2 % 10 <> 0 and h2 / 10 % 10 >= 3 then (array[500, 2000, 5000, 10000, 30000])[1 + h2 / 100 % 5] end,
      case when h2 % 10 <> 0 then least(visit + 20 + h2 % 40, date '${today}') end,
      'not_applicable'
    from bench_findings where h / 100 % 100 < 6`);
  await run(`insert into sealings (id, org_id, unit_id, places, reason, decided_at, deciders, sealed_on, sealed_until, created_by)
    select md5('seal' || g)::uuid, org_id, unit_id, '二层仓库', '疏散通道堵塞', visit::timestamptz, '大队长', visit, visit + 30, md5('acct')::uuid
    from bench_findings where h / 100 % 100 = 99`);

  await run(`set session_replication_role = origin`);
  for (const { indexdef } of indexRows) await run(indexdef);
  for (const t of ['bench_orgs', 'bench_draws', 'bench_tasks', 'bench_findings', 'bench_notices', 'bench_reinspections']) await run(`drop table ${t}`);
  for (const t of BIG_TABLES) await run(`analyze ${t}`);
  // The rollup starts from every cell marked (as the migration does for the rows already there).
  await run(`insert into statistics_dirty (org_id, month)
    select distinct org_id, month from (
      select org_id, statistics_month(make_date(year, month, 1)) as month from monthly_plans
      union all select org_id, statistics_month(period_start) from draws
      union all select t.org_id, statistics_month(r.visit_date) from inspection_records r join tasks t on t.id = r.task_id
      union all select org_id, statistics_month(due_date) from tasks
      union all select org_id, statistics_month(found_on) from hazards
      union all select org_id, statistics_month(issue_date) from documents
      union all select org_id, statistics_month(decided_on) from cases where decided_on is not null
      union all select org_id, statistics_month(sealed_on) from sealings
    ) c
    on conflict (org_id, month) do nothing`);
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
