import { isInspectorDrawable, type AvailabilityPeriod, type InspectorDrawFacts, type InspectorRole } from '../../domain/registry/inspector-rules.ts';
import type { AvailabilityRow, InspectorRow } from '../../db/inspector-queries.ts';
import { localDate } from '../../domain/local-date.ts';

/**
 * The availability periods as the domain sees them. A lifted period (解冻, 销假) ends the day before it was
 * lifted; one lifted before it began disappears.
 */
export function effectivePeriods(rows: AvailabilityRow[]): AvailabilityPeriod[] {
  return rows.flatMap((r) => {
    let to = r.toDate;
    if (r.liftedAt) {
      const dayBefore = localDate(new Date(r.liftedAt.getTime() - 86_400_000));
      if (to === null || dayBefore < to) to = dayBefore;
      if (to < r.fromDate) return [];
    }
    return [{ kind: r.kind, from: r.fromDate, to, reason: r.reason }];
  });
}

/** An inspector row and its availability rows as the facts the drawability rule reads. */
export function inspectorFacts(inspector: InspectorRow, availability: AvailabilityRow[]): InspectorDrawFacts {
  return {
    status: inspector.status,
    certificateNo: inspector.certificateNo,
    certificateValidFrom: inspector.certificateValidFrom,
    certificateValidUntil: inspector.certificateValidUntil,
    availability: effectivePeriods(availability),
    roles: inspector.roles as InspectorRole[],
  };
}

export function drawabilityOf(inspector: InspectorRow, availability: AvailabilityRow[], on: string, role?: InspectorRole) {
  return isInspectorDrawable(inspectorFacts(inspector, availability), on, role);
}
