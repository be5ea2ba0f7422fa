import { manifestHash } from '@domain/draw/jcs-hash.ts';
import type { DrawBundle } from '@domain/draw/draw-types.ts';
import { normalizeExternalValue } from '@domain/draw/seed.ts';
import type { BundleVerification, VerificationCheck } from '@domain/draw/verify-bundle.ts';
import { externalRefLabel } from '../../shared/draws/labels.ts';

/** What the draw's page published: the manifest hash at the freeze, the lottery values, the result hash. */
export type PublishedDraw = {
  manifestHash: string;
  resultHash: string | null;
  external: readonly { source: string; ref: string; value: string | null }[];
};

/** One line of a check's 「技术细节」: what was compared, and the values. */
export type TechnicalLine = { label: string; detail: string };

/** A check as a citizen reads it: what was checked and why it matters, then the technical lines. */
export type PlainCheck = { name: string; ok: boolean; title: string; explanation: string; technical: TechnicalLine[] };

type Sentences = { ok: [string, string]; failed: [string, string] };

/** The plain sentences of each check `verifyBundle` makes (its `name`), passed and failed: [title, explanation]. */
const SENTENCES: Record<string, (observer: string, values: string) => Sentences> = {
  'manifest-valid': () => ({
    ok: [
      '抽取清单符合公开的规则',
      '候选单位、检查人员、各类单位的抽取名额和权重，都按公开的抽取算法逐条检查过，没有不合规的地方。',
    ],
    failed: ['抽取清单不符合公开的规则', '这份清单有不合规的地方（见技术细节），不能用它重新抽取。'],
  }),
  'manifest-hash': () => ({
    ok: [
      '抽取清单没有被改动',
      '我们重新计算了清单的指纹，与抽取前公布的一致，结果也正是按这份清单算出的。清单在出现任何随机数之前就已公布，所以谁也不能事后增删候选单位或检查人员。',
    ],
    failed: ['抽取清单与公布的不一致', '重新计算的清单指纹与抽取前公布的不同：清单被改动过，或这份结果包不属于本次抽取。'],
  }),
  'observers-listed': () => ({
    ok: ['监督人名单与抽取前登记的一致', '结果包里的监督人与清单登记的人数相同、顺序相同，没有人被替换、增加或遗漏。'],
    failed: ['监督人名单与清单不一致', '结果包里的监督人与清单登记的不同：有人被替换、增加或遗漏。'],
  }),
  commitment: (observer) => ({
    ok: [
      `${observer}的密钥就是抽取前承诺的那个`,
      '监督人在抽取前只登记了由密钥算出的“承诺值”，事后公开的密钥正好能对上它。这说明密钥没有在开奖之后被更换，也就没有人能借它挑选结果。',
    ],
    failed: [`${observer}的密钥对不上抽取前的承诺`, '公开的密钥算不出当初登记的承诺值：密钥被更换过，或结果包被改动过。'],
  }),
  'external-values': (_, values) => ({
    ok: [
      '开奖号码与公布的一致',
      `计算用的是抽取前就指定的那一期彩票开奖号码${values ? `（${values}）` : ''}，与本页公布的相同。开奖之前谁也不知道这个号码，您也可以向彩票发行机构的公告核对。`,
    ],
    failed: ['开奖号码与公布的不一致', '结果包里的开奖号码缺失、期号不对，或与本页公布的不同。'],
  }),
  seed: () => ({
    ok: [
      '随机数完全由上面这些公开数据算出',
      '抽取用的随机数（“种子”）由清单指纹、监督人的密钥和开奖号码共同算出，不含服务器自己产生的任何随机数；我们重算的种子与结果中的完全相同。',
    ],
    failed: ['随机数对不上', '用公开的清单、密钥和开奖号码算出的种子与结果中的不同：结果不是由这些公开数据得出的。'],
  }),
  result: () => ({
    ok: [
      '抽中的单位和检查人员与公布的结果完全相同',
      '我们在您的浏览器里按公开的算法重新抽了一遍：抽中的单位、递补单位的顺序、每项任务的主办和协办人员，与结果包中的一字不差。',
    ],
    failed: ['重新抽取的结果与公布的不同', '按公开的算法重新抽取，得到的单位或人员与结果包中的不同（第一处不同见技术细节）。'],
  }),
  'result-hash': () => ({
    ok: ['结果公布之后没有被改动', '重新计算的结果指纹与本页在执行抽取时公布的结果哈希一致。'],
    failed: ['结果与本页公布的不一致', '结果的指纹与本页公布的结果哈希不同：这份结果包被改动过，或不属于本次抽取。'],
  }),
};

/** The sentences of a check; `observer` names the observer of a `commitment:<id>` check (「第 2 位监督人」). */
function sentencesOf(check: VerificationCheck, observer: string, values: string): Sentences | null {
  const make = SENTENCES[check.name.split(':')[0] ?? ''];
  return make ? make(observer, values) : null;
}

const attempt = <T>(f: () => T): T | null => {
  try {
    return f();
  } catch {
    return null;
  }
};

/** The manifest's hash recomputed here, against the one the page published at the freeze. */
function manifestAgainstPage(bundle: DrawBundle, published: PublishedDraw, known: string | null | undefined): { ok: boolean; line: TechnicalLine } {
  // The verification's own recomputed hash when it has one (a million candidates take a second to hash again).
  const recomputed = known !== undefined ? known : attempt(() => manifestHash(bundle.manifest));
  return {
    ok: recomputed === published.manifestHash,
    line: { label: '与本页公布的清单哈希比对', detail: `本页公布 ${published.manifestHash}，重算 ${recomputed ?? '无法计算'}` },
  };
}

/** The bundle's lottery values (normalised as the draw reads them) against those the page published. */
function externalAgainstPage(bundle: DrawBundle, published: PublishedDraw): { ok: boolean; line: TechnicalLine } {
  const inBundle = Array.isArray(bundle.external) ? bundle.external : [];
  const same =
    inBundle.length === published.external.length &&
    published.external.every((p, i) => {
      const e = inBundle[i];
      return (
        typeof e?.value === 'string' &&
        p.value !== null &&
        e.source === p.source &&
        e.ref === p.ref &&
        normalizeExternalValue(e.value) === normalizeExternalValue(p.value)
      );
    });
  const show = (list: readonly { source: string; ref: string; value: unknown }[]) =>
    list.map((e) => `${externalRefLabel(e)}「${typeof e.value === 'string' ? e.value : '无'}」`).join('；') || '无';
  return {
    ok: same,
    line: { label: '与本页公布的开奖号码比对', detail: `本页公布 ${show(published.external)}，结果包中 ${show(inBundle)}` },
  };
}

/**
 * The checks of `verifyBundle` as a citizen reads them, in its order: a plain sentence saying what was checked and
 * why it matters, ✓ or ✗, and the technical names and values kept for 「技术细节」. Two sentences promise a comparison
 * with this page, so the page's values are compared too: the manifest hash published at the freeze (with
 * `manifest-hash`) and the lottery values (with `external-values`). A check the sentences do not know keeps its own
 * label. `ok` holds when every check passed.
 */
export function explainVerification(
  verification: BundleVerification,
  bundle: DrawBundle,
  published: PublishedDraw,
): { ok: boolean; checks: PlainCheck[] } {
  const values = Array.isArray(bundle.external)
    ? bundle.external
        .map((e) => `${externalRefLabel(e)}：${typeof e?.value === 'string' ? normalizeExternalValue(e.value) : '无'}`)
        .join('；')
    : '';
  // Observers by their place in the list, not their code (OBS-1 goes to 「技术细节」); one observer is just 「监督人」.
  const observerChecks = verification.checks.filter((c) => c.name.startsWith('commitment:'));
  const observerOf = (check: VerificationCheck) =>
    observerChecks.length === 1 ? '监督人' : `第 ${observerChecks.indexOf(check) + 1} 位监督人`;
  const checks = verification.checks.map((check): PlainCheck => {
    const own: TechnicalLine = { label: `${check.label}（${check.name}）`, detail: check.detail };
    const page =
      check.name === 'manifest-hash'
        ? manifestAgainstPage(bundle, published, verification.manifestHash)
        : check.name === 'external-values'
          ? externalAgainstPage(bundle, published)
          : null;
    const ok = check.ok && (page?.ok ?? true);
    const sentences = sentencesOf(check, observerOf(check), values);
    const [title, explanation] = sentences ? (ok ? sentences.ok : sentences.failed) : [check.label, ''];
    return { name: check.name, ok, title, explanation, technical: page ? [own, page.line] : [own] };
  });
  return { ok: verification.ok && checks.every((c) => c.ok), checks };
}
