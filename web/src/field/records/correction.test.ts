import type { FieldTask, RecordBody, SubmitRecordRequest } from '@contracts/field.ts';
import { sha256Hex, utf8Bytes } from '@domain/crypto/sha256.ts';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../outbox/send-record.ts';
import { pickCorrectionSource } from './correction-source.ts';
import { buildRecordBody, correctsOf, findBodyProblems, findSignatureProblems, signDraft, startCorrection, versionOf } from './record-draft.ts';

const V = '22222222-2222-4222-8222-222222222222';
const TASK = '11111111-1111-4111-8111-111111111111';
const SENT_ID = '33333333-3333-4333-8333-333333333333';
const SHA = (n: number) => n.toString(16).padStart(64, '0');
const task = {
  id: TASK,
  record: null,
  checklist: [
    { versionId: V, itemName: '消防设施', code: '1.1', text: '灭火器完好有效', basis: '《消防法》第十六条' },
    { versionId: V, itemName: '消防设施', code: '1.2', text: '疏散通道畅通', basis: null },
  ],
} as unknown as FieldTask;

const body: RecordBody = {
  taskId: TASK,
  outcome: 'inspected',
  startedAt: '2026-12-05T09:00:00+08:00',
  endedAt: '2026-12-05T10:30:00+08:00',
  accompanying: { name: '陈立新', title: '' },
  jointStaffIds: [],
  lines: [
    { versionId: V, code: '1.1', result: 'pass', note: '', uncheckedReason: '', hazard: null, photos: [] },
    {
      versionId: V,
      code: '1.2',
      result: 'fail',
      note: '',
      uncheckedReason: '',
      hazard: { description: '杂物堵塞', location: '二层', legalBasis: '《消防法》第二十八条', fixedOnSpot: false },
      photos: [SHA(1)],
    },
  ],
  conclusion: 'hazards_found',
  unable: null,
  remarks: '',
};

function sentItem(recordId: string, version: number | undefined, corrects: SubmitRecordRequest['corrects']): OutboxItem {
  return {
    recordId,
    taskId: TASK,
    unitName: '测试单位',
    request: { id: recordId, body, signatures: { lead: null, assistant: null, representative: null }, corrects },
    version,
    files: [],
    state: 'sent',
    attempts: 1,
    lastError: null,
    createdAt: body.endedAt,
    lastTriedAt: null,
    sentAt: body.endedAt,
  };
}

describe('a correction', () => {
  it('starts from the submitted body as it was, with no signatures, and needs a reason before signing', async () => {
    const draft = startCorrection(task, { recordId: SENT_ID, version: 1, body }, '44444444-4444-4444-8444-444444444444', '2026-12-06T08:00:00+08:00');
    expect(buildRecordBody(draft)).toEqual(body);
    expect(draft.signatures).toEqual({ lead: null, assistant: null, representative: null });
    expect(draft.recordId).not.toBe(SENT_ID);
    expect(versionOf(draft)).toBe(2);
    expect(findBodyProblems(draft, task.checklist)).toEqual([{ where: '更正理由', message: '请填写更正理由' }]);
    const reasoned = { ...draft, corrects: { ...draft.corrects!, reason: ' 隐患部位写错 ' } };
    expect(findBodyProblems(reasoned, task.checklist)).toEqual([]);
    expect(correctsOf(reasoned)).toEqual({ recordId: SENT_ID, reason: '隐患部位写错' });
    expect(findSignatureProblems(reasoned).length).toBeGreaterThan(0);
    // Signing keeps the visit's end time: a correction is not a new visit.
    const hash = async (canonical: string) => sha256Hex(utf8Bytes(canonical));
    const signed = await signDraft(reasoned, 'lead', (h) => ({ kind: 'signed', image: SHA(2), signedHash: h, at: '2026-12-06T08:05:00+08:00' }), hash, '2026-12-06T08:05:00+08:00');
    expect(signed.endedAt).toBe(body.endedAt);
  });

  it("starts from the latest version: the device's sent correction over an older server copy, else the server's", () => {
    const server = { id: SENT_ID, version: 1, body };
    const withServer = { ...task, record: { id: SENT_ID, version: 1, bodyHash: SHA(3), assistantConfirmed: false } };
    expect(pickCorrectionSource(task, null, [])).toBeNull();
    expect(pickCorrectionSource(task, null, [sentItem(SENT_ID, undefined, null)])).toMatchObject({ recordId: SENT_ID, version: 1 });
    expect(pickCorrectionSource(withServer, server, [])).toMatchObject({ recordId: SENT_ID, version: 1 });
    const newer = sentItem('55555555-5555-4555-8555-555555555555', 2, { recordId: SENT_ID, reason: '补充' });
    expect(pickCorrectionSource(withServer, server, [sentItem(SENT_ID, 1, null), newer])).toMatchObject({ version: 2, recordId: newer.recordId });
    // A server copy of a record the bundle no longer names as latest is not used.
    expect(pickCorrectionSource({ ...task, record: { ...withServer.record, id: newer.recordId, version: 2 } }, server, [])).toBeNull();
  });
});
