/**
 * The second process of the import-bomb benchmark: asks GET <base>/api/public/home one request after the other
 * (5 ms apart) and files each time under the phase the benchmark last announced on stdin (`mark <phase>`); on
 * `stop` it prints {phase: [ms, …]} as JSON and exits. Run: node --import tsx bench/home-latency-client.ts <base>.
 */
import readline from 'node:readline';

const base = process.argv[2];
if (!base) throw new Error('usage: home-latency-client.ts <base url>');
const times: Record<string, number[]> = {};
let phase = 'start';
let stopped = false;

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.startsWith('mark ')) phase = line.slice(5);
  if (line === 'stop') stopped = true;
});

while (!stopped) {
  const current = phase;
  const started = performance.now();
  const res = await fetch(`${base}/api/public/home`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`public home: ${res.status}`);
  (times[current] ??= []).push(performance.now() - started);
  await new Promise((r) => setTimeout(r, 5));
}
input.close();
process.stdout.write(JSON.stringify(times), () => process.exit(0));
