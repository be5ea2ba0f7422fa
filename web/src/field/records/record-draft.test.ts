import type { FieldTask, Signature } from '@contracts/field.ts';
import { canonicalJson } from '@domain/canonical-json.ts';
import { sha256Hex, utf8Bytes } from '@domain/crypto/sha256.ts';
import { describe, expect, it } from 'vitest';
import {
  buildRecordBody,
  editDraft,
  filesOfRecord,
  findBodyProblems,
  findSignatureProblems,
  isSignatureCurrent,
  sameBodyAsSeen,
  signDraft,
  SIGNING_RACED_NOTICE,
  startDraft,
  suggestConclusion,
  updateLine,
  VOIDED_NOTICE,
  type Draft,
} from './record-draft.ts';

const SHA = (n: number) => n.toString(16).padStart(64, '0');
const T0 = '2026-12-05T09:00:00+08:00';
const T1 = '2026-12-05T10:30:00+08:00';
const hash = async (canonical: string) => sha256Hex(utf8Bytes(canonical));

const task = {
  id: '11111111-1111-4111-8111-111111111111',
  checklist: [
    { versionId: '22222222-2222-4222-8222-222222222222', itemName: '消防设施', code: '1.1', text: '灭火器完好有效', basis: '《消防法》第十六条' },
    { versionId: '22222222-2222-4222-8222-222222222222', itemName: '消防设施', code: '1.2', text: '疏散通道畅通', basis: null },
  ],
} as unknown as FieldTask;

const signed = (image: string) => (signedHash: string): Signature => ({ kind: 'signed', image, signedHash, at: T1 });

/** A draft filled in correctly: line 1 符合, line 2 不符合 with its hazard, conclusion 发现火灾隐患. */
function filled(): Draft {
  let draft = startDraft(task, '33333333-3333-4333-8333-333333333333', T0);
  draft = updateLine(draft, 0, (l) => ({ ...l, result: 'pass' }));
  draft = updateLine(draft, 1, (l) => ({
    ...l,
    result: 'fail',
    hazard: { description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot: false },
    photos: [SHA(1)],
  }));
  return { ...draft, conclusion: 'hazards_found' };
}

describe('a new draft', () => {
  it('preselects nothing: no line result, no conclusion, and the legal basis offered as editable text', () => {
    const draft = startDraft(task, '33333333-3333-4333-8333-333333333333', T0);
    expect(draft.lines.map((l) => l.result)).toEqual([null, null]);
    expect(draft.conclusion).toBeNull();
    expect(draft.lines[0]!.hazard.legalBasis).toBe('《消防法》第十六条');
    expect(findBodyProblems(draft, task.checklist).map((p) => p.message)).toEqual(['尚未选择检查结果', '尚未选择检查结果', '请选择检查结论']);
  });

  it('sends a line never touched as 未查, which the rules then refuse without a reason', () => {
    const body = buildRecordBody(startDraft(task, '33333333-3333-4333-8333-333333333333', T0));
    expect(body.lines.map((l) => l.result)).toEqual(['unchecked', 'unchecked']);
  });
});

describe('the body rules', () => {
  it('accept a complete record', () => {
    expect(findBodyProblems(filled(), task.checklist)).toEqual([]);
  });

  it('ask for the hazard, its place, the rule broken and whether it was fixed on a 不符合 line', () => {
    const draft = updateLine(filled(), 1, (l) => ({ ...l, hazard: { description: ' ', location: '', legalBasis: '', fixedOnSpot: null } }));
    expect(findBodyProblems(draft, task.checklist).map((p) => p.message)).toEqual(['请填写隐患描述', '请填写隐患部位', '请填写违反的规定', '请选择是否当场改正']);
  });

  it('refuse a conclusion that disagrees with the 不符合 lines, either way', () => {
    expect(findBodyProblems({ ...filled(), conclusion: 'no_hazard' }, task.checklist)[0]!.message).toContain('有 1 项不符合');
    const allPass = updateLine({ ...filled(), conclusion: 'hazards_found' }, 1, (l) => ({ ...l, result: 'pass' }));
    expect(findBodyProblems(allPass, task.checklist)[0]!.message).toContain('没有不符合项');
    expect(suggestConclusion(allPass)).toBe('no_hazard');
    expect(suggestConclusion(filled())).toBe('hazards_found');
  });

  it('take an explicit 未查 only with its reason', () => {
    const draft = updateLine(filled(), 0, (l) => ({ ...l, result: 'unchecked' }));
    expect(findBodyProblems(draft, task.checklist).map((p) => p.message)).toEqual(['选择「未查」时请填写未查原因']);
    expect(findBodyProblems(updateLine(draft, 0, (l) => ({ ...l, uncheckedReason: '配电室上锁' })), task.checklist)).toEqual([]);
  });

  it('ask 无法检查 for a reason, a description and at least one photo, and send no lines', () => {
    const draft: Draft = { ...filled(), outcome: 'unable' };
    expect(findBodyProblems(draft, task.checklist).map((p) => p.message)).toEqual(['请选择无法检查的原因', '请填写情况说明', '请至少拍摄一张现场照片作为证明']);
    const done: Draft = { ...draft, unable: { reason: 'closed', detail: '大门紧锁，门上贴有停业通知', photos: [SHA(9)] } };
    expect(findBodyProblems(done, task.checklist)).toEqual([]);
    const body = buildRecordBody(done);
    expect(body).toMatchObject({ outcome: 'unable', lines: [], conclusion: null, unable: { reason: 'closed', photos: [SHA(9)] } });
  });

  it('notice a draft started on another checklist', () => {
    const other = [...task.checklist].reverse();
    expect(findBodyProblems(filled(), other)[0]!.message).toContain('检查表已更新');
  });

  it('builds the hazard only for 不符合 lines, with trimmed texts', () => {
    const draft = updateLine(filled(), 0, (l) => ({ ...l, note: '  已查看  ', hazard: { ...l.hazard, description: '不会发送' } }));
    const body = buildRecordBody(draft);
    expect(body.lines[0]).toMatchObject({ result: 'pass', note: '已查看', hazard: null });
    expect(body.lines[1]!.hazard).toEqual({ description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot: false });
  });
});

describe('signatures', () => {
  it('cover the SHA-256 of the canonical body, end time included, and count while the body is unchanged', async () => {
    const draft = await signDraft(filled(), 'lead', signed(SHA(2)), hash, T1);
    expect(draft.endedAt).toBe(T1);
    const expected = sha256Hex(utf8Bytes(canonicalJson(buildRecordBody(draft))));
    expect(draft.signatures.lead).toMatchObject({ kind: 'signed', image: SHA(2), signedHash: expected });
    expect(isSignatureCurrent(draft, draft.signatures.lead)).toBe(true);
  });

  it('are all voided, with a notice, by an edit of the body after signing', async () => {
    let draft = await signDraft(filled(), 'lead', signed(SHA(2)), hash, T1);
    draft = await signDraft(draft, 'representative', signed(SHA(3)), hash, T1);
    const edited = editDraft(draft, (d) => updateLine(d, 1, (l) => ({ ...l, hazard: { ...l.hazard, location: '二层' } })), T1);
    expect(edited.signatures).toEqual({ lead: null, assistant: null, representative: null });
    expect(edited.voidedNotice).toBe(VOIDED_NOTICE);
  });

  it('survive an edit that leaves the body as it was', async () => {
    const draft = await signDraft(filled(), 'lead', signed(SHA(2)), hash, T1);
    const same = editDraft(draft, (d) => updateLine(d, 0, (l) => ({ ...l, note: `${l.note}   ` })), T1);
    expect(same.signatures.lead).not.toBeNull();
  });

  it('keep the first signature when a second one is added to the same body', async () => {
    const first = await signDraft(filled(), 'lead', signed(SHA(2)), hash, T1);
    const second = await signDraft(first, 'assistant', signed(SHA(4)), hash, '2026-12-05T10:40:00+08:00');
    expect(second.signatures.lead).toEqual(first.signatures.lead);
    expect(second.endedAt).toBe(T1);
    expect(second.signatures.assistant?.signedHash).toBe(first.signatures.lead?.signedHash);
  });

  it('made over the body seen still fit a draft that only gained another signature meanwhile, not one whose content changed', async () => {
    const seen = filled();
    // Someone else's signature landed meanwhile: it fixed the end time, the content is the same.
    const signedMeanwhile = await signDraft(seen, 'lead', signed(SHA(2)), hash, T1);
    expect(signedMeanwhile.endedAt).not.toBe(seen.endedAt);
    expect(sameBodyAsSeen(seen, signedMeanwhile)).toBe(true);
    // A photo added, or any other edit of the body: not what the signer saw.
    const edited = editDraft(signedMeanwhile, (d) => updateLine(d, 1, (l) => ({ ...l, photos: [...l.photos, SHA(9)] })), T1);
    expect(sameBodyAsSeen(seen, edited)).toBe(false);
    expect(SIGNING_RACED_NOTICE).toMatch(/请核对后重新签名/);
  });

  it('need the lead, the assistant (or a later confirmation) and the representative or a refusal with a witness', async () => {
    let draft = filled();
    expect(findSignatureProblems(draft)).toHaveLength(3);
    draft = await signDraft(draft, 'lead', signed(SHA(2)), hash, T1);
    draft = { ...draft, assistantElsewhere: true };
    draft = await signDraft(draft, 'representative', (signedHash) => ({ kind: 'refused', witness: '王五', reason: '负责人拒绝签字', signedHash, at: T1 }), hash, T1);
    expect(findSignatureProblems(draft)).toEqual([]);
  });

  it('name every file the record needs once: photos and signature images', async () => {
    let draft = await signDraft(filled(), 'lead', signed(SHA(2)), hash, T1);
    draft = await signDraft(draft, 'representative', signed(SHA(1)), hash, T1);
    expect(filesOfRecord(buildRecordBody(draft), draft.signatures).sort()).toEqual([SHA(1), SHA(2)]);
  });
});
