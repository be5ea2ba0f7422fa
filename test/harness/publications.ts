import type { Db } from '../../src/db/client.ts';
import { cases, publications, publicationSettings, tasks } from '../../src/db/schema.ts';
import { outcomeOf, publicationSearchGrams } from '../../src/domain/publication/compose-publication.ts';
import {
  DEFAULT_PUBLICATION_POLICY,
  type PenaltyContent,
  type PublicationPolicy,
  type PublicationStatus,
  type ResultContent,
} from '../../src/domain/publication/publication-types.ts';

type Common = {
  orgId: string;
  unitId: string;
  status?: PublicationStatus;
  publishedOn?: string | null;
  displayUntil?: string | null;
  withdrawKind?: 'revoked' | 'changed' | 'voided' | null;
  withdrawnOn?: string | null;
  taskId?: string | null;
  drawId?: string | null;
};

export function resultContent(over: Partial<ResultContent> = {}): ResultContent {
  return {
    kind: 'result',
    brigadeName: '测试大队',
    unitName: '测试单位',
    uscc: '91330100MA2H000001',
    address: '测试路 1 号',
    districtCode: '330102',
    drawCode: null,
    inspectedOn: '2026-11-20',
    outcome: 'hazards',
    unableReason: null,
    items: [{ code: 'A01', name: '消防安全管理' }],
    hazards: [{ seq: 1, item: '消防安全管理', text: '未按规定开展防火巡查', fixedOnSpot: false }],
    recordVersion: 1,
    ...over,
  };
}

export function penaltyContent(over: Partial<PenaltyContent> = {}): PenaltyContent {
  return {
    kind: 'penalty',
    brigadeName: '测试大队',
    unitName: '测试单位',
    uscc: '91330100MA2H000001',
    partyKind: 'organisation',
    partyName: '测试单位',
    decisionNumber: '测消行罚决字〔2026〕第0001号',
    decidedOn: '2026-11-25',
    citation: '《中华人民共和国消防法》第六十条第一款第三项',
    penaltyKind: 'fine',
    fineAmount: 5000,
    facts: ['未按规定开展防火巡查'],
    ...over,
  };
}

let caseSeq = 0;

/** A task (a 复查 one unless a draw is named, so no draw is needed) or a case for an entry to hang on. */
async function linkOf(
  db: Db,
  common: Common,
  content: ResultContent | PenaltyContent,
): Promise<{ taskId: string | null; caseId: string | null }> {
  if (content.kind === 'result') {
    if (common.taskId) return { taskId: common.taskId, caseId: null };
    const [task] = await db
      .insert(tasks)
      .values({
        kind: 'reinspection',
        orgId: common.orgId,
        unitId: common.unitId,
        stratum: 'R',
        rank: 0,
        leadIds: [],
        assistantIds: [],
        backups: { lead: [], assistant: [] },
        dueDate: content.inspectedOn,
        status: 'done',
      })
      .returning({ id: tasks.id });
    return { taskId: task!.id, caseId: null };
  }
  caseSeq += 1;
  const [row] = await db
    .insert(cases)
    .values({
      orgId: common.orgId,
      unitId: common.unitId,
      number: `测试案〔2026〕${caseSeq}号`,
      openedOn: content.decidedOn,
      openedBy: common.orgId,
      reason: '测试',
      partyKind: content.partyKind,
      partyName: content.partyName,
      procedure: 'ordinary',
      status: 'decided',
      penaltyKind: content.penaltyKind,
      fineAmount: content.fineAmount,
      decidedOn: content.decidedOn,
    })
    .returning({ id: cases.id });
  return { taskId: null, caseId: row!.id };
}

/**
 * An entry planted straight into the table (as if made, and published, by the use cases), with a task or case of its
 * own unless one is named; its id.
 */
export async function plantPublication(db: Db, common: Common, content: ResultContent | PenaltyContent): Promise<string> {
  const link = await linkOf(db, common, content);
  const status = common.status ?? 'published';
  const onPortal = status === 'published' || status === 'withdrawn';
  const [row] = await db
    .insert(publications)
    .values({
      kind: content.kind,
      orgId: common.orgId,
      unitId: common.unitId,
      ...link,
      drawId: common.drawId ?? null,
      eventDate: content.kind === 'result' ? content.inspectedOn : content.decidedOn,
      status,
      content,
      unitName: content.unitName,
      uscc: content.uscc,
      districtCode: content.kind === 'result' ? content.districtCode : null,
      outcome: outcomeOf(content),
      searchGrams: publicationSearchGrams(content),
      publishedOn:
        common.publishedOn !== undefined
          ? common.publishedOn
          : onPortal
            ? content.kind === 'result'
              ? content.inspectedOn
              : content.decidedOn
            : null,
      displayUntil: common.displayUntil ?? null,
      withdrawKind: common.withdrawKind ?? (status === 'withdrawn' ? 'revoked' : null),
      withdrawReason: status === 'withdrawn' ? '复议决定撤销' : null,
      withdrawnOn: common.withdrawnOn ?? null,
      createdOn: content.kind === 'result' ? content.inspectedOn : content.decidedOn,
    })
    .returning({ id: publications.id });
  return row!.id;
}

export async function setPolicy(db: Db, orgId: string, accountId: string, over: Partial<PublicationPolicy>): Promise<void> {
  await db
    .insert(publicationSettings)
    .values({ orgId, policy: { ...DEFAULT_PUBLICATION_POLICY, ...over }, updatedBy: accountId, updatedAt: new Date() });
}
