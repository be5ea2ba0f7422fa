import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './client.ts';
import { defaultPlanSettings } from '../domain/plans/plan-settings.ts';
import { USCC_CHARSET } from '../domain/uscc.ts';
import { SIMULATION_RATES } from '../demo/simulate-year-rates.ts';

/**
 * The size of a set-based data set: `units` spread evenly over `brigades` (under `detachments` 支队 and one 总队),
 * `inspectors` spread evenly over the brigades, `months` of monthly plans and draws ending this month with `perDraw`
 * tasks each, and `callbackQuarters` quarters of 纪检 callback rounds (0: none).
 */
export type ProvinceSize = {
  units: number;
  brigades: number;
  detachments: number;
  inspectors: number;
  months: number;
  perDraw: number;
  callbackQuarters: number;
  /** Result and penalty entries for the portal, one per finished draw task and decided case. */
  publications: boolean;
};

/** A demo login made with the rows (its password hash computed by the caller). */
export type ProvinceAccount = {
  username: string;
  displayName: string;
  role: 'system_admin' | 'org_admin' | 'brigade_admin' | 'inspector' | 'auditor';
  /** Which org: the 总队, the first 支队, or the first or second 大队. */
  org: 'corps' | 'detachment0' | 'brigade0' | 'brigade1';
  /** The first inspector of the first brigade, for the inspector login. */
  isInspector: boolean;
};

export type ProvinceRowsOptions = {
  today: string;
  /** Demo logins: their rows are written with the given password hash; none for a bench fixture. */
  accounts: { list: ProvinceAccount[]; passwordHash: string } | null;
  onProgress: (message: string) => void;
};

/** The ids the rows are made with (md5 of a name and a number), so that the caller can find the accounts. */
export const provinceAccountId = (username: string) => `pg_temp.province_id('acct-' || '${username}')`;

const BIG_TABLES = [
  'units',
  'inspectors',
  'tasks',
  'inspection_records',
  'hazards',
  'documents',
  'cases',
  'sealings',
  'draws',
  'monthly_plans',
  'publications',
  'callback_units',
  'callback_records',
];

/** The 11 支队 of a province, by city and the city's division code (the 浙江 layout). */
const CITIES = [
  ['杭州', '3301'],
  ['宁波', '3302'],
  ['温州', '3303'],
  ['嘉兴', '3304'],
  ['湖州', '3305'],
  ['绍兴', '3306'],
  ['金华', '3307'],
  ['衢州', '3308'],
  ['舟山', '3309'],
  ['台州', '3310'],
  ['丽水', '3311'],
] as const;

/** A trade word of a unit's name and the industry it files the unit under. */
const TRADES = [
  ['餐饮', '餐饮'],
  ['超市', '商场超市'],
  ['五金', '五金机械'],
  ['服装', '纺织服装'],
  ['宾馆', '住宿'],
  ['网吧', '网吧'],
  ['物流', '仓储物流'],
  ['汽修', '汽车维修'],
  ['化工', '化工'],
  ['医药', '医疗'],
  ['培训', '培训'],
  ['娱乐', '娱乐'],
  ['商贸', '零售'],
  ['机械', '制造'],
  ['纺织', '纺织服装'],
  ['物业', '物业管理'],
  ['养老', '养老'],
  ['石化', '加油站'],
  ['电器', '零售'],
  ['印刷', '制造'],
  ['美容', '美容洗浴'],
  ['农业', '农业'],
  ['燃气', '燃气'],
  ['文化', '文博'],
] as const;
const ROADS = ['人民路', '解放路', '中山路', '建设路', '环城北路', '文化路', '新华街', '胜利路', '工业路', '兴业大道', '江滨路', '学府路'];
const BRAND_FIRST = '鑫恒宏华永金瑞嘉兴福顺天广盛和隆德万新佳康锦明富鼎长东利立同聚旺志泰安祥裕荣晨悦优美欣润博通丰益鸿大';
const BRAND_SECOND = '源达泰联盛诚丰禾旺发成信世美鑫胜家宇盈宁远程辉川康鼎兴升民创合福和瑞昌光辰享品佳悦泽通利运隆邦';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚辉鹏华飞斌宇浩凯俊帆琳婷雪慧燕红建国志文海林峰东波萍丹玲晨倩亮';
const CHECK_ITEMS = [
  ['XF-01', '消防安全责任制落实情况'],
  ['XF-02', '消防设施、器材配置及完好有效情况'],
  ['XF-03', '疏散通道、安全出口畅通情况'],
] as const;
/** Hazard wording by line (1–3), as a checklist line puts it. */
const HAZARDS = [
  ['消防设施、器材配置及完好有效情况', '灭火器压力不足或超过维修期限', '一层大厅', '《中华人民共和国消防法》第十六条第一款第二项'],
  ['疏散通道、安全出口畅通情况', '疏散通道堆放杂物，影响人员安全疏散', '二层走道', '《中华人民共和国消防法》第二十八条'],
  ['消防安全责任制落实情况', '未按规定开展防火巡查、检查', '消防控制室', '《机关、团体、企业、事业单位消防安全管理规定》第二十五条'],
] as const;

const lit = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(', ')}]`;
const pct = (rate: number) => Math.round(rate * 100);

/** A multiplier coprime with n, so that (a + r × step) mod n visits n distinct values for r < n. */
function coprimeStep(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (const step of [23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 1]) if (gcd(step, n) === 1) return step;
  return 1;
}

/**
 * Writes a province-sized data set set-based in the database (generate_series, INSERT … SELECT: no row crosses the
 * driver), in one transaction, into an empty database. What it makes (docs/decisions/0033-province-data.md):
 *
 * - the org tree: a 总队, `detachments` 支队 (the province's cities), `brigades` 大队 spread over them;
 * - inspectors (lead and assistant, a fifth part-time assistants only), units with valid credit codes (GB 32100 and
 *   the embedded GB 11714 check), names from trade words, addresses, districts, industries and categories with a skew;
 * - per brigade and year a published annual plan; per brigade and month a published monthly plan and an executed draw
 *   imported as history (number 000 in its code, `importedHistory` in the manifest, no seed, no result: no public
 *   bundle is claimed), `perDraw` tasks each;
 * - records (corrections among them), hazards, notices, 复查 tasks and their records, cases, sealings at the rates of
 *   simulate-year; result and penalty entries for the portal; callback rounds of the first 支队's 纪检.
 *
 * Ids are md5-derived from the generating number, so rows refer to each other without joins. After the orgs, units
 * and inspectors the load runs with session_replication_role = replica (no row-by-row foreign key, append-only or
 * statistics triggers; the caller folds the rollup afterwards, as after a migration); the rows are consistent all the
 * same and the tests check it. The big tables' indexes are dropped during the load and built again from their own
 * definitions. Every brigade-month cell is marked dirty for the statistics rollup at the end.
 */
export async function writeProvinceRows(db: DbOrTx, size: ProvinceSize, options: ProvinceRowsOptions): Promise<void> {
  const run = (statement: string) => db.execute(sql.raw(statement));
  const { today } = options;
  const B = size.brigades;
  const D = Math.min(size.detachments, B, CITIES.length);
  const perBrigade = Math.floor(size.units / B);
  const perDraw = Math.min(size.perDraw, perBrigade);
  const inspectorsPerBrigade = Math.max(1, Math.floor(size.inspectors / B));
  const step = coprimeStep(perBrigade);
  const months = size.months;
  const say = options.onProgress;

  const indexRows = (
    (await db.execute(
      sql.raw(`select indexname, indexdef from pg_indexes where schemaname = current_schema()
        and tablename in (${BIG_TABLES.map((t) => `'${t}'`).join(', ')}) and indexname not like '%_pkey'`),
    )) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const { indexname } of indexRows) await run(`drop index "${indexname}"`);

  // Ids: md5 of a name and the generating number, shaped as the version-4 UUIDs the API's id parameters accept.
  await run(`create function pg_temp.province_id(t text) returns uuid language sql immutable as $$
    select (substr(md5(t), 1, 12) || '4' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18))::uuid $$`);
  // Check characters in SQL, as src/domain/uscc.ts computes them.
  await run(`create function pg_temp.province_org_check(body text) returns text language sql immutable as $$
    select case c when 10 then 'X' when 11 then '0' else c::text end
    from (select 11 - sum(substr(body, i, 1)::int * (array[3, 7, 9, 10, 5, 8, 4, 2])[i]) % 11 as c from generate_series(1, 8) i) x $$`);
  await run(`create function pg_temp.province_uscc(first17 text) returns text language sql immutable as $$
    select first17 || substr('${USCC_CHARSET}', (1 + (31 - s % 31) % 31)::int, 1)
    from (select sum((strpos('${USCC_CHARSET}', substr(first17, i, 1)) - 1) * (array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i]) as s
      from generate_series(1, 17) i) x $$`);

  say(`正在建立机构：1 个总队、${D} 个支队、${B} 个大队…`);
  await run(`create temp table province_orgs as
    with c as (select pg_temp.province_id('corps') as id),
    city(k, name, code) as (values ${CITIES.map(([name, code], k) => `(${k}, '${name}', '${code}')`).join(', ')}),
    d as (select k, pg_temp.province_id('det' || k) as id, city.name, city.code from generate_series(0, ${D - 1}) k join city using (k)),
    b as (select k, k % ${D} as det, k / ${D} as idx, pg_temp.province_id('brig' || k) as id from generate_series(0, ${B - 1}) k)
    select 'corps' as kind, null::int as k, c.id, null::uuid as parent_id, '浙江省消防救援总队' as name, '浙江总队' as short_name,
      '330000' as division_code, '/' || c.id || '/' as path, null::int as idx from c
    union all
    select 'detachment', d.k, d.id, c.id, d.name || '市消防救援支队', d.name || '支队', d.code || '00', '/' || c.id || '/' || d.id || '/', null from d, c
    union all
    select 'brigade', b.k, b.id, d.id, d.name || '市第' || (b.idx + 1) || '消防救援大队', d.name || (b.idx + 1) || '大队',
      d.code || lpad((b.idx + 1)::text, 2, '0'), '/' || c.id || '/' || d.id || '/' || b.id || '/', b.idx
    from b join d on d.k = b.det, c`);
  await run(`insert into orgs (id, parent_id, kind, name, short_name, division_code, path)
    select id, parent_id, kind, name, short_name, division_code, path from province_orgs`);

  say(`正在生成 ${(inspectorsPerBrigade * B).toLocaleString()} 名检查人员…`);
  const surnames = Array.from(SURNAMES).length;
  const given = Array.from(GIVEN).length;
  await run(`insert into inspectors (id, org_id, name, badge_no, certificate_no, certificate_valid_from, certificate_valid_until, post, duty,
      specialties, roles, phone)
    select pg_temp.province_id('insp' || i), b.id,
      substr('${SURNAMES}', 1 + h % ${surnames}, 1) || substr('${GIVEN}', 1 + h / 100 % ${given}, 1)
        || case when h / 10000 % 3 = 0 then '' else substr('${GIVEN}', 1 + h / 1000000 % ${given}, 1) end,
      'ZJ' || lpad((i + 1)::text, 6, '0'), '浙消执证' || lpad((i + 1)::text, 6, '0'),
      date '${today}' - 365 * (1 + h % 4), date '${today}' - 365 * (1 + h % 4) + 365 * 6,
      case when h / 7 % 5 = 0 then 'part_time' else 'full_time' end, case when i < ${B} then '监督检查科科长' else '监督员' end,
      (${lit(['建筑防火', '消防设施', '电气防火', '危险化学品', '人员密集场所', '高层建筑'])})[1 + h % 6 : 1 + h % 6],
      case when h / 7 % 5 = 0 then array['assistant'] else array['lead', 'assistant'] end,
      '13' || lpad((h % 1000000000)::text, 9, '0')
    from (select i, abs(hashtext('insp' || i)) as h from generate_series(0, ${inspectorsPerBrigade * B - 1}) i) g
    join province_orgs b on b.kind = 'brigade' and b.k = g.i % ${B}`);

  say(`正在生成 ${(perBrigade * B).toLocaleString()} 家单位（统一社会信用代码带校验位）…`);
  // Unit n belongs to brigade n mod B (rows stored brigade by brigade). Its credit code: 91 + the brigade's division + an 8-digit body (n) + checks.
  await run(`insert into units (id, uscc, name, registered_address, address, district_code, category, is_crowded, is_flammable, is_high_rise, tags,
      industry, risk_level, contact_name, contact_phone, brigade_id, source, created_at, updated_at)
    select pg_temp.province_id('u' || n),
      pg_temp.province_uscc('91' || b.division_code || lpad(n::text, 8, '0') || pg_temp.province_org_check(lpad(n::text, 8, '0'))),
      case when h % 10 < 4 then '' when city = '金华' then (array['金华', '兰溪', '婺城', '金东'])[1 + h / 7 % 4] else city end
        || substr('${BRAND_FIRST}', 1 + h / 10 % ${Array.from(BRAND_FIRST).length}, 1)
        || substr('${BRAND_SECOND}', 1 + h / 1000 % ${Array.from(BRAND_SECOND).length}, 1)
        || (${lit(TRADES.map((t) => t[0]))})[1 + t]
        || case when h2 % 100 < 55 then '有限公司' when h2 % 100 < 70 then '店' when h2 % 100 < 80 then '厂'
                when h2 % 100 < 88 then '商行' when h2 % 100 < 94 then '经营部' when h2 % 100 < 97 then '酒店' else '商场' end
        || case when h2 / 100 % 4 = 0 then '（' || (1 + n / ${B} % 97) || '分店）' else '' end,
      '浙江省' || city || '市' || (${lit(ROADS)})[1 + h2 / 1000 % ${ROADS.length}] || (1 + h2 / 100000 % 400) || '号',
      '浙江省' || city || '市' || (${lit(ROADS)})[1 + h2 / 1000 % ${ROADS.length}] || (1 + h2 / 100000 % 400) || '号',
      case when h % 3 = 0 then substr(b.division_code, 1, 4) || lpad(((b.idx + 1) % 9 + 1)::text, 2, '0') else b.division_code end,
      case when h / 3 % 100 < 8 then 'key' when h / 3 % 100 < 78 then 'general' when h / 3 % 100 < 98 then 'small_venue' else 'other' end,
      h / 3 % 100 < 8 and h2 % 2 = 0, t in (8, 17, 22), h / 3 % 100 < 8 and h2 % 7 = 0,
      -- Tags as a registry holds them: 高层建筑 with the flag, the others at rates of their own (a few in a hundred).
      array_remove(array[
        case when h / 3 % 100 < 8 and h2 % 7 = 0 then '高层建筑' end,
        case when h / 3 % 100 < 8 and h2 % 11 = 0 then '大型商业综合体' end,
        case when h3 % 100 < 6 then '电动自行车集中停放场所' end,
        case when h3 / 100 % 100 < 5 then '地下空间' end,
        case when h3 / 1000000 % 100 < 3 then '老旧小区' end,
        case when h / 3 % 100 between 78 and 97 and h3 / 10000 % 100 < 30 then '沿街商铺' end,
        case when h / 3 % 100 between 78 and 97 and h3 / 10000 % 100 between 30 and 34 then '“三合一”场所' end,
        case when h3 % 1000 < 3 then '冷库' end
      ], null),
      case when h / 300 % 100 < 3 then null else (${lit(TRADES.map((x) => x[1]))})[1 + t] end,
      case when h / 3 % 100 < 8 then 'high' when h2 % 3 = 0 then 'medium' else 'low' end,
      substr('${SURNAMES}', 1 + h2 % ${surnames}, 1) || '经理', '13' || lpad((h2 % 1000000000)::text, 9, '0'),
      b.id, 'market_regulation', date '${today}' - ${months * 31} - h % 2000, date '${today}' - h % 300
    from (
      select n, h, h2, abs(hashtext('g' || n)) as h3, floor(${TRADES.length} * power((h2 / 30000 % 1000) / 1000.0, 1.5))::int as t
      from (select n, abs(hashtext('u' || n)) as h, abs(hashtext('w' || n)) as h2 from generate_series(0, ${perBrigade * B - 1}) n) g0
    ) g
    join (select province_orgs.*, (select name from province_orgs d where d.id = province_orgs.parent_id) as det_name from province_orgs) b0
      on b0.kind = 'brigade' and b0.k = g.n % ${B}
    cross join lateral (select b0.*, replace(b0.det_name, '市消防救援支队', '') as city) b
    -- Stored brigade by brigade, as each brigade's registry is imported at set-up: a brigade's units share pages.
    order by b.k, g.n`);

  if (options.accounts) {
    say(`正在建立 ${options.accounts.list.length} 个演示账号…`);
    const orgOf = { corps: `kind = 'corps'`, detachment0: `kind = 'detachment' and k = 0`, brigade0: `kind = 'brigade' and k = 0`, brigade1: `kind = 'brigade' and k = ${Math.min(1, B - 1)}` };
    for (const a of options.accounts.list) {
      await run(`insert into accounts (id, username, display_name, role, org_id, password_hash, is_demo, inspector_id)
        select ${provinceAccountId(a.username)}, '${a.username}', '${a.displayName}', '${a.role}', id, '${options.accounts.passwordHash}', true,
          ${a.isInspector ? `pg_temp.province_id('insp0')` : 'null'}
        from province_orgs where ${orgOf[a.org]}`);
    }
  }
  const actor = options.accounts ? provinceAccountId(options.accounts.list[0]!.username) : `pg_temp.province_id('acct')`;
  const auditor = (k: number) => {
    const auditors = options.accounts?.list.filter((a) => a.role === 'auditor') ?? [];
    return auditors.length ? provinceAccountId(auditors[k % auditors.length]!.username) : `pg_temp.province_id('auditor${k}')`;
  };

  await run(`set local session_replication_role = replica`);

  say(`正在生成年度计划、月度计划和 ${months} 个月的抽取（作为导入的历史抽取）…`);
  await run(`create temp table province_draws as
    select d, b.id as org_id, b.k as brigade, d / ${B} as m,
      (date_trunc('month', date '${today}') - ((${months - 1} - d / ${B}) || ' months')::interval)::date as period_start,
      pg_temp.province_id('draw' || d) as id, pg_temp.province_id('plan' || d) as plan_id
    from generate_series(0, ${B * months - 1}) d join province_orgs b on b.kind = 'brigade' and b.k = d % ${B}`);
  await run(`insert into annual_plans (id, org_id, year, name, status, settings, created_by, created_at, updated_at, published_at, published_by)
    select pg_temp.province_id('annual' || org_id || y), org_id, y, o.name || y || '年度“双随机、一公开”抽查计划', 'published',
      '${JSON.stringify(defaultPlanSettings())}'::jsonb, ${actor}, make_date(y - 1, 12, 1), make_date(y - 1, 12, 1), make_date(y - 1, 12, 1), ${actor}
    from (select distinct org_id, extract(year from period_start)::int as y from province_draws) p join province_orgs o on o.id = p.org_id`);
  const quota = (code: string, name: string, n: string) =>
    `jsonb_build_object('code', '${code}', 'name', '${name}', 'target', null, 'covered', 0, 'remaining', null, 'monthsLeft', 13 - extract(month from period_start)::int,
      'computed', ${n}, 'candidates', ${perBrigade}, 'quota', ${n}, 'alternates', 0, 'shortBy', 0, 'adjustReason', null)`;
  await run(`insert into monthly_plans (id, annual_plan_id, org_id, year, month, status, annual_revision, quotas, capacity, eligibility, due_date, generated_at, published_at, published_by)
    select plan_id, pg_temp.province_id('annual' || org_id || extract(year from period_start)::int), org_id, extract(year from period_start)::int,
      extract(month from period_start)::int, 'published', 1,
      jsonb_build_array(${quota('key', '重点单位', `${Math.floor(perDraw / 5)}`)}, ${quota('general', '一般单位', `${perDraw - Math.floor(perDraw / 5)}`)}),
      jsonb_build_object('inspectorDays', ${inspectorsPerBrigade * 21}, 'tasksPerInspectorDay', 1, 'inspectorsPerTask', 2,
        'capacity', ${Math.floor((inspectorsPerBrigade * 21) / 2)}, 'demand', ${perDraw}, 'shortfall', ${Math.max(0, perDraw - Math.floor((inspectorsPerBrigade * 21) / 2))}),
      jsonb_build_object('on', (period_start - 5)::text, 'computedAt', to_char(period_start - 5, 'YYYY-MM-DD') || 'T01:00:00.000Z',
        'candidates', ${perBrigade}, 'excluded', 0,
        'strata', jsonb_build_array(
          jsonb_build_object('code', 'key', 'name', '重点单位', 'population', ${Math.round(perBrigade * 0.08)}, 'covered', 0, 'candidates', ${Math.round(perBrigade * 0.08)}),
          jsonb_build_object('code', 'general', 'name', '一般单位', 'population', ${perBrigade - Math.round(perBrigade * 0.08)}, 'covered', 0, 'candidates', ${perBrigade - Math.round(perBrigade * 0.08)})),
        'excludedByReason', '[]'::jsonb, 'problems', '[]'::jsonb),
      (period_start + interval '1 month' - interval '1 day')::date, period_start - 5, period_start - 3, ${actor}
    from province_draws`);
  // Imported history: the manifest has the XF-SRS/1 shape with empty lists; no seed, no result, so no bundle is offered.
  await run(`insert into draws (id, code, org_id, monthly_plan_id, status, manifest, manifest_hash, period_start, due_date, frozen_at, frozen_by, executed_at, executed_by)
    select dr.id, 'D-' || to_char(period_start, 'YYYY-MM') || '-' || o.division_code || '-000', dr.org_id, plan_id, 'executed',
      jsonb_build_object('algorithm', 'XF-SRS/1', 'drawId', dr.id, 'planId', plan_id, 'asOf', period_start::text, 'strata', '[]'::jsonb,
        'candidates', '[]'::jsonb, 'excluded', '[]'::jsonb, 'inspectors', '[]'::jsonb, 'conflicts', '[]'::jsonb,
        'assignment', jsonb_build_object('lead', 1, 'assistant', 1, 'backups', 0), 'observers', '[]'::jsonb, 'external', '[]'::jsonb,
        'importedHistory', true),
      md5('m' || d) || md5('n' || d), dr.period_start, (dr.period_start + interval '1 month' - interval '1 day')::date,
      period_start::timestamptz, ${actor}, period_start::timestamptz + interval '1 hour', ${actor}
    from province_draws dr join province_orgs o on o.id = dr.org_id`);

  say(`正在生成抽查任务（每个大队每月 ${perDraw} 项）…`);
  // Task g = draw × perDraw + r; its unit j = (m × 311 + r × step) mod perBrigade: distinct within a draw.
  const lead = (q: string) => `pg_temp.province_id('insp' || (brigade + ${B} * ((${q}) % ${inspectorsPerBrigade})))`;
  await run(`create temp table province_tasks as
    select g, pg_temp.province_id('t' || g) as id, dr.id as draw_id, dr.org_id, dr.brigade, dr.period_start,
      pg_temp.province_id('u' || (dr.brigade + ${B} * ((dr.m * 311 + r * ${step}) % ${perBrigade}))) as unit_id, r,
      abs(hashtext('t' || g)) as h, abs(hashtext('v' || g)) as h2, dr.m
    from province_draws dr, generate_series(0, ${perDraw - 1}) r, lateral (select dr.d * ${perDraw} + r as g) x`);
  await run(`alter table province_tasks add column visit date, add column v1 boolean, add column v2 boolean,
    add column outcome1 text, add column outcome2 text, add column hz1 boolean, add column hz2 boolean, add column joint boolean,
    add column status text, add column lines1 int, add column lines2 int`);
  // Rates as simulate-year's (src/demo/simulate-year-rates.ts): 无法检查, hazards, joint inspections.
  await run(`update province_tasks set
      visit = least(period_start + (h % 28), date '${today}'),
      status = case when h % 100 = 97 then 'replaced' when h % 100 = 98 then 'cancelled'
        when h % 100 = 99 or (period_start + (h % 28) >= date '${today}') then 'assigned' else 'done' end,
      outcome1 = case when h2 % 100 < ${pct(SIMULATION_RATES.unable)} then 'unable' else 'inspected' end,
      hz1 = h2 / 100 % 100 < ${pct(SIMULATION_RATES.withHazards)},
      joint = h2 / 10000 % 100 < ${pct(SIMULATION_RATES.joint)},
      lines1 = case when h2 / 1000000 % 100 < 55 then 1 when h2 / 1000000 % 100 < 85 then 2 else 3 end,
      v2 = h / 100 % 100 < 5`);
  await run(`update province_tasks set v1 = status = 'done', outcome2 = case when h / 10000 % 10 = 0 then 'unable' else 'inspected' end,
      hz2 = case when h / 100000 % 3 = 0 then not hz1 else hz1 end, lines2 = 1 + h / 1000000 % 3`);
  await run(`update province_tasks set v2 = v1 and v2, hz1 = hz1 and outcome1 = 'inspected'`);
  await run(`update province_tasks set hz2 = hz2 and outcome2 = 'inspected'`);
  await run(`insert into tasks (id, draw_id, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status, kind, visit_date)
    select id, draw_id, org_id, unit_id, case when r < ${Math.floor(perDraw / 5)} then 'key' else 'general' end, r, array[${lead('g')}],
      ${inspectorsPerBrigade > 1 ? `array[${lead('g + 1')}]` : `'{}'::uuid[]`}, '{"lead": [], "assistant": []}'::jsonb,
      (period_start + interval '1 month' - interval '1 day')::date, status, 'draw', case when v1 then visit end
    from province_tasks`);

  say('正在生成检查记录（含更正版本）…');
  const lines = (count: string) =>
    `(select coalesce(jsonb_agg(jsonb_build_object('versionId', pg_temp.province_id('civ' || s), 'code', 'XF-0' || s, 'result', 'fail', 'note', '',
        'uncheckedReason', '', 'hazard', jsonb_build_object('description', (${lit(HAZARDS.map((x) => x[1]))})[s],
        'location', (${lit(HAZARDS.map((x) => x[2]))})[s], 'legalBasis', (${lit(HAZARDS.map((x) => x[3]))})[s], 'fixedOnSpot', s = 1 and h % 4 = 0),
        'photos', '[]'::jsonb) order by s), '[]'::jsonb) from generate_series(1, ${count}) s)`;
  const record = (version: 1 | 2 | 3, outcome: string, hz: string, lineCount: string) => `
    select pg_temp.province_id('r${version}' || g), id, ${version}, ${version > 1 ? `pg_temp.province_id('r${version - 1}' || g)` : 'null'}, ${version > 1 ? `'更正检查记录'` : 'null'},
      ${outcome},
      jsonb_build_object('taskId', id, 'outcome', ${outcome},
        'startedAt', to_char(visit, 'YYYY-MM-DD') || 'T09:30:00+08:00', 'endedAt', to_char(visit, 'YYYY-MM-DD') || 'T10:40:00+08:00',
        'accompanying', jsonb_build_object('name', '', 'title', ''),
        'jointStaffIds', case when joint then jsonb_build_array(pg_temp.province_id('j' || g)) else '[]'::jsonb end,
        'lines', case when ${hz} then ${lines(lineCount)} else '[]'::jsonb end,
        'conclusion', case when ${outcome} = 'inspected' then (case when ${hz} then 'hazards_found' else 'no_hazard' end) end,
        'unable', case when ${outcome} = 'unable' then jsonb_build_object('reason', (array['closed', 'not_found', 'closed', 'refused'])[1 + h2 % 4],
          'detail', '到场时单位大门紧闭，无人应答', 'photos', '[]'::jsonb) end,
        'remarks', '导入的历史检查记录'),
      md5('b${version}' || g) || md5('c' || g), '[]'::jsonb, md5('s${version}' || g) || md5('d' || g), '{}'::jsonb, visit,
      ${actor}, ${lead('g')}, visit::timestamptz + interval '10 hours' + (${version} - 1) * interval '2 days'`;
  const recordColumns = `(id, task_id, version, corrects_id, correction_reason, outcome, body, body_hash, signatures, submission_hash, snapshot,
    visit_date, submitted_by, submitted_by_inspector, submitted_at)`;
  await run(`insert into inspection_records ${recordColumns} ${record(1, 'outcome1', 'hz1', 'lines1')} from province_tasks where v1`);
  await run(`insert into inspection_records ${recordColumns} ${record(2, 'outcome2', 'hz2', 'lines2')} from province_tasks where v2`);
  await run(`insert into inspection_records ${recordColumns} ${record(3, 'outcome2', 'hz2', 'lines2')} from province_tasks where v2 and h / 1000 % 100 < 50`);

  say('正在生成隐患、整改通知书、复查、立案处罚和临时查封…');
  await run(`create temp table province_findings as
    select g, id as task_id, org_id, brigade, unit_id, visit, h, h2,
      case when v2 then (case when h / 1000 % 100 < 50 then 3 else 2 end) else 1 end as version,
      case when v2 then lines2 else lines1 end as hazard_count
    from province_tasks where v1 and ((v2 and hz2) or (not v2 and hz1))`);
  await run(`insert into hazards (id, org_id, unit_id, task_id, record_id, line_code, seq, description, location, legal_basis, fixed_on_spot, found_on, stage)
    select pg_temp.province_id('h' || g || '-' || s), org_id, unit_id, task_id, pg_temp.province_id('r' || version || g), 'XF-0' || s, s,
      (${lit(HAZARDS.map((x) => x[1]))})[s], (${lit(HAZARDS.map((x) => x[2]))})[s], (${lit(HAZARDS.map((x) => x[3]))})[s],
      s = 1 and h % 4 = 0, visit, (array['ordered', 'reinspection', 'corrected', 'case', 'closed', 'closed'])[1 + (h / 7 + s) % 6]
    from province_findings, generate_series(1, hazard_count) s`);
  await run(`insert into hazards (id, org_id, unit_id, task_id, record_id, line_code, seq, description, location, legal_basis, fixed_on_spot, found_on, stage)
    select pg_temp.province_id('h1-' || t.g || '-' || s), t.org_id, t.unit_id, t.id, pg_temp.province_id('r1' || t.g), 'XF-0' || s, s,
      (${lit(HAZARDS.map((x) => x[1]))})[s], (${lit(HAZARDS.map((x) => x[2]))})[s], (${lit(HAZARDS.map((x) => x[3]))})[s], false, t.visit, 'superseded'
    from province_tasks t, generate_series(1, t.lines1) s where t.v2 and t.hz1`);
  await run(`create temp table province_notices as
    select f.*, case when h % 10 < 3 then 'immediate_notice' else 'deadline_notice' end as doc_type,
      least(visit + (h / 10 % 3), date '${today}') as issue_date
    from province_findings f`);
  await run(`insert into documents (id, org_id, unit_id, doc_type, number, year, seq, issue_date, task_id, record_id, content, content_hash, check_code, status, issued_by, issued_at)
    select pg_temp.province_id('doc' || g), x.org_id, unit_id, doc_type,
      substr(o.short_name, 1, 2) || '消' || case when doc_type = 'immediate_notice' then '当' else '限' end || '字〔' || extract(year from issue_date) || '〕第' || lpad(seq::text, 4, '0') || '号',
      extract(year from issue_date)::int, seq, issue_date, task_id, pg_temp.province_id('r' || version || g), '{}'::jsonb, md5('dc' || g) || md5('dd' || g),
      upper(substr(md5('cc' || g), 1, 12)), case when h / 1000 % 200 = 0 then 'voided' else 'issued' end, ${actor}, issue_date::timestamptz + interval '15 hours'
    from (select n.*, row_number() over (partition by org_id, doc_type, extract(year from issue_date) order by g) as seq from province_notices n) x
    join province_orgs o on o.id = x.org_id`);
  await run(`create temp table province_reinspections as
    select g, pg_temp.province_id('rt' || g) as id, org_id, brigade, unit_id, issue_date + 15 + h2 % 16 as due, h, h2,
      case when h2 / 7 % 100 < 3 then 'cancelled'
        when issue_date + 15 + h2 % 16 - 10 + h / 13 % 13 + case when h / 17 % 100 < ${pct(SIMULATION_RATES.lateReinspection)} then 12 else 0 end <= date '${today}' then 'done'
        else 'assigned' end as status,
      issue_date + 15 + h2 % 16 - 10 + h / 13 % 13 + case when h / 17 % 100 < ${pct(SIMULATION_RATES.lateReinspection)} then 12 else 0 end as visit
    from province_notices where doc_type = 'deadline_notice'`);
  await run(`insert into tasks (id, draw_id, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status, kind, follows_document_id, visit_date)
    select id, null, org_id, unit_id, 'reinspection', 0, array[${lead('g')}],
      ${inspectorsPerBrigade > 1 ? `array[${lead('g + 1')}]` : `'{}'::uuid[]`}, '{"lead": [], "assistant": []}'::jsonb, due, status,
      'reinspection', pg_temp.province_id('doc' || g), case when status = 'done' then visit end
    from province_reinspections`);
  await run(`insert into inspection_records ${recordColumns}
    select pg_temp.province_id('rr' || g), id, 1, null, null, 'inspected',
      jsonb_build_object('taskId', id, 'outcome', 'inspected',
        'startedAt', to_char(visit, 'YYYY-MM-DD') || 'T14:00:00+08:00', 'endedAt', to_char(visit, 'YYYY-MM-DD') || 'T14:40:00+08:00',
        'accompanying', jsonb_build_object('name', '', 'title', ''), 'jointStaffIds', '[]'::jsonb, 'lines', '[]'::jsonb,
        'conclusion', 'no_hazard', 'unable', null, 'remarks', '复查：隐患已整改'),
      md5('rb' || g) || md5('rc' || g), '[]'::jsonb, md5('rs' || g) || md5('rd' || g), '{}'::jsonb, visit, ${actor}, ${lead('g')},
      visit::timestamptz + interval '14 hours'
    from province_reinspections where status = 'done'`);
  // A case for the hazards a 复查 found not corrected (simulate-year's rate), 90 % decided: warning or fine.
  await run(`create temp table province_cases as
    select f.g, f.org_id, f.unit_id, f.visit, f.h, f.h2, u.name as unit_name, u.uscc, u.district_code, u.address
    from province_findings f join units u on u.id = f.unit_id where f.h / 100 % 100 < ${pct(SIMULATION_RATES.notCorrected)}`);
  await run(`alter table province_cases add column status text, add column penalty text, add column fine int, add column decided date`);
  await run(`update province_cases set
      status = case when h2 % 10 = 0 or visit + 20 + h2 % 40 > date '${today}' then 'open' when h2 % 10 < 6 then 'decided' when h2 % 10 < 9 then 'closed' else 'revoked' end,
      penalty = case when h2 / 10 % 10 < 3 then 'warning' else 'fine' end,
      fine = (array[5000, 8000, 10000, 15000, 20000, 30000, 50000])[1 + h2 / 100 % 7]`);
  await run(`update province_cases set decided = case when status <> 'open' then visit + 20 + h2 % 40 end,
      penalty = case when status <> 'open' then penalty end, fine = case when status <> 'open' and penalty = 'fine' then fine end`);
  await run(`insert into cases (id, org_id, unit_id, number, opened_on, opened_by, reason, party_kind, party_name, procedure, status, penalty_kind, fine_amount, decided_on, payment_status)
    select pg_temp.province_id('case' || g), org_id, unit_id, '消行罚决字〔' || extract(year from visit) || '〕' || lpad((g % 1000000)::text, 6, '0') || '号', visit + 3, ${actor},
      '复查发现火灾隐患逾期未改正', 'organisation', unit_name, 'general', status, penalty, fine, decided, 'not_applicable'
    from province_cases`);
  await run(`insert into sealings (id, org_id, unit_id, places, reason, decided_at, deciders, sealed_on, sealed_until, created_by)
    select pg_temp.province_id('seal' || g), org_id, unit_id, '二层仓库', '疏散通道堵塞，不及时消除可能严重威胁公共安全', visit::timestamptz, '大队长', visit, visit + 30, ${actor}
    from province_findings where h / 100 % 100 = 99`);

  if (size.publications) {
    say('正在生成公示信息（检查结果和行政处罚结果）…');
    // Bigrams as publicationSearchGrams makes them (lower-cased name and credit code, never across the two), in a
    // loop: three times faster than a subquery per row here.
    await run(`create function pg_temp.province_grams(a text, b text) returns text[] language plpgsql immutable as $$
      declare grams text[] := '{}'; i int;
      begin
        for i in 1 .. char_length(a) - 1 loop grams := grams || substr(a, i, 2); end loop;
        for i in 1 .. char_length(b) - 1 loop grams := grams || substr(b, i, 2); end loop;
        return array(select distinct g from unnest(grams) as g order by 1);
      end $$`);
    const items = JSON.stringify(CHECK_ITEMS.map(([code, name]) => ({ code, name })));
    await run(`insert into publications (id, kind, org_id, unit_id, task_id, draw_id, event_date, status, content, unit_name, uscc, district_code, outcome,
        search_grams, published_on, published_at, created_on)
      select pg_temp.province_id('pub' || t.g), 'result', t.org_id, t.unit_id, t.id, t.draw_id, t.visit,
        case when t.h2 / 3 % 100 < 96 then 'published' else 'pending' end,
        jsonb_build_object('kind', 'result', 'brigadeName', o.name, 'unitName', u.name, 'uscc', u.uscc, 'address', u.address,
          'districtCode', u.district_code, 'drawCode', d.code, 'inspectedOn', t.visit::text, 'outcome', x.outcome,
          'unableReason', case when x.outcome = 'unable' then (array['closed', 'not_found', 'closed', 'refused'])[1 + t.h2 % 4] end,
          'items', '${items}'::jsonb,
          'hazards', case when x.outcome = 'hazards' then (select jsonb_agg(jsonb_build_object('seq', s, 'item', (${lit(HAZARDS.map((y) => y[0]))})[s],
            'text', (${lit(HAZARDS.map((y) => y[1]))})[s], 'fixedOnSpot', s = 1 and t.h % 4 = 0) order by s) from generate_series(1, x.lines) s) else '[]'::jsonb end,
          'recordVersion', x.version),
        u.name, u.uscc, u.district_code, x.outcome, pg_temp.province_grams(lower(u.name), lower(u.uscc)),
        case when t.h2 / 3 % 100 < 96 then least(t.visit + 5, date '${today}') end,
        case when t.h2 / 3 % 100 < 96 then least(t.visit + 5, date '${today}')::timestamptz + interval '9 hours' end,
        t.visit
      from province_tasks t
      cross join lateral (select case when t.v2 then (case when t.h / 1000 % 100 < 50 then 3 else 2 end) else 1 end as version,
        case when (case when t.v2 then t.outcome2 else t.outcome1 end) = 'unable' then 'unable'
          when (case when t.v2 then t.hz2 else t.hz1 end) then 'hazards' else 'no_hazard' end as outcome,
        case when t.v2 then t.lines2 else t.lines1 end as lines) x
      join units u on u.id = t.unit_id join province_orgs o on o.id = t.org_id join draws d on d.id = t.draw_id
      where t.v1`);
    await run(`insert into publications (id, kind, org_id, unit_id, case_id, event_date, status, content, unit_name, uscc, district_code, outcome,
        search_grams, published_on, published_at, display_until, created_on)
      select pg_temp.province_id('pubc' || c.g), 'penalty', c.org_id, c.unit_id, pg_temp.province_id('case' || c.g), c.decided, 'published',
        jsonb_build_object('kind', 'penalty', 'brigadeName', o.name, 'unitName', c.unit_name, 'uscc', c.uscc, 'partyKind', 'organisation',
          'partyName', c.unit_name, 'decisionNumber', '消行罚决字〔' || extract(year from c.visit) || '〕' || lpad((c.g % 1000000)::text, 6, '0') || '号',
          'decidedOn', c.decided::text, 'citation', '《中华人民共和国消防法》第六十条第一款', 'penaltyKind', c.penalty, 'fineAmount', c.fine,
          'facts', jsonb_build_array('疏散通道堆放杂物，影响人员安全疏散')),
        c.unit_name, c.uscc, c.district_code, c.penalty, pg_temp.province_grams(lower(c.unit_name), lower(c.uscc)),
        least(c.decided + 3, date '${today}'), least(c.decided + 3, date '${today}')::timestamptz + interval '9 hours',
        (least(c.decided + 3, date '${today}') + case when c.penalty = 'warning' or c.fine <= 10000 then interval '3 months' else interval '3 years' end)::date,
        c.decided
      from province_cases c join province_orgs o on o.id = c.org_id where c.status in ('decided', 'closed')`);
  }

  if (size.callbackQuarters > 0) {
    say(`正在生成 ${size.callbackQuarters} 个季度的纪检回访…`);
    // The first 支队's 纪检 calls back units its brigades inspected in each of the last quarters (imported, no bundle).
    await run(`create temp table province_rounds as
      select q, pg_temp.province_id('cbr' || q) as id, to_char(qs, 'YYYY') || 'Q' || extract(quarter from qs) as quarter, qs, (qs + interval '3 months')::date as qe
      from (select q, (date_trunc('quarter', date '${today}') - ((q + 1) * 3 || ' months')::interval)::date as qs from generate_series(0, ${size.callbackQuarters - 1}) q) x`);
    await run(`insert into callback_rounds (id, code, org_id, quarter, status, manifest, manifest_hash, frozen_at, frozen_by, executed_at, executed_by)
      select r.id, 'HFLS' || replace(r.quarter, 'Q', '-') , o.id, r.quarter, 'executed',
        jsonb_build_object('algorithm', 'XF-SRS/1', 'drawId', r.id, 'planId', r.id, 'asOf', r.qe::text, 'strata', '[]'::jsonb, 'candidates', '[]'::jsonb,
          'excluded', '[]'::jsonb, 'inspectors', '[]'::jsonb, 'conflicts', '[]'::jsonb, 'assignment', jsonb_build_object('lead', 0, 'assistant', 0, 'backups', 0),
          'observers', '[]'::jsonb, 'external', '[]'::jsonb, 'importedHistory', true),
        md5('cbm' || r.q) || md5('cbn' || r.q), r.qe::timestamptz + interval '5 days', ${auditor(0)}, r.qe::timestamptz + interval '6 days', ${auditor(0)}
      from province_rounds r, province_orgs o where o.kind = 'detachment' and o.k = 0`);
    await run(`create temp table province_callbacks as
      select r.id as round_id, r.q, r.qe, t.g, t.unit_id, t.org_id, t.h, t.h2,
        row_number() over (partition by r.id order by t.h) - 1 as rank
      from province_rounds r join province_tasks t on t.v1 and t.visit >= r.qs and t.visit < r.qe
      join province_orgs o on o.id = t.org_id and o.parent_id = pg_temp.province_id('det0')`);
    await run(`delete from province_callbacks where rank >= 30`);
    await run(`insert into callback_units (id, round_id, unit_id, brigade_id, stratum, rank, caller_id, recorder_id, status, created_at)
      select pg_temp.province_id('cbu' || q || '-' || rank), round_id, unit_id, org_id, 'inspected', rank, ${auditor(0)}, ${auditor(1)},
        case when qe + 20 > date '${today}' and rank % 3 = 0 then 'open' else 'recorded' end, qe::timestamptz + interval '6 days'
      from province_callbacks`);
    await run(`insert into callback_records (id, callback_unit_id, reached, attempts, satisfaction, conduct_reported, conduct_text, notes, recorded_by, recorded_at)
      select pg_temp.province_id('cbrec' || q || '-' || rank), pg_temp.province_id('cbu' || q || '-' || rank), h % 10 <> 0, 1 + h % 3,
        case when h % 10 <> 0 then (array[5, 5, 5, 4, 4, 3])[1 + h2 % 6] end, false, '', case when h % 10 = 0 then '三次拨打均无人接听' else '' end,
        ${auditor(1)}, qe::timestamptz + interval '12 days'
      from province_callbacks where not (qe + 20 > date '${today}' and rank % 3 = 0)`);
  }

  await run(`set local session_replication_role = origin`);
  say('正在重建索引…');
  // A GIN index over a million units' bigrams builds several times faster with room to sort in (the default is 64 MB);
  // only at a size PGlite never gets (its memory is the process's).
  if (perBrigade * B >= 200_000) await run(`set local maintenance_work_mem = '1GB'`);
  for (const { indexdef } of indexRows) await run(indexdef);
  // Every cell of the period marked, as the migration does for rows already there: the caller folds them.
  await run(`insert into statistics_dirty (org_id, month)
    select o.id, statistics_month(m::date)
    from province_orgs o, generate_series(date_trunc('month', date '${today}') - interval '${months + 1} months', date_trunc('month', date '${today}') + interval '3 months', interval '1 month') m
    where o.kind = 'brigade'
    on conflict (org_id, month) do nothing`);
  for (const t of ['province_orgs', 'province_draws', 'province_tasks', 'province_findings', 'province_notices', 'province_reinspections', 'province_cases'])
    await run(`drop table ${t}`);
  if (size.callbackQuarters > 0) for (const t of ['province_rounds', 'province_callbacks']) await run(`drop table ${t}`);
  // Planner statistics before anything reads the new rows (the rollup's fold joins them all).
  for (const t of BIG_TABLES) await run(`analyze ${t}`);
  if (size.publications) await run(`drop function pg_temp.province_grams(text, text)`);
  await run(`drop function pg_temp.province_uscc(text)`);
  await run(`drop function pg_temp.province_id(text)`);
  await run(`drop function pg_temp.province_org_check(text)`);
}

/** Whether the database holds any registry or user data (the province set goes only into an empty one). */
export async function holdsRegistryData(db: Db): Promise<boolean> {
  const result = await db.execute(
    sql.raw(`select exists (select 1 from orgs) or exists (select 1 from units) or exists (select 1 from accounts) as any`),
  );
  return Boolean((result as unknown as { rows: { any: boolean }[] }).rows[0]?.any);
}

/** Row counts of the tables the province set fills (printed by the CLI, checked by the tests). */
export async function countProvinceRows(db: Db): Promise<Record<string, number>> {
  const tables = ['orgs', 'inspectors', 'units', 'accounts', 'annual_plans', 'monthly_plans', 'draws', 'tasks', 'inspection_records', 'hazards', 'documents', 'cases', 'sealings', 'publications', 'callback_rounds', 'callback_units', 'callback_records', 'statistics_rollup', 'audit_log'];
  const result = await db.execute(sql.raw(`select ${tables.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}`));
  return (result as unknown as { rows: Record<string, number>[] }).rows[0]!;
}
