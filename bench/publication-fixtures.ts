import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

/**
 * A portal-sized set of publication entries, made set-based in the database (generate_series; no row crosses the
 * driver), on top of the demo's orgs (seedDemo must have run: its brigades own the units).
 *
 * - `units` new units, named from word lists so that bigrams have the frequencies of a real registry: an optional
 *   place (金华/婺城/金东/兰溪), a two-character trade name from 50 × 50 characters, one of 30 trades and a suffix
 *   (有限公司 ≈ 55 %, 店, 厂, 商行, 经营部, 酒店, 商场); district and credit code from their brigade's county.
 * - `count` entries spread over the units (several each): ≈ 95 % results (no_hazard / hazards / unable), ≈ 5 %
 *   penalties (warning / fine; one in five against a natural person, so without a credit code); event dates over the
 *   last three years; ≈ 92 % published, 5 % pending, 2 % withdrawn, 1 % suppressed; penalties' display periods as
 *   the default policy sets them (3 months for a minor one, 3 years otherwise), so some have ended.
 * - `search_grams` computed in SQL exactly as publicationSearchGrams computes them (bigrams of the lower-cased unit
 *   name and of the credit code, never across the two); the bench checks a sample against the TypeScript.
 *
 * Entries have no tasks or cases behind them: their task_id / case_id are fresh ids, inserted with
 * session_replication_role = replica so the foreign keys (triggers) are not checked. The portal's search reads only
 * the publications table. The table's indexes are dropped during the load and built again from their own
 * definitions afterwards (the way a bulk load is done), then the table is analysed.
 */
export async function seedPublicationEntries(db: Db, options: { count: number; units: number; today: string }): Promise<void> {
  const { count, units, today } = options;
  const run = (statement: string) => db.execute(sql.raw(statement));

  await run(`create temp table bench_brigades as
    select row_number() over (order by division_code) - 1 as k, id, name, division_code from orgs where kind = 'brigade'`);
  const [{ n: brigades } = { n: 0 }] = (
    (await db.execute(sql.raw('select count(*)::int as n from bench_brigades'))) as unknown as { rows: { n: number }[] }
  ).rows;
  if (!brigades) throw new Error('seedPublicationEntries: no brigades (run seedDemo first)');

  // Word lists. The place prefix is absent in 40 % of names.
  const c1 = '鑫华金宏恒盛兴达嘉瑞丰泰永新东创博立天中汇源通顺和德佳明诚信美利安康豪锦荣旺祥福海成光伟志家益百万乐';
  const c2 = '业发隆昌源茂誉鸿辉晟腾耀泽润翔凯欣悦禾森林峰川湖江山星月阳辰宇航远广富贵合宁安邦联合众邦达胜驰骏捷';
  const trades = [
    '餐饮',
    '超市',
    '五金',
    '服装',
    '建材',
    '物流',
    '电子',
    '宾馆',
    '网吧',
    '家具',
    '纺织',
    '塑料',
    '机械',
    '化工',
    '印刷',
    '食品',
    '汽修',
    '商贸',
    '文具',
    '饰品',
    '针织',
    '皮革',
    '工艺品',
    '玩具',
    '电器',
    '包装',
    '装饰',
    '医药',
    '娱乐',
    '水产',
  ];
  const lit = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
  const places = ['金华', '婺城', '金东', '兰溪'];

  await run(`create temp table bench_units as
    with g as (
      select i,
             abs(hashtext('a' || i)) as h1, abs(hashtext('b' || i)) as h2, abs(hashtext('c' || i)) as h3
      from generate_series(1, ${units}) i
    ), named as (
      select g.i, b.id as brigade_id, b.name as brigade_name, b.division_code,
        case when g.h1 % 10 < 4 then '' else (${lit(places)})[1 + g.h1 % 4] end
        || substr('${c1}', 1 + g.h2 % ${Array.from(c1).length}, 1)
        || substr('${c2}', 1 + (g.h2 / 100) % ${Array.from(c2).length}, 1)
        || (${lit(trades)})[1 + g.h3 % ${trades.length}]
        || case when g.h3 / 100 % 100 < 55 then '有限公司' when g.h3 / 100 % 100 < 70 then '店' when g.h3 / 100 % 100 < 80 then '厂'
                when g.h3 / 100 % 100 < 88 then '商行' when g.h3 / 100 % 100 < 94 then '经营部' when g.h3 / 100 % 100 < 97 then '酒店' else '商场' end
          as name
      from g join bench_brigades b on b.k = g.i % ${brigades}
    )
    select i as n, gen_random_uuid() as id, brigade_id, brigade_name, division_code, name,
      '92' || division_code || lpad(((i::bigint * 48271) % 2147483647)::text, 10, '0') as uscc,
      '浙江省金华市' || name || '路' || (1 + i % 300) || '号' as address
    from named`);
  await run(`alter table bench_units add column grams_org text[], add column grams_name text[]`);
  // Bigrams as publicationSearchGrams (src/domain/publication/compose-publication.ts): lower-cased, per field, distinct.
  const grams = (text: string) =>
    `array(select distinct substr(t, k, 2) from (select ${text} as t) s, generate_series(1, char_length(t) - 1) k where strpos(substr(t, k, 2), chr(31)) = 0 order by 1)`;
  await run(
    `update bench_units set grams_org = ${grams(`lower(name) || chr(31) || lower(uscc)`)}, grams_name = ${grams('lower(name)')}`,
  );
  await run(`create unique index on bench_units (n)`);

  await run(`insert into units (id, uscc, name, address, registered_address, district_code, category, brigade_id, source)
    select id, uscc, name, address, address, division_code, case when n % 10 = 0 then 'key' else 'general' end, brigade_id, 'market_regulation'
    from bench_units`);

  // The load: indexes off, foreign keys unchecked (no tasks or cases behind the entries).
  const indexRows = (
    (await db.execute(
      sql.raw(
        `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'publications' and indexname <> 'publications_pkey'`,
      ),
    )) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const { indexname } of indexRows) await run(`drop index "${indexname}"`);
  await run(`set session_replication_role = replica`);
  const items = JSON.stringify([
    { code: 'XF-01', name: '消防安全责任制落实情况' },
    { code: 'XF-02', name: '消防设施、器材配置及完好有效情况' },
    { code: 'XF-03', name: '疏散通道、安全出口畅通情况' },
    { code: 'XF-04', name: '用火用电用气安全管理情况' },
    { code: 'XF-05', name: '消防安全培训和演练情况' },
  ]);
  const hazards = JSON.stringify([
    { seq: 1, item: '消防设施、器材配置及完好有效情况', text: '灭火器压力不足或超过维修期限', fixedOnSpot: false },
    { seq: 2, item: '疏散通道、安全出口畅通情况', text: '疏散通道堆放杂物，影响人员安全疏散', fixedOnSpot: true },
  ]);
  await run(`insert into publications (kind, org_id, unit_id, task_id, case_id, event_date, status, content, unit_name, uscc, district_code,
      outcome, search_grams, published_on, published_at, display_until, withdraw_kind, withdraw_reason, withdrawn_on, created_on)
    with e as (
      select g, u.*, abs(hashtext('e' || g)) as h,
        case when g % 20 = 0 then 'penalty' else 'result' end as kind,
        (date '${today}' - (abs(hashtext('d' || g)) % 1095))::date as event_date
      from generate_series(1, ${count}) g join bench_units u on u.n = 1 + abs(hashtext('u' || g)) % ${units}
    ), f as (
      select e.*,
        case when h % 100 < 92 then 'published' when h % 100 < 97 then 'pending' when h % 100 < 99 then 'withdrawn' else 'suppressed' end as status,
        case when kind = 'result' then (case when h / 100 % 100 < 60 then 'no_hazard' when h / 100 % 100 < 95 then 'hazards' else 'unable' end)
             else (case when h / 100 % 100 < 30 then 'warning' else 'fine' end) end as outcome,
        kind = 'penalty' and h / 10000 % 5 = 0 as person,
        (array[500, 2000, 5000, 10000, 30000, 50000])[1 + h / 1000 % 6] as fine
      from e
    )
    select kind, brigade_id, id, case when kind = 'result' then gen_random_uuid() end, case when kind = 'penalty' then gen_random_uuid() end,
      event_date, status,
      case when kind = 'result' then jsonb_build_object(
          'kind', 'result', 'brigadeName', brigade_name, 'unitName', name, 'uscc', uscc, 'address', address, 'districtCode', division_code,
          'drawCode', 'C' || to_char(event_date, 'YYYYMM') || lpad((g % 1000)::text, 4, '0'), 'inspectedOn', event_date::text, 'outcome', outcome,
          'unableReason', case when outcome = 'unable' then 'closed' end, 'items', '${items}'::jsonb,
          'hazards', case when outcome = 'hazards' then '${hazards}'::jsonb else '[]'::jsonb end, 'recordVersion', 1)
        else jsonb_build_object(
          'kind', 'penalty', 'brigadeName', brigade_name, 'unitName', name, 'uscc', case when person then null else uscc end,
          'partyKind', case when person then 'person' else 'organisation' end, 'partyName', case when person then '张某某' else name end,
          'decisionNumber', '婺消行罚决字〔' || to_char(event_date, 'YYYY') || '〕第' || lpad((g / 20 % 1000000)::text, 6, '0') || '号',
          'decidedOn', event_date::text, 'citation', '《中华人民共和国消防法》第六十条第一款第二项', 'penaltyKind', outcome,
          'fineAmount', case when outcome = 'fine' then fine end, 'facts', '["疏散通道堆放杂物，影响人员安全疏散"]'::jsonb) end,
      name, case when person then null else uscc end, division_code, outcome,
      case when person then grams_name else grams_org end,
      case when status in ('published', 'withdrawn') then least(event_date + 5, date '${today}') end,
      case when status in ('published', 'withdrawn') then least(event_date + 5, date '${today}')::timestamptz end,
      case when kind = 'penalty' and status in ('published', 'withdrawn') then
        (least(event_date + 5, date '${today}') + case when outcome = 'warning' or fine <= 10000 then interval '3 months' else interval '3 years' end)::date end,
      case when status = 'withdrawn' then 'revoked' end,
      case when status = 'withdrawn' then '经行政复议，原处罚决定撤销' end,
      case when status = 'withdrawn' then event_date + 30 end,
      event_date
    from f`);
  await run(`set session_replication_role = origin`);
  for (const { indexdef } of indexRows) await run(indexdef);
  await run(`drop table bench_units`);
  await run(`drop table bench_brigades`);
  await run(`analyze units`);
  // After a bulk load PostgreSQL's autovacuum vacuums the table by itself, which sets the visibility map the index-only
  // scans of the portal's search rely on; PGlite has no autovacuum, so the load does it (BENCH_NO_VACUUM=1: not).
  await run(process.env.BENCH_NO_VACUUM ? `analyze publications` : `vacuum (analyze) publications`);
}

/** A sample of entries (unit name, credit code and stored bigrams), to check the SQL bigrams against the TypeScript. */
export async function sampleEntries(
  db: Db,
  n: number,
): Promise<{ unit_name: string; uscc: string | null; search_grams: string[]; kind: string }[]> {
  const result = await db.execute(
    sql.raw(`select unit_name, uscc, search_grams, kind from publications tablesample system (1) limit ${n}`),
  );
  return (result as unknown as { rows: { unit_name: string; uscc: string | null; search_grams: string[]; kind: string }[] }).rows;
}
