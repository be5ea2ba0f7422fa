// A load generator in its own process (so its work does not steal the server's event loop): `connections` clients,
// each sending the next GET as soon as the last answer arrives (asking, as a browser does, for gzip or brotli), over
// keep-alive, for `seconds`. Prints one JSON line:
// requests, requests per second, latency percentiles (ms) and the count of non-2xx answers or errors.
// `target` is a URL, or @file: a file of URLs, one a line, asked in turn (a mix of searches). `cookies`, when given, is
// @file: a file of Cookie headers, one a line; client i sends line i (mod their count) — each client a logged-in user.
import fs from 'node:fs';
import http from 'node:http';

const [target, connectionsText = '20', secondsText = '10', cookiesFile] = process.argv.slice(2);
const linesOf = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const urls = target.startsWith('@') ? linesOf(target.slice(1)) : [target];
const cookies = cookiesFile ? linesOf(cookiesFile.replace(/^@/, '')) : [];
const connections = Number(connectionsText);
const seconds = Number(secondsText);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let failures = 0;
let next = 0;
const deadline = Date.now() + seconds * 1000;

function once(headers) {
  const url = urls[next++ % urls.length];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (res.statusCode < 200 || res.statusCode >= 300) failures += 1;
        resolve();
      });
    });
    req.on('error', () => {
      failures += 1;
      resolve();
    });
  });
}

async function client(i) {
  // As a browser asks: compressed answers welcome.
  const headers = { 'accept-encoding': 'gzip, deflate, br', ...(cookies.length ? { cookie: cookies[i % cookies.length] } : {}) };
  while (Date.now() < deadline) await once(headers);
}

const began = Date.now();
await Promise.all(Array.from({ length: connections }, (_, i) => client(i)));
const elapsed = (Date.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : 0);
console.log(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    failures,
  }),
);
agent.destroy();
