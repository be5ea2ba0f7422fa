import fs from 'node:fs';
import { freezeManifest, executeDraw, selectUnits } from '../src/domain/draw/draw.ts';
import { assignInspectors } from '../src/domain/draw/assign-inspectors.ts';
import { computeSeedBytes } from '../src/domain/draw/seed.ts';
import { useSha256Kernel } from '../src/domain/crypto/sha256-wasm.ts';
import { resultHash } from '../src/domain/draw/jcs-hash.ts';
const { manifest, reveals, externals } = JSON.parse(fs.readFileSync('/tmp/ds-manifest.json', 'utf8'));
if (process.env.NOWASM) useSha256Kernel(false);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let run = 0; run < 4; run++) {
  let t = cpu(); const marks: string[] = [];
  const lap = (name: string) => { const n = cpu(); marks.push(`${name} ${Math.round(n - t)}`); t = n; };
  const frozen = freezeManifest(manifest); lap('freeze');
  const seed = computeSeedBytes(frozen.manifest, frozen.hash, reveals, externals); lap('seed');
  const { taskUnits, strata } = selectUnits(frozen.manifest, seed, frozen.candidateIds); lap('select');
  const tasks = assignInspectors(frozen.manifest, seed, taskUnits, frozen.candidateIds); lap('assign');
  const r = executeDraw(frozen, reveals, externals); lap('execute');
  if (run === 0) { console.log(resultHash(r).slice(0, 12)); lap('resultHash'); }
  console.log(marks.join(', '));
}
