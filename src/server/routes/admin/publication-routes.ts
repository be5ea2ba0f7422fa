import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import {
  PublicationActRequest,
  PublicationPolicyQuery,
  PublicationPolicyRequest,
  PublicationQueueQuery,
  RevokePenaltyRequest,
  type PublicationPolicyView,
  type PublicationQueueView,
} from '../../../contracts/publication.ts';
import { getCase } from '../../../usecases/cases/get-case.ts';
import { revokePenalty } from '../../../usecases/cases/revoke-penalty.ts';
import { actOnEntries } from '../../../usecases/publication/act-on-entries.ts';
import { listPublicationQueue } from '../../../usecases/publication/list-publication-queue.ts';
import { getPublicationPolicy, setPublicationPolicy } from '../../../usecases/publication/publication-policy.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentCase } from '../../presenters/case-presenter.ts';

/** 公示管理 (decision 0024): the brigade's queue and record, publishing and withdrawing, the policy, revoking a penalty. */
export function registerPublicationRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/publications', async (request): Promise<PublicationQueueView> => {
    const query = parse(PublicationQueueQuery, request.query);
    return listPublicationQueue(contextOf(request, deps), query);
  });

  app.post('/api/publications/act', async (request): Promise<{ done: number }> => {
    const body = parse(PublicationActRequest, request.body);
    return actOnEntries(contextOf(request, deps), body.ids, body.action === 'suppress' ? { action: 'suppress', reason: body.reason } : { action: body.action });
  });

  app.get('/api/publication-policy', async (request): Promise<PublicationPolicyView> => {
    const { orgId } = parse(PublicationPolicyQuery, request.query);
    return getPublicationPolicy(contextOf(request, deps), orgId);
  });

  app.put('/api/publication-policy', async (request): Promise<PublicationPolicyView> => {
    const body = parse(PublicationPolicyRequest, request.body);
    const ctx = contextOf(request, deps);
    await setPublicationPolicy(ctx, body.orgId, body.policy);
    return getPublicationPolicy(ctx, body.orgId);
  });

  app.post('/api/cases/:id/revoke', async (request): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(RevokePenaltyRequest, request.body);
    const ctx = contextOf(request, deps);
    await revokePenalty(ctx, id, body);
    return presentCase(await getCase(ctx, id));
  });
}
