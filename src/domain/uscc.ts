/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * Layout (1-based): 1 registration authority; 2 entity type; 3–8 the registering authority's GB/T 2260
 * division code at registration time (never re-validated: a code is for life); 9–17 the GB 11714
 * organisation code, whose own check digit is position 17; 18 the check character.
 *
 * Only the position-18 check character is mandatory. The embedded GB 11714 check, an unknown authority
 * code and a non-numeric division code are warnings: real registries contain such codes.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const AUTHORITY_CODES = '123456789ABCDEFGY';

export type UsccCheck = {
  /** The code as checked: trimmed, full-width characters folded, upper-cased. */
  normalized: string;
  valid: boolean;
  errors: string[];
  warnings: string[];
};

/** The position-18 check character for the first 17 characters (all from {@link USCC_CHARSET}). */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeUsccCheckChar needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`character ${first17[i]} is not in the USCC charset`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character for the 8-character body of an organisation code. */
export function computeOrgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function normalizeUscc(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

export function checkUscc(input: string): UsccCheck {
  const code = normalizeUscc(input);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (code.length !== 18) {
    errors.push(`应为 18 位，实际为 ${code.length} 位`);
    return { normalized: code, valid: false, errors, warnings };
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i]!)) {
      errors.push(`第 ${i + 1} 位「${code[i]}」不是有效字符（不使用 I、O、Z、S、V）`);
    }
  }
  if (errors.length > 0) return { normalized: code, valid: false, errors, warnings };

  const expected = computeUsccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) errors.push(`校验位错误：第 18 位应为「${expected}」，实际为「${code[17]}」`);

  if (!AUTHORITY_CODES.includes(code[0]!)) warnings.push(`第 1 位登记管理部门代码「${code[0]}」不在国标列表中`);
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) warnings.push('第 3–8 位登记管理机关行政区划码应为 6 位数字');
  const orgBody = code.slice(8, 16);
  if (/^[0-9A-Z]{8}$/.test(orgBody)) {
    const orgCheck = computeOrgCodeCheckChar(orgBody);
    if (code[16] !== orgCheck) warnings.push(`内含组织机构代码校验位不符：第 17 位按 GB 11714 应为「${orgCheck}」`);
  }
  return { normalized: code, valid: errors.length === 0, errors, warnings };
}
