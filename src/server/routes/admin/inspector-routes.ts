import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateAvailabilityRequest,
  CreateInspectorRequest,
  CreateRecusalRequest,
  ExternalPersonListQuery,
  InspectorListQuery,
  LiftAvailabilityRequest,
  RecusalListQuery,
  RevokeRecusalRequest,
  SaveExternalPersonRequest,
  UpdateInspectorRequest,
} from '../../../contracts/inspectors.ts';
import { findExternalPersonById, findRecusalById, listRecusals } from '../../../db/inspector-queries.ts';
import { scopePathOf } from '../../../usecases/lib/actor.ts';
import { requirePermission } from '../../../usecases/lib/require.ts';
import { addAvailability } from '../../../usecases/inspectors/add-availability.ts';
import { getInspectorDetail } from '../../../usecases/inspectors/get-inspector-detail.ts';
import { liftAvailability } from '../../../usecases/inspectors/lift-availability.ts';
import { listInspectors } from '../../../usecases/inspectors/list-inspectors.ts';
import { listExternalPeople, saveExternalPerson } from '../../../usecases/inspectors/save-external-person.ts';
import { saveInspector } from '../../../usecases/inspectors/save-inspector.ts';
import { createRecusal, revokeRecusal } from '../../../usecases/inspectors/save-recusal.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentExternalPerson, presentInspectorDetail, presentInspectorListItem, presentRecusal } from '../../presenters/inspector-presenter.ts';

export function registerInspectorRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/inspectors', async (request) => {
    const query = parse(InspectorListQuery, request.query);
    const { rows, total } = await listInspectors(contextOf(request, deps), query);
    return { items: rows.map(presentInspectorListItem), total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/inspectors/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentInspectorDetail(await getInspectorDetail(contextOf(request, deps), id));
  });

  app.post('/api/inspectors', async (request, reply) => {
    const input = parse(CreateInspectorRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await saveInspector(ctx, null, input);
    return reply.status(201).send(presentInspectorDetail(await getInspectorDetail(ctx, id)));
  });

  app.patch('/api/inspectors/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(UpdateInspectorRequest, request.body);
    const ctx = contextOf(request, deps);
    await saveInspector(ctx, id, input);
    return presentInspectorDetail(await getInspectorDetail(ctx, id));
  });

  app.post('/api/inspectors/:id/availability', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(CreateAvailabilityRequest, request.body);
    const ctx = contextOf(request, deps);
    await addAvailability(ctx, id, input);
    return presentInspectorDetail(await getInspectorDetail(ctx, id));
  });

  app.post('/api/inspector-availability/:id/lift', async (request) => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(LiftAvailabilityRequest, request.body);
    const ctx = contextOf(request, deps);
    const inspectorId = await liftAvailability(ctx, id, reason);
    return presentInspectorDetail(await getInspectorDetail(ctx, inspectorId));
  });

  app.get('/api/recusals', async (request) => {
    const ctx = contextOf(request, deps);
    requirePermission(ctx.actor, 'registry.read');
    const query = parse(RecusalListQuery, request.query);
    return (await listRecusals(ctx.db, { ...query, scopePath: scopePathOf(ctx.actor) })).map(presentRecusal);
  });

  app.post('/api/recusals', async (request, reply) => {
    const input = parse(CreateRecusalRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await createRecusal(ctx, input);
    return reply.status(201).send(presentRecusal((await findRecusalById(ctx.db, id))!));
  });

  app.post('/api/recusals/:id/revoke', async (request) => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(RevokeRecusalRequest, request.body);
    const ctx = contextOf(request, deps);
    await revokeRecusal(ctx, id, reason);
    return presentRecusal((await findRecusalById(ctx.db, id))!);
  });

  app.get('/api/external-people', async (request) => {
    const query = parse(ExternalPersonListQuery, request.query);
    const { rows, total } = await listExternalPeople(contextOf(request, deps), query);
    return { items: rows.map(presentExternalPerson), total, page: query.page, pageSize: query.pageSize };
  });

  app.post('/api/external-people', async (request, reply) => {
    const input = parse(SaveExternalPersonRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await saveExternalPerson(ctx, null, input);
    const found = (await findExternalPersonById(ctx.db, id))!;
    return reply.status(201).send(presentExternalPerson({ person: found.person, orgName: found.org.name }));
  });

  app.put('/api/external-people/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(SaveExternalPersonRequest, request.body);
    const ctx = contextOf(request, deps);
    await saveExternalPerson(ctx, id, input);
    const found = (await findExternalPersonById(ctx.db, id))!;
    return presentExternalPerson({ person: found.person, orgName: found.org.name });
  });
}
