import { describe, expect, it } from 'vitest';
import { AuditChainVerifier, GENESIS_HASH, computeAuditHash, type AuditEntry } from './audit.ts';

function buildChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: new Date(Date.UTC(2026, 10, 1, 8, 0, seq)).toISOString(),
      actorId: 'a1',
      actorName: '张三',
      actorRole: 'brigade_admin',
      ip: '127.0.0.1',
      action: 'account.create',
      targetType: 'account',
      targetId: `t${seq}`,
      orgId: 'o1',
      summary: { username: `user${seq}`, note: '新建账号' },
    };
    const hash = computeAuditHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(entries: AuditEntry[]) {
  const v = new AuditChainVerifier();
  for (const e of entries) v.push(e);
  return v.result();
}

describe('audit chain', () => {
  it('accepts an untouched chain and reports its last hash', () => {
    const chain = buildChain(5);
    expect(verify(chain)).toEqual({ ok: true, checked: 5, lastHash: chain[4]!.hash });
  });

  it('names the altered entry when a summary is changed', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, summary: { username: 'mallory' } };
    const r = verify(chain);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.broken).toMatchObject({ seq: 3, reason: 'HASH_MISMATCH' });
  });

  it('names the entry after a deleted one', () => {
    const chain = buildChain(5);
    chain.splice(1, 1);
    const r = verify(chain);
    if (r.ok) throw new Error('expected a break');
    expect(r.broken).toMatchObject({ seq: 3, reason: 'SEQ_GAP' });
  });

  it('detects a rewritten entry whose own hash was recomputed', () => {
    const chain = buildChain(4);
    const forged = { ...chain[1]!, actorName: '李四' };
    forged.hash = computeAuditHash(forged.prevHash, forged);
    chain[1] = forged;
    const r = verify(chain);
    if (r.ok) throw new Error('expected a break');
    expect(r.broken).toMatchObject({ seq: 3, reason: 'PREV_HASH_MISMATCH' });
  });

  it('hashes the same content the same way regardless of key order in the summary', () => {
    const base = buildChain(1)[0]!;
    const reordered = { ...base, summary: { note: '新建账号', username: 'user1' } };
    expect(computeAuditHash(GENESIS_HASH, reordered)).toBe(base.hash);
  });
});
