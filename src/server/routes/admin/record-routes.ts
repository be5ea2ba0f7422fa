import type { FastifyInstance } from 'fastify';
import { IdParams, type Page } from '../../../contracts/common.ts';
import { OutboxListQuery, RecordListQuery, type OutboxMessageView, type RecordSummary, type RecordView } from '../../../contracts/field.ts';
import { inspectorNamesOf } from '../../../usecases/records/inspector-names.ts';
import { getRecord } from '../../../usecases/records/get-record.ts';
import { listRecords } from '../../../usecases/records/list-records.ts';
import { listOutboxMessages } from '../../../usecases/outbox/list-outbox-messages.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentOutboxMessage, presentRecord, presentRecordSummary } from '../../presenters/field-presenter.ts';

/** 检查记录 (every version, read-only) and 消息发件箱 for administrators. */
export function registerRecordRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/records', async (request): Promise<Page<RecordSummary>> => {
    const query = parse(RecordListQuery, request.query);
    const ctx = contextOf(request, deps);
    const page = await listRecords(ctx, query);
    const names = await inspectorNamesOf(ctx, page.rows.map((r) => r.record.submittedByInspector));
    return { ...page, items: page.rows.map((r) => presentRecordSummary(r, names.get(r.record.submittedByInspector) ?? '')) };
  });

  app.get('/api/records/:id', async (request): Promise<RecordView> => {
    const { id } = parse(IdParams, request.params);
    return presentRecord(await getRecord(contextOf(request, deps), id));
  });

  app.get('/api/outbox', async (request): Promise<Page<OutboxMessageView>> => {
    const query = parse(OutboxListQuery, request.query);
    const page = await listOutboxMessages(contextOf(request, deps), query);
    return { items: page.rows.map(presentOutboxMessage), total: page.total, page: page.page, pageSize: page.pageSize };
  });
}
