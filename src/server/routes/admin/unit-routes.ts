import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  BulkUnitStatusRequest,
  ChangeUnitStatusRequest,
  CreateDictionaryEntryRequest,
  CreateUnitRequest,
  DivisionCodeParams,
  DivisionListQuery,
  FlagUnitRequest,
  TransferUnitRequest,
  UnitListQuery,
  UnitQualityQuery,
  UpdateDictionaryEntryRequest,
  UpdateUnitRequest,
  type TransferUnitResult,
  type UnitQualityView,
} from '../../../contracts/units.ts';
import { countiesOf, findDivision } from '../../../domain/registry/divisions.ts';
import { DomainError } from '../../../domain/errors.ts';
import { listDictionaries } from '../../../usecases/dictionaries/list-dictionaries.ts';
import { saveDictionaryEntry } from '../../../usecases/dictionaries/save-dictionary-entry.ts';
import { changeUnitStatus } from '../../../usecases/units/change-unit-status.ts';
import { createUnit } from '../../../usecases/units/create-unit.ts';
import { flagUnit } from '../../../usecases/units/flag-unit.ts';
import { getUnitDetail } from '../../../usecases/units/get-unit-detail.ts';
import { getUnitQuality } from '../../../usecases/units/get-unit-quality.ts';
import { listUnits } from '../../../usecases/units/list-units.ts';
import { transferUnit } from '../../../usecases/units/transfer-unit.ts';
import { updateUnit } from '../../../usecases/units/update-unit.ts';
import { requirePermission } from '../../../usecases/lib/require.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentDictionaryEntry, presentDivision, presentUnitDetail, presentUnitListItem } from '../../presenters/unit-presenter.ts';

export function registerUnitRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/units', async (request) => {
    const query = parse(UnitListQuery, request.query);
    const { rows, total, capped } = await listUnits(contextOf(request, deps), query);
    return { items: rows.map((r) => presentUnitListItem(r.unit, r.brigadeName)), total, ...(capped ? { totalCapped: true } : {}), page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/units/quality', async (request): Promise<UnitQualityView> => {
    const { brigadeId } = parse(UnitQualityQuery, request.query);
    return getUnitQuality(contextOf(request, deps), brigadeId);
  });

  app.get('/api/units/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentUnitDetail(await getUnitDetail(contextOf(request, deps), id));
  });

  app.post('/api/units', async (request, reply) => {
    const input = parse(CreateUnitRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await createUnit(ctx, input);
    return reply.status(201).send(presentUnitDetail(await getUnitDetail(ctx, id)));
  });

  app.patch('/api/units/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(UpdateUnitRequest, request.body);
    const ctx = contextOf(request, deps);
    await updateUnit(ctx, id, input);
    return presentUnitDetail(await getUnitDetail(ctx, id));
  });

  app.post('/api/units/:id/status', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(ChangeUnitStatusRequest, request.body);
    const ctx = contextOf(request, deps);
    await changeUnitStatus(ctx, [id], input);
    return presentUnitDetail(await getUnitDetail(ctx, id));
  });

  app.post('/api/units/bulk-status', async (request) => {
    const { unitIds, ...change } = parse(BulkUnitStatusRequest, request.body);
    return changeUnitStatus(contextOf(request, deps), unitIds, change);
  });

  app.post('/api/units/:id/transfer', async (request): Promise<TransferUnitResult> => {
    const { id } = parse(IdParams, request.params);
    const input = parse(TransferUnitRequest, request.body);
    return transferUnit(contextOf(request, deps), id, input);
  });

  app.post('/api/units/:id/flag', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(FlagUnitRequest, request.body);
    const ctx = contextOf(request, deps);
    await flagUnit(ctx, id, input);
    return presentUnitDetail(await getUnitDetail(ctx, id));
  });

  app.get('/api/dictionaries', async (request) => {
    const rows = await listDictionaries(contextOf(request, deps));
    const grouped: Record<string, ReturnType<typeof presentDictionaryEntry>[]> = {};
    for (const row of rows) (grouped[row.kind] ??= []).push(presentDictionaryEntry(row));
    return grouped;
  });

  app.post('/api/dictionaries', async (request, reply) => {
    const input = parse(CreateDictionaryEntryRequest, request.body);
    return reply.status(201).send(presentDictionaryEntry(await saveDictionaryEntry(contextOf(request, deps), null, input)));
  });

  app.patch('/api/dictionaries/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(UpdateDictionaryEntryRequest, request.body);
    return presentDictionaryEntry(await saveDictionaryEntry(contextOf(request, deps), id, input));
  });

  app.get('/api/divisions', async (request) => {
    requirePermission(contextOf(request, deps).actor, 'registry.read');
    const { within } = parse(DivisionListQuery, request.query);
    return countiesOf(within, { includeRetired: true }).map(presentDivision);
  });

  app.get('/api/divisions/:code', async (request) => {
    requirePermission(contextOf(request, deps).actor, 'registry.read');
    const { code } = parse(DivisionCodeParams, request.params);
    const division = findDivision(code);
    if (!division) throw new DomainError('NOT_FOUND', '行政区划代码不存在');
    return presentDivision(division);
  });
}
