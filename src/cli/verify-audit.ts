import type { Db } from '../db/client.ts';
import { verifyAuditChain } from '../usecases/audit/verify-audit-chain.ts';

/** `audit-verify`: walks the whole chain; exit 0 when intact, 1 naming the first broken entry. */
export async function runVerifyAudit(db: Db): Promise<number> {
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
