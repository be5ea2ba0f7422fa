import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CommitmentRequest,
  ExternalValueRequest,
  FreezeDrawRequest,
  ObserverParams,
  ReplaceInspectorRequest,
  ReplaceUnitRequest,
  RevealRequest,
  TaskListQuery,
  type DrawSummary,
  type DrawView,
  type TaskDetailView,
  type TaskView,
} from '../../../contracts/draws.ts';
import { ReasonRequest } from '../../../contracts/plans.ts';
import { executeDraw } from '../../../usecases/draws/execute-draw.ts';
import { freezeDraw } from '../../../usecases/draws/freeze-draw.ts';
import { getDraw } from '../../../usecases/draws/get-draw.ts';
import { listDraws } from '../../../usecases/draws/list-draws.ts';
import { getTask } from '../../../usecases/draws/get-task.ts';
import { listTasks } from '../../../usecases/draws/list-tasks.ts';
import { recordCommitment } from '../../../usecases/draws/record-commitment.ts';
import { recordExternalValue } from '../../../usecases/draws/record-external-value.ts';
import { recordReveal } from '../../../usecases/draws/record-reveal.ts';
import { replaceTaskInspector } from '../../../usecases/draws/replace-task-inspector.ts';
import { replaceTaskUnit } from '../../../usecases/draws/replace-task-unit.ts';
import { voidDraw } from '../../../usecases/draws/void-draw.ts';
import type { UseCaseContext } from '../../../usecases/lib/context.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentDraw, presentDrawSummary, presentTask, presentTaskDetail } from '../../presenters/draw-presenter.ts';
import { drawSourceLabel } from '../../../usecases/draws/draw-source-label.ts';

async function drawView(ctx: UseCaseContext, id: string): Promise<DrawView> {
  return presentDraw(await getDraw(ctx, id), ctx.actor);
}

/** 随机抽取 (freeze → commit → reveal → external value ×2 → execute, void) and 抽查任务 (lists, 递补). */
export function registerDrawRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/draws', async (request): Promise<DrawSummary[]> => {
    const rows = await listDraws(contextOf(request, deps));
    return rows.map((r) => presentDrawSummary(r, drawSourceLabel(r)));
  });

  app.post('/api/draws', async (request, reply): Promise<DrawView> => {
    const body = parse(FreezeDrawRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await freezeDraw(ctx, body);
    reply.code(201);
    return drawView(ctx, id);
  });

  app.get('/api/draws/:id', async (request): Promise<DrawView> => {
    const { id } = parse(IdParams, request.params);
    return drawView(contextOf(request, deps), id);
  });

  app.post('/api/draws/:id/observers/:observerId/commitment', async (request): Promise<DrawView> => {
    const { id, observerId } = parse(ObserverParams, request.params);
    const { commitment } = parse(CommitmentRequest, request.body);
    const ctx = contextOf(request, deps);
    await recordCommitment(ctx, id, observerId, commitment);
    return drawView(ctx, id);
  });

  app.post('/api/draws/:id/observers/:observerId/reveal', async (request): Promise<DrawView> => {
    const { id, observerId } = parse(ObserverParams, request.params);
    const { reveal } = parse(RevealRequest, request.body);
    const ctx = contextOf(request, deps);
    await recordReveal(ctx, id, observerId, reveal);
    return drawView(ctx, id);
  });

  app.post('/api/draws/:id/external', async (request): Promise<DrawView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ExternalValueRequest, request.body);
    const ctx = contextOf(request, deps);
    await recordExternalValue(ctx, id, body);
    return drawView(ctx, id);
  });

  app.post('/api/draws/:id/execute', async (request): Promise<DrawView> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    await executeDraw(ctx, id);
    return drawView(ctx, id);
  });

  app.post('/api/draws/:id/void', async (request): Promise<DrawView> => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(ReasonRequest, request.body);
    const ctx = contextOf(request, deps);
    await voidDraw(ctx, id, reason);
    return drawView(ctx, id);
  });

  app.get('/api/tasks', async (request): Promise<TaskView[]> => {
    const query = parse(TaskListQuery, request.query);
    const { rows, names, field } = await listTasks(contextOf(request, deps), { mine: query.mine === 'true', status: query.status });
    return rows.map((r) => presentTask(r, names, undefined, field));
  });

  app.get('/api/tasks/:id', async (request): Promise<TaskDetailView> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    return presentTaskDetail(await getTask(ctx, id), ctx.actor);
  });

  app.post('/api/tasks/:id/replace-inspector', async (request): Promise<{ replacementId: string }> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ReplaceInspectorRequest, request.body);
    return replaceTaskInspector(contextOf(request, deps), id, body);
  });

  app.post('/api/tasks/:id/replace-unit', async (request): Promise<{ taskId: string; unitId: string }> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ReplaceUnitRequest, request.body);
    return replaceTaskUnit(contextOf(request, deps), id, body);
  });
}
