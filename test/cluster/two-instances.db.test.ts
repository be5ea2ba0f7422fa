import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/client.ts';
import { fromHex } from '../../src/domain/crypto/sha256.ts';
import { commitmentOf } from '../../src/domain/draw/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/generate-demo-data.ts';

/*
 * Two real server processes on one fresh PostgreSQL database, as behind a province's proxy (decision 0029): started at
 * the same moment they both come up (one migrates and seeds, the other waits for its lock and finds it done); a
 * session made on one works on the other; a photo uploaded to one is served by the other (its bytes in the directory both share); a message due once is sent
 * once, and no queue ever runs one job on both at once; a draw executed on both at once yields one draw.
 * PostgreSQL only: the embedded database belongs to one process.
 */
const info = inject('testDb');
const onPostgres = info.kind === 'postgres';

type Instance = { url: string; child: ChildProcess; output: string[] };
let databaseUrl = '';
let admin: pg.Client;
const instances: Instance[] = [];
let gateway: http.Server;
/** The shared file directory both instances mount (FILE_STORE_DIR). */
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-two-files-'));
const received: { to: string; text: string }[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startInstance(port: number, gatewayUrl: string): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      SMS_GATEWAY_URL: gatewayUrl,
      FILE_STORE_DIR: filesDir,
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  return { url: `http://127.0.0.1:${port}`, child, output };
}

async function waitUntilUp(instance: Instance, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited ${instance.child.exitCode}:\n${instance.output.join('')}`);
    try {
      const res = await fetch(`${instance.url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`instance not up after ${timeoutMs} ms:\n${instance.output.join('')}`);
}

type Session = { cookie: string; csrf: string };

async function logIn(instance: Instance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function call(instance: Instance, session: Session, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${instance.url}${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

beforeAll(async () => {
  if (!onPostgres) return;
  const name = `${info.prefix}two_${randomUUID().slice(0, 8)}`;
  admin = new pg.Client({ connectionString: info.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(info.adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  gateway = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push(JSON.parse(data) as { to: string; text: string });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const gatewayUrl = `http://127.0.0.1:${(gateway.address() as net.AddressInfo).port}/send`;
  const [p1, p2] = [await freePort(), await freePort()];
  // Both at the same moment, on a database without a single table.
  instances.push(startInstance(p1, gatewayUrl), startInstance(p2, gatewayUrl));
  await Promise.all(instances.map((i) => waitUntilUp(i, 240_000)));
}, 300_000);

afterAll(async () => {
  for (const instance of instances) instance.child.kill('SIGTERM');
  await Promise.all(instances.map((i) => (i.child.exitCode !== null ? null : new Promise((resolve) => i.child.once('exit', resolve)))));
  if (gateway) await new Promise((resolve) => gateway.close(resolve));
  if (admin) await admin.end();
  fs.rmSync(filesDir, { recursive: true, force: true });
}, 60_000);

const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

describe.skipIf(!onPostgres)('two instances on one PostgreSQL', () => {
  it('both come up on a fresh database: migrated once, seeded once', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const [{ n: migrations }] = (await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')) as [{ n: number }];
    expect(migrations).toBe(journal.entries.length);
    const [{ n: admins }] = (await query<{ n: number }>(`select count(*)::int as n from accounts where username = 'wucheng'`)) as [{ n: number }];
    expect(admins).toBe(1);
    const orgs = await query<{ name: string; n: number }>('select name, count(*)::int as n from orgs group by name having count(*) > 1');
    expect(orgs).toEqual([]);
    for (const instance of instances) expect((await fetch(`${instance.url}/api/health`)).status).toBe(200);
  });

  it('takes a session made on one instance on the other', async () => {
    const session = await logIn(instances[0]!, 'wucheng');
    const me = await call(instances[1]!, session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ account: { username: 'wucheng' } });
  });

  it('serves a photo uploaded to one instance from the other', async () => {
    const session = await logIn(instances[0]!, 'jiandu');
    // A 1×1 PNG, its bytes made unique so the store cannot already hold it.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a1e0bd8a0000000049454e44ae426082',
      'hex',
    );
    const unique = Buffer.concat([png, Buffer.from(randomUUID())]);
    const up = await fetch(`${instances[0]!.url}/api/files?fileName=${encodeURIComponent('现场照片.png')}`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
      body: unique,
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const { sha256 } = (await up.json()) as { sha256: string };
    const down = await fetch(`${instances[1]!.url}/api/files/${sha256}`, { headers: { cookie: session.cookie } });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(unique)).toBe(true);
    // Its bytes are in the shared directory, the row keeping the facts.
    expect(fs.readFileSync(path.join(filesDir, sha256.slice(0, 2), sha256)).equals(unique)).toBe(true);
    const [row] = await query<{ location: string; size: number }>('select location, length(bytes)::int as size from stored_files where sha256 = $1', [sha256]);
    expect(row).toEqual({ location: 'directory', size: 0 });
  });

  it('sends a message due once exactly once, and never runs one job on both instances at once', async () => {
    const [org] = await query<{ id: string }>(`select id from orgs where kind = 'brigade' order by path limit 1`);
    await query(
      `insert into outbox_messages (org_id, channel, recipient, body, short_code, next_attempt_at) values ($1, 'sms', '13900002222', $2, $3, now())`,
      [org!.id, '【双实例测试】只发一次', 'TWOINST001'],
    );
    const until = Date.now() + 60_000;
    let state = 'pending';
    while (Date.now() < until && state === 'pending') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      [{ state }] = (await query<{ state: string }>(`select state from outbox_messages where short_code = 'TWOINST001'`)) as [{ state: string }];
    }
    expect(state).toBe('sent');
    // Both instances poll the queue; a few seconds more for a second send, if there were to be one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(received.filter((m) => m.text === '【双实例测试】只发一次')).toHaveLength(1);
    const [{ attempts }] = (await query<{ attempts: number }>(`select attempts from outbox_messages where short_code = 'TWOINST001'`)) as [{ attempts: number }];
    expect(attempts).toBe(1);
    // The queue's own record: runs of a job never overlap, whichever instance took them.
    const runs = await query<{ name: string; started_on: Date; completed_on: Date | null }>(
      `select name, started_on, completed_on from pgboss.job where started_on is not null and name not like '\\_\\_%' order by name, started_on`,
    );
    expect(runs.some((r) => r.name === 'outbox')).toBe(true);
    for (let i = 1; i < runs.length; i++) {
      const before = runs[i - 1]!;
      const run = runs[i]!;
      if (before.name !== run.name || !before.completed_on) continue;
      expect(run.started_on.getTime(), `${run.name} overlaps`).toBeGreaterThanOrEqual(before.completed_on.getTime());
    }
  });

  it('executes a draw sent to both instances at once once', async () => {
    const [a, b] = instances as [Instance, Instance];
    // 金东's brigade admin draws December from the demo's annual plan; 支队's admin is the second account for the external value.
    const jindong = await logIn(a, 'jindong');
    const zhidui = await logIn(b, 'zhidui');
    const [plan] = await query<{ id: string }>(
      `select p.id from annual_plans p join accounts a on a.org_id = p.org_id where a.username = 'jindong' and p.year = 2026`,
    );
    let [monthly] = await query<{ id: string; status: string }>(`select id, status from monthly_plans where annual_plan_id = $1 and month = 12`, [plan!.id]);
    if (!monthly) {
      const generated = await call(a, jindong, 'POST', `/api/annual-plans/${plan!.id}/months/12/generate`);
      expect(generated.status, generated.text).toBeLessThan(300);
      monthly = { id: generated.json().id as string, status: 'draft' };
    }
    if (monthly.status === 'draft') {
      const published = await call(b, jindong, 'POST', `/api/monthly-plans/${monthly.id}/publish`);
      expect(published.status, published.text).toBe(200);
    }
    const monthlyId = monthly.id;
    const frozen = await call(a, jindong, 'POST', '/api/draws', {
      source: { kind: 'monthly_plan', id: monthlyId },
      observers: [{ name: '王监督', capacity: '特邀廉政监督员' }],
      external: [{ source: '福彩3D', ref: '2026340' }],
    });
    expect(frozen.status, frozen.text).toBe(201);
    const draw = frozen.json() as { id: string; manifestHash: string };
    const secret = '00112233445566778899aabbccddeeff';
    expect((await call(b, jindong, 'POST', `/api/draws/${draw.id}/observers/OBS-1/commitment`, { commitment: commitmentOf(draw.manifestHash, 'OBS-1', fromHex(secret)) })).status).toBe(200);
    expect((await call(a, jindong, 'POST', `/api/draws/${draw.id}/observers/OBS-1/reveal`, { reveal: secret })).status).toBe(200);
    const external = { source: '福彩3D', ref: '2026340', value: '1 2 3' };
    expect((await call(a, jindong, 'POST', `/api/draws/${draw.id}/external`, external)).status).toBe(200);
    const agreed = await call(b, zhidui, 'POST', `/api/draws/${draw.id}/external`, external);
    expect(agreed.json(), agreed.text).toMatchObject({ nextStep: 'execute' });

    const [r1, r2] = await Promise.all([call(a, jindong, 'POST', `/api/draws/${draw.id}/execute`), call(b, zhidui, 'POST', `/api/draws/${draw.id}/execute`)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const tasks = await query<{ n: number }>('select count(*)::int as n from tasks where draw_id = $1', [draw.id]);
    const executed = (r1.status === 200 ? r1 : r2).json() as { tasks: unknown[] };
    expect(tasks[0]!.n).toBe(executed.tasks.length);
    const [{ status }] = (await query<{ status: string }>('select status from draws where id = $1', [draw.id])) as [{ status: string }];
    expect(status).toBe('executed');
  });
});
