import {
  LINE_RESULT_LABELS,
  type RecordBody,
  type RecordLine,
  type RecordSignatures,
  type Signature,
} from '../../contracts/field.ts';

/** A checklist line that applies to the task's unit, as the server knows it (check-item version in force + line). */
export type ApplicableLine = { versionId: string; code: string; itemName: string; text: string };

/** One problem of a record: where (a dot path inside the submission) and what, in Chinese, naming the line. */
export type RecordProblem = { path: string; message: string };

const SIGNER_LABELS = { lead: '主办人员', assistant: '协办人员', representative: '单位代表' } as const;

const lineKey = (versionId: string, code: string) => `${versionId}\u0000${code}`;
const lineName = (line: ApplicableLine) => `「${line.itemName} ${line.code} ${line.text.length > 30 ? `${line.text.slice(0, 30)}…` : line.text}」`;

/**
 * Every rule a 消防监督检查记录 must meet before the server takes it (decision 0020; field rules 1
 * and 8, docs/field-rules.md), pure. `bodyHash` is the hash of `body` (record-hash.ts). An empty list means the record may be stored.
 *
 * - The body names this task; the visit ends after it starts.
 * - 已检查: every line that applies to the unit is present exactly once and no other line is; nothing defaulted —
 *   a line left 未查 carries its reason; a 不符合 line carries the hazard, its place and the rule broken, and only
 *   a 不符合 line carries a hazard; the conclusion is given and agrees with the 不符合 lines (发现火灾隐患 iff at least
 *   one); no 无法检查 part.
 * - 无法检查: the reason, a description and at least one photo; no conclusion. Its lines, if any were filled before
 *   the visit broke off, are kept as they are and not judged.
 * - Signatures: the lead's handwritten signature; for an inspection the unit representative's signature or a
 *   refusal with a witness (for 无法检查 there may be nobody to sign); the assistant's only as a handwritten
 *   signature (or later, by confirming). Every signature present covers this body hash: one over another hash was
 *   given before the content changed and is void.
 */
export function validateRecord(input: {
  taskId: string;
  body: RecordBody;
  signatures: RecordSignatures;
  bodyHash: string;
  applicable: readonly ApplicableLine[];
}): RecordProblem[] {
  const { body, signatures } = input;
  const problems: RecordProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (body.taskId !== input.taskId) add('body.taskId', '任务：记录内容所属的任务与提交的任务不一致');
  if (Date.parse(body.endedAt) < Date.parse(body.startedAt)) add('body.endedAt', '结束时间：不能早于开始时间');

  if (body.outcome === 'inspected') {
    checkLines(body.lines, input.applicable, add);
    const failing = body.lines.filter((l) => l.result === 'fail').length;
    if (body.conclusion === null) add('body.conclusion', '检查结论：必须填写（未发现火灾隐患或发现火灾隐患）');
    else if (body.conclusion === 'no_hazard' && failing > 0) {
      add('body.conclusion', `检查结论：有 ${failing} 项检查内容不符合，结论不能是「未发现火灾隐患」`);
    } else if (body.conclusion === 'hazards_found' && failing === 0) {
      add('body.conclusion', '检查结论：没有不符合的检查内容，结论不能是「发现火灾隐患」');
    }
    if (body.unable !== null) add('body.unable', '无法检查原因：已检查的记录不应填写无法检查原因');
    if (signatures.representative === null) {
      add('signatures.representative', '单位代表签名：须由单位代表签名，拒绝签名的须记录见证人');
    }
  } else {
    if (body.unable === null) add('body.unable', '无法检查原因：无法检查的记录须写明原因和情况说明');
    else if (body.unable.photos.length === 0) add('body.unable.photos', '证明照片：无法检查的须至少拍摄一张现场照片');
    if (body.conclusion !== null) add('body.conclusion', '检查结论：无法检查的记录没有检查结论');
  }

  if (signatures.lead === null) add('signatures.lead', '主办人员签名：须由主办人员签名');
  else if (signatures.lead.kind !== 'signed') add('signatures.lead', '主办人员签名：主办人员须亲笔签名');
  if (signatures.assistant !== null && signatures.assistant.kind !== 'signed') {
    add('signatures.assistant', '协办人员签名：协办人员须亲笔签名');
  }
  for (const who of ['lead', 'assistant', 'representative'] as const) {
    const signature: Signature | null = signatures[who];
    if (signature !== null && signature.signedHash !== input.bodyHash) {
      add(`signatures.${who}.signedHash`, `${SIGNER_LABELS[who]}签名：签名后记录内容已被修改，签名失效，请重新签名`);
    }
  }
  return problems;
}

function checkLines(lines: readonly RecordLine[], applicable: readonly ApplicableLine[], add: (path: string, message: string) => void): void {
  const wanted = new Map(applicable.map((l) => [lineKey(l.versionId, l.code), l]));
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const at = `body.lines.${i}`;
    const key = lineKey(line.versionId, line.code);
    const known = wanted.get(key);
    if (!known) {
      add(`${at}.code`, `检查内容第 ${i + 1} 条（${line.code}）：不在本任务适用的检查表中，可能检查表已更新，请刷新任务后重填`);
      return;
    }
    const name = lineName(known);
    if (seen.has(key)) {
      add(`${at}.code`, `检查内容${name}：重复填写`);
      return;
    }
    seen.add(key);
    if (line.result === 'unchecked' && line.uncheckedReason.trim() === '') {
      add(`${at}.uncheckedReason`, `检查内容${name}：${LINE_RESULT_LABELS.unchecked}的须写明原因`);
    }
    if (line.result === 'fail') {
      if (line.hazard === null) add(`${at}.hazard`, `检查内容${name}：${LINE_RESULT_LABELS.fail}的须写明隐患描述、部位和违反的规定`);
    } else if (line.hazard !== null) {
      add(`${at}.hazard`, `检查内容${name}：结果为「${LINE_RESULT_LABELS[line.result]}」，不应填写隐患`);
    }
  });
  for (const line of applicable) {
    if (!seen.has(lineKey(line.versionId, line.code))) add('body.lines', `检查内容${lineName(line)}：未填写检查结果`);
  }
}

/** Every file a submission names (photos of lines and of 无法检查, signature images), each once, in order. */
export function filesOfRecord(body: RecordBody, signatures: RecordSignatures): string[] {
  const all = [
    ...body.lines.flatMap((l) => l.photos),
    ...(body.unable?.photos ?? []),
    ...[signatures.lead, signatures.assistant, signatures.representative].flatMap((s) => (s?.kind === 'signed' ? [s.image] : [])),
  ];
  return [...new Set(all)];
}
