import type { FastifyInstance } from 'fastify';
import { UnitAccessRequest, type UnitAccessView } from '../../../contracts/publication.ts';
import { openUnitAccess } from '../../../usecases/unit-access/open-unit-access.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';

/**
 * The inspected unit opens its own page (decision 0024): a document's check code and its 统一社会信用代码 give a bearer
 * token for /api/unit/*. No account, no cookie; the answer carries the token, so no one keeps it.
 */
export function registerUnitAccessRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/public/unit-access', async (request, reply): Promise<UnitAccessView> => {
    void reply.header('cache-control', 'no-store');
    const input = parse(UnitAccessRequest, request.body);
    const result = await openUnitAccess({ db: deps.db, ip: request.ip, now: deps.now() }, input);
    return { token: result.token, expiresAt: result.expiresAt.toISOString(), unitName: result.unitName };
  });
}
