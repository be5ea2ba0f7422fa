import { countDemoAccounts } from '../../db/account-queries.ts';
import type { Db } from '../../db/client.ts';

/**
 * In production the server must not run with the development session secret or with the publicly
 * known demo accounts. Returns the problems in Chinese (and English), empty when ready.
 */
export async function checkProductionReadiness(db: Db, config: { sessionSecretIsDefault: boolean; seedDemo: boolean }) {
  const problems: string[] = [];
  if (config.sessionSecretIsDefault) {
    problems.push('未设置 SESSION_SECRET（或仍为默认值）：生产环境必须设置至少 32 个字符的随机密钥 (SESSION_SECRET is missing or default)');
  }
  if (config.seedDemo) problems.push('生产环境不能设置 SEED_DEMO=true (demo data is not allowed in production)');
  const demoAccounts = await countDemoAccounts(db);
  if (demoAccounts > 0) {
    problems.push(`数据库中存在 ${demoAccounts} 个演示账号：生产环境不能使用演示数据，请使用新的数据库 (demo accounts found in the database)`);
  }
  return problems;
}
