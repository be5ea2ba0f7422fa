import { DEMO_PASSWORD } from '../../demo/generate-demo-data.ts';
import { analyzeTables, vacuumPortalTables, vacuumUnits, type DatabaseKind, type Db, type Tx } from '../../db/client.ts';
import { refreshStatisticsRollup } from '../../db/statistics-queries.ts';
import { localDate } from '../../domain/local-date.ts';
import { recordSystemAudit } from '../lib/audit.ts';
import { hashPassword } from '../lib/passwords.ts';
import { countProvinceRows, holdsRegistryData, writeProvinceRows, type ProvinceAccount, type ProvinceSize } from '../../db/province-seed-queries.ts';

/** `--scale province`: 1,000,000 units, 3,000 inspectors, 100 大队 under 11 支队, two years of plans and draws. */
export const PROVINCE_SCALE: ProvinceSize = {
  units: 1_000_000,
  brigades: 100,
  detachments: 11,
  inspectors: 3_000,
  months: 24,
  perDraw: 420,
  callbackQuarters: 4,
  publications: true,
};

/** PGlite runs one query at a time in this process: up to this many units it is allowed (a few minutes). */
export const PGLITE_MAX_UNITS = 50_000;

/** The size for `--units N --brigades M`: province proportions (30 inspectors and ≈ 4.2 % of the units drawn a month per brigade). */
export function provinceSizeFor(units: number, brigades: number): ProvinceSize {
  const perBrigade = Math.floor(units / brigades);
  return {
    ...PROVINCE_SCALE,
    units,
    brigades,
    inspectors: Math.max(brigades * 2, Math.round((PROVINCE_SCALE.inspectors / PROVINCE_SCALE.brigades) * brigades)),
    perDraw: Math.max(1, Math.round((perBrigade * PROVINCE_SCALE.perDraw) / (PROVINCE_SCALE.units / PROVINCE_SCALE.brigades))),
  };
}

/** The demo logins of the province data set (password DEMO_PASSWORD, as the small demo's). */
export const PROVINCE_ACCOUNTS: ProvinceAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', org: 'corps', isInspector: false },
  { username: 'zongdui', displayName: '陈建国', role: 'org_admin', org: 'corps', isInspector: false },
  { username: 'zhidui', displayName: '王志强', role: 'org_admin', org: 'detachment0', isInspector: false },
  { username: 'dadui', displayName: '李晓东', role: 'brigade_admin', org: 'brigade0', isInspector: false },
  { username: 'dadui2', displayName: '张海峰', role: 'brigade_admin', org: 'brigade1', isInspector: false },
  { username: 'jiandu', displayName: '监督员', role: 'inspector', org: 'brigade0', isInspector: true },
  { username: 'jijian', displayName: '刘文静', role: 'auditor', org: 'detachment0', isInspector: false },
  { username: 'jijian2', displayName: '赵丽萍', role: 'auditor', org: 'detachment0', isInspector: false },
];

export type SeedProvinceResult =
  | { seeded: false; reason: string }
  | { seeded: true; counts: Record<string, number>; accounts: { username: string; role: string; displayName: string }[]; seconds: number };

/**
 * Loads the province-sized demo data set (docs/decisions/0033-province-data.md) into an empty database: the rows
 * set-based in one transaction with one audit entry for the whole load, then the statistics rollup folded and the
 * planner statistics refreshed. Refuses a database with data, and on PGlite more than PGLITE_MAX_UNITS units.
 */
export async function seedProvinceDemo(
  database: { db: Db; kind: DatabaseKind },
  options: { size: ProvinceSize; now: Date; onProgress: (message: string) => void },
): Promise<SeedProvinceResult> {
  const { db } = database;
  const { size } = options;
  if (database.kind === 'pglite' && size.units > PGLITE_MAX_UNITS)
    return {
      seeded: false,
      reason: `嵌入式数据库（PGlite）一次只能执行一条语句，载入 ${size.units.toLocaleString()} 家单位需要很长时间：请设置 DATABASE_URL 使用 PostgreSQL，或用 --units（不超过 ${PGLITE_MAX_UNITS.toLocaleString()}）载入较小的数据集`,
    };
  if (!Number.isInteger(size.units) || !Number.isInteger(size.brigades) || size.brigades < 1 || size.units < size.brigades * 10)
    return { seeded: false, reason: '单位数应至少为大队数的 10 倍' };
  if (await holdsRegistryData(db)) return { seeded: false, reason: '数据库中已有数据（机构、单位或账号），未载入省级演示数据：请换用一个空数据库' };

  const started = performance.now();
  const say = (message: string) => options.onProgress(`[${Math.round((performance.now() - started) / 1000)} 秒] ${message}`);
  const today = localDate(options.now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx: Tx) => {
    await writeProvinceRows(tx, size, { today, accounts: { list: PROVINCE_ACCOUNTS, passwordHash }, onProgress: say });
    // The bulk rows have no audit entries of their own: one entry, chained like any other, records the whole load.
    await recordSystemAudit(tx, { db, ip: null, now: options.now, actorName: '系统' }, {
      action: 'system.seed_demo',
      targetType: 'system',
      targetId: null,
      orgId: null,
      summary: { scale: 'province', asOf: today, ...size, accounts: PROVINCE_ACCOUNTS.map((a) => a.username) },
    });
  });

  say('正在刷新统计汇总…');
  while ((await refreshStatisticsRollup(db, { maxCells: 100_000 })) > 0);
  say('正在更新查询统计信息…');
  await analyzeTables(db);
  await vacuumPortalTables(db);
  // The visibility map of the million units, as autovacuum leaves it after a bulk load: the unit list's capped count
  // reads the brigade index alone where every page is all-visible.
  await vacuumUnits(db);
  const counts = await countProvinceRows(db);
  return {
    seeded: true,
    counts,
    accounts: PROVINCE_ACCOUNTS.map((a) => ({ username: a.username, role: a.role, displayName: a.displayName })),
    seconds: Math.round((performance.now() - started) / 1000),
  };
}
