import type { SubmitRecordRequest } from '@contracts/field.ts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { confirmationKey, isUnsent, sendOutboxItem, type OutboxItem, type SendDeps } from './send-record.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

const item: OutboxItem = {
  recordId: '33333333-3333-4333-8333-333333333333',
  taskId: '11111111-1111-4111-8111-111111111111',
  unitName: '测试单位',
  request: { id: '33333333-3333-4333-8333-333333333333' } as SubmitRecordRequest,
  files: [A, B],
  state: 'pending',
  attempts: 0,
  lastError: null,
  createdAt: '2026-12-05T10:00:00+08:00',
  lastTriedAt: null,
  sentAt: null,
};

/** A server that holds `held` files and answers the record with `answer`; every call is logged. */
function fakeServer(options: { held?: string[]; answer?: () => void; uploadFails?: number; local?: string[] } = {}) {
  const held = new Set(options.held ?? []);
  const calls: string[] = [];
  let uploadFailures = options.uploadFails ?? 0;
  const deps: SendDeps = {
    missingFiles: async (sha) => {
      calls.push('missing');
      return sha.filter((s) => !held.has(s));
    },
    readFile: async (sha) => ((options.local ?? [A, B]).includes(sha) ? { bytes: new ArrayBuffer(4), mime: 'image/jpeg' } : null),
    uploadFile: async (sha) => {
      calls.push(`upload ${sha[0]}`);
      if (uploadFailures-- > 0) throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
      held.add(sha);
      return sha;
    },
    submitRecord: async () => {
      calls.push('record');
      options.answer?.();
    },
    confirmRecord: async (recordId) => {
      calls.push(`confirm ${recordId.slice(0, 4)}`);
      options.answer?.();
    },
    now: () => '2026-12-05T11:00:00+08:00',
  };
  return { deps, calls, held };
}

describe('sending an outbox item', () => {
  it('uploads only the files the server lacks, then the record, and is 已发送 only after the server says yes', async () => {
    const server = fakeServer({ held: [A] });
    const sent = await sendOutboxItem(item, server.deps);
    expect(server.calls).toEqual(['missing', 'upload b', 'record']);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, lastError: null, sentAt: '2026-12-05T11:00:00+08:00' });
    expect(isUnsent(sent)).toBe(false);
  });

  it('retries a file upload that met a network failure', async () => {
    const server = fakeServer({ uploadFails: 1 });
    const sent = await sendOutboxItem(item, server.deps);
    expect(server.calls).toEqual(['missing', 'upload a', 'upload a', 'upload b', 'record']);
    expect(sent.state).toBe('sent');
  });

  it('keeps the item 发送失败 with the server’s Chinese message when the record is refused (409)', async () => {
    const server = fakeServer({
      held: [A, B],
      answer: () => {
        throw new ApiError(409, 'CONFLICT', '此任务已有检查记录');
      },
    });
    const failed = await sendOutboxItem(item, server.deps);
    expect(failed).toMatchObject({ state: 'failed', lastError: '此任务已有检查记录', sentAt: null });
    expect(isUnsent(failed)).toBe(true);
  });

  it('uploads again what the server says is missing at the record (409), then sends it once more', async () => {
    let first = true;
    const server = fakeServer({
      held: [A, B],
      answer: () => {
        if (first) {
          first = false;
          server.held.delete(B);
          throw new ApiError(409, 'FILES_MISSING', '缺少照片');
        }
      },
    });
    const sent = await sendOutboxItem(item, server.deps);
    expect(server.calls).toEqual(['missing', 'record', 'missing', 'upload b', 'record']);
    expect(sent.state).toBe('sent');
  });

  it('stays 待发送 when the network or the server fails, counting the attempt', async () => {
    const server = fakeServer({
      held: [A, B],
      answer: () => {
        throw new ApiError(503, 'SERVER_ERROR', '服务器暂时无法处理请求，请稍后重试');
      },
    });
    const again = await sendOutboxItem({ ...item, attempts: 2 }, server.deps);
    expect(again).toMatchObject({ state: 'pending', attempts: 3, lastError: '服务器暂时无法处理请求，请稍后重试' });
  });

  it('fails without sending the record when a photo is no longer on the device', async () => {
    const server = fakeServer({ local: [A] });
    const failed = await sendOutboxItem(item, server.deps);
    expect(server.calls).toEqual(['missing', 'upload a']);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('本机缺少');
  });

  it('sends a 协办 confirmation like a record: the signature image first, then the confirmation, a refusal kept with its message', async () => {
    const confirmation: OutboxItem = {
      ...item,
      recordId: confirmationKey(item.request.id),
      kind: 'confirm',
      confirm: { recordId: '33333333-3333-4333-8333-333333333333', version: 1, bodyHash: A, signature: { kind: 'signed', image: B, signedHash: A, at: '2026-12-05T11:00:00+08:00' } },
      files: [B],
    };
    expect(confirmation.recordId).toBe('33333333-3333-4333-8333-333333333333/confirm');
    const server = fakeServer();
    expect(await sendOutboxItem(confirmation, server.deps)).toMatchObject({ state: 'sent' });
    expect(server.calls).toEqual(['missing', 'upload b', 'confirm 3333']);
    const refusing = fakeServer({
      held: [B],
      answer: () => {
        throw new ApiError(409, 'CONFLICT', '该记录已被更正（现为第 2 版），请确认最新版本');
      },
    });
    expect(await sendOutboxItem(confirmation, refusing.deps)).toMatchObject({ state: 'failed', lastError: '该记录已被更正（现为第 2 版），请确认最新版本' });
  });
});
