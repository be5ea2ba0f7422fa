import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { monthlyPlans, orgs } from '../src/db/schema.ts';
import { fromHex } from '../src/domain/crypto/sha256.ts';
import { commitmentOf } from '../src/domain/draw/seed.ts';
import { executeDraw } from '../src/usecases/draws/execute-draw.ts';
import { freezeDraw } from '../src/usecases/draws/freeze-draw.ts';
import { recordCommitment } from '../src/usecases/draws/record-commitment.ts';
import { recordExternalValue } from '../src/usecases/draws/record-external-value.ts';
import { recordReveal } from '../src/usecases/draws/record-reveal.ts';
import { findDraw } from '../src/db/draw-queries.ts';
import { publishMonthlyPlan } from '../src/usecases/plans/publish-monthly-plan.ts';
import { seedDemo } from '../src/usecases/system/seed-demo.ts';
import { demoContextFor } from '../src/usecases/system/seed-demo-draw.ts';
import type { Figure } from './machine.ts';

// 30,000 demo units put about 12,000 in the 婺城 brigade (the size of the 金东 report's registry).
const UNITS = 30_000;
const NOW = new Date('2026-11-27T02:00:00Z');
const SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/**
 * A brigade's monthly draw end to end through the use cases on embedded PGlite: publish the month, freeze the
 * manifest (eligibility over the brigade's ~12,000 units with two years of history), one observer's commitment
 * and reveal, the lottery value entered by two accounts, and execution with every task written. Target: the
 * draw (freeze → execute) in at most 5 s.
 */
export async function benchDrawUsecase(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-draw-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, { seed: 1, now: NOW, unitCount: UNITS });
    const db = database.db;
    const admin = await demoContextFor(db, 'wucheng', NOW);
    const second = await demoContextFor(db, 'zhidui', NOW);
    const [wucheng] = await db.select().from(orgs).where(eq(orgs.id, admin.actor.orgId));
    const [monthly] = await db.select().from(monthlyPlans).where(eq(monthlyPlans.orgId, wucheng!.id));
    const unitCount = (await db.execute(`select count(*)::int as n from units where brigade_id = '${wucheng!.id}'`)) as unknown as { rows: { n: number }[] };

    const t0 = performance.now();
    await publishMonthlyPlan(admin, monthly!.id);
    const t1 = performance.now();
    const drawId = await freezeDraw(admin, {
      source: { kind: 'monthly_plan', id: monthly!.id },
      observers: [{ name: '基准测试监督人', capacity: '特邀廉政监督员' }],
      external: [{ source: '福彩3D', ref: '2026322' }],
    });
    const t2 = performance.now();
    const { draw } = (await findDraw(db, drawId))!;
    await recordCommitment(admin, drawId, 'OBS-1', commitmentOf(draw.manifestHash, 'OBS-1', fromHex(SECRET)));
    await recordReveal(admin, drawId, 'OBS-1', SECRET);
    await recordExternalValue(admin, drawId, { source: '福彩3D', ref: '2026322', value: '5 0 8' });
    await recordExternalValue(second, drawId, { source: '福彩3D', ref: '2026322', value: '5 0 8' });
    const t3 = performance.now();
    await executeDraw(admin, drawId);
    const t4 = performance.now();
    const executed = (await findDraw(db, drawId))!.draw;
    const tasks = executed.result!.tasks.length;
    const candidates = executed.manifest.candidates.length;
    const total = (t4 - t1) / 1000;
    return [
      { name: `units in the brigade (${candidates} candidates)`, value: unitCount.rows[0]!.n, unit: '' },
      { name: 'publish the monthly plan (re-checks eligibility)', value: Math.round(t1 - t0), unit: 'ms' },
      { name: 'freeze (eligibility + manifest + hash)', value: Math.round(t2 - t1), unit: 'ms' },
      { name: 'commit, reveal, external value ×2', value: Math.round(t3 - t2), unit: 'ms' },
      { name: `execute (draw + ${tasks} tasks written)`, value: Math.round(t4 - t3), unit: 'ms' },
      { name: 'draw end to end, freeze → execute (PGlite)', value: Number(total.toFixed(2)), unit: 's', target: '≤ 5 s', ok: total <= 5 },
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
