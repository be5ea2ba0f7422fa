import type { FastifyInstance } from 'fastify';
import { IdParams, type Page } from '../../../contracts/common.ts';
import {
  CaseListQuery,
  CloseCaseRequest,
  DecidePenaltyRequest,
  LiftSealingRequest,
  OpenCaseRequest,
  PaymentRequest,
  ReferCaseRequest,
  ReferralReplyRequest,
  SealRequest,
  type CaseSummary,
  type CaseView,
  type FireLawProvisionView,
  type UnitFollowUpView,
} from '../../../contracts/cases.ts';
import { FIRE_LAW_PROVISIONS } from '../../../domain/cases/fire-law-provisions.ts';
import { closeCase } from '../../../usecases/cases/close-case.ts';
import { decidePenalty } from '../../../usecases/cases/decide-penalty.ts';
import { getCase } from '../../../usecases/cases/get-case.ts';
import { getUnitFollowUp } from '../../../usecases/cases/get-unit-follow-up.ts';
import { liftSealing } from '../../../usecases/cases/lift-sealing.ts';
import { listCases } from '../../../usecases/cases/list-cases.ts';
import { openCase } from '../../../usecases/cases/open-case.ts';
import { recordPayment } from '../../../usecases/cases/record-payment.ts';
import { recordReferralReply } from '../../../usecases/cases/record-referral-reply.ts';
import { referCase } from '../../../usecases/cases/refer-case.ts';
import { seal } from '../../../usecases/cases/seal.ts';
import type { UseCaseContext } from '../../../usecases/lib/context.ts';
import { contextOf, requireAuth, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentCase, presentCaseSummary, presentProvision, presentUnitFollowUp } from '../../presenters/case-presenter.ts';

async function caseView(ctx: UseCaseContext, id: string): Promise<CaseView> {
  return presentCase(await getCase(ctx, id));
}

async function followUpView(ctx: UseCaseContext, unitId: string): Promise<UnitFollowUpView> {
  return presentUnitFollowUp(await getUnitFollowUp(ctx, unitId));
}

/** 案件办理 (decision 0023): cases and penalties, referral, temporary sealing, a unit's follow-up, the provision list. */
export function registerCaseRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/fire-law-provisions', async (request): Promise<FireLawProvisionView[]> => {
    requireAuth(request);
    return FIRE_LAW_PROVISIONS.map(presentProvision);
  });

  app.get('/api/cases', async (request): Promise<Page<CaseSummary>> => {
    const query = parse(CaseListQuery, request.query);
    const page = await listCases(contextOf(request, deps), query);
    return { items: page.rows.map((r) => presentCaseSummary(r.case, r.unitName, r.deadlines)), total: page.total, page: page.page, pageSize: page.pageSize };
  });

  app.post('/api/cases', async (request, reply): Promise<CaseView> => {
    const body = parse(OpenCaseRequest, request.body);
    const ctx = contextOf(request, deps);
    const row = await openCase(ctx, body);
    reply.code(201);
    return caseView(ctx, row.id);
  });

  app.get('/api/cases/:id', async (request): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    return caseView(contextOf(request, deps), id);
  });

  app.post('/api/cases/:id/decision', async (request): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(DecidePenaltyRequest, request.body);
    const ctx = contextOf(request, deps);
    await decidePenalty(ctx, id, body);
    return caseView(ctx, id);
  });

  app.post('/api/cases/:id/payment', async (request): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(PaymentRequest, request.body);
    const ctx = contextOf(request, deps);
    await recordPayment(ctx, id, body);
    return caseView(ctx, id);
  });

  app.post('/api/cases/:id/close', async (request): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(CloseCaseRequest, request.body);
    const ctx = contextOf(request, deps);
    await closeCase(ctx, id, body);
    return caseView(ctx, id);
  });

  app.post('/api/cases/:id/referrals', async (request, reply): Promise<CaseView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ReferCaseRequest, request.body);
    const ctx = contextOf(request, deps);
    await referCase(ctx, id, body);
    reply.code(201);
    return caseView(ctx, id);
  });

  app.post('/api/referrals/:id/reply', async (request): Promise<{ caseId: string | null }> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(ReferralReplyRequest, request.body);
    return { caseId: await recordReferralReply(contextOf(request, deps), id, body) };
  });

  app.post('/api/sealings', async (request, reply): Promise<UnitFollowUpView> => {
    const body = parse(SealRequest, request.body);
    const ctx = contextOf(request, deps);
    await seal(ctx, { ...body, sealedAt: new Date(body.sealedAt), decidedAt: new Date(body.decidedAt) });
    reply.code(201);
    return followUpView(ctx, body.unitId);
  });

  app.post('/api/sealings/:id/lift', async (request): Promise<UnitFollowUpView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(LiftSealingRequest, request.body);
    const ctx = contextOf(request, deps);
    const unitId = await liftSealing(ctx, id, body);
    return followUpView(ctx, unitId);
  });

  app.get('/api/units/:id/follow-up', async (request): Promise<UnitFollowUpView> => {
    const { id } = parse(IdParams, request.params);
    return followUpView(contextOf(request, deps), id);
  });
}
