import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateExchangeBatchRequest,
  CreditFeedDownloadQuery,
  CreditFeedQuery,
  ExchangeBatchListQuery,
  ExchangeDownloadQuery,
  ExchangeSettingsRequest,
  OrgQuery,
  type BlacklistView,
  type CreditFeedView,
  type ExchangeBatchListView,
  type ExchangeSettingsView,
} from '../../../contracts/exchange.ts';
import { createExchangeBatch } from '../../../usecases/exchange/create-exchange-batch.ts';
import { exportCreditFeed, getCreditFeed, listBlacklist } from '../../../usecases/exchange/credit-feed.ts';
import { downloadExchangeBatch } from '../../../usecases/exchange/download-exchange-batch.ts';
import { getExchangeSettings, setExchangeSettings } from '../../../usecases/exchange/exchange-settings.ts';
import { listExchangeBatchesInScope } from '../../../usecases/exchange/list-exchange-batches.ts';
import { resendExchangeBatch } from '../../../usecases/exchange/resend-exchange-batch.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentBlacklist, presentCreditFeed, presentExchangeBatches } from '../../presenters/exchange-presenter.ts';
import { sendDownload } from '../../uploads.ts';

const TYPES = { json: 'application/json; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** 数据交换 (see src/contracts/exchange.ts; decision 0027). */
export function registerExchangeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/exchange/batches', async (request): Promise<ExchangeBatchListView> =>
    presentExchangeBatches(await listExchangeBatchesInScope(contextOf(request, deps), parse(ExchangeBatchListQuery, request.query))),
  );

  app.post('/api/exchange/batches', async (request, reply) => {
    const body = parse(CreateExchangeBatchRequest, request.body);
    const ids = await createExchangeBatch(contextOf(request, deps), body);
    return reply.status(201).send({ ids });
  });

  app.get('/api/exchange/batches/:id/download', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const { format } = parse(ExchangeDownloadQuery, request.query);
    const file = await downloadExchangeBatch(contextOf(request, deps), id, format);
    return sendDownload(reply.header('x-xf-sha256', file.sha256), TYPES[format], file.fileName, file.bytes, `exchange.${format}`);
  });

  app.post('/api/exchange/batches/:id/resend', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    await resendExchangeBatch(contextOf(request, deps), id);
    return reply.status(204).send();
  });

  app.get('/api/exchange/credit-feed', async (request): Promise<CreditFeedView> =>
    presentCreditFeed(await getCreditFeed(contextOf(request, deps), parse(CreditFeedQuery, request.query))),
  );

  app.get('/api/exchange/credit-feed/download', async (request, reply) => {
    const query = parse(CreditFeedDownloadQuery, request.query);
    const file = await exportCreditFeed(contextOf(request, deps), query);
    return sendDownload(reply, TYPES[query.format], file.fileName, file.bytes, `credit.${query.format}`);
  });

  app.get('/api/exchange/blacklist', async (request): Promise<BlacklistView> =>
    presentBlacklist(await listBlacklist(contextOf(request, deps), parse(OrgQuery, request.query))),
  );

  app.get('/api/exchange/settings', async (request): Promise<ExchangeSettingsView> => {
    const { orgId } = parse(OrgQuery, request.query);
    return getExchangeSettings(contextOf(request, deps), orgId);
  });

  app.put('/api/exchange/settings', async (request): Promise<ExchangeSettingsView> => {
    const body = parse(ExchangeSettingsRequest, request.body);
    const ctx = contextOf(request, deps);
    await setExchangeSettings(ctx, body.orgId, { endpointUrl: body.endpointUrl, creditPolicy: body.creditPolicy });
    return getExchangeSettings(ctx, body.orgId);
  });
}
