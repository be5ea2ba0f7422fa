import type { FastifyInstance } from 'fastify';
import type { PortalHomeView } from '../../../contracts/public.ts';
import { getPortalHome } from '../../../usecases/public/get-portal-home.ts';
import type { RouteDeps } from '../../deps.ts';
import { presentPortalHome } from '../../presenters/public-presenter.ts';
import { createTtlCache } from '../../ttl-cache.ts';

/**
 * How long the portal's home figures are shared by every visitor. They are registry sizes and the audit-chain head:
 * half a minute old is as good as fresh, and a crowd then costs the database one load per half minute.
 */
export const PORTAL_HOME_TTL_MS = 30_000;

export function registerPublicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Real elapsed time, not the app's (possibly fixed) clock: the cache is about load, not about business dates.
  const home = createTtlCache(PORTAL_HOME_TTL_MS, async () => presentPortalHome(await getPortalHome(deps.db, deps.now())));
  app.get('/api/public/home', async (): Promise<PortalHomeView> => home.get());
}
