import { PUBLICATION_STATUS_LABELS, WITHDRAW_KIND_LABELS } from '../../domain/publication/publication-types.ts';
import {
  CASE_STATUS_LABELS,
  PARTY_KIND_LABELS,
  PAYMENT_STATUS_LABELS,
  PENALTY_KIND_LABELS,
  PROCEDURE_LABELS,
  REFERRAL_DEPARTMENT_LABELS,
  REFERRAL_STATUS_LABELS,
  SEALING_STATUS_LABELS,
  type CaseSummary,
  type CaseView,
  type DocumentRef,
  type FireLawProvisionView,
  type HazardItem,
  type ReferralView,
  type SealingView,
  type UnitFollowUpView,
} from '../../contracts/cases.ts';
import type { caseDeadlines } from '../../domain/cases/case-deadlines.ts';
import { findProvision, formatYuan, type FireLawProvision } from '../../domain/cases/fire-law-provisions.ts';
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { HAZARD_STAGE_LABELS } from '../../domain/hazards/hazard-stage.ts';
import type { CaseRow, HazardRowOfCase, ReferralRow, SealingRow } from '../../db/case-queries.ts';
import type { DocumentRow } from '../../db/document-queries.ts';
import type { getCase } from '../../usecases/cases/get-case.ts';
import type { getUnitFollowUp } from '../../usecases/cases/get-unit-follow-up.ts';

type Deadlines = ReturnType<typeof caseDeadlines>;

export function presentDocumentRef(d: DocumentRow): DocumentRef {
  const type = d.docType as DocumentType;
  return { id: d.id, number: d.number, type, typeLabel: DOCUMENT_TYPE_LABELS[type] ?? d.docType, issueDate: d.issueDate, status: d.status, statusLabel: DOCUMENT_STATUS_LABELS[d.status] };
}

export function presentHazard(h: HazardRowOfCase): HazardItem {
  return {
    id: h.id,
    seq: h.seq,
    description: h.description,
    location: h.location,
    legalBasis: h.legalBasis,
    stage: h.stage,
    stageLabel: HAZARD_STAGE_LABELS[h.stage],
    foundOn: h.foundOn,
    correctionDue: h.correctionDue,
    caseId: h.caseId,
    recordId: h.recordId,
    taskId: h.taskId,
    canOpenCase: ['found', 'ordered', 'reinspection'].includes(h.stage) || (h.stage === 'case' && h.caseId === null),
  };
}

export function penaltyLabel(c: Pick<CaseRow, 'penaltyKind' | 'fineAmount'>): string | null {
  if (!c.penaltyKind) return null;
  return c.penaltyKind === 'fine' ? `${PENALTY_KIND_LABELS.fine} ${formatYuan(c.fineAmount ?? 0)} 元` : PENALTY_KIND_LABELS.warning;
}

export function presentCaseSummary(c: CaseRow, unitName: string, deadlines: Deadlines): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    unitId: c.unitId,
    unitName,
    openedOn: c.openedOn,
    procedure: c.procedure,
    procedureLabel: PROCEDURE_LABELS[c.procedure],
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    penaltyKind: c.penaltyKind,
    penaltyLabel: penaltyLabel(c),
    fineAmount: c.fineAmount,
    decidedOn: c.decidedOn,
    paymentStatus: c.paymentStatus,
    paymentStatusLabel: PAYMENT_STATUS_LABELS[c.paymentStatus],
    decisionDeadline: deadlines.decision,
    paymentDeadline: deadlines.payment,
  };
}

function presentReferral(r: ReferralRow, docs: Map<string, DocumentRow>): ReferralView {
  const letter = r.letterDocumentId ? docs.get(r.letterDocumentId) : undefined;
  return {
    id: r.id,
    caseId: r.caseId,
    department: r.department,
    departmentLabel: REFERRAL_DEPARTMENT_LABELS[r.department],
    departmentName: r.departmentName,
    reason: r.reason,
    sentOn: r.sentOn,
    status: r.status,
    statusLabel: REFERRAL_STATUS_LABELS[r.status],
    replyOn: r.replyOn,
    replyText: r.replyText,
    letter: letter ? presentDocumentRef(letter) : null,
  };
}

function presentSealing(s: SealingRow, docs: Map<string, DocumentRow>): SealingView {
  const ref = (id: string | null) => {
    const d = id ? docs.get(id) : undefined;
    return d ? presentDocumentRef(d) : null;
  };
  return {
    id: s.id,
    places: s.places,
    reason: s.reason,
    emergency: s.emergency,
    decidedAt: s.decidedAt.toISOString(),
    deciders: s.deciders,
    sealedOn: s.sealedOn,
    sealedUntil: s.sealedUntil,
    status: s.status,
    statusLabel: SEALING_STATUS_LABELS[s.status],
    liftedOn: s.liftedOn,
    decision: ref(s.decisionDocumentId),
    liftDocument: ref(s.liftDocumentId),
  };
}

export function presentCase(view: Awaited<ReturnType<typeof getCase>>): CaseView {
  const c = view.case;
  const docs = new Map(view.documents.map((d) => [d.id, d]));
  const decision = c.decisionDocumentId ? docs.get(c.decisionDocumentId) : undefined;
  return {
    ...presentCaseSummary(c, view.unit.name, view.deadlines),
    reason: c.reason,
    partyKind: c.partyKind,
    partyKindLabel: PARTY_KIND_LABELS[c.partyKind],
    partyName: c.partyName,
    provisionCode: c.provisionCode,
    provisionCitation: c.provisionCode ? (findProvision(c.provisionCode)?.citation ?? c.provisionCode) : null,
    decisionDocument: decision ? presentDocumentRef(decision) : null,
    paidOn: c.paidOn,
    paymentNote: c.paymentNote,
    closedOn: c.closedOn,
    closeNote: c.closeNote,
    partyMinor: c.partyMinor,
    revokedOn: c.revokedOn,
    revokeKindLabel: c.revokeKind ? WITHDRAW_KIND_LABELS[c.revokeKind] : null,
    revokeReason: c.revokeReason,
    publication: view.publication
      ? { id: view.publication.id, statusLabel: PUBLICATION_STATUS_LABELS[view.publication.status], publishedOn: view.publication.publishedOn, displayUntil: view.publication.displayUntil }
      : null,
    hazards: view.hazards.map(presentHazard),
    documents: view.documents.map(presentDocumentRef),
    referrals: view.referrals.map((r) => presentReferral(r, docs)),
    canManage: view.canManage,
  };
}

export function presentUnitFollowUp(view: Awaited<ReturnType<typeof getUnitFollowUp>>): UnitFollowUpView {
  const docs = new Map(view.documents.map((d) => [d.id, d]));
  return {
    unitId: view.unit.id,
    unitName: view.unit.name,
    canManage: view.canManage,
    hazards: view.hazards.map(presentHazard),
    documents: view.documents.map(presentDocumentRef),
    cases: view.cases.map((c) => presentCaseSummary(c.case, c.unitName, c.deadlines)),
    referrals: view.referrals.map((r) => presentReferral(r, docs)),
    sealings: view.sealings.map((s) => presentSealing(s, docs)),
  };
}

export function presentProvision(p: FireLawProvision): FireLawProvisionView {
  return { code: p.code, citation: p.citation, conduct: p.conduct, organisation: p.organisation, person: p.person };
}
