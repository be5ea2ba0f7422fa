import type {
  CaseListQuery,
  CaseSummary,
  CaseView,
  CloseCaseRequest,
  DecidePenaltyRequest,
  FireLawProvisionView,
  LiftSealingRequest,
  OpenCaseRequest,
  PaymentRequest,
  ReferCaseRequest,
  ReferralReplyRequest,
  SealRequest,
  UnitFollowUpView,
} from '@contracts/cases.ts';
import type { Page } from '@contracts/common.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

/** 案件办理: cases, their decisions, payment, closing, referral, sealing and a unit's follow-up (one key prefix: any change refreshes all). */
export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  case: (id: string) => ['cases', 'case', id] as const,
  followUp: (unitId: string) => ['cases', 'follow-up', unitId] as const,
  provisions: ['cases', 'provisions'] as const,
};

export const caseListQuery = (query: CaseListQuery) =>
  queryOptions({ queryKey: caseKeys.list(query), queryFn: () => api.get<Page<CaseSummary>>(withQuery('/api/cases', query)), placeholderData: keepPreviousData });

export const caseQuery = (id: string) => queryOptions({ queryKey: caseKeys.case(id), queryFn: () => api.get<CaseView>(at('/api/cases', id)) });

export const unitFollowUpQuery = (unitId: string) =>
  queryOptions({ queryKey: caseKeys.followUp(unitId), queryFn: () => api.get<UnitFollowUpView>(`${at('/api/units', unitId)}/follow-up`) });

export const provisionsQuery = () =>
  queryOptions({ queryKey: caseKeys.provisions, queryFn: () => api.get<FireLawProvisionView[]>('/api/fire-law-provisions'), staleTime: Infinity });

export const openCase = (body: OpenCaseRequest) => api.post<CaseView>('/api/cases', body);
export const decidePenalty = (id: string, body: DecidePenaltyRequest) => api.post<CaseView>(`${at('/api/cases', id)}/decision`, body);
export const recordPayment = (id: string, body: PaymentRequest) => api.post<CaseView>(`${at('/api/cases', id)}/payment`, body);
export const closeCase = (id: string, body: CloseCaseRequest) => api.post<CaseView>(`${at('/api/cases', id)}/close`, body);
export const referCase = (id: string, body: ReferCaseRequest) => api.post<CaseView>(`${at('/api/cases', id)}/referrals`, body);
export const recordReferralReply = (id: string, body: ReferralReplyRequest) => api.post<{ caseId: string | null }>(`${at('/api/referrals', id)}/reply`, body);
export const seal = (body: SealRequest) => api.post<UnitFollowUpView>('/api/sealings', body);
export const liftSealing = (id: string, body: LiftSealingRequest) => api.post<UnitFollowUpView>(`${at('/api/sealings', id)}/lift`, body);
