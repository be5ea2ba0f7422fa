import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { bootstrapSystem } from '../usecases/system/bootstrap-system.ts';
import { parseOptions } from './args.ts';

const Options = z.object({
  'corps-name': z.string().min(1, '必须填写，例如 浙江省消防救援总队'),
  'corps-short-name': z.string().min(1).optional(),
  'division-code': z.string().regex(/^[1-9][0-9]{5}$/, '应为 6 位行政区划代码'),
  'admin-username': z.string().min(3),
  'admin-name': z.string().min(1, '必须填写管理员姓名'),
});

/**
 * `bootstrap --corps-name … --division-code … --admin-username … --admin-name …`, password on stdin:
 * creates the 总队 and its first 系统管理员 in an empty production database.
 */
export async function runBootstrapSystem(db: Db, argv: string[], readPassword: () => Promise<string>): Promise<number> {
  const options = parseOptions(argv, ['corps-name', 'corps-short-name', 'division-code', 'admin-username', 'admin-name'], Options);
  const password = (await readPassword()).trim();
  await bootstrapSystem(
    db,
    {
      corpsName: options['corps-name'],
      corpsShortName: options['corps-short-name'] ?? options['corps-name'].replace(/消防救援总队$/, '总队'),
      divisionCode: options['division-code'],
      adminUsername: options['admin-username'].toLowerCase(),
      adminDisplayName: options['admin-name'],
      adminPassword: password,
    },
    new Date(),
  );
  console.log(`已创建 ${options['corps-name']} 与系统管理员 ${options['admin-username']}。`);
  return 0;
}
