import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, computeOrgCodeCheckChar, computeUsccCheckChar, USCC_CHARSET } from './uscc.ts';

describe('统一社会信用代码 check', () => {
  it('accepts the canonical GB 32100 sample with both checks passing', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({
      normalized: '91350100M000100Y43',
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('accepts real codes published by well-known companies and rejects them with one character altered', () => {
    // 华为技术有限公司, 深圳市腾讯计算机系统有限公司 (from their public disclosures).
    for (const code of ['914403001922038216', '91440300708461136T']) {
      expect(checkUscc(code).valid).toBe(true);
      const altered = code.slice(0, 10) + (code[10] === '0' ? '1' : '0') + code.slice(11);
      expect(checkUscc(altered).valid).toBe(false);
    }
  });

  it('rejects a wrong check character and says which one it should be', () => {
    const r = checkUscc('91350203M0001QAY9B');
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatch(/^校验位错误：第 18 位应为「.」，实际为「B」$/);
    expect(checkUscc('91110000800088421P').valid).toBe(false);
  });

  it('rejects forbidden letters and wrong lengths by position', () => {
    expect(checkUscc('91350100M000100I43').errors).toContain('第 16 位「I」不是有效字符（不使用 I、O、Z、S、V）');
    expect(checkUscc('9135010').errors).toEqual(['应为 18 位，实际为 7 位']);
  });

  it('folds lower case and full-width input before checking', () => {
    expect(checkUscc(' ９１350100m000100y43 ')).toMatchObject({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('only warns when the embedded organisation-code check fails', () => {
    const first17 = '91350100M00010' + '0Y' + '5';
    const code = first17 + computeUsccCheckChar(first17);
    const r = checkUscc(code);
    expect(r.valid).toBe(true);
    expect(r.warnings[0]).toMatch(/组织机构代码校验位不符/);
  });

  it('computes the GB 11714 check with X and 0 for 10 and 11', () => {
    expect(computeOrgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }),
        fc.nat(16),
        fc.constantFrom(...USCC_CHARSET),
        (chars, pos, replacement) => {
          const first17 = chars.join('');
          const code = first17 + computeUsccCheckChar(first17);
          expect(checkUscc(code).valid).toBe(true);
          if (chars[pos] === replacement) return;
          const altered = code.slice(0, pos) + replacement + code.slice(pos + 1);
          expect(checkUscc(altered).valid).toBe(false);
        },
      ),
    );
  });
});
