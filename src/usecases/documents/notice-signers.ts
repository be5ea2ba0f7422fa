import { composeNotice, type NoticeFacts } from '../../domain/documents/compose-notice.ts';
import type { DocumentStamp } from '../../domain/documents/document-types.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findSigners } from '../../db/document-queries.ts';
import type { HazardRow } from '../../db/hazard-queries.ts';

/** The inspectors of a task as they sign its notices: leads first, then assistants, with their 执法证号. */
export async function signersOfTask(db: DbOrTx, task: { leadIds: string[]; assistantIds: string[] }) {
  return (await findSigners(db, [...task.leadIds, ...task.assistantIds])).map((s) => ({ name: s.name, certificateNo: s.certificateNo }));
}

/** The composer for issueDocument: the notice's content from the stamp, the hazards and their correction dates. */
export function noticeComposer(facts: Omit<NoticeFacts, 'hazards'>, hazards: readonly HazardRow[], dues: ReadonlyMap<string, string>) {
  return (stamp: DocumentStamp) =>
    composeNotice(stamp, {
      ...facts,
      hazards: hazards.map((h) => ({
        location: h.location,
        description: h.description,
        legalBasis: h.legalBasis,
        correctionDue: facts.type === 'deadline_notice' ? dues.get(h.id)! : null,
      })),
    });
}
