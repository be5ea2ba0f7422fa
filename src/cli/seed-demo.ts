import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { seedDemo } from '../usecases/system/seed-demo.ts';
import { PROVINCE_SCALE, provinceSizeFor, seedProvinceDemo } from '../usecases/system/seed-demo-province.ts';
import { DEMO_PASSWORD } from '../demo/generate-demo-data.ts';
import { intOption, parseOptions } from './args.ts';

const int = intOption;

const Options = z.object({
  seed: z
    .string()
    .regex(/^-?\d+$/, '应为整数')
    .transform(Number)
    .optional(),
  scale: z.enum(['demo', 'province'], { error: '只能是 demo（默认，一个支队）或 province（全省规模）' }).default('demo'),
  units: int('单位数', 100, 5_000_000).optional(),
  brigades: int('大队数', 1, 500).optional(),
});

/**
 * `seed-demo [--seed N] [--scale demo|province] [--units N] [--brigades N]`: loads demo data into an empty database —
 * the small deterministic demo (one 支队), or the province-sized set every bench can run on (--scale province;
 * --units / --brigades make it smaller, e.g. for PGlite).
 */
export async function runSeedDemo(database: Database, argv: string[], defaultSeed: number): Promise<number> {
  const o = parseOptions(argv, ['seed', 'scale', 'units', 'brigades'], Options);
  if (o.scale === 'demo' && (o.units !== undefined || o.brigades !== undefined)) {
    console.log('--units 和 --brigades 只用于 --scale province');
    return 1;
  }
  if (o.scale === 'province') {
    const size = o.units || o.brigades ? provinceSizeFor(o.units ?? PROVINCE_SCALE.units, o.brigades ?? PROVINCE_SCALE.brigades) : PROVINCE_SCALE;
    console.log(
      `开始载入省级演示数据：${size.units.toLocaleString()} 家单位、${size.brigades} 个大队、约 ${size.inspectors.toLocaleString()} 名检查人员、${size.months} 个月的抽查……`,
    );
    const result = await seedProvinceDemo(database, { size, now: new Date(), onProgress: (m) => console.log(`  ${m}`) });
    if (!result.seeded) {
      console.log(result.reason);
      return 1;
    }
    console.log(`已载入省级演示数据，用时 ${result.seconds} 秒：`);
    for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString()}`);
    console.log('演示账号：');
    for (const a of result.accounts) console.log(`  ${a.username.padEnd(10)} ${a.displayName}（${a.role}）  密码 ${DEMO_PASSWORD}`);
    return 0;
  }
  const seed = o.seed ?? defaultSeed;
  const result = await seedDemo(database.db, { seed, now: new Date() });
  if (!result.seeded) {
    console.log(result.reason);
    return 1;
  }
  console.log(`已载入演示数据（种子 ${seed}）：${result.orgs} 个机构、${result.units} 个单位、${result.inspectors} 名检查人员。`);
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(10)} ${a.displayName}（${a.role}）  密码 ${DEMO_PASSWORD}`);
  return 0;
}
