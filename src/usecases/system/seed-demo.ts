import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, generateDemoData } from '../../demo/generate-demo-data.ts';
import { unitSearchGrams } from '../../domain/registry/search-grams.ts';
import { duplicateKey } from '../../domain/registry/unit-rules.ts';
import { findAccountByUsername, insertAccounts } from '../../db/account-queries.ts';
import { analyzeTables, type Db, type Tx } from '../../db/client.ts';
import { insertAvailability, insertInspector, insertRecusal } from '../../db/inspector-queries.ts';
import { countOrgs, insertOrg, insertZone, setZoneMembers } from '../../db/org-queries.ts';
import { insertAnnualPlan, insertInspectionHistory, insertTriggerEvent } from '../../db/plan-queries.ts';
import { findFirstUnitOfBrigade, insertUnits, unitIdsByUscc } from '../../db/unit-queries.ts';
import { generateDemoHistory } from '../../demo/generate-demo-history.ts';
import { localDate } from '../../domain/local-date.ts';
import { defaultPlanSettings } from '../../domain/plans/plan-settings.ts';
import { nextYearMonth, yearMonthOf } from '../../domain/calendar/year-month.ts';
import { runMonthlyPlanScheduler } from '../plans/run-monthly-plan-scheduler.ts';
import { recordSystemAudit } from '../lib/audit.ts';
import { hashPassword } from '../lib/passwords.ts';

/**
 * Two years of inspection history, the 2026-style annual plans of 婺城 and 金东 (default rules, published) and
 * two open trigger events, so the plan pages have something true to show on first start.
 */
async function seedPlanDemo(
  tx: Tx,
  data: ReturnType<typeof generateDemoData>,
  o: { seed: number; asOf: string; now: Date; orgId: (key: string) => string; adminId: string },
): Promise<void> {
  const idByUscc = await unitIdsByUscc(tx);
  const unitIds = data.units.map((u) => idByUscc.get(u.uscc)!);
  const history = generateDemoHistory(
    data.units.map((u, index) => ({ index, category: u.category, isCrowded: u.isCrowded, status: u.status })),
    { seed: o.seed, asOf: o.asOf },
  );
  await insertInspectionHistory(
    tx,
    history.map((h) => ({ unitId: unitIds[h.unitIndex]!, inspectedOn: h.on, kind: h.kind, source: 'legacy' as const, note: '演示数据：原系统检查记录' })),
  );
  const year = Number(o.asOf.slice(0, 4));
  for (const [key, name] of [
    ['wucheng', '婺城区消防救援大队'],
    ['jindong', '金东区消防救援大队'],
  ] as const) {
    await insertAnnualPlan(tx, {
      orgId: o.orgId(key),
      year,
      name: `${name}${year}年度“双随机、一公开”抽查计划`,
      status: 'published',
      settings: defaultPlanSettings(),
      createdBy: o.adminId,
      createdAt: o.now,
      updatedAt: o.now,
      publishedAt: o.now,
      publishedBy: o.adminId,
    });
  }
  const wucheng = data.units.flatMap((u, i) => (u.brigadeKey === 'wucheng' && u.status === 'active' && u.category === 'general' ? [unitIds[i]!] : []));
  await insertTriggerEvent(tx, { unitId: wucheng[5]!, orgId: o.orgId('wucheng'), kind: 'complaint', receivedOn: o.asOf, summary: '群众来电反映楼梯间堆放杂物、安全出口上锁', reference: '12345-演示-001', createdBy: o.adminId, createdAt: o.now });
  await insertTriggerEvent(tx, { unitId: wucheng[17]!, orgId: o.orgId('wucheng'), kind: 'bad_credit', receivedOn: o.asOf, summary: '市场监管推送：列入经营异常名录', reference: null, createdBy: o.adminId, createdAt: o.now });
}

/** Next month's draft plans, as the scheduler would make them (skipped when next month's year has no calendar). */
async function generateDemoMonthlyPlans(db: Db, now: Date): Promise<void> {
  await runMonthlyPlanScheduler({ db, ip: null, now, actorName: '系统定时任务' }, { month: nextYearMonth(yearMonthOf(localDate(now))) });
}

export type SeedDemoResult =
  | { seeded: false; reason: string }
  | { seeded: true; orgs: number; units: number; inspectors: number; accounts: { username: string; role: string; displayName: string }[] };

const UNIT_SLICE = 1000;
const DEMO_SPECIALTIES = ['建筑防火', '消防设施', '电气防火', '危险化学品', '人员密集场所', '高层建筑', '消防产品', '火灾调查'];

/**
 * Loads the deterministic demo data set (one 支队, three 大队, ~12,000 units, inspectors, one account per
 * role) into an empty database, in one transaction. Refuses if any organisation exists already.
 */
export async function seedDemo(db: Db, options: { seed: number; now: Date; unitCount?: number }): Promise<SeedDemoResult> {
  if ((await countOrgs(db)) > 0) return { seeded: false, reason: '数据库中已有机构数据，未载入演示数据' };

  const asOf = localDate(options.now);
  const data = generateDemoData({ seed: options.seed, asOf, ...(options.unitCount ? { unitCount: options.unitCount } : {}) });
  const passwordHashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction(async (tx: Tx) => {
    const orgIds = new Map<string, { id: string; path: string }>();
    for (const org of data.orgs) {
      const id = randomUUID();
      const parent = org.parentKey ? orgIds.get(org.parentKey) : undefined;
      const path = `${parent?.path ?? '/'}${id}/`;
      orgIds.set(org.key, { id, path });
      await insertOrg(tx, {
        id,
        parentId: parent?.id ?? null,
        kind: org.kind,
        name: org.name,
        shortName: org.shortName,
        divisionCode: org.divisionCode,
        path,
      });
    }
    const orgId = (key: string) => orgIds.get(key)!.id;

    for (const zone of data.zones) {
      const zoneId = await insertZone(tx, { detachmentId: orgId(zone.detachmentKey), name: zone.name });
      await setZoneMembers(tx, zoneId, zone.brigadeKeys.map((k) => orgId(k)));
    }

    const inspectorIds = new Map<string, string>();
    for (const [i, inspector] of data.inspectors.entries()) {
      const id = randomUUID();
      inspectorIds.set(inspector.badgeNo, id);
      const { brigadeKey, ...fields } = inspector;
      const specialties = [DEMO_SPECIALTIES[i % DEMO_SPECIALTIES.length]!, DEMO_SPECIALTIES[(i + 3) % DEMO_SPECIALTIES.length]!];
      await insertInspector(tx, { id, orgId: orgId(brigadeKey), ...fields, specialties });
    }

    // A slice at a time: a unit's row with its search bigrams is several times the size of the generated unit.
    for (let i = 0; i < data.units.length; i += UNIT_SLICE) {
      await insertUnits(
        tx,
        data.units.slice(i, i + UNIT_SLICE).map(({ brigadeKey, statusChangedAt, createdAt, updatedAt, ...fields }) => ({
          ...fields,
          duplicateKey: duplicateKey(fields.name, fields.address),
          searchGrams: unitSearchGrams(fields),
          statusEffectiveOn: statusChangedAt ? statusChangedAt.slice(0, 10) : null,
          statusReason: statusChangedAt ? '演示数据' : null,
          brigadeId: orgId(brigadeKey),
          statusChangedAt: statusChangedAt ? new Date(statusChangedAt) : null,
          createdAt: new Date(createdAt),
          updatedAt: new Date(updatedAt),
        })),
      );
    }

    await insertAccounts(
      tx,
      data.accounts.map((a, i) => ({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        orgId: orgId(a.orgKey),
        passwordHash: passwordHashes[i]!,
        isDemo: true,
        inspectorId: a.inspectorBadgeNo ? (inspectorIds.get(a.inspectorBadgeNo) ?? null) : null,
      })),
    );

    // A little life in the inspector registry: someone on leave this week, a lifted freeze, a 回避.
    const adminId = (await findAccountByUsername(tx, 'wucheng'))!.account.id;
    const wuchengInspectors = data.inspectors.filter((x) => x.brigadeKey === 'wucheng').map((x) => inspectorIds.get(x.badgeNo)!);
    const day = (offset: number) => localDate(new Date(options.now.getTime() + offset * 86_400_000));
    await insertAvailability(tx, { inspectorId: wuchengInspectors[2]!, kind: 'leave', fromDate: day(-1), toDate: day(5), reason: '年休假', createdBy: adminId });
    await insertAvailability(tx, {
      inspectorId: wuchengInspectors[3]!,
      kind: 'frozen',
      fromDate: day(-60),
      toDate: null,
      reason: '执法过错调查期间暂停执法',
      createdBy: adminId,
      liftedAt: new Date(options.now.getTime() - 30 * 86_400_000),
      liftedBy: adminId,
      liftReason: '调查结束，未发现执法过错',
    });
    const firstUnit = await findFirstUnitOfBrigade(tx, orgId('wucheng'));
    await seedPlanDemo(tx, data, { seed: options.seed, asOf, now: options.now, orgId, adminId });
    await insertRecusal(tx, { inspectorId: wuchengInspectors[0]!, unitId: firstUnit!.id, reason: '近亲属在该单位任职', validFrom: day(-365), createdBy: adminId });

    await recordSystemAudit(tx, { db, ip: null, now: options.now, actorName: '系统' }, {
      action: 'system.seed_demo',
      targetType: 'system',
      targetId: null,
      orgId: null,
      summary: {
        seed: options.seed,
        orgs: data.orgs.length,
        units: data.units.length,
        inspectors: data.inspectors.length,
        accounts: data.accounts.map((a) => a.username),
      },
    });
  });

  // Fresh statistics so the planner uses the indexes (PGlite runs no autovacuum).
  await analyzeTables(db);
  await generateDemoMonthlyPlans(db, options.now);
  return {
    seeded: true,
    orgs: data.orgs.length,
    units: data.units.length,
    inspectors: data.inspectors.length,
    accounts: data.accounts.map((a) => ({ username: a.username, role: a.role, displayName: a.displayName })),
  };
}
