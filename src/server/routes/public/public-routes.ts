import type { FastifyInstance } from 'fastify';
import type { HealthView, PortalHomeView } from '../../../contracts/public.ts';
import { getPortalHome } from '../../../usecases/public/get-portal-home.ts';
import type { RouteDeps } from '../../deps.ts';
import { presentPortalHome } from '../../presenters/public-presenter.ts';
import { createPublicAnswer } from './public-cache.ts';

const VERSION = '0.1.0';

export function registerPublicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/health', async (): Promise<HealthView> => ({ status: 'ok', database: deps.databaseKind, version: VERSION }));

  // The home's figures (registry sizes, the audit-chain head) are shared like every public answer (decision 0032).
  const answer = createPublicAnswer(deps.publicCacheTtlMs);
  app.get('/api/public/home', (request, reply) =>
    answer(request, reply, 'home', async (): Promise<PortalHomeView> => presentPortalHome(await getPortalHome(deps.db, deps.now()))),
  );
}
