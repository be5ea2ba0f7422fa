import type { OutboxState, Signature, SubmitRecordRequest } from '@contracts/field.ts';
import { ApiError } from '../../api/client.ts';

/** What every outbox item carries: its key, its task, the files it names, and how sending it went. */
type OutboxCommon = {
  /** The item's key: the record's device-made id, or `<record id>/confirm` for a 协办's confirmation. */
  recordId: string;
  taskId: string;
  unitName: string;
  /** Every file the item names (photos, signatures) by SHA-256. */
  files: string[];
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastTriedAt: string | null;
  sentAt: string | null;
};

/** The 协办's confirmation of a submitted record, signed on their own device (POST /api/field/records/:id/confirm). */
export type ConfirmationToSend = { recordId: string; version: number; bodyHash: string; signature: Signature };

/**
 * One item waiting in (or sent through) the device's outbox, kept whole until the server has it: a record (a first
 * version or a correction, `version` as the device expects it) or a 协办's confirmation.
 */
export type OutboxItem = OutboxCommon &
  ({ kind?: 'record'; request: SubmitRecordRequest; version?: number } | { kind: 'confirm'; confirm: ConfirmationToSend });

/** The outbox key of the 协办's confirmation of a record: one per record, so a second tap changes nothing. */
export const confirmationKey = (recordId: string) => `${recordId}/confirm`;

export type SendDeps = {
  /** POST /api/field/files/missing: the hashes the server does not hold. */
  missingFiles: (sha256: string[]) => Promise<string[]>;
  /** The bytes kept on the device for a hash, or null when they are gone. */
  readFile: (sha256: string) => Promise<{ bytes: ArrayBuffer; mime: string } | null>;
  /** POST /api/files: the hash the server computed for what it stored. */
  uploadFile: (sha256: string, bytes: ArrayBuffer, mime: string) => Promise<string>;
  /** POST /api/field/records. */
  submitRecord: (request: SubmitRecordRequest) => Promise<void>;
  /** POST /api/field/records/:id/confirm. */
  confirmRecord: (recordId: string, request: { bodyHash: string; signature: Signature }) => Promise<void>;
  now: () => string;
  /** Waits before a retry (tests pass one that does not wait). */
  pause?: (ms: number) => Promise<void>;
};

/** A failure worth trying again later by itself: no network, the server busy or failing, a timeout. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return '登录已失效：请重新登录后再发送（记录仍保存在本机）';
    return error.message;
  }
  return error instanceof Error && error.message ? `发送出错：${error.message}` : '发送出错，请稍后重试';
}

class SendFailure extends Error {}

const FILE_ATTEMPTS = 3;

async function uploadMissing(item: OutboxItem, missing: string[], deps: SendDeps): Promise<void> {
  for (const sha of missing) {
    const file = await deps.readFile(sha);
    if (!file) throw new SendFailure('本机缺少此记录的照片或签名，无法补传：请联系大队处理（记录仍保存在本机）');
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await deps.uploadFile(sha, file.bytes, file.mime);
        if (stored !== sha) throw new SendFailure('照片上传后校验不一致（SHA-256 不同），请重试');
        break;
      } catch (error) {
        if (error instanceof SendFailure || !isTransient(error) || attempt >= FILE_ATTEMPTS) throw error;
        await deps.pause?.(500 * attempt);
      }
    }
  }
  void item;
}

/**
 * Sends one outbox item (decision 0020): ask which files the server lacks, upload those (each by its hash, so a
 * repeat stores nothing twice), then POST the record under its device-made id (or the 协办's confirmation). Only a 2xx makes the item 已发送; a
 * refusal (409, 403, 422…) makes it 发送失败 with the server's Chinese message; a network or server failure leaves it
 * 待发送 for the next try. The caller deletes local photos and the draft only after 已发送.
 */
export async function sendOutboxItem(item: OutboxItem, deps: SendDeps): Promise<OutboxItem> {
  const tried: OutboxItem = { ...item, attempts: item.attempts + 1, lastTriedAt: deps.now() };
  const deliver = () =>
    item.kind === 'confirm'
      ? deps.confirmRecord(item.confirm.recordId, { bodyHash: item.confirm.bodyHash, signature: item.confirm.signature })
      : deps.submitRecord(item.request);
  try {
    await uploadMissing(tried, await deps.missingFiles(item.files), deps);
    try {
      await deliver();
    } catch (error) {
      // A file may have gone from the server meanwhile (409 naming it): upload what is missing once more, then retry.
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      const missing = await deps.missingFiles(item.files);
      if (missing.length === 0) throw error;
      await uploadMissing(tried, missing, deps);
      await deliver();
    }
    return { ...tried, state: 'sent', lastError: null, sentAt: deps.now() };
  } catch (error) {
    const transient = !(error instanceof SendFailure) && isTransient(error);
    const unauthenticated = error instanceof ApiError && error.status === 401;
    return { ...tried, state: transient || unauthenticated ? 'pending' : 'failed', lastError: messageOf(error) };
  }
}

/** Items still to send (待发送 and 发送失败): what blocks logging out. */
export function isUnsent(item: Pick<OutboxItem, 'state'>): boolean {
  return item.state !== 'sent';
}
