import { describe, expect, it } from 'vitest';
import type { RecordBody, RecordLine, RecordSignatures } from '../../contracts/field.ts';
import { recordBodyHash, submissionHash } from './record-hash.ts';
import { filesOfRecord, validateRecord, type ApplicableLine } from './validate-record.ts';

const TASK = '11111111-1111-4111-8111-111111111111';
const V1 = '22222222-2222-4222-8222-222222222222';
const PHOTO = 'a'.repeat(64);
const SIGN = 'b'.repeat(64);
const APPLICABLE: ApplicableLine[] = [
  { versionId: V1, code: '1', itemName: '消防安全管理', text: '消防安全制度和灭火应急疏散预案' },
  { versionId: V1, code: '2', itemName: '消防安全管理', text: '疏散通道、安全出口畅通' },
];

const line = (code: string, over: Partial<RecordLine> = {}): RecordLine => ({
  versionId: V1,
  code,
  result: 'pass',
  note: '',
  uncheckedReason: '',
  hazard: null,
  photos: [],
  ...over,
});
const hazard = { description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot: false };

function body(over: Partial<RecordBody> = {}): RecordBody {
  return {
    taskId: TASK,
    outcome: 'inspected',
    startedAt: '2026-12-07T09:00:00+08:00',
    endedAt: '2026-12-07T10:00:00+08:00',
    accompanying: { name: '李经理', title: '安全主管' },
    jointStaffIds: [],
    lines: [line('1'), line('2')],
    conclusion: 'no_hazard',
    unable: null,
    remarks: '',
    ...over,
  };
}
const signed = (hash: string) => ({ kind: 'signed' as const, image: SIGN, signedHash: hash, at: '2026-12-07T10:00:00+08:00' });
const signatures = (hash: string, over: Partial<RecordSignatures> = {}): RecordSignatures => ({
  lead: signed(hash),
  assistant: null,
  representative: signed(hash),
  ...over,
});
function check(b: RecordBody, sigs?: (hash: string) => RecordSignatures) {
  const hash = recordBodyHash(b);
  return validateRecord({ taskId: TASK, body: b, signatures: (sigs ?? signatures)(hash), bodyHash: hash, applicable: APPLICABLE });
}
const messages = (b: RecordBody, sigs?: (hash: string) => RecordSignatures) => check(b, sigs).map((p) => p.message);

describe('validateRecord', () => {
  it('takes a complete record with every line checked, signed over its own hash', () => {
    expect(check(body())).toEqual([]);
  });

  it('refuses a record missing a line that applies, naming the line', () => {
    expect(messages(body({ lines: [line('1')] }))).toEqual(['检查内容「消防安全管理 2 疏散通道、安全出口畅通」：未填写检查结果']);
  });

  it('refuses a line filled twice and a line the unit does not have', () => {
    expect(messages(body({ lines: [line('1'), line('2'), line('2')] }))).toEqual(['检查内容「消防安全管理 2 疏散通道、安全出口畅通」：重复填写']);
    expect(messages(body({ lines: [line('1'), line('2'), line('9')] }))[0]).toMatch(/第 3 条（9）：不在本任务适用的检查表中/);
  });

  it('never lets 未查 pass silently: it needs its reason', () => {
    expect(messages(body({ lines: [line('1', { result: 'unchecked' }), line('2')] }))).toEqual([
      '检查内容「消防安全管理 1 消防安全制度和灭火应急疏散预案」：未查的须写明原因',
    ]);
    expect(check(body({ lines: [line('1', { result: 'unchecked', uncheckedReason: '档案室上锁' }), line('2')] }))).toEqual([]);
  });

  it('needs the hazard, its place and the rule on a 不符合 line, and the conclusion to say hazards were found', () => {
    expect(messages(body({ lines: [line('1'), line('2', { result: 'fail' })], conclusion: 'hazards_found' }))).toEqual([
      '检查内容「消防安全管理 2 疏散通道、安全出口畅通」：不符合的须写明隐患描述、部位和违反的规定',
    ]);
    expect(check(body({ lines: [line('1'), line('2', { result: 'fail', hazard })], conclusion: 'hazards_found' }))).toEqual([]);
  });

  it('refuses a conclusion that disagrees with the lines, either way, and a missing one', () => {
    expect(messages(body({ lines: [line('1'), line('2', { result: 'fail', hazard })], conclusion: 'no_hazard' }))).toEqual([
      '检查结论：有 1 项检查内容不符合，结论不能是「未发现火灾隐患」',
    ]);
    expect(messages(body({ conclusion: 'hazards_found' }))).toEqual(['检查结论：没有不符合的检查内容，结论不能是「发现火灾隐患」']);
    expect(messages(body({ conclusion: null }))[0]).toMatch(/^检查结论：必须填写/);
  });

  it('refuses a hazard on a line that passed', () => {
    expect(messages(body({ lines: [line('1', { hazard }), line('2')] }))[0]).toMatch(/结果为「符合」，不应填写隐患/);
  });

  it('needs the lead to sign by hand and the representative to sign or refuse before a witness', () => {
    expect(messages(body(), (h) => signatures(h, { lead: null }))).toEqual(['主办人员签名：须由主办人员签名']);
    expect(messages(body(), (h) => signatures(h, { representative: null }))[0]).toMatch(/^单位代表签名：/);
    const refusal = { kind: 'refused' as const, witness: '王见证', reason: '负责人拒绝签字', signedHash: '', at: '2026-12-07T10:00:00+08:00' };
    expect(messages(body(), (h) => signatures(h, { representative: { ...refusal, signedHash: h } }))).toEqual([]);
    expect(messages(body(), (h) => signatures(h, { lead: { ...refusal, signedHash: h } }))).toEqual(['主办人员签名：主办人员须亲笔签名']);
  });

  it('voids every signature given over another body hash (an edit after signing)', () => {
    const before = body();
    const oldHash = recordBodyHash(before);
    const edited = body({ remarks: '签名后补充' });
    const hash = recordBodyHash(edited);
    const problems = validateRecord({ taskId: TASK, body: edited, signatures: signatures(oldHash, { lead: signed(hash) }), bodyHash: hash, applicable: APPLICABLE });
    expect(problems).toEqual([{ path: 'signatures.representative.signedHash', message: '单位代表签名：签名后记录内容已被修改，签名失效，请重新签名' }]);
  });

  it('takes 无法检查 with a reason, a description and a photo, and no conclusion or representative', () => {
    const unable = body({ outcome: 'unable', lines: [], conclusion: null, unable: { reason: 'not_found', detail: '现场为空地', photos: [PHOTO] } });
    expect(check(unable, (h) => signatures(h, { representative: null }))).toEqual([]);
    const noPhoto = body({ outcome: 'unable', lines: [], conclusion: null, unable: { reason: 'closed', detail: '卷帘门紧闭', photos: [] } });
    expect(messages(noPhoto, (h) => signatures(h, { representative: null }))).toEqual(['证明照片：无法检查的须至少拍摄一张现场照片']);
    expect(messages(body({ outcome: 'unable', lines: [], conclusion: null }))[0]).toMatch(/^无法检查原因：/);
  });

  it('refuses a body for another task and a visit that ends before it starts', () => {
    const other = body({ taskId: V1, endedAt: '2026-12-07T08:00:00+08:00' });
    expect(messages(other)).toEqual(['任务：记录内容所属的任务与提交的任务不一致', '结束时间：不能早于开始时间']);
  });
});

describe('the record hash', () => {
  it('does not depend on key order', () => {
    const b = body();
    const reordered = Object.fromEntries(Object.entries(b).reverse()) as RecordBody;
    expect(recordBodyHash(reordered)).toBe(recordBodyHash(b));
    expect(recordBodyHash(b)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any change of content, and a submission hash covers the signatures too', () => {
    expect(recordBodyHash(body({ remarks: 'x' }))).not.toBe(recordBodyHash(body()));
    const b = body();
    expect(submissionHash({ body: b, signatures: signatures('1'), corrects: null })).not.toBe(submissionHash({ body: b, signatures: signatures('2'), corrects: null }));
  });
});

describe('filesOfRecord', () => {
  it('lists each photo and signature image once', () => {
    const b = body({ lines: [line('1', { photos: [PHOTO] }), line('2', { photos: [PHOTO] })] });
    expect(filesOfRecord(b, signatures('h'))).toEqual([PHOTO, SIGN]);
  });
});

describe('applicableSnapshot', () => {
  it('takes the newest version unless the record names an older one, and only the lines for the unit', async () => {
    const { applicableSnapshot } = await import('./applicable-lines.ts');
    const v = (versionId: string, version: number) => ({
      versionId,
      itemCode: 'XF-01',
      version,
      name: '消防安全管理',
      checklist: [
        { code: '1', text: '制度', appliesTo: 'all' as const, basis: null },
        { code: '2', text: '巡查记录', appliesTo: 'key' as const, basis: null },
      ],
    });
    const general = { category: 'general', isCrowded: false };
    expect(applicableSnapshot([v('old', 1), v('new', 2)], general).lines.map((l) => `${l.versionId}:${l.code}`)).toEqual(['new:1']);
    expect(applicableSnapshot([v('old', 1), v('new', 2)], { category: 'key', isCrowded: false }, new Set(['old'])).lines.map((l) => `${l.versionId}:${l.code}`)).toEqual(['old:1', 'old:2']);
  });
});
