import { canonicalJson, type JsonValue } from './canonical-json.ts';
import { sha256Hex } from './crypto/sha256.ts';

/**
 * The audit chain (审计链). Every state-changing request appends one entry; each entry's hash covers the
 * previous entry's hash, so changing, removing or re-ordering any entry breaks every hash after it:
 *
 *   hash = SHA-256( utf8(prevHash as lowercase hex) ‖ JCS(entry) )
 *
 * where `entry` is {@link AuditEntryContent} (everything but prevHash and hash) and the first entry's
 * prevHash is {@link GENESIS_HASH}. The database additionally refuses UPDATE, DELETE and TRUNCATE.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntryContent = {
  seq: number;
  /** ISO-8601 UTC with milliseconds. */
  at: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  ip: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  orgId: string | null;
  summary: JsonValue;
};

export type AuditEntry = AuditEntryContent & { prevHash: string; hash: string };

export function computeAuditHash(prevHash: string, entry: AuditEntryContent): string {
  const content: AuditEntryContent = {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    actorRole: entry.actorRole,
    ip: entry.ip,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    orgId: entry.orgId,
    summary: entry.summary,
  };
  return sha256Hex(prevHash + canonicalJson(content));
}

export type AuditBreak = {
  seq: number;
  reason: 'SEQ_GAP' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH';
  message: string;
};

/**
 * Walks a chain incrementally (entries in ascending seq order, possibly fed in batches) and reports the
 * first broken entry. A gap in seq means an entry was removed; a prevHash that does not equal the
 * previous entry's hash means entries were re-ordered or removed; a hash that does not match the content
 * means the entry itself was altered.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private checked = 0;
  private broken: AuditBreak | null = null;

  push(entry: AuditEntry): AuditBreak | null {
    if (this.broken) return this.broken;
    if (entry.seq !== this.expectedSeq) {
      this.broken = {
        seq: entry.seq,
        reason: 'SEQ_GAP',
        message: `第 ${entry.seq} 条之前缺少第 ${this.expectedSeq} 条记录（记录被删除）`,
      };
    } else if (entry.prevHash !== this.previousHash) {
      this.broken = {
        seq: entry.seq,
        reason: 'PREV_HASH_MISMATCH',
        message: `第 ${entry.seq} 条记录的前序哈希与上一条不一致（记录被删除或调换）`,
      };
    } else if (computeAuditHash(entry.prevHash, entry) !== entry.hash) {
      this.broken = {
        seq: entry.seq,
        reason: 'HASH_MISMATCH',
        message: `第 ${entry.seq} 条记录的内容与其哈希不符（记录被篡改）`,
      };
    }
    if (this.broken) return this.broken;
    this.checked += 1;
    this.expectedSeq += 1;
    this.previousHash = entry.hash;
    return null;
  }

  result(): { ok: true; checked: number; lastHash: string } | { ok: false; checked: number; broken: AuditBreak } {
    return this.broken
      ? { ok: false, checked: this.checked, broken: this.broken }
      : { ok: true, checked: this.checked, lastHash: this.previousHash };
  }
}
