import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import { CreateOrgRequest, SaveCollaborationZoneRequest, UpdateOrgRequest } from '../../../contracts/orgs.ts';
import { createOrg } from '../../../usecases/orgs/create-org.ts';
import { getOrg } from '../../../usecases/orgs/get-org.ts';
import { listCollaborationZones } from '../../../usecases/orgs/list-collaboration-zones.ts';
import { listOrgTree } from '../../../usecases/orgs/list-org-tree.ts';
import { saveCollaborationZone } from '../../../usecases/orgs/save-collaboration-zone.ts';
import { updateOrg } from '../../../usecases/orgs/update-org.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentOrg, presentOrgTree, presentZone } from '../../presenters/org-presenter.ts';

export function registerOrgRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/orgs', async (request) => ({ tree: (await listOrgTree(contextOf(request, deps))).map(presentOrgTree) }));

  app.get('/api/orgs/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentOrg(await getOrg(contextOf(request, deps), id));
  });

  app.post('/api/orgs', async (request, reply) => {
    const input = parse(CreateOrgRequest, request.body);
    return reply.status(201).send(presentOrg(await createOrg(contextOf(request, deps), input)));
  });

  app.patch('/api/orgs/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(UpdateOrgRequest, request.body);
    return presentOrg(await updateOrg(contextOf(request, deps), id, input));
  });

  app.get('/api/collaboration-zones', async (request) => (await listCollaborationZones(contextOf(request, deps))).map(presentZone));

  app.post('/api/collaboration-zones', async (request, reply) => {
    const input = parse(SaveCollaborationZoneRequest, request.body);
    return reply.status(201).send(presentZone(await saveCollaborationZone(contextOf(request, deps), null, input)));
  });

  app.put('/api/collaboration-zones/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(SaveCollaborationZoneRequest, request.body);
    return presentZone(await saveCollaborationZone(contextOf(request, deps), id, input));
  });
}
