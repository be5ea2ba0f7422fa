import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CheckItemParams,
  CreateCheckItemRequest,
  PublishCheckItemRequest,
  SaveCheckItemDraftRequest,
  WithdrawCheckItemRequest,
  type CheckItemDetail,
  type CheckItemListResponse,
} from '../../../contracts/check-items.ts';
import { createCheckItem } from '../../../usecases/check-items/create-check-item.ts';
import { getCheckItem } from '../../../usecases/check-items/get-check-item.ts';
import { listCheckItems } from '../../../usecases/check-items/list-check-items.ts';
import { publishCheckItemDraft } from '../../../usecases/check-items/publish-check-item-draft.ts';
import { saveCheckItemDraft } from '../../../usecases/check-items/save-check-item-draft.ts';
import { withdrawCheckItem } from '../../../usecases/check-items/withdraw-check-item.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentCheckItemDetail, presentCheckItemListItem } from '../../presenters/check-item-presenter.ts';

/** 抽查事项清单 (admin): any logged-in account reads; items.manage edits, with the national list left to system administrators. */
export function registerCheckItemRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const detail = async (request: FastifyRequest, id: string): Promise<CheckItemDetail> =>
    presentCheckItemDetail(await getCheckItem(contextOf(request, deps), id));

  app.get('/api/check-items', async (request): Promise<CheckItemListResponse> => {
    const items = await listCheckItems(contextOf(request, deps));
    return { items: items.map(presentCheckItemListItem) };
  });

  app.post('/api/check-items', async (request, reply): Promise<CheckItemDetail> => {
    const input = parse(CreateCheckItemRequest, request.body);
    const id = await createCheckItem(contextOf(request, deps), input);
    void reply.status(201);
    return detail(request, id);
  });

  app.get('/api/check-items/:id', async (request): Promise<CheckItemDetail> => {
    const { id } = parse(CheckItemParams, request.params);
    return detail(request, id);
  });

  app.put('/api/check-items/:id/draft', async (request): Promise<CheckItemDetail> => {
    const { id } = parse(CheckItemParams, request.params);
    const input = parse(SaveCheckItemDraftRequest, request.body);
    await saveCheckItemDraft(contextOf(request, deps), id, input);
    return detail(request, id);
  });

  app.post('/api/check-items/:id/publish', async (request): Promise<CheckItemDetail> => {
    const { id } = parse(CheckItemParams, request.params);
    const input = parse(PublishCheckItemRequest, request.body);
    await publishCheckItemDraft(contextOf(request, deps), id, input);
    return detail(request, id);
  });

  app.post('/api/check-items/:id/withdraw', async (request): Promise<CheckItemDetail> => {
    const { id } = parse(CheckItemParams, request.params);
    const { reason } = parse(WithdrawCheckItemRequest, request.body);
    await withdrawCheckItem(contextOf(request, deps), id, reason);
    return detail(request, id);
  });
}
