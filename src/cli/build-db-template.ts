import fs from 'node:fs';
import path from 'node:path';
import { analyzeDatabase, migrateDatabase, openDatabase } from '../db/client.ts';
import { migrationsDigest, readTemplateMeta, TEMPLATE_DIR, type TemplateMeta } from '../db/pglite-template.ts';
import { localDate } from '../domain/local-date.ts';
import { seedDemo } from '../usecases/system/seed-demo.ts';
import { seedDemoDraw } from '../usecases/system/seed-demo-draw.ts';
import { seedDemoOversight } from '../usecases/system/seed-demo-oversight.ts';

/**
 * `build-template`: makes the embedded-database template a first `npm start` copies (src/db/pglite-template.ts):
 * a migrated empty database, and one with the demo data as of today. Run by `npm install`; does nothing when the
 * template already fits today's date, these migrations and this demo seed. Never fails the install: a machine where
 * it cannot be built simply creates the database at first start, as before.
 */
export async function runBuildDbTemplate(demoSeed: number, now = new Date()): Promise<number> {
  const digest = migrationsDigest();
  const today = localDate(now);
  const meta = readTemplateMeta();
  if (meta && meta.migrations === digest && meta.demoDate === today && meta.demoSeed === demoSeed) {
    console.log('数据库模板已是最新。');
    return 0;
  }
  const started = Date.now();
  const work = `${TEMPLATE_DIR}.building-${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  try {
    const empty = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'empty') });
    await migrateDatabase(empty);
    await analyzeDatabase(empty);
    await empty.close();
    fs.cpSync(path.join(work, 'empty'), path.join(work, 'demo'), { recursive: true });
    const demo = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'demo') });
    const seeded = await seedDemo(demo.db, { seed: demoSeed, now });
    const drawn = seeded.seeded ? await seedDemoDraw(demo.db, now) : null;
    if (seeded.seeded) await seedDemoOversight(demo.db, now);
    await analyzeDatabase(demo);
    await demo.close();
    if (!seeded.seeded) throw new Error(seeded.reason);
    const written: TemplateMeta = {
      migrations: digest,
      demoSeed,
      demoDate: today,
      demo: { units: seeded.units, inspectors: seeded.inspectors, drawCode: drawn?.code ?? null },
    };
    fs.writeFileSync(path.join(work, 'meta.json'), JSON.stringify(written, null, 2));
    fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
    fs.renameSync(work, TEMPLATE_DIR);
    console.log(
      `已生成数据库模板（首次启动直接复制，${((Date.now() - started) / 1000).toFixed(1)} 秒）：${path.relative(process.cwd(), TEMPLATE_DIR)}`,
    );
    return 0;
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    console.warn(`未能生成数据库模板，首次启动将直接创建数据库：${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}
