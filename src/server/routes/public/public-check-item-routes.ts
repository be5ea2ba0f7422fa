import type { FastifyInstance } from 'fastify';
import {
  PublicCheckItemParams,
  type PublicCheckItemDetail,
  type PublicCheckItemListResponse,
} from '../../../contracts/check-items.ts';
import { getPublishedCheckItem } from '../../../usecases/check-items/get-published-check-item.ts';
import { listPublishedCheckItems } from '../../../usecases/check-items/list-published-check-items.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentPublicCheckItemDetail, presentPublicCheckItemListItem } from '../../presenters/check-item-presenter.ts';

/** The published 抽查事项清单 on the portal: no login, published versions only, never drafts or account data. */
export function registerPublicCheckItemRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/public/check-items', async (): Promise<PublicCheckItemListResponse> => {
    const items = await listPublishedCheckItems(deps.read);
    return { items: items.map(presentPublicCheckItemListItem) };
  });

  app.get('/api/public/check-items/:code', async (request): Promise<PublicCheckItemDetail> => {
    const { code } = parse(PublicCheckItemParams, request.params);
    return presentPublicCheckItemDetail(await getPublishedCheckItem(deps.read, code));
  });
}
