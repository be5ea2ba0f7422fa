import type { FastifyInstance, FastifyReply } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  ConfirmRecordRequest,
  FieldTaskQuery,
  isRecordBodyAsRead,
  MissingFilesRequest,
  ScheduleVisitRequest,
  SubmitRecordRequest,
  type FieldTaskBundle,
  type MissingFilesResponse,
  type RecordView,
} from '../../../contracts/field.ts';
import { DomainError } from '../../../domain/errors.ts';
import { confirmRecord } from '../../../usecases/field/confirm-record.ts';
import { findMissingFiles } from '../../../usecases/field/find-missing-files.ts';
import { getFieldBundle } from '../../../usecases/field/get-field-bundle.ts';
import { scheduleVisit } from '../../../usecases/field/schedule-visit.ts';
import { startTask } from '../../../usecases/field/start-task.ts';
import { submitRecord } from '../../../usecases/field/submit-record.ts';
import { getRecord } from '../../../usecases/records/get-record.ts';
import type { UseCaseContext } from '../../../usecases/lib/context.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentFieldBundle, presentRecord } from '../../presenters/field-presenter.ts';

async function bundleOf(ctx: UseCaseContext, days = 7): Promise<FieldTaskBundle> {
  return presentFieldBundle(await getFieldBundle(ctx, days));
}

async function recordView(ctx: UseCaseContext, id: string, reply: FastifyReply, status: number): Promise<RecordView> {
  reply.code(status);
  return presentRecord(await getRecord(ctx, id));
}

/** The field app's API (decision 0020): the offline bundle, pre-notice, start, files, records and confirmations. */
export function registerFieldRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/field/tasks', async (request): Promise<FieldTaskBundle> => {
    const { days } = parse(FieldTaskQuery, request.query);
    return bundleOf(contextOf(request, deps), days);
  });

  /** The lead sets the visit day: the unit is told (outbox) and the task becomes 已告知. Answers the fresh bundle task. */
  app.post('/api/field/tasks/:id/visit', async (request): Promise<FieldTaskBundle> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ScheduleVisitRequest, request.body);
    const ctx = contextOf(request, deps);
    await scheduleVisit(ctx, id, body, deps.outbox);
    return bundleOf(ctx);
  });

  app.post('/api/field/tasks/:id/start', async (request): Promise<FieldTaskBundle> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    await startTask(ctx, id);
    return bundleOf(ctx);
  });

  app.post('/api/field/files/missing', async (request): Promise<MissingFilesResponse> => {
    const { sha256 } = parse(MissingFilesRequest, request.body);
    return { missing: await findMissingFiles(contextOf(request, deps), sha256) };
  });

  /** 201 with the stored record; 200 with it again for a repeat of the same submission. */
  app.post('/api/field/records', async (request, reply): Promise<RecordView> => {
    const input = parse(SubmitRecordRequest, request.body);
    const sent = (request.body as { body?: unknown }).body;
    if (!isRecordBodyAsRead(sent, input.body)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        '检查记录内容：须按规范格式提交（每个字段都要填写，文字前后不留空格），否则签名所签的内容与保存的内容不一致',
        { field: 'body' },
      );
    }
    const ctx = contextOf(request, deps);
    const { record, replayed } = await submitRecord(ctx, input);
    return recordView(ctx, record.id, reply, replayed ? 200 : 201);
  });

  app.post('/api/field/records/:id/confirm', async (request, reply): Promise<RecordView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ConfirmRecordRequest, request.body);
    const ctx = contextOf(request, deps);
    await confirmRecord(ctx, id, body);
    return recordView(ctx, id, reply, 200);
  });
}
