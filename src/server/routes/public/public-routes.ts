import type { FastifyInstance } from 'fastify';
import type { PortalHomeView } from '../../../contracts/public.ts';
import { getPortalHome } from '../../../usecases/public/get-portal-home.ts';
import type { RouteDeps } from '../../deps.ts';
import { presentPortalHome } from '../../presenters/public-presenter.ts';
import { createPublicAnswer } from './public-cache.ts';

export function registerPublicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // The home's figures (registry sizes, the audit-chain head) are shared like every public answer (decision 0032).
  const answer = createPublicAnswer(deps.publicCacheTtlMs);
  app.get('/api/public/home', (request, reply) =>
    answer(request, reply, 'home', async (): Promise<PortalHomeView> => presentPortalHome(await getPortalHome(deps.read, deps.now()))),
  );
}
