import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnitComplaintRequest, UnitEvidenceQuery, UnitRatingRequest, UnitReinspectionRequest, type UnitOwnView } from '../../../contracts/publication.ts';
import { MAX_EVIDENCE_FILE_BYTES } from '../../../domain/files/file-kind.ts';
import { complain } from '../../../usecases/unit-access/complain.ts';
import { getUnitOwnView } from '../../../usecases/unit-access/get-unit-own-view.ts';
import { rateVisit } from '../../../usecases/unit-access/rate-visit.ts';
import { requestUnitReinspection } from '../../../usecases/unit-access/request-unit-reinspection.ts';
import { resolveUnitSession, type UnitContext } from '../../../usecases/unit-access/unit-session.ts';
import { uploadEvidence } from '../../../usecases/unit-access/upload-evidence.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { registerUploadRoutes, uploadedBytes } from '../../uploads.ts';

/**
 * The inspected unit's own page (decision 0024): every route needs `Authorization: Bearer <token>` from
 * POST /api/public/unit-access — never a cookie, so a cross-site page cannot act for the unit (it cannot set that
 * header without a CORS preflight this server never grants) and the security hooks skip the staff session's CSRF check.
 */
export function registerUnitPageRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const unitContext = async (request: FastifyRequest): Promise<UnitContext> => {
    const now = deps.now();
    const session = await resolveUnitSession({ db: deps.db, now }, request.headers.authorization);
    return { db: deps.db, session, ip: request.ip, now };
  };

  app.get('/api/unit/me', async (request): Promise<UnitOwnView> => getUnitOwnView(await unitContext(request)));

  registerUploadRoutes(app, MAX_EVIDENCE_FILE_BYTES, (uploads, upload) => {
    uploads.post('/api/unit/evidence', upload, async (request, reply) => {
      const ctx = await unitContext(request);
      const { documentId, fileName } = parse(UnitEvidenceQuery, request.query);
      return reply.status(201).send(await uploadEvidence(ctx, { documentId, fileName, bytes: uploadedBytes(request) }));
    });
  });

  app.post('/api/unit/reinspection-requests', async (request, reply) => {
    const ctx = await unitContext(request);
    const input = parse(UnitReinspectionRequest, request.body);
    return reply.status(201).send(await requestUnitReinspection(ctx, input));
  });

  app.post('/api/unit/ratings', async (request, reply) => {
    const ctx = await unitContext(request);
    const input = parse(UnitRatingRequest, request.body);
    return reply.status(201).send(await rateVisit(ctx, input));
  });

  app.post('/api/unit/complaints', async (request, reply) => {
    const ctx = await unitContext(request);
    const input = parse(UnitComplaintRequest, request.body);
    return reply.status(201).send(await complain(ctx, input));
  });
}
