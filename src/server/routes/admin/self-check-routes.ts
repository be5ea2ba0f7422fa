import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import type { InboxView, SelfCheckDetailView, SelfCheckListView } from '../../../contracts/self-checks.ts';
import { getSelfCheck } from '../../../usecases/oversight/get-self-check.ts';
import { listInbox } from '../../../usecases/oversight/list-inbox.ts';
import { listSelfChecks } from '../../../usecases/oversight/list-self-checks.ts';
import { runSelfCheckNow } from '../../../usecases/oversight/run-self-check-now.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';

/** 十日、二十日检查 and 待阅消息 (issue 16): the use cases return their views (whitelisted there). */
export function registerSelfCheckRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/self-checks', async (request): Promise<SelfCheckListView> => listSelfChecks(contextOf(request, deps)));

  app.get('/api/self-checks/:id', async (request): Promise<SelfCheckDetailView> => {
    const { id } = parse(IdParams, request.params);
    return getSelfCheck(contextOf(request, deps), id);
  });

  app.post('/api/self-checks/run', async (request, reply): Promise<{ id: string }> => {
    const result = await runSelfCheckNow(contextOf(request, deps));
    reply.code(201);
    return result;
  });

  app.get('/api/inbox', async (request): Promise<InboxView> => listInbox(contextOf(request, deps)));
}
