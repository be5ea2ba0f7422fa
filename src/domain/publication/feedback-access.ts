/**
 * Who reads the inspected units' feedback (decision 0024): ratings and complaints about inspections go to 纪检 (the
 * auditor role) and the system administrator only — never to the brigade's administrators or inspectors, whose own
 * work they judge. A complaint is moreover never shown to an auditor whose own org is the brigade that inspected:
 * a complaint must reach someone above the people it is about. Pure.
 */
import type { Actor } from '../access.ts';

export type FeedbackReader = Pick<Actor, 'role' | 'orgId'>;

/** Whether the reader may open the feedback list at all (ratings; complaints per complaint). */
export function canReadFeedback(reader: Pick<Actor, 'role'>): boolean {
  return reader.role === 'auditor' || reader.role === 'system_admin';
}

/** Whether the reader may read a complaint about a visit of the brigade `inspectingOrgId`. */
export function canReadComplaint(reader: FeedbackReader, inspectingOrgId: string): boolean {
  if (!canReadFeedback(reader)) return false;
  return reader.role === 'system_admin' || reader.orgId !== inspectingOrgId;
}
