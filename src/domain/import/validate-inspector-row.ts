/**
 * Validation and normalisation of one imported inspector row. Messages are Chinese and name the row and
 * the field: 第 5 行「执法证有效期止」：…
 */
import { isIsoDate } from '../registry/dates.ts';
import {
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  type InspectorPost,
  type InspectorRole,
} from '../registry/inspector-rules.ts';
import { checkPhone } from '../registry/phone.ts';
import { cleanCell, foldFullWidth } from '../registry/text.ts';
import { INSPECTOR_IMPORT_FIELD_LABELS, type InspectorImportField } from './inspector-import-fields.ts';

/** A row ready to be compared and written. null means "the file does not say": an existing value is kept. */
export type InspectorImportRow = {
  name: string;
  badgeNo: string;
  certificateNo: string | null;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  post: InspectorPost | null;
  roles: InspectorRole[] | null;
  phone: string | null;
};

export type InspectorRowValidation =
  { ok: true; value: InspectorImportRow; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] };

const MAX_LENGTH: Record<InspectorImportField, number> = {
  name: 32,
  badgeNo: 32,
  certificateNo: 64,
  certificateValidFrom: 30,
  certificateValidUntil: 30,
  post: 20,
  roles: 20,
  phone: 30,
};

const POST_WORDS: Record<string, InspectorPost> = {
  专职监督员: 'full_time',
  专职: 'full_time',
  专职监督: 'full_time',
  专职防火监督员: 'full_time',
  FULL_TIME: 'full_time',
  兼职: 'part_time',
  兼职监督员: 'part_time',
  兼职监督: 'part_time',
  PART_TIME: 'part_time',
  其他: 'other',
  其它: 'other',
  OTHER: 'other',
};

const ROLE_WORDS: Record<string, InspectorRole[]> = {
  主办: ['lead'],
  主办人: ['lead'],
  LEAD: ['lead'],
  协办: ['assistant'],
  协办人: ['assistant'],
  ASSISTANT: ['assistant'],
  均可: ['lead', 'assistant'],
  全部: ['lead', 'assistant'],
  主办协办: ['lead', 'assistant'],
};

/** Excel's day 0 (1900 date system, with its 1900-02-29): serial 1 = 1900-01-01, serial 61 = 1900-03-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as people type it, to YYYY-MM-DD, or null when it is not a real date: 2026-03-01, 2026/3/1,
 * 2026.3.1, 2026年3月1日, 20260301, "2026-03-01 00:00:00", or an Excel date serial (45292 = 2024-01-01)
 * left by a cell formatted as a number.
 */
export function parseDateText(text: string): string | null {
  const value = foldFullWidth(cleanCell(text)).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{5})$/.exec(value);
  if (m) {
    const serial = Number(m[1]);
    if (serial < 20_000 || serial > 80_000) return null;
    return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

/** The badge number as compared and stored: no spaces, half-width, upper-case letters. */
export function normalizeBadgeNo(text: string): string {
  return foldFullWidth(cleanCell(text)).replace(/\s+/g, '').toUpperCase();
}

/**
 * Validates one row keyed by inspector fields. Errors: missing 姓名 or 警号/工号, text too long, a date that
 * is not a date, 有效期止 before 有效期起, an unknown 岗位 or 可任角色. Warnings: a telephone number that does
 * not dial (kept as written). Certificate completeness and expiry are judged against the registry's copy
 * (classifyInspectorImportRows), because an empty cell keeps the stored value.
 */
export function validateInspectorRow(
  raw: Readonly<Partial<Record<InspectorImportField, string>>>,
  rowNumber: number,
): InspectorRowValidation {
  const errors: string[] = [];
  const warnings: string[] = [];
  const message = (field: InspectorImportField, problem: string) =>
    `第 ${rowNumber} 行「${INSPECTOR_IMPORT_FIELD_LABELS[field]}」：${problem}`;
  const text = (field: InspectorImportField): string | null => {
    const value = cleanCell(raw[field] ?? '');
    if (value === '') return null;
    const length = [...value].length;
    if (length > MAX_LENGTH[field]) errors.push(message(field, `不能超过 ${MAX_LENGTH[field]} 个字符，实际为 ${length} 个`));
    return value;
  };

  const name = text('name');
  if (name === null) errors.push(message('name', '不能为空'));
  const badgeText = text('badgeNo');
  const badgeNo = badgeText === null ? '' : normalizeBadgeNo(badgeText);
  if (badgeText === null) errors.push(message('badgeNo', '不能为空'));

  const date = (field: 'certificateValidFrom' | 'certificateValidUntil'): string | null => {
    const value = text(field);
    if (value === null) return null;
    const iso = parseDateText(value);
    if (iso === null) errors.push(message(field, `「${value}」不是有效的日期，应为 YYYY-MM-DD（如 2026-03-01）`));
    return iso;
  };
  const certificateValidFrom = date('certificateValidFrom');
  const certificateValidUntil = date('certificateValidUntil');
  if (certificateValidFrom !== null && certificateValidUntil !== null && certificateValidUntil < certificateValidFrom) {
    errors.push(message('certificateValidUntil', `${certificateValidUntil} 早于有效期起 ${certificateValidFrom}`));
  }

  const postText = text('post');
  let post: InspectorPost | null = null;
  if (postText !== null) {
    post = POST_WORDS[foldFullWidth(postText).replace(/\s+/g, '').toUpperCase()] ?? null;
    if (post === null)
      errors.push(message('post', `「${postText}」无法识别，应为 ${Object.values(INSPECTOR_POST_LABELS).join('、')} 之一`));
  }

  const rolesText = text('roles');
  let roles: InspectorRole[] | null = null;
  if (rolesText !== null) {
    const found = new Set<InspectorRole>();
    const unknown: string[] = [];
    for (const word of foldFullWidth(rolesText)
      .split(/[、,;/|和及\s]+/)
      .filter((w) => w !== '')) {
      const matched = ROLE_WORDS[word.toUpperCase()];
      if (matched) matched.forEach((r) => found.add(r));
      else unknown.push(word);
    }
    if (unknown.length > 0 || found.size === 0) {
      errors.push(
        message(
          'roles',
          `「${rolesText}」无法识别，应为 ${Object.values(INSPECTOR_ROLE_LABELS).join('、')} 或“${INSPECTOR_ROLE_LABELS.lead}、${INSPECTOR_ROLE_LABELS.assistant}”`,
        ),
      );
    } else {
      roles = (['lead', 'assistant'] as const).filter((r) => found.has(r));
    }
  }

  const phoneText = text('phone');
  let phone: string | null = null;
  if (phoneText !== null) {
    const check = checkPhone(phoneText);
    for (const e of check.errors) warnings.push(message('phone', `${e}，已按原样保留`));
    for (const w of check.warnings) warnings.push(message('phone', w));
    phone = check.valid ? check.normalized : phoneText;
  }

  const certificateNo = text('certificateNo');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    value: { name: name!, badgeNo, certificateNo, certificateValidFrom, certificateValidUntil, post, roles, phone },
    warnings,
  };
}
