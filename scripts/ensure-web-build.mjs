// Builds the web app (web/dist) when it is missing or older than its sources; otherwise does nothing.
// Used by `npm install` (prepare), `npm start` and `npm test` so a fresh clone always serves current pages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distIndex = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/field.html', 'web/public', 'web/vite.config.ts', 'src/contracts', 'src/domain', 'docs/draw-algorithm.md', 'package-lock.json'].map((p) => path.join(root, p));

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

const builtAt = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestMtime));
if (builtAt > changedAt) process.exit(0);

if (!fs.existsSync(path.join(root, 'node_modules/vite'))) {
  console.error('web/dist 缺失或过期，且未安装 vite（请运行 npm install，不要用 --omit=dev）');
  process.exit(fs.existsSync(distIndex) ? 0 : 1);
}
console.log('正在构建网页前端 (vite build)…');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
