import type { Db } from '../db/client.ts';
import { seedDemo } from '../usecases/system/seed-demo.ts';
import { DEMO_PASSWORD } from '../demo/generate-demo-data.ts';

/** `seed-demo [--seed N]`: loads the deterministic demo data into an empty database. */
export async function runSeedDemo(db: Db, seed: number): Promise<number> {
  const result = await seedDemo(db, { seed, now: new Date() });
  if (!result.seeded) {
    console.log(result.reason);
    return 1;
  }
  console.log(`已载入演示数据（种子 ${seed}）：${result.orgs} 个机构、${result.units} 个单位、${result.inspectors} 名检查人员。`);
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(10)} ${a.displayName}（${a.role}）  密码 ${DEMO_PASSWORD}`);
  return 0;
}
