import type { FastifyInstance } from 'fastify';
import { ORG_KIND_LABELS } from '../../../domain/access.ts';
import type { HealthView, PortalHomeView } from '../../../contracts/public.ts';
import { getPortalHome } from '../../../usecases/public/get-portal-home.ts';
import type { RouteDeps } from '../../deps.ts';

export const SYSTEM_NAME = '双随机消防监管系统';
const VERSION = '0.1.0';

export function registerPublicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/health', async (): Promise<HealthView> => ({ status: 'ok', database: deps.databaseKind, version: VERSION }));

  app.get('/api/public/home', async (): Promise<PortalHomeView> => {
    const home = await getPortalHome(deps.db);
    return {
      systemName: SYSTEM_NAME,
      orgs: home.orgs.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        kindLabel: ORG_KIND_LABELS[o.kind],
        parentId: o.parentId,
        unitCount: o.unitCount,
      })),
      totals: home.totals,
      auditChain: home.auditChain,
    };
  });
}
