import { canonicalJson } from '@domain/canonical-json.ts';
import type {
  Conclusion,
  FieldChecklistLine,
  FieldTask,
  LineResult,
  RecordBody,
  RecordSignatures,
  Signature,
  UnableReason,
} from '@contracts/field.ts';

/**
 * The inspection record while it is being made on the device (decision 0022). Pure: every change is a function from
 * one draft to the next, so the page saves the result at once and a test can walk the whole form.
 *
 * Nothing is defaulted (field rule 1): every line starts with no result (not even 未查) until the inspector picks one;
 * the conclusion is a suggestion until chosen. Signatures cover the canonical body they were given; any change to the
 * body afterwards voids them all, with a notice (rule 8).
 */

export type DraftHazard = { description: string; location: string; legalBasis: string; fixedOnSpot: boolean | null };

export type DraftLine = {
  versionId: string;
  code: string;
  /** Null until the inspector picks one: nothing is preselected, not even 未查. */
  result: LineResult | null;
  note: string;
  uncheckedReason: string;
  /** Kept while the inspector switches a line back and forth, sent only for a 不符合 line. */
  hazard: DraftHazard;
  /** Photos by SHA-256 (the bytes are in the photos table). */
  photos: string[];
};

export type SignatureRole = keyof RecordSignatures;

export type Draft = {
  taskId: string;
  /** The record's id, made on the device when the draft is started. */
  recordId: string;
  /** The checklist the draft was started on (its line keys): a changed checklist never silently reshapes a draft. */
  checklistKey: string;
  outcome: RecordBody['outcome'];
  startedAt: string;
  /** Set when the first signature is taken: the moment the content was final. */
  endedAt: string | null;
  accompanying: { name: string; title: string };
  jointStaffIds: string[];
  lines: DraftLine[];
  conclusion: Conclusion | null;
  unable: { reason: UnableReason | null; detail: string; photos: string[] };
  remarks: string;
  signatures: RecordSignatures;
  /** 协办将在自己的设备上确认 (POST …/confirm later) instead of signing here. */
  assistantElsewhere: boolean;
  /** The canonical JSON of the body the present signatures cover (null when none). */
  signedCanonical: string | null;
  /** Shown after an edit voided the signatures, until the next signature. */
  voidedNotice: string | null;
  state: 'editing' | 'submitted';
  updatedAt: string;
  /**
   * A correction of a submitted record (field rule 9): the version it corrects and why. Started from that
   * record's body (the only pre-fill allowed: it is the same record), signed again over the new body.
   */
  corrects?: { recordId: string; version: number; reason: string } | null;
};

/** The submitted record a correction starts from. */
export type CorrectionSource = { recordId: string; version: number; body: RecordBody };

export const VOIDED_NOTICE = '签名后内容已修改，原有签名已作废，请重新签名。';

export const lineKey = (line: { versionId: string; code: string }) => `${line.versionId}/${line.code}`;

export function checklistKeyOf(checklist: readonly FieldChecklistLine[]): string {
  return checklist.map(lineKey).join('|');
}

/** A fresh draft for the task: every line 未查, nothing chosen, the legal basis offered as editable text. */
export function startDraft(task: FieldTask, recordId: string, startedAt: string): Draft {
  return {
    taskId: task.id,
    recordId,
    checklistKey: checklistKeyOf(task.checklist),
    outcome: 'inspected',
    startedAt,
    endedAt: null,
    accompanying: { name: '', title: '' },
    jointStaffIds: [],
    lines: task.checklist.map((line) => ({
      versionId: line.versionId,
      code: line.code,
      result: null,
      note: '',
      uncheckedReason: '',
      hazard: { description: '', location: '', legalBasis: line.basis ?? '', fixedOnSpot: null },
      photos: [],
    })),
    conclusion: null,
    unable: { reason: null, detail: '', photos: [] },
    remarks: '',
    signatures: { lead: null, assistant: null, representative: null },
    assistantElsewhere: false,
    signedCanonical: null,
    voidedNotice: null,
    state: 'editing',
    updatedAt: startedAt,
  };
}

/**
 * A correction draft: the submitted body as it was (results, hazards, photos, people, times), no signatures, the
 * reason still to write. Lines follow the task's checklist; a line the record did not have starts with no result.
 */
export function startCorrection(task: FieldTask, source: CorrectionSource, recordId: string, now: string): Draft {
  const base = startDraft(task, recordId, source.body.startedAt);
  const sent = new Map(source.body.lines.map((line) => [lineKey(line), line]));
  return {
    ...base,
    outcome: source.body.outcome,
    endedAt: source.body.endedAt,
    accompanying: { ...source.body.accompanying },
    jointStaffIds: [...source.body.jointStaffIds],
    lines: base.lines.map((line) => {
      const was = sent.get(lineKey(line));
      if (!was) return line;
      return {
        ...line,
        result: was.result,
        note: was.note,
        uncheckedReason: was.uncheckedReason,
        hazard: was.hazard ? { ...was.hazard } : line.hazard,
        photos: [...was.photos],
      };
    }),
    conclusion: source.body.conclusion,
    unable: source.body.unable ? { reason: source.body.unable.reason, detail: source.body.unable.detail, photos: [...source.body.unable.photos] } : base.unable,
    remarks: source.body.remarks,
    corrects: { recordId: source.recordId, version: source.version, reason: '' },
    updatedAt: now,
  };
}

/** The request's `corrects`: null for a first record. */
export function correctsOf(draft: Draft): { recordId: string; reason: string } | null {
  return draft.corrects ? { recordId: draft.corrects.recordId, reason: draft.corrects.reason.trim() } : null;
}

/** The version the server will give the record: the next after the one corrected, else 1. */
export const versionOf = (draft: Draft) => (draft.corrects ? draft.corrects.version + 1 : 1);

/** The record body as it will be sent, hashed and signed: trimmed texts, only what the outcome uses. */
export function buildRecordBody(draft: Draft): RecordBody {
  const inspected = draft.outcome === 'inspected';
  return {
    taskId: draft.taskId,
    outcome: draft.outcome,
    startedAt: draft.startedAt,
    endedAt: draft.endedAt ?? draft.startedAt,
    accompanying: { name: draft.accompanying.name.trim(), title: draft.accompanying.title.trim() },
    jointStaffIds: [...draft.jointStaffIds],
    lines: inspected
      ? draft.lines.map((line) => ({
          versionId: line.versionId,
          code: line.code,
          result: line.result ?? 'unchecked',
          note: line.note.trim(),
          uncheckedReason: line.result === 'unchecked' ? line.uncheckedReason.trim() : '',
          hazard:
            line.result === 'fail'
              ? {
                  description: line.hazard.description.trim(),
                  location: line.hazard.location.trim(),
                  legalBasis: line.hazard.legalBasis.trim(),
                  fixedOnSpot: line.hazard.fixedOnSpot === true,
                }
              : null,
          photos: [...line.photos],
        }))
      : [],
    conclusion: inspected ? draft.conclusion : null,
    unable:
      !inspected && draft.unable.reason
        ? { reason: draft.unable.reason, detail: draft.unable.detail.trim(), photos: [...draft.unable.photos] }
        : null,
    remarks: draft.remarks.trim(),
  };
}

/** The canonical JSON of the draft's body: equal strings ⇔ equal body hashes. */
export function canonicalBodyOf(draft: Draft): string {
  return canonicalJson(buildRecordBody(draft));
}

const NO_SIGNATURES: RecordSignatures = { lead: null, assistant: null, representative: null };

/** Said on the record when a signature is not kept because the content changed while it was being made. */
export const SIGNING_RACED_NOTICE = '签名过程中记录内容有变更，本次签名未生效，请核对后重新签名。';

/**
 * Whether `now` holds the body the signer saw in `seen` — the end time aside, which the first signature fixes (so a
 * signature made meanwhile by someone else on this device does not count as a change of content).
 */
export function sameBodyAsSeen(seen: Draft, now: Draft): boolean {
  return canonicalBodyOf({ ...now, endedAt: seen.endedAt }) === canonicalBodyOf(seen);
}

export function hasAnySignature(draft: Draft): boolean {
  return Boolean(draft.signatures.lead || draft.signatures.assistant || draft.signatures.representative);
}

/**
 * Applies an edit. When the body it produces differs from the one the signatures cover, every signature is voided
 * and the notice shown; an edit that changes nothing (typing a letter and deleting it) keeps them.
 */
export function editDraft(draft: Draft, edit: (draft: Draft) => Draft, updatedAt: string): Draft {
  const next = { ...edit(draft), updatedAt };
  if (!hasAnySignature(next) || next.signedCanonical === null) return next;
  if (canonicalBodyOf(next) === next.signedCanonical) return next;
  return { ...next, signatures: NO_SIGNATURES, signedCanonical: null, voidedNotice: VOIDED_NOTICE };
}

export function updateLine(draft: Draft, index: number, change: (line: DraftLine) => DraftLine): Draft {
  return { ...draft, lines: draft.lines.map((line, i) => (i === index ? change(line) : line)) };
}

/** 发现火灾隐患 as soon as one line is 不符合; a suggestion only, the inspector still chooses. */
export function suggestConclusion(draft: Draft): Conclusion {
  return draft.lines.some((line) => line.result === 'fail') ? 'hazards_found' : 'no_hazard';
}

export type DraftProblem = { where: string; message: string };

/** What keeps the content from being signed: every rule the server checks on the body, said where it applies. */
export function findBodyProblems(draft: Draft, checklist: readonly FieldChecklistLine[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.corrects && !draft.corrects.reason.trim()) problems.push({ where: '更正理由', message: '请填写更正理由' });
  if (draft.checklistKey !== checklistKeyOf(checklist)) {
    problems.push({ where: '检查表', message: '检查表已更新，此草稿按旧检查表填写：请与大队确认后重新填写' });
  }
  if (draft.outcome === 'unable') {
    if (!draft.unable.reason) problems.push({ where: '无法检查', message: '请选择无法检查的原因' });
    if (!draft.unable.detail.trim()) problems.push({ where: '无法检查', message: '请填写情况说明' });
    if (draft.unable.photos.length === 0) problems.push({ where: '无法检查', message: '请至少拍摄一张现场照片作为证明' });
    return problems;
  }
  draft.lines.forEach((line, index) => {
    const where = `第 ${index + 1} 项（${line.code}）`;
    if (line.result === null) problems.push({ where, message: '尚未选择检查结果' });
    if (line.result === 'unchecked' && !line.uncheckedReason.trim()) problems.push({ where, message: '选择「未查」时请填写未查原因' });
    if (line.result === 'fail') {
      if (!line.hazard.description.trim()) problems.push({ where, message: '请填写隐患描述' });
      if (!line.hazard.location.trim()) problems.push({ where, message: '请填写隐患部位' });
      if (!line.hazard.legalBasis.trim()) problems.push({ where, message: '请填写违反的规定' });
      if (line.hazard.fixedOnSpot === null) problems.push({ where, message: '请选择是否当场改正' });
    }
  });
  const failCount = draft.lines.filter((line) => line.result === 'fail').length;
  if (!draft.conclusion) problems.push({ where: '检查结论', message: '请选择检查结论' });
  else if (draft.conclusion === 'no_hazard' && failCount > 0) {
    problems.push({ where: '检查结论', message: `有 ${failCount} 项不符合，结论不能是「未发现火灾隐患」` });
  } else if (draft.conclusion === 'hazards_found' && failCount === 0) {
    problems.push({ where: '检查结论', message: '没有不符合项，结论不能是「发现火灾隐患」' });
  }
  return problems;
}

/** A signature counts only while it covers the present body. */
export function isSignatureCurrent(draft: Draft, signature: Signature | null): boolean {
  return signature !== null && draft.signedCanonical !== null && draft.signedCanonical === canonicalBodyOf(draft);
}

/** What the signatures still lack before the record can go to the outbox. */
export function findSignatureProblems(draft: Draft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const { lead, assistant, representative } = draft.signatures;
  if (!isSignatureCurrent(draft, lead) || lead?.kind !== 'signed') problems.push({ where: '签名', message: '主办人员尚未签名' });
  if (!draft.assistantElsewhere && (!isSignatureCurrent(draft, assistant) || assistant?.kind !== 'signed')) {
    problems.push({ where: '签名', message: '协办人员尚未签名（或选择「协办将在自己的设备上确认」）' });
  }
  // An absent or vanished unit has nobody to sign: 无法检查 needs no representative.
  if (draft.outcome === 'inspected' && !isSignatureCurrent(draft, representative)) {
    problems.push({ where: '签名', message: '被检查单位人员尚未签名（拒绝签名时请记录见证人和说明）' });
  }
  return problems;
}

/**
 * Records a signature over the present body. The first signature fixes the end time (part of the body), so it is
 * set before the canonical body is taken; `hash` computes the body hash the signature carries.
 */
export async function signDraft(
  draft: Draft,
  role: SignatureRole,
  make: (signedHash: string) => Signature,
  hash: (canonical: string) => Promise<string>,
  now: string,
): Promise<Draft> {
  const current = hasAnySignature(draft) && draft.signedCanonical === canonicalBodyOf(draft);
  // A correction keeps the visit's times: only a first record ends when it is first signed.
  const base: Draft = current ? draft : { ...draft, signatures: NO_SIGNATURES, endedAt: draft.corrects ? draft.endedAt : now };
  const canonical = canonicalBodyOf(base);
  const signature = make(await hash(canonical));
  return {
    ...base,
    signatures: { ...base.signatures, [role]: signature },
    signedCanonical: canonical,
    voidedNotice: null,
    updatedAt: now,
  };
}

/** Every file the record names: line photos, 无法检查 photos and signature images (by SHA-256, each once). */
export function filesOfRecord(body: RecordBody, signatures: RecordSignatures): string[] {
  const files = new Set<string>();
  for (const line of body.lines) for (const sha of line.photos) files.add(sha);
  for (const sha of body.unable?.photos ?? []) files.add(sha);
  for (const signature of [signatures.lead, signatures.assistant, signatures.representative]) {
    if (signature?.kind === 'signed') files.add(signature.image);
  }
  return [...files];
}

/** How far the checklist is: lines with a chosen result (未查 included) of all lines. */
export function progressOf(draft: Draft): { done: number; total: number; fails: number } {
  const done = draft.lines.filter((line) => line.result !== null).length;
  return { done, total: draft.lines.length, fails: draft.lines.filter((line) => line.result === 'fail').length };
}
