import { hasAuditEntries } from '../db/audit-queries.ts';
import type { Db } from '../db/client.ts';
import { verifyAuditChain } from '../usecases/audit/verify-audit-chain.ts';

/**
 * `audit-verify`: walks the whole chain; exit 0 when intact, 1 naming the first broken entry. A database without
 * the audit log, or with an empty one, is an error too (exit 1): a system in use always has entries, so an empty
 * chain means the wrong database, not a complete one.
 */
export async function runVerifyAudit(db: Db): Promise<number> {
  if (!(await hasAuditEntries(db))) {
    console.log('审计链为空：该数据库没有任何审计记录，可能不是本系统正在使用的数据库，请检查 DATA_DIR 或 DATABASE_URL');
    console.log('audit chain EMPTY: no entries in this database');
    return 1;
  }
  const result = await verifyAuditChain(db);
  if (result.ok) {
    console.log(`审计链完整：共校验 ${result.checked} 条记录，最新哈希 ${result.lastHash}`);
    console.log(`audit chain OK: ${result.checked} entries`);
    return 0;
  }
  console.log(`审计链断裂：${result.broken.message}`);
  console.log(`audit chain BROKEN at seq ${result.broken.seq} (${result.broken.reason}); ${result.checked} entries before it are intact`);
  return 1;
}
