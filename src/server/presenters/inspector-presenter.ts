import {
  AVAILABILITY_KIND_LABELS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
  INSPECTOR_UNDRAWABLE_REASON_LABELS,
  type InspectorRole,
  type InspectorUndrawableReason,
} from '../../domain/registry/inspector-rules.ts';
import { isWithinPeriod } from '../../domain/registry/dates.ts';
import type { Drawability } from '../../domain/registry/drawability.ts';
import { maskPhone } from '../../domain/registry/masking.ts';
import type { AvailabilityView, ExternalPersonView, InspectorDetail, InspectorListItem, RecusalView } from '../../contracts/inspectors.ts';
import type { InspectorWithOrg, listRecusals, listExternalPeoplePage } from '../../db/inspector-queries.ts';
import type { getInspectorDetail } from '../../usecases/inspectors/get-inspector-detail.ts';
import { effectivePeriods } from '../../usecases/inspectors/inspector-facts.ts';

function presentCommon({ inspector, org, accountUsername }: InspectorWithOrg, drawability: Drawability<InspectorUndrawableReason>) {
  const reason = drawability.drawable ? null : drawability.reason;
  return {
    id: inspector.id,
    name: inspector.name,
    badgeNo: inspector.badgeNo,
    certificateNo: inspector.certificateNo,
    certificateValidUntil: inspector.certificateValidUntil,
    orgId: org.id,
    orgName: org.name,
    post: inspector.post,
    postLabel: INSPECTOR_POST_LABELS[inspector.post],
    duty: inspector.duty,
    roles: inspector.roles,
    roleLabels: inspector.roles.map((r) => INSPECTOR_ROLE_LABELS[r as InspectorRole] ?? r),
    specialties: inspector.specialties,
    drawWeight: inspector.drawWeight,
    status: inspector.status,
    statusLabel: INSPECTOR_STATUS_LABELS[inspector.status],
    drawable: drawability.drawable,
    undrawableReason: reason,
    undrawableReasonLabel: reason ? INSPECTOR_UNDRAWABLE_REASON_LABELS[reason] : null,
    accountUsername,
  };
}

export function presentInspectorListItem(row: InspectorWithOrg & { drawability: Drawability<InspectorUndrawableReason> }): InspectorListItem {
  return { ...presentCommon(row, row.drawability), phoneMasked: row.inspector.phone ? maskPhone(row.inspector.phone) : null };
}

export function presentRecusal(r: Awaited<ReturnType<typeof listRecusals>>[number]): RecusalView {
  return {
    id: r.recusal.id,
    inspectorId: r.recusal.inspectorId,
    inspectorName: r.inspectorName,
    unitId: r.recusal.unitId,
    unitName: r.unitName,
    unitUscc: r.unitUscc,
    reason: r.recusal.reason,
    validFrom: r.recusal.validFrom,
    validTo: r.recusal.validTo,
    revokedAt: r.recusal.revokedAt?.toISOString() ?? null,
    revokeReason: r.recusal.revokeReason,
  };
}

export function presentInspectorDetail(detail: Awaited<ReturnType<typeof getInspectorDetail>>): InspectorDetail {
  const { inspector } = detail;
  return {
    ...presentCommon(detail, detail.drawability),
    phone: inspector.phone,
    certificateValidFrom: inspector.certificateValidFrom,
    availability: detail.availability.map((a): AvailabilityView => {
      const [effective] = effectivePeriods([a]);
      return {
        id: a.id,
        kind: a.kind,
        kindLabel: AVAILABILITY_KIND_LABELS[a.kind],
        from: a.fromDate,
        to: a.toDate,
        reason: a.reason,
        createdByName: a.createdByName,
        createdAt: a.createdAt.toISOString(),
        liftedAt: a.liftedAt?.toISOString() ?? null,
        liftReason: a.liftReason,
        current: effective !== undefined && isWithinPeriod(detail.today, effective.from, effective.to),
      };
    }),
    recusals: detail.recusals.map(presentRecusal),
    zones: detail.zones,
    createdAt: inspector.createdAt.toISOString(),
    updatedAt: inspector.updatedAt.toISOString(),
  };
}

export function presentExternalPerson(r: Awaited<ReturnType<typeof listExternalPeoplePage>>['rows'][number]): ExternalPersonView {
  const p = r.person;
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: r.orgName,
    kind: p.kind,
    kindLabel: p.kind === 'expert' ? '专家' : '其他部门执法人员',
    name: p.name,
    organization: p.organization,
    title: p.title,
    specialties: p.specialties,
    certificateNo: p.certificateNo,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    active: p.active,
    notes: p.notes,
  };
}
