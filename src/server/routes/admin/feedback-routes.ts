import type { FastifyInstance } from 'fastify';
import type { FeedbackView } from '../../../contracts/publication.ts';
import { listUnitFeedback } from '../../../usecases/feedback/list-unit-feedback.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';

/** 回访评价与投诉: the inspected units' ratings and complaints, for 纪检 and the system administrator only. */
export function registerFeedbackRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/feedback', async (request): Promise<FeedbackView> => listUnitFeedback(contextOf(request, deps)));
}
