/**
 * Chinese telephone numbers as found in registries: mobiles, landlines with or without area code and
 * extension, and 400/800 service numbers. Used by the unit and inspector registries and by masking.
 *
 * Numbering (工业和信息化部《电信网编号计划》): a mobile is 11 digits starting 1[3-9]; a landline is a
 * long-distance code (010 and 020–029 are three digits with the leading 0, all others four) followed by a
 * 7- or 8-digit local number that does not start with 0 or 1. The country code +86 / 0086 is dropped.
 */
import { foldFullWidth, stripInvisible } from './text.ts';

export type PhoneKind = 'mobile' | 'landline' | 'service';

export type PhoneCheck = {
  /** Canonical form: 13812345678, 0579-82345678, 0579-82345678转123, 82345678, 400-123-4567. */
  normalized: string;
  kind: PhoneKind | null;
  valid: boolean;
  /** Chinese, without the field name: the caller adds 第 N 行「联系电话」. */
  errors: string[];
  warnings: string[];
};

const EXTENSION = /^(.*?)(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;

/** Splits an area code from a national number that starts with 0 (3 digits for 010/02x, else 4). */
function splitAreaCode(digits: string): [string, string] {
  const length = /^0(10|2\d)/.test(digits) ? 3 : 4;
  return [digits.slice(0, length), digits.slice(length)];
}

/**
 * Checks one telephone number and gives its canonical form. A local number without an area code is valid
 * with a warning (it cannot be dialled from outside the city); anything else unrecognised is an error.
 */
export function checkPhone(input: string): PhoneCheck {
  const raw = stripInvisible(foldFullWidth(input)).trim();
  const result = (kind: PhoneKind | null, normalized: string, errors: string[] = [], warnings: string[] = []): PhoneCheck => ({
    normalized,
    kind,
    valid: errors.length === 0,
    errors,
    warnings,
  });
  if (raw === '') return result(null, '', ['为空']);

  let body = raw;
  let extension = '';
  const ext = EXTENSION.exec(body);
  if (ext && /\d/.test(ext[1] ?? '')) {
    body = ext[1] ?? '';
    extension = ext[2] ?? '';
  }
  // A trailing "-123" after a complete landline is an extension too: 0579-82345678-123.
  const dashExt = /^(0\d{2,3}[-\s]?[2-9]\d{6,7})-(\d{1,6})$/.exec(body.replace(/[()]/g, ''));
  if (!extension && dashExt) {
    body = dashExt[1] ?? '';
    extension = dashExt[2] ?? '';
  }

  let digits = body.replace(/[\s\-()（）.]/g, '');
  let international = false;
  if (/^(\+86|0086)/.test(digits)) {
    digits = digits.replace(/^(\+86|0086)/, '');
    international = true;
  } else if (/^86\d{11}$/.test(digits) && digits[2] === '1') {
    digits = digits.slice(2);
  }
  if (!/^\d+$/.test(digits)) return result(null, raw, [`「${raw}」含有数字以外的字符`]);
  if (international && !digits.startsWith('1') && !digits.startsWith('0')) digits = `0${digits}`;

  if (digits.startsWith('1')) {
    if (extension) return result(null, raw, [`手机号码「${raw}」不应带分机号`]);
    if (digits.length !== 11) return result(null, raw, [`手机号码应为 11 位，实际为 ${digits.length} 位`]);
    if (!/^1[3-9]/.test(digits)) return result(null, raw, [`手机号码「${digits}」的第 2 位应为 3–9`]);
    return result('mobile', digits);
  }
  if (/^[48]00\d{7}$/.test(digits)) {
    return result('service', `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`);
  }
  const withExtension = (n: string) => (extension ? `${n}转${extension}` : n);
  if (digits.startsWith('0')) {
    const [area, local] = splitAreaCode(digits);
    if (local.length < 7 || local.length > 8) {
      return result(null, raw, [`固定电话「${raw}」在区号 ${area} 之后应为 7 或 8 位号码，实际为 ${local.length} 位`]);
    }
    if (!/^[2-9]/.test(local)) return result(null, raw, [`固定电话「${raw}」的本地号码不应以 0 或 1 开头`]);
    return result('landline', withExtension(`${area}-${local}`));
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) {
    return result('landline', withExtension(digits), [], [`固定电话「${digits}」未带区号`]);
  }
  return result(null, raw, [`「${raw}」不是有效的手机号码或固定电话号码`]);
}

/**
 * A cell may hold several numbers: "13812345678 / 0579-82345678", "…；…", "…、…". Splits it into the
 * individual numbers (a space alone does not split: landlines are often written "0579 82345678").
 */
export function splitPhoneList(input: string): string[] {
  return foldFullWidth(input)
    .split(/[/、,;；，|]|\s{2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
