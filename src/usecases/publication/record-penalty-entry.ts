import { composePenalty, outcomeOf, publicationSearchGrams } from '../../domain/publication/compose-publication.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import { findPublicationOfCase, insertPublication } from '../../db/publication-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** Why an entry is never published when the punished party is a minor (DOMAIN rule; decision 0024). */
export const MINOR_SUPPRESS_REASON = '当事人为未成年人，依法不予公开';

/**
 * The penalty entry of a decision (decision 0024), made in the transaction that decides it: 待公示, due 7 working days
 * from the decision; a minor as the punished party makes it 不予公示 from the start, with the reason.
 */
export async function recordPenaltyEntry(
  tx: Tx,
  ctx: UseCaseContext,
  input: {
    case: { id: string; orgId: string; unitId: string; partyKind: 'organisation' | 'person'; partyName: string; partyMinor: boolean };
    brigadeName: string;
    unit: { name: string; uscc: string; districtCode: string | null };
    decisionNumber: string;
    decidedOn: string;
    citation: string;
    penaltyKind: 'warning' | 'fine';
    fineAmount: number | null;
    facts: readonly string[];
  },
): Promise<void> {
  const c = input.case;
  if (await findPublicationOfCase(tx, c.id)) return;
  const content = composePenalty({
    brigadeName: input.brigadeName,
    unit: input.unit,
    party: { kind: c.partyKind, name: c.partyName },
    decisionNumber: input.decisionNumber,
    decidedOn: input.decidedOn,
    citation: input.citation,
    penaltyKind: input.penaltyKind,
    fineAmount: input.fineAmount,
    facts: input.facts,
  });
  const suppressed = c.partyKind === 'person' && c.partyMinor;
  const row = await insertPublication(tx, {
    kind: 'penalty',
    orgId: c.orgId,
    unitId: c.unitId,
    caseId: c.id,
    eventDate: input.decidedOn,
    status: suppressed ? 'suppressed' : 'pending',
    suppressReason: suppressed ? MINOR_SUPPRESS_REASON : null,
    content,
    unitName: content.unitName,
    uscc: content.uscc,
    districtCode: input.unit.districtCode,
    outcome: outcomeOf(content),
    searchGrams: publicationSearchGrams(content),
    createdOn: localDate(ctx.now),
  });
  await recordAudit(tx, ctx, {
    action: suppressed ? 'publication.suppress' : 'publication.create',
    targetType: 'publication',
    targetId: row.id,
    orgId: c.orgId,
    summary: { type: '行政处罚', unit: content.unitName, document: content.decisionNumber, decidedOn: content.decidedOn, ...(suppressed ? { reason: MINOR_SUPPRESS_REASON } : {}) },
  });
}
