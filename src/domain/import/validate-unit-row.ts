/**
 * Validation and normalisation of one imported unit row, and the file-level checks that need all rows
 * (duplicates in the file) or the registry's copy (field-by-field diff). Messages are Chinese and name the
 * row and the field: 第 12 行「统一社会信用代码」：校验位错误…
 */
import {
  DIVISIONS_SOURCE,
  countiesOf,
  divisionPath,
  findCountiesByName,
  findDivision,
  isKnownCountyCode,
  isWithin,
  regionPrefixesOf,
  type Division,
} from '../registry/divisions.ts';
import { checkPhone, splitPhoneList } from '../registry/phone.ts';
import { cleanCell, foldFullWidth } from '../registry/text.ts';
import {
  UNIT_CATEGORY_LABELS,
  UNIT_STATUS_LABELS,
  duplicateKey,
  isUsableAddress,
  normalizeAddress,
  type NormalizeAddressOptions,
  type UnitCategory,
  type UnitStatus,
} from '../registry/unit-rules.ts';
import { checkUscc } from '../uscc.ts';
import { UNIT_IMPORT_FIELD_LABELS, type UnitImportField } from './unit-import-fields.ts';

/** A row ready to be written. null means "the file does not say": an existing value is kept. */
export type UnitImportRow = {
  name: string;
  uscc: string;
  registeredAddress: string | null;
  address: string | null;
  districtCode: string | null;
  street: string | null;
  contactName: string | null;
  contactPhone: string | null;
  safetyOwner: string | null;
  safetyManager: string | null;
  category: UnitCategory | null;
  industry: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  buildingScale: string | null;
  tags: string[] | null;
  isCrowded: boolean | null;
  isFlammable: boolean | null;
  isHighRise: boolean | null;
  status: UnitStatus | null;
};

export type RowIssue = {
  row: number;
  field: UnitImportField;
  /** The full Chinese message, starting with 第 N 行「字段」：. */
  message: string;
};

export type UnitRowValidation =
  { ok: true; value: UnitImportRow; warnings: RowIssue[] } | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

/** Fields whose values come from admin-editable dictionaries. */
export type DictionaryField = 'industry' | 'riskLevel' | 'creditLevel' | 'buildingScale' | 'tags';

export type ValidateUnitRowOptions = {
  /**
   * The brigade's division (a province, prefecture or county code). Used only to pick between counties of the
   * same name (朝阳区, 城区 …) when the file gives a name instead of a code.
   */
  withinDivisionCode?: string;
  /** Allowed values per dictionary field; a field without a list accepts any text. */
  allowedValues?: Partial<Record<DictionaryField, readonly string[]>>;
};

const MAX_LENGTH: Partial<Record<UnitImportField, number>> = {
  name: 200,
  registeredAddress: 300,
  address: 300,
  street: 100,
  contactName: 50,
  safetyOwner: 50,
  safetyManager: 50,
  industry: 100,
  riskLevel: 50,
  creditLevel: 50,
  buildingScale: 100,
  tags: 500,
};
const DEFAULT_MAX_LENGTH = 200;

const CATEGORY_WORDS: Record<string, UnitCategory> = {
  重点单位: 'key',
  消防安全重点单位: 'key',
  重点: 'key',
  KEY: 'key',
  一般单位: 'general',
  一般: 'general',
  非重点单位: 'general',
  非重点: 'general',
  GENERAL: 'general',
  九小场所: 'small_venue',
  九小: 'small_venue',
  SMALL_VENUE: 'small_venue',
  其他: 'other',
  其它: 'other',
  OTHER: 'other',
};

const TRUE_WORDS = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '✓', '✔', '有']);
const FALSE_WORDS = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '✗', '✘', '无', '不是']);

/**
 * Statuses as written by market-regulation exports and by hand, checked in this order (a cell such as
 * "吊销，未注销" is 注销-like). 吊销 (licence revoked) counts as 注销: the unit may no longer operate.
 */
const STATUS_PATTERNS: readonly [RegExp, UnitStatus][] = [
  [/^(NOT_FOUND)$|查无/, 'not_found'],
  [/^(RELOCATED)$|迁出/, 'relocated'],
  [/^(DEREGISTERED)$|注销|吊销|撤销/, 'deregistered'],
  [/^(SUSPENDED)$|停业|歇业/, 'suspended'],
  [/^(ACTIVE)$|正常|存续|在业|开业|在营|营业|在册/, 'active'],
];

/**
 * Validates one row whose keys are unit fields (see recognizeHeaders and applyColumnMapping); other keys
 * are ignored. `rowNumber` is the row's line in the file, as shown to the user.
 *
 * Errors (the row cannot be imported): missing 单位名称 or 统一社会信用代码; a credit code failing GB 32100
 * (length, characters, check character); a 行政区划 that is unknown, retired, not county-level or an
 * ambiguous name; an unknown 单位类别, 单位状态 or yes/no value; a value outside its dictionary; text too long.
 * Warnings (imported, reported): the credit code's embedded GB 11714 check and other checkUscc warnings; a
 * telephone that is not a valid number (kept as written) or lacks an area code; a missing or unusable
 * 实际经营地址 (the unit will not be drawn until it is filled in, see isUnitDrawable).
 */
export function validateUnitRow(
  raw: Readonly<Partial<Record<UnitImportField, string>>>,
  rowNumber: number,
  options: ValidateUnitRowOptions = {},
): UnitRowValidation {
  const row = new RowCheck(raw, rowNumber);

  const name = row.text('name');
  if (name === null) row.error('name', '不能为空');

  let uscc = '';
  const usccText = row.text('uscc');
  if (usccText === null) {
    row.error('uscc', '不能为空');
  } else {
    const check = checkUscc(usccText);
    uscc = check.normalized;
    for (const e of check.errors) row.error('uscc', e);
    for (const w of check.warnings) row.warn('uscc', w);
  }

  const registeredAddress = row.text('registeredAddress');
  const address = row.text('address');
  if (address === null) row.warn('address', '缺少实际经营地址：补全前该单位不会被抽取');
  else if (!isUsableAddress(address)) row.warn('address', `「${address}」不够具体：补全门牌等信息前该单位不会被抽取`);

  const districtCode = resolveDistrict(row.text('districtCode'), options.withinDivisionCode, row);

  const contactPhone = normalizePhones(row.text('contactPhone'), row);
  const contactName = personName('contactName', row.text('contactName'), row);
  const safetyOwner = personName('safetyOwner', row.text('safetyOwner'), row);
  const safetyManager = personName('safetyManager', row.text('safetyManager'), row);

  const categoryText = row.text('category');
  let category: UnitCategory | null = null;
  if (categoryText !== null) {
    category = CATEGORY_WORDS[foldFullWidth(categoryText).replace(/\s+/g, '').toUpperCase()] ?? null;
    if (category === null)
      row.error('category', `「${categoryText}」无法识别，应为 ${Object.values(UNIT_CATEGORY_LABELS).join('、')} 之一`);
  }

  const statusText = row.text('status');
  let status: UnitStatus | null = null;
  if (statusText !== null) {
    const folded = foldFullWidth(statusText).toUpperCase();
    status = STATUS_PATTERNS.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
    if (status === null)
      row.error('status', `「${statusText}」无法识别，应为 ${Object.values(UNIT_STATUS_LABELS).join('、')} 之一`);
  }

  const tagsText = row.text('tags');
  let tags: string[] | null = null;
  if (tagsText !== null) {
    tags = [
      ...new Set(
        foldFullWidth(tagsText)
          .split(/[、,;|/]/)
          .map(cleanCell)
          .filter(isNotEmpty),
      ),
    ];
    const allowed = options.allowedValues?.tags;
    const unknown = allowed ? tags.filter((t) => !allowed.includes(t)) : [];
    if (allowed && unknown.length > 0) row.error('tags', `「${unknown.join('、')}」不在标签字典中（可选：${listSome(allowed)}）`);
  }

  const allowedValues = options.allowedValues;
  const value: UnitImportRow = {
    name: name ?? '',
    uscc,
    registeredAddress,
    address,
    districtCode,
    street: row.text('street'),
    contactName,
    contactPhone,
    safetyOwner,
    safetyManager,
    category,
    industry: row.dictionary('industry', allowedValues),
    riskLevel: row.dictionary('riskLevel', allowedValues),
    creditLevel: row.dictionary('creditLevel', allowedValues),
    buildingScale: row.dictionary('buildingScale', allowedValues),
    tags,
    isCrowded: row.flag('isCrowded'),
    isFlammable: row.flag('isFlammable'),
    isHighRise: row.flag('isHighRise'),
    status,
  };
  const { errors, warnings } = row;
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value, warnings };
}

const isNotEmpty = (text: string): boolean => text !== '';

/**
 * One row being validated: its cells and the issues found so far. Methods rather than closures made for each row: an
 * import validates 100,000 rows, and each closure costs an allocation (and, under tsx, a call that names it).
 */
class RowCheck {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];

  constructor(
    private readonly raw: Readonly<Partial<Record<UnitImportField, string>>>,
    private readonly rowNumber: number,
  ) {}

  private issue(field: UnitImportField, problem: string): RowIssue {
    return { row: this.rowNumber, field, message: `第 ${this.rowNumber} 行「${UNIT_IMPORT_FIELD_LABELS[field]}」：${problem}` };
  }

  error(field: UnitImportField, problem: string): void {
    this.errors.push(this.issue(field, problem));
  }

  warn(field: UnitImportField, problem: string): void {
    this.warnings.push(this.issue(field, problem));
  }

  /** The cleaned cell, or null when empty; reports an over-long value. */
  text(field: UnitImportField): string | null {
    const value = cleanCell(this.raw[field] ?? '');
    if (value === '') return null;
    const max = MAX_LENGTH[field] ?? DEFAULT_MAX_LENGTH;
    // Characters are code points; a string has at least as many UTF-16 units, so only a long one is counted.
    if (value.length > max) {
      const characters = [...value].length;
      if (characters > max) this.error(field, `不能超过 ${max} 个字符，实际为 ${characters} 个`);
    }
    return value;
  }

  flag(field: 'isCrowded' | 'isFlammable' | 'isHighRise'): boolean | null {
    const value = this.text(field);
    if (value === null) return null;
    const word = foldFullWidth(value).replace(/\s+/g, '').toUpperCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    this.error(field, `「${value}」无法识别，应填“是”或“否”`);
    return null;
  }

  dictionary(field: Exclude<DictionaryField, 'tags'>, allowedValues: ValidateUnitRowOptions['allowedValues']): string | null {
    const value = this.text(field);
    const allowed = allowedValues?.[field];
    if (value !== null && allowed && !allowed.includes(value))
      this.error(field, `「${value}」不在字典中（可选：${listSome(allowed)}）`);
    return value;
  }
}

function listSome(values: readonly string[]): string {
  return values.length <= 10 ? values.join('、') : `${values.slice(0, 10).join('、')} 等 ${values.length} 项`;
}

function describe(division: Division): string {
  return `${division.code} ${divisionPath(division.code).join('')}`;
}

/**
 * A 行政区划 cell to a county-level code. Accepts "330702", "330702 婺城区", "婺城区" or a path such as
 * "浙江省金华市婺城区". Names are matched as the longest known county name at the end of the text, then
 * narrowed by the rest of the text and by `within`; more than one candidate is an error listing them.
 */
function resolveDistrict(value: string | null, within: string | undefined, row: RowCheck): string | null {
  if (value === null) return null;
  const tableDate = `（行政区划代码表截至 ${DIVISIONS_SOURCE.dataDate}）`;
  const compact = foldFullWidth(value).replace(/\s+/g, '');
  const code = /^(\d{6})(?!\d)/.exec(compact)?.[1];
  if (code !== undefined) {
    const division = findDivision(code);
    if (!division) {
      row.error('districtCode', `「${code}」不是已知的行政区划代码${tableDate}`);
      return null;
    }
    if (division.retired) {
      row.error(
        'districtCode',
        `「${code} ${division.name}」已撤销（撤销于 ${division.retired.lastListedOn} 至 ${division.retired.goneBy} 之间），请填写现行区划代码`,
      );
      return null;
    }
    if (!isKnownCountyCode(code)) {
      row.error('districtCode', `「${describe(division)}」不是县级区划，请填写区县代码${childCountyExample(division)}`);
      return null;
    }
    return code;
  }

  for (let length = Math.min(compact.length, 20); length >= 2; length--) {
    const suffix = compact.slice(compact.length - length);
    let candidates = findCountiesByName(suffix);
    if (candidates.length === 0) continue;
    const prefix = compact.slice(0, compact.length - length);
    if (prefix !== '') {
      candidates = candidates.filter(
        (d) => normalizeAddress(prefix, { regionPrefixes: regionPrefixesOf(d.parentCode ?? d.code) }) === '',
      );
    }
    if (candidates.length > 1 && within !== undefined) {
      const inside = candidates.filter((d) => isWithin(d.code, within));
      if (inside.length > 0) candidates = inside;
    }
    if (candidates.length === 1) return candidates[0]?.code ?? null;
    if (candidates.length > 1) {
      row.error(
        'districtCode',
        `「${value}」对应多个区划：${candidates.slice(0, 5).map(describe).join('、')}${candidates.length > 5 ? ' 等' : ''}，请填写 6 位区划代码`,
      );
      return null;
    }
  }
  row.error('districtCode', `「${value}」不是已知的区县名称或行政区划代码${tableDate}`);
  return null;
}

/** "（如 330702 浙江省金华市婺城区）" for a division with counties directly under it, else "". */
function childCountyExample(division: Division): string {
  const first = countiesOf(division.code)[0];
  return first ? `（如 ${describe(first)}）` : '';
}

/** Splits a phone cell, normalises each valid number, keeps invalid ones as written (with a warning). */
function normalizePhones(value: string | null, row: RowCheck): string | null {
  if (value === null) return null;
  const numbers: string[] = [];
  for (const part of splitPhoneList(value)) {
    const check = checkPhone(part);
    for (const e of check.errors) row.warn('contactPhone', `${e}，已按原样保留`);
    for (const w of check.warnings) row.warn('contactPhone', w);
    numbers.push(check.valid ? check.normalized : part);
  }
  return numbers.join('、');
}

function personName(field: 'contactName' | 'safetyOwner' | 'safetyManager', value: string | null, row: RowCheck): string | null {
  if (value !== null && /\d{5,}/.test(value)) row.warn(field, `「${value}」含有一串数字，可能混入了电话号码`);
  return value;
}

/**
 * File-level checks over the valid rows. Two rows with the same 统一社会信用代码 are an error on the later
 * row (the code is unique in the registry). Two rows with the same normalised name and address but different
 * codes are a warning on the later row (probable duplicate, for a person to judge).
 */
export function findDuplicateRows(
  rows: readonly { rowNumber: number; value: UnitImportRow }[],
  options: NormalizeAddressOptions = {},
): { errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const check = createDuplicateRowFinder(options);
  for (const row of rows) {
    const issue = check(row);
    if (issue?.kind === 'error') errors.push(issue.issue);
    else if (issue?.kind === 'warning') warnings.push(issue.issue);
  }
  return { errors, warnings };
}

/**
 * {@link findDuplicateRows} a row at a time, rows in the file's order: what the row given is (a duplicate credit code:
 * an error; a probable duplicate: a warning), or null. An import checks each row as soon as it is validated, while
 * the rest of the file is still being read (decision 0031), so this check adds nothing after the last row.
 */
export function createDuplicateRowFinder(
  options: NormalizeAddressOptions = {},
): (row: { rowNumber: number; value: UnitImportRow }) => { kind: 'error' | 'warning'; issue: RowIssue } | null {
  const byUscc = new Map<string, number>();
  const byKey = new Map<string, { rowNumber: number; uscc: string }>();
  return ({ rowNumber, value }) => {
    const first = byUscc.get(value.uscc);
    if (first !== undefined) {
      return {
        kind: 'error',
        issue: {
          row: rowNumber,
          field: 'uscc',
          message: `第 ${rowNumber} 行「${UNIT_IMPORT_FIELD_LABELS.uscc}」：与第 ${first} 行重复（${value.uscc}）`,
        },
      };
    }
    byUscc.set(value.uscc, rowNumber);
    const key = duplicateKey(value.name, value.address ?? value.registeredAddress, options);
    const same = byKey.get(key);
    if (same === undefined) {
      byKey.set(key, { rowNumber, uscc: value.uscc });
      return null;
    }
    return {
      kind: 'warning',
      issue: {
        row: rowNumber,
        field: 'name',
        message: `第 ${rowNumber} 行「${UNIT_IMPORT_FIELD_LABELS.name}」：与第 ${same.rowNumber} 行名称和地址相同但信用代码不同（${same.uscc}），疑似重复单位`,
      },
    };
  };
}

export type FieldChange = { field: UnitImportField; label: string; from: unknown; to: unknown };

/**
 * What importing `incoming` would change on the registry's copy of the same unit (matched by credit code),
 * field by field. A null incoming value means "not in the file" and changes nothing, so importing the same
 * file twice yields no changes the second time. Tags compare as sets.
 */
export function diffUnitRow(existing: Readonly<Partial<UnitImportRow>>, incoming: UnitImportRow): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(incoming) as (keyof UnitImportRow)[]) {
    const to = incoming[field];
    if (to === null) continue;
    const from = existing[field] ?? null;
    const same = Array.isArray(to) ? sameSet(to, Array.isArray(from) ? from : []) : from === to;
    if (!same) changes.push({ field, label: UNIT_IMPORT_FIELD_LABELS[field], from, to });
  }
  return changes;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
