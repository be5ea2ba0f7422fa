import type { FieldTask, RecordView } from '@contracts/field.ts';
import type { OutboxItem } from '../outbox/send-record.ts';
import type { CorrectionSource } from './record-draft.ts';

/**
 * The submitted record a correction starts from: the latest of this device's sent records of the task and the
 * server's latest (kept on the device), by version. Null when neither is here (nothing sent, or not yet loaded).
 */
export function pickCorrectionSource(
  task: Pick<FieldTask, 'id' | 'record'>,
  server: Pick<RecordView, 'id' | 'version' | 'body'> | null,
  outbox: readonly OutboxItem[],
): CorrectionSource | null {
  const fromServer = server && task.record?.id === server.id ? { recordId: server.id, version: server.version, body: server.body } : null;
  let fromDevice: CorrectionSource | null = null;
  for (const item of outbox) {
    if (item.taskId !== task.id || item.state !== 'sent' || item.kind === 'confirm') continue;
    const version = item.version ?? (item.request.corrects ? 2 : 1);
    if (!fromDevice || version > fromDevice.version) fromDevice = { recordId: item.recordId, version, body: item.request.body };
  }
  if (fromServer && fromDevice) return fromDevice.version > fromServer.version ? fromDevice : fromServer;
  return fromServer ?? fromDevice;
}
