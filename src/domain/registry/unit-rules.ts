/**
 * 检查对象名录库 (unit registry) rules: categories, statuses, data sources, who may be drawn, and the
 * normalisation used to spot probable duplicates. Pure: dates come in as arguments.
 */
import type { Drawability } from './drawability.ts';
import { assertIsoDate } from './dates.ts';
import { foldFullWidth, stripInvisible } from './text.ts';

export const UNIT_CATEGORIES = ['key', 'general', 'small_venue', 'other'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

/** 重点单位: 消防安全重点单位 (Fire Law art. 17); 一般单位: non-key; 九小场所: local term (docs/glossary.md). */
export const UNIT_CATEGORY_LABELS: Record<UnitCategory, string> = {
  key: '重点单位',
  general: '一般单位',
  small_venue: '九小场所',
  other: '其他',
};

export const UNIT_STATUSES = ['active', 'suspended', 'deregistered', 'relocated', 'not_found'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  active: '正常',
  suspended: '停业',
  deregistered: '注销',
  relocated: '迁出',
  not_found: '查无此单位',
};

export const UNIT_SOURCES = ['market_regulation', 'department_share', 'manual'] as const;
export type UnitSource = (typeof UNIT_SOURCES)[number];

export const UNIT_SOURCE_LABELS: Record<UnitSource, string> = {
  market_regulation: '市场监管导入',
  department_share: '部门共享',
  manual: '手工录入',
};

export type UnitUndrawableReason =
  'STATUS_SUSPENDED' | 'STATUS_DEREGISTERED' | 'STATUS_RELOCATED' | 'STATUS_NOT_FOUND' | 'FLAGGED_FOR_REVIEW' | 'NO_ADDRESS';

export const UNIT_UNDRAWABLE_REASON_LABELS: Record<UnitUndrawableReason, string> = {
  STATUS_SUSPENDED: '单位停业',
  STATUS_DEREGISTERED: '单位已注销',
  STATUS_RELOCATED: '单位已迁出',
  STATUS_NOT_FOUND: '查无此单位',
  FLAGGED_FOR_REVIEW: '疑似僵尸单位，待核实',
  NO_ADDRESS: '缺少可用的实际经营地址',
};

const STATUS_REASONS: Record<Exclude<UnitStatus, 'active'>, UnitUndrawableReason> = {
  suspended: 'STATUS_SUSPENDED',
  deregistered: 'STATUS_DEREGISTERED',
  relocated: 'STATUS_RELOCATED',
  not_found: 'STATUS_NOT_FOUND',
};

/** What the draw needs to know about a unit. */
export type UnitDrawFacts = {
  status: UnitStatus;
  /**
   * YYYY-MM-DD from which the current status applies; null or absent when it has always applied. A status
   * other than 正常 dated after the draw date (停业 announced for next month) is not yet in force.
   */
  statusEffectiveOn?: string | null;
  /** Flagged as a suspected 僵尸单位 (by reconciliation with a market-regulation snapshot or by a person). */
  flaggedForReview: boolean;
  /** 实际经营地址: where an inspector has to go. */
  address: string | null;
  /** 住所 / 注册地址, used only with `acceptRegisteredAddress`. */
  registeredAddress?: string | null;
};

export type UnitDrawOptions = {
  /**
   * Let a usable 住所 stand in for a missing 实际经营地址. Off by default: registered addresses of
   * companies are often a registration agent's or a cluster address (集群注册), where no one is found.
   */
  acceptRegisteredAddress?: boolean;
};

/**
 * Whether a unit may enter the draw on date `on` (YYYY-MM-DD). Checked in this order, first failure wins:
 *
 * 1. Status. Only 正常 units are drawn; 停业, 注销, 迁出 and 查无此单位 leave the pool (the registries
 *    issue: "a unit leaves the drawable pool by a status change with a reason"; no hard delete). Drawing them
 *    would inflate pass rates with units that no longer operate.
 * 2. A unit flagged as a suspected 僵尸单位 stays out until someone reviews it; the review either restores
 *    it or changes its status. Reconciliation never removes a unit silently.
 * 3. A unit without a usable 实际经营地址 ({@link isUsableAddress}) is not drawn: the task would waste an
 *    inspector's day. It reappears as soon as the address is filled in, and the data-quality page lists it.
 *
 * Source: 《消防监督检查规定》(公安部令第120号) 第七条 draws from the units the fire service supervises; the
 * pool rules above are this system's, recorded in the registries decision record.
 */
export function isUnitDrawable(
  unit: UnitDrawFacts,
  on: string,
  options: UnitDrawOptions = {},
): Drawability<UnitUndrawableReason> {
  assertIsoDate(on, 'on');
  return unitDrawabilityOnCheckedDate(unit, on, options);
}

/**
 * {@link isUnitDrawable} for a caller that has already checked `on` (the eligibility rules, which ask it for a
 * million units on one date: the date is checked once, not per unit).
 */
export function unitDrawabilityOnCheckedDate(
  unit: UnitDrawFacts,
  on: string,
  options: UnitDrawOptions = {},
): Drawability<UnitUndrawableReason> {
  if (unit.statusEffectiveOn != null) assertIsoDate(unit.statusEffectiveOn, 'statusEffectiveOn');
  if (unit.status !== 'active' && (unit.statusEffectiveOn == null || unit.statusEffectiveOn <= on)) {
    return { drawable: false, reason: STATUS_REASONS[unit.status] };
  }
  if (unit.flaggedForReview) return { drawable: false, reason: 'FLAGGED_FOR_REVIEW' };
  const hasAddress =
    isUsableAddress(unit.address) ||
    (options.acceptRegisteredAddress === true && isUsableAddress(unit.registeredAddress ?? null));
  if (!hasAddress) return { drawable: false, reason: 'NO_ADDRESS' };
  return { drawable: true };
}

/** Cell values that mean "no address". Compared after folding and removing spaces. */
const ADDRESS_PLACEHOLDERS = new Set([
  '',
  '无',
  '暂无',
  '不详',
  '未知',
  '空',
  '待定',
  '待补充',
  '-',
  '--',
  '/',
  '\\',
  '0',
  '.',
  'NULL',
  'N/A',
  'NA',
  '#N/A',
]);

/** Leading administrative names: 省/自治区, then 市/州/地区/盟, then 区/县/市/旗. */
const ADMIN_PREFIX =
  /^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|特别行政区))?(?:[\u4e00-\u9fff]{1,8}?(?:自治州|地区|盟|市|州))?(?:[\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|区|县|市|旗))?/;

/** An address folded for comparison: invisible characters and whitespace removed, half-width, upper-case. */
export function foldAddress(address: string): string {
  return compactText(address).toUpperCase();
}

/** Invisible characters and all whitespace removed, full-width forms to half-width: where every fold here starts. */
function compactText(text: string): string {
  return stripInvisible(foldFullWidth(text)).replace(/\s+/g, '');
}

/** {@link compactText} with other brackets to () and dashes to "-": names and addresses alike. */
function foldMarks(text: string): string {
  return compactText(text).replace(BRACKET_OPEN, '(').replace(BRACKET_CLOSE, ')').replace(DASHES, '-');
}

/**
 * Whether an address is specific enough to send an inspector to: not empty, not a placeholder (无, 不详,
 * "-" …), and not just administrative names ("浙江省金华市婺城区" alone is not an address).
 */
export function isUsableAddress(address: string | null): boolean {
  if (address === null) return false;
  const compact = isCompactAddress(address) ? address : foldAddress(address);
  if (ADDRESS_PLACEHOLDERS.has(compact)) return false;
  // The administrative prefix starts with a CJK ideograph; otherwise nothing is stripped.
  const first = compact.charCodeAt(0);
  const rest = first >= 0x4e00 && first <= 0x9fff ? compact.replace(ADMIN_PREFIX, '') : compact;
  return rest.length >= 2;
}

/**
 * Whether the folding of {@link isUsableAddress} (full-width to half-width, invisible characters and all
 * whitespace removed, upper-cased) would leave `text` unchanged, so the common address costs one scan and no
 * new string. Conservative: ASCII control, space and lower-case letters, everything from U+0080 to U+2E7F
 * (letters that upper-case, NBSP, the U+2000 spaces, zero-width characters), U+3000, the Cyrillic and Latin
 * extension blocks U+A640–A7FF and U+AB30–ABBF, surrogates (astral letters), presentation forms U+FB00–FB4F and
 * U+FE00–FFFF (full-width forms, BOM) all fail; CJK ideographs and punctuation pass. A test checks every UTF-16
 * code unit against the folding itself.
 */
export function isCompactAddress(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isCompactCodeUnit(text.charCodeAt(i))) return false;
  return true;
}

function isCompactCodeUnit(c: number): boolean {
  if (c < 0x80) return !(c <= 0x20 || c === 0x7f || (c >= 0x61 && c <= 0x7a));
  return !(
    c < 0x2e80 ||
    c === 0x3000 ||
    (c >= 0xa640 && c <= 0xa7ff) ||
    (c >= 0xab30 && c <= 0xabbf) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfb00 && c <= 0xfb4f) ||
    c >= 0xfe00
  );
}

/**
 * For each UTF-16 code unit, 1 when a fold leaves it as it is wherever it stands: the compact units of
 * isCompactAddress less those the fold's own rules change (`changed`). Built once per fold (64 KB).
 */
function unchangedUnits(changed: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = isCompactCodeUnit(c) ? 1 : 0;
  for (let i = 0; i < changed.length; i++) table[changed.charCodeAt(i)] = 0;
  return table;
}

function allUnchanged(text: string, table: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === 0) return false;
  return true;
}

const BRACKET_OPEN_CHARS = '【〔［〈<';
const BRACKET_CLOSE_CHARS = '】〕］〉>';
const DASH_CHARS = '‐‑‒–—―−ー';
const NAME_DOT_CHARS = '•・‧';
const QUOTE_CHARS = '"\'“”‘’「」『』';
const BRACKET_OPEN = new RegExp(`[${BRACKET_OPEN_CHARS}]`, 'g');
const BRACKET_CLOSE = new RegExp(`[${BRACKET_CLOSE_CHARS}]`, 'g');
const DASHES = new RegExp(`[${DASH_CHARS}]`, 'g');
const NAME_DOTS = new RegExp(`[${NAME_DOT_CHARS}]`, 'g');
const QUOTES = new RegExp(`[${QUOTE_CHARS}]`, 'g');
/** What foldMarks changes beyond compactText. */
const MARK_CHARS = BRACKET_OPEN_CHARS + BRACKET_CLOSE_CHARS + DASH_CHARS;
/** Code units normalizeUnitName leaves as they are wherever they stand. */
const NAME_UNCHANGED = unchangedUnits(MARK_CHARS + NAME_DOT_CHARS + QUOTE_CHARS);

/**
 * A unit name folded for duplicate detection (never for display): invisible characters and all spaces
 * removed, full-width to half-width (so （） becomes ()), other brackets to (), dashes to "-", quotation marks
 * dropped, Latin letters upper-cased. Legal-form suffixes (有限公司, 有限责任公司, 分公司, 店 …) are kept:
 * "XX有限公司" and "XX有限公司分公司" are different units.
 */
export function normalizeUnitName(name: string): string {
  // Most names (Chinese characters, digits, capitals, full-width brackets) are already folded: one scan, no new string.
  return allUnchanged(name, NAME_UNCHANGED) ? name : normalizeUnitNameFully(name);
}

/** {@link normalizeUnitName}'s rules applied one by one, whatever the text (exported for the tests of the shortcut). */
export function normalizeUnitNameFully(name: string): string {
  return foldMarks(name)
    .replace(NAME_DOTS, '·')
    .replace(QUOTES, '')
    .toUpperCase();
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 八十八 → 88, 一百零五 → 105, 十二 → 12, 二〇三 → 203 (digit by digit when there is no 十/百/千). */
function chineseNumeralToInt(text: string): number | null {
  if (![...text].some((ch) => ch in CHINESE_UNITS)) {
    let value = 0;
    for (const ch of text) {
      const d = CHINESE_DIGITS[ch];
      if (d === undefined) return null;
      value = value * 10 + d;
    }
    return value;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[ch] ?? 0;
    } else {
      const unit = CHINESE_UNITS[ch];
      if (unit === undefined) return null;
      total += (digit ?? 1) * unit;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

export type NormalizeAddressOptions = {
  /**
   * Region names to strip from the start, e.g. the brigade's own province, city and county (see
   * regionPrefixesOf in divisions.ts), so "浙江省金华市婺城区人民路8号" and "人民路8号" compare equal.
   */
  regionPrefixes?: readonly string[];
};

/**
 * An address folded for duplicate detection (never for display): spaces and invisible characters removed,
 * full-width digits and letters to half-width, brackets to (), dashes to "-", 號→号, 衖→弄, 栋→幢,
 * "88#" → "88号", Chinese numerals before 号/弄/幢/楼/层/室/单元 to digits ("八十八号" → "88号"), and the
 * given region prefixes stripped from the start.
 */
export function normalizeAddress(address: string, options: NormalizeAddressOptions = {}): string {
  // Most addresses (Chinese characters, digits, capitals, one 号 at a time) are already folded: one scan, no new string.
  let s = allUnchanged(address, ADDRESS_UNCHANGED) && !address.includes('号号') ? address : normalizeAddressFully(address);
  const prefixes = options.regionPrefixes ? strippedPrefixes(options.regionPrefixes) : [];
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const prefix of prefixes) {
      if (s.startsWith(prefix)) {
        s = s.slice(prefix.length);
        stripped = true;
        break;
      }
    }
  }
  return s;
}

/** The region prefixes as normalizeAddress strips them (spaces removed, longest first), worked out once per list. */
const prefixesByList = new Map<string, readonly string[]>();
function strippedPrefixes(list: readonly string[]): readonly string[] {
  // Keyed by the list's text, not the array: a caller may build a new array each time, or change one it passed before.
  // The lists are a division's region names (regionPrefixesOf): a few thousand at most.
  const key = list.join('\u0000');
  let prefixes = prefixesByList.get(key);
  if (prefixes === undefined) {
    prefixes = list
      .map((p) => p.replace(/\s+/g, ''))
      .filter((p) => p !== '')
      .sort((a, b) => b.length - a.length);
    prefixesByList.set(key, prefixes);
  }
  return prefixes;
}

/**
 * {@link normalizeAddress}'s folding rules applied one by one, whatever the text, without the region prefixes
 * (exported for the tests of the shortcut).
 */
export function normalizeAddressFully(address: string): string {
  return foldMarks(address)
    .replace(/號/g, '号')
    .replace(/衖/g, '弄')
    .replace(/栋/g, '幢')
    .replace(/(\d)#/g, '$1号')
    .replace(ADDRESS_NUMERALS, (m: string) => {
      const n = chineseNumeralToInt(m);
      return n === null ? m : String(n);
    })
    .replace(/号+/g, '号')
    .replace(ADDRESS_TRAILING, '')
    .toUpperCase();
}

const ADDRESS_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';
const ADDRESS_TRAILING_CHARS = '。.,，;；';
const ADDRESS_NUMERALS = new RegExp(`([${ADDRESS_NUMERAL_CHARS}]+)(?=号|弄|幢|楼|层|室|单元)`, 'g');
const ADDRESS_TRAILING = new RegExp(`[${ADDRESS_TRAILING_CHARS}]+$`);
/**
 * Code units normalizeAddress leaves as they are wherever they stand; of the rules that look at a neighbour, "#" after
 * a digit, a numeral before 号 …, and trailing punctuation involve units left out here, and 号号 is looked for apart.
 */
const ADDRESS_UNCHANGED = unchangedUnits(
  MARK_CHARS + '號衖栋#' + ADDRESS_NUMERAL_CHARS + ADDRESS_TRAILING_CHARS,
);

/**
 * The key under which two units are probable duplicates: normalised name and normalised address. Units
 * with the same key but different 统一社会信用代码 are shown for review, never merged automatically.
 */
export function duplicateKey(name: string, address: string | null, options: NormalizeAddressOptions = {}): string {
  return `${normalizeUnitName(name)}|${address === null ? '' : normalizeAddress(address, options)}`;
}
