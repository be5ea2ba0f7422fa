import type { FastifyInstance } from 'fastify';
import {
  AnomalyQuery,
  CallbackExternalRequest,
  CallbackRecordRequest,
  FreezeCallbackRequest,
  QuarterQuery,
  ReplaceCallbackRequest,
  VoidCallbackRequest,
  type AnomalyView,
  type CallbackPreviewView,
  type CallbackRoundView,
} from '../../../contracts/callbacks.ts';
import { IdParams } from '../../../contracts/common.ts';
import type { DrawBundle } from '../../../domain/draw/draw-types.ts';
import { executeCallbackRound } from '../../../usecases/callbacks/execute-callback-round.ts';
import { exportCallbackReport } from '../../../usecases/callbacks/export-callback-report.ts';
import { freezeCallbackRound } from '../../../usecases/callbacks/freeze-callback-round.ts';
import { getCallbackBundle } from '../../../usecases/callbacks/get-callback-bundle.ts';
import { getCallbackRound } from '../../../usecases/callbacks/get-callback-round.ts';
import { listAnomalies } from '../../../usecases/callbacks/list-anomalies.ts';
import { previewCallbackRound } from '../../../usecases/callbacks/preview-callback-round.ts';
import { recordCallback } from '../../../usecases/callbacks/record-callback.ts';
import { recordCallbackExternalValue } from '../../../usecases/callbacks/record-callback-external-value.ts';
import { replaceCallbackUnit } from '../../../usecases/callbacks/replace-callback-unit.ts';
import { voidCallbackRound } from '../../../usecases/callbacks/void-callback-round.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { sendDownload } from '../../uploads.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 纪检回访 and 异常线索 (src/contracts/callbacks.ts, decision 0026). Only 纪检 and the system administrator read them;
 * the changes are under /api/callbacks/, the one area a read-only 纪检 account may change (security-hooks.ts), and
 * each use case checks callbacks.manage again. The views are built by the use cases from whitelisted fields.
 */
export function registerCallbackRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/callbacks', async (request): Promise<CallbackPreviewView> => previewCallbackRound(contextOf(request, deps), parse(QuarterQuery, request.query).quarter));

  app.post('/api/callbacks/rounds', async (request, reply): Promise<{ id: string }> => {
    const id = await freezeCallbackRound(contextOf(request, deps), parse(FreezeCallbackRequest, request.body));
    reply.code(201);
    return { id };
  });

  app.get('/api/callbacks/rounds/:id', async (request): Promise<CallbackRoundView> => getCallbackRound(contextOf(request, deps), parse(IdParams, request.params).id));

  app.post('/api/callbacks/rounds/:id/external', async (request): Promise<{ confirmed: boolean }> =>
    recordCallbackExternalValue(contextOf(request, deps), parse(IdParams, request.params).id, parse(CallbackExternalRequest, request.body)),
  );

  app.post('/api/callbacks/rounds/:id/execute', async (request): Promise<{ ok: true }> => {
    await executeCallbackRound(contextOf(request, deps), parse(IdParams, request.params).id);
    return { ok: true };
  });

  app.post('/api/callbacks/rounds/:id/void', async (request): Promise<{ ok: true }> => {
    await voidCallbackRound(contextOf(request, deps), parse(IdParams, request.params).id, parse(VoidCallbackRequest, request.body).reason);
    return { ok: true };
  });

  app.get('/api/callbacks/rounds/:id/bundle', async (request, reply): Promise<DrawBundle> => {
    const { code, bundle } = await getCallbackBundle(contextOf(request, deps), parse(IdParams, request.params).id);
    reply.header('content-disposition', `attachment; filename="${code}.bundle.json"`);
    return bundle;
  });

  app.get('/api/callbacks/rounds/:id/report.xlsx', async (request, reply) => {
    const file = await exportCallbackReport(contextOf(request, deps), parse(IdParams, request.params).id);
    return sendDownload(reply, XLSX_TYPE, file.fileName, file.bytes, 'callback-report.xlsx');
  });

  app.post('/api/callbacks/units/:id/record', async (request): Promise<{ ok: true }> => {
    await recordCallback(contextOf(request, deps), parse(IdParams, request.params).id, parse(CallbackRecordRequest, request.body));
    return { ok: true };
  });

  app.post('/api/callbacks/units/:id/replace', async (request): Promise<{ unitId: string }> =>
    replaceCallbackUnit(contextOf(request, deps), parse(IdParams, request.params).id, parse(ReplaceCallbackRequest, request.body).reason),
  );

  app.get('/api/anomalies', async (request): Promise<AnomalyView> => listAnomalies(contextOf(request, deps), parse(AnomalyQuery, request.query).days));
}
