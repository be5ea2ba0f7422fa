import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createOrgTree } from '../../test/harness/factories.ts';
import { outboxMessages } from '../db/schema.ts';
import { dispatchOutbox } from '../usecases/outbox/dispatch-outbox.ts';
import { outboxChannels } from './sms-gateway.ts';

/*
 * The SMS channel against a real HTTP server on a free local port (no mock of our code): the gateway first fails,
 * the message stays pending with its error and a later attempt; then it answers 200 and the message is sent.
 */
let database: TestDatabase;
let server: http.Server;
let url = '';
const received: { auth: string | undefined; body: unknown }[] = [];
let answer = 503;

beforeAll(async () => {
  database = await openTestDatabase();
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.dispose();
});

describe('the outbox dispatcher with the HTTP SMS gateway', () => {
  it('retries a failed send with back-off, keeping the error visible, then marks it sent', async () => {
    const tree = await createOrgTree(database.db);
    const t0 = new Date('2026-12-05T02:00:00Z');
    const [message] = await database.db
      .insert(outboxMessages)
      .values({ orgId: tree.brigadeA.id, channel: 'sms', recipient: '13800001111', body: '【测试大队】告知', shortCode: 'TESTCODE01', nextAttemptAt: t0 })
      .returning();
    const channels = outboxChannels({ url, token: 'secret-token' });

    expect(await dispatchOutbox(database.db, t0, channels)).toEqual([expect.objectContaining({ result: 'retry', error: expect.stringContaining('HTTP 503') })]);
    const [failed] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, message!.id));
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, lastError: '短信网关返回 HTTP 503：busy' });
    expect(failed!.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    // Not due yet: nothing is sent half a minute later.
    expect(await dispatchOutbox(database.db, new Date(t0.getTime() + 30_000), channels)).toEqual([]);

    answer = 200;
    expect(await dispatchOutbox(database.db, new Date(t0.getTime() + 61_000), channels)).toEqual([expect.objectContaining({ result: 'sent' })]);
    const [sent] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, message!.id));
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(received).toEqual([
      { auth: 'Bearer secret-token', body: { to: '13800001111', text: '【测试大队】告知' } },
      { auth: 'Bearer secret-token', body: { to: '13800001111', text: '【测试大队】告知' } },
    ]);
  });

  it('fails an sms message when no gateway is configured, visibly, instead of dropping it', async () => {
    const tree = await createOrgTree(database.db);
    const t0 = new Date('2026-12-05T03:00:00Z');
    await database.db
      .insert(outboxMessages)
      .values({ orgId: tree.brigadeA.id, channel: 'sms', recipient: '13800002222', body: '告知', shortCode: 'TESTCODE02', nextAttemptAt: t0 });
    const outcome = await dispatchOutbox(database.db, t0, outboxChannels(null));
    expect(outcome).toEqual([expect.objectContaining({ result: 'retry', error: '短信网关未配置（SMS_GATEWAY_URL）' })]);
  });
});
