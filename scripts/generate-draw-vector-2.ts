// Writes src/domain/draw/fixtures/draw-vector-2.json: a second complete bundle for XF-SRS/1 that exercises what the
// first one does not — two leads per task (slot k = 1), three backups per role with weighted picks (k = lead − 1 + j),
// streams that need more than one block, two observers and two lottery values in manifest order, a lottery value
// whose whitespace must be normalised, an id written in NFD, an astral-plane id, a zone pool, an empty stratum and
// conflicts. Run: node --import tsx scripts/generate-draw-vector-2.ts (the output is committed; a test checks it).
import fs from 'node:fs';
import path from 'node:path';
import { toHex } from '../src/domain/crypto/sha256.ts';
import { executeDraw, freezeManifest } from '../src/domain/draw/draw.ts';
import type { DrawBundle, Manifest } from '../src/domain/draw/draw-types.ts';
import { resultHash } from '../src/domain/draw/jcs-hash.ts';
import { commitmentOf } from '../src/domain/draw/seed.ts';
import { verifyBundle } from '../src/domain/draw/verify-bundle.ts';

const units: [string, string, number, string][] = [];
for (let i = 1; i <= 9; i++)
  units.push([`K${String(i).padStart(3, '0')}`, 'crowded', 1 + ((i * 7) % 16), i % 3 === 0 ? 'Z1' : 'B1']);
for (let i = 1; i <= 22; i++)
  units.push([`G${String(i).padStart(3, '0')}`, 'general', 1 + ((i * 5) % 9), i % 2 === 0 ? 'B2' : 'Z1']);
// 'Café-东阳' written with a combining acute accent (NFD): the hash and the id order use its NFC form.
units.push(['Cafe\u0301-东阳', 'general', 3, 'B2']);
units.push(['\u{20000}-金华', 'crowded', 64, 'B1']);
units.push(['婺城-甲', 'general', 1, 'B1']);
const nfcKey = (id: string) => Buffer.from(id.normalize('NFC'), 'utf8');
units.sort((a, b) => Buffer.compare(nfcKey(a[0]), nfcKey(b[0])));

const inspectors: [string, string[], ('lead' | 'assistant')[], number][] = [
  ['P01', ['B1'], ['lead', 'assistant'], 3],
  ['P02', ['B1', 'Z1'], ['lead'], 1],
  ['P03', ['B1'], ['assistant'], 2],
  ['P04', ['B2', 'Z1'], ['lead', 'assistant'], 1],
  ['P05', ['B2'], ['lead', 'assistant'], 5],
  ['P06', ['B2'], ['assistant'], 1],
  ['P07', ['Z1'], ['lead', 'assistant'], 2],
  ['P08', ['Z1', 'B1'], ['assistant'], 7],
  ['P09', ['B1', 'B2', 'Z1'], ['lead', 'assistant'], 1],
  ['P10', ['B2'], ['lead'], 2],
];

const manifest: Manifest = {
  algorithm: 'XF-SRS/1',
  drawId: 'D-2027-03-330702-002',
  planId: 'P-2027-03',
  asOf: '2027-03-05',
  strata: [
    { code: 'crowded', quota: 4, alternates: 3 },
    { code: 'general', quota: 6, alternates: 30 },
    { code: 'empty', quota: 0, alternates: 0 },
  ],
  candidates: units,
  excluded: [
    ['X001', 'WITHIN_MIN_INTERVAL'],
    ['X002', 'YEARLY_CAP_REACHED'],
  ],
  inspectors,
  conflicts: [
    ['P01', 'K001', 'BARRED'],
    ['P05', 'G002', 'BARRED'],
    ['P07', 'K003', 'BARRED'],
    ['P99', 'K001', 'BARRED'],
  ],
  assignment: { lead: 2, assistant: 1, backups: 3 },
  observers: ['OBS-1', 'OBS-2'],
  external: [
    { source: '福彩3D', ref: '2027058' },
    { source: '体彩排列3', ref: '27058' },
  ],
};

const secrets = { 'OBS-1': '000102030405060708090a0b0c0d0e0f', 'OBS-2': 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00' };
const frozen = freezeManifest(manifest);
const observers = manifest.observers.map((id) => {
  const reveal = secrets[id as keyof typeof secrets];
  return { id, commitment: commitmentOf(frozen.hash, id, Buffer.from(reveal, 'hex')), reveal };
});
// The second value as typed, with an ideographic space and a tab: the seed uses "7 0 3".
const external = [
  { source: '福彩3D', ref: '2027058', value: '4 9 1' },
  { source: '体彩排列3', ref: '27058', value: ' 7\u30000\t 3 ' },
];
const result = executeDraw(frozen, observers, external);
const bundle: DrawBundle = { manifest, observers, external, result };
const verdict = verifyBundle(bundle);
if (!verdict.ok) throw new Error(`the generated bundle does not verify: ${JSON.stringify(verdict.checks)}`);
const out = path.join(import.meta.dirname, '../src/domain/draw/fixtures/draw-vector-2.json');
fs.writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(
  `manifestHash ${toHex(frozen.hash)}\nseed ${result.seed}\nresultHash ${resultHash(result)}\n→ ${path.relative(process.cwd(), out)}`,
);
