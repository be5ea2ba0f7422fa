import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import type { TaskDetailView } from '../../../contracts/draws.ts';
import { ReinspectionRequestBody } from '../../../contracts/reinspections.ts';
import { getTask } from '../../../usecases/draws/get-task.ts';
import { createReinspectionTask } from '../../../usecases/reinspections/create-reinspection-task.ts';
import { requestEarlyReinspection } from '../../../usecases/reinspections/request-early-reinspection.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentTaskDetail } from '../../presenters/draw-presenter.ts';

/** 复查 (decision 0023): 安排复查 by hand, and 登记提前复查申请 (the task is made at once). Both answer 201 with the task. */
export function registerReinspectionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/documents/:id/reinspection', async (request, reply): Promise<TaskDetailView> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    const task = await createReinspectionTask(ctx, id);
    reply.code(201);
    return presentTaskDetail(await getTask(ctx, task.id), ctx.actor);
  });

  app.post('/api/documents/:id/reinspection-requests', async (request, reply): Promise<TaskDetailView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ReinspectionRequestBody, request.body);
    const ctx = contextOf(request, deps);
    const task = await requestEarlyReinspection(ctx, id, body);
    reply.code(201);
    return presentTaskDetail(await getTask(ctx, task.id), ctx.actor);
  });
}
