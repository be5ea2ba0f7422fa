import { AuditChainVerifier } from '../../domain/audit.ts';
import { listAuditBatch } from '../../db/audit-queries.ts';
import type { Db } from '../../db/client.ts';

const BATCH = 2000;

/**
 * Walks the whole chain from the first entry, in batches, and returns the verifier's verdict (the first
 * broken entry, if any). Read-only: usable by 纪检 and from the CLI.
 */
export async function verifyAuditChain(db: Db) {
  const verifier = new AuditChainVerifier();
  let afterSeq = 0;
  for (;;) {
    const batch = await listAuditBatch(db, afterSeq, BATCH);
    for (const entry of batch) {
      if (verifier.push(entry)) return verifier.result();
    }
    if (batch.length < BATCH) return verifier.result();
    afterSeq = batch[batch.length - 1]!.seq;
  }
}
