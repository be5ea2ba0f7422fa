import { resultHash } from '@domain/draw/jcs-hash.ts';
import type { DrawBundle } from '@domain/draw/draw-types.ts';
import { verifyBundle } from '@domain/draw/verify-bundle.ts';
import { describe, expect, it } from 'vitest';
import vector1 from '@domain/draw/fixtures/draw-vector-1.json';
import vector2 from '@domain/draw/fixtures/draw-vector-2.json';
import type { PublishedDraw } from './plain-checks.ts';
import { explainVerification } from './plain-checks.ts';

const one = vector1 as unknown as DrawBundle;
const two = vector2 as unknown as DrawBundle;

/** What a draw page publishes for a bundle: its manifest hash, its lottery values, its result hash. */
const publishedOf = (bundle: DrawBundle): PublishedDraw => ({
  manifestHash: bundle.result.manifestHash,
  resultHash: resultHash(bundle.result),
  external: bundle.external.map((e) => ({ source: e.source, ref: e.ref, value: e.value.trim() })),
});

const explain = (bundle: DrawBundle, published = publishedOf(bundle)) =>
  explainVerification(verifyBundle(bundle, published.resultHash ? { resultHash: published.resultHash } : {}), bundle, published);

/** Words a citizen should not meet before opening 「技术细节」. */
const TECHNICAL = /JCS|SHA|hash|OBS|manifest|seed|XF-SRS|[0-9a-f]{16}/i;

describe('the verifier’s plain sentences', () => {
  it('says in plain Chinese what each check of a genuine draw found, in the domain’s order', () => {
    const { ok, checks } = explain(one);
    expect(ok).toBe(true);
    expect(checks.map((c) => [c.name, c.ok, c.title])).toEqual([
      ['manifest-valid', true, '抽取清单符合公开的规则'],
      ['manifest-hash', true, '抽取清单没有被改动'],
      ['observers-listed', true, '监督人名单与抽取前登记的一致'],
      ['commitment:OBS-1', true, '监督人的密钥就是抽取前承诺的那个'],
      ['external-values', true, '开奖号码与公布的一致'],
      ['seed', true, '随机数完全由上面这些公开数据算出'],
      ['result', true, '抽中的单位和检查人员与公布的结果完全相同'],
      ['result-hash', true, '结果公布之后没有被改动'],
    ]);
    for (const check of checks) {
      expect(`${check.title}${check.explanation}`).not.toMatch(TECHNICAL);
      expect(check.explanation).not.toBe('');
    }
  });

  it('keeps the technical label, name and values of every check for 「技术细节」', () => {
    const verification = verifyBundle(one);
    const { checks } = explainVerification(verification, one, publishedOf(one));
    checks.forEach((check, i) => {
      const own = verification.checks[i]!;
      expect(check.technical[0]).toEqual({ label: `${own.label}（${own.name}）`, detail: own.detail });
    });
    expect(checks.find((c) => c.name === 'manifest-hash')!.technical[1]!.detail).toContain(one.result.manifestHash);
  });

  it('names the lottery values used, normalised, and tells observers apart by their place', () => {
    const { ok, checks } = explain(two);
    expect(ok).toBe(true);
    expect(checks.find((c) => c.name === 'external-values')!.explanation).toContain(
      '福彩3D 第 2027058 期：4 9 1；体彩排列3 第 27058 期：7 0 3',
    );
    expect(checks.filter((c) => c.name.startsWith('commitment:')).map((c) => c.title)).toEqual([
      '第 1 位监督人的密钥就是抽取前承诺的那个',
      '第 2 位监督人的密钥就是抽取前承诺的那个',
    ]);
  });

  it('fails the manifest when it is not the one the page published at the freeze, though the bundle is consistent', () => {
    const { ok, checks } = explain(one, { ...publishedOf(one), manifestHash: 'ab'.repeat(32) });
    expect(ok).toBe(false);
    const manifest = checks.find((c) => c.name === 'manifest-hash')!;
    expect([manifest.ok, manifest.title]).toEqual([false, '抽取清单与公布的不一致']);
    expect(manifest.technical[1]!.detail).toContain('ab'.repeat(32));
  });

  it('fails the lottery values when they differ from those the page published', () => {
    const published = publishedOf(one);
    const { ok, checks } = explain(one, { ...published, external: [{ ...published.external[0]!, value: '5 0 9' }] });
    expect(ok).toBe(false);
    expect(checks.filter((c) => !c.ok).map((c) => c.title)).toEqual(['开奖号码与公布的不一致']);
  });

  it('says the result differs when a selected unit was swapped, and keeps where in 「技术细节」', () => {
    const tampered = structuredClone(one) as DrawBundle & { result: { strata: { selected: string[] }[] } };
    const stratum = tampered.result.strata.find((s) => s.selected.length > 0)!;
    stratum.selected[0] = one.manifest.candidates.map((c) => c[0]).find((id) => !stratum.selected.includes(id))!;
    const { ok, checks } = explain(tampered, publishedOf(one));
    expect(ok).toBe(false);
    const result = checks.find((c) => c.name === 'result')!;
    expect([result.ok, result.title]).toEqual([false, '重新抽取的结果与公布的不同']);
    expect(result.technical[0]!.detail).toMatch(/^第一处不同：result\.strata\[\d+\]\.selected\[0\]/);
    expect(checks.find((c) => c.name === 'result-hash')!.title).toBe('结果与本页公布的不一致');
  });

  it('keeps the domain’s label for a check it has no sentence for', () => {
    const verification = {
      ok: true,
      resultHash: null,
      checks: [{ name: 'future-check', label: '新的检查', ok: true, detail: '细节' }],
    };
    expect(explainVerification(verification, one, publishedOf(one)).checks[0]).toMatchObject({ title: '新的检查', ok: true });
  });
});
