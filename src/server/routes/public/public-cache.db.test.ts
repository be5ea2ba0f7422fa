import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, createUnitFixture, TEST_PASSWORD, usccFor } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { plantPublication, resultContent } from '../../../../test/harness/publications.ts';
import { publications } from '../../../db/schema.ts';
import type { PublicResultsView, PublicUnitView } from '../../../contracts/publication.ts';
import type { PortalHomeView } from '../../../contracts/public.ts';
import { PUBLIC_CACHE_TTL_MS } from './public-cache.ts';

/**
 * The portal's answers are shared for PUBLIC_CACHE_TTL_MS by each instance (decision 0032): a change shows on the
 * portal within that bound, never later. The clock the cache reads is moved by hand (Date is faked; the app's own
 * business clock stays fixed).
 */
let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const NOW = new Date('2026-11-27T02:00:00Z');
let clock = NOW.getTime();
const advance = (ms: number) => {
  clock += ms;
  vi.setSystemTime(clock);
};

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const search = async (q: string): Promise<PublicResultsView> => {
  const res = await get(`/api/public/results?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(clock);
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW, publicCacheTtlMs: PUBLIC_CACHE_TTL_MS });
  tree = await createOrgTree(database.db);
  const account = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  admin = await logInAs(app, account.username, TEST_PASSWORD);
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await app.close();
  await database.dispose();
});

describe('the public answers shared for a few seconds', () => {
  it('takes an entry taken off the portal out of the search, its page and its unit page within the bound', async () => {
    const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '缓存商场' });
    const id = await plantPublication(
      database.db,
      { orgId: tree.brigadeA.id, unitId },
      resultContent({ unitName: '缓存商场', uscc: usccFor(5151), inspectedOn: '2026-11-20' }),
    );
    expect((await search('缓存商场')).items.map((i) => i.id)).toEqual([id]);
    expect((await get(`/api/public/results/${id}`)).statusCode).toBe(200);
    expect((await get(`/api/public/units/${unitId}`)).json<PublicUnitView>().results.map((r) => r.id)).toEqual([id]);

    await database.db.update(publications).set({ status: 'suppressed', suppressReason: '测试' }).where(eq(publications.id, id));
    // Within the bound the instance may still answer what it read before the change…
    advance(PUBLIC_CACHE_TTL_MS - 1);
    expect((await search('缓存商场')).items.map((i) => i.id)).toEqual([id]);
    // …and once it has passed, no answer shows the entry.
    advance(1);
    expect((await search('缓存商场')).items).toEqual([]);
    const page = await get(`/api/public/results/${id}`);
    expect(page.statusCode).toBe(404);
    expect(page.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // A unit with nothing on the portal has no page there.
    expect((await get(`/api/public/units/${unitId}`)).statusCode).toBe(404);
  });

  it('shows a withdrawal as withdrawn (已撤回) within the bound', async () => {
    const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '撤回商行' });
    const id = await plantPublication(
      database.db,
      { orgId: tree.brigadeA.id, unitId },
      resultContent({ unitName: '撤回商行', uscc: usccFor(5252), inspectedOn: '2026-11-19' }),
    );
    expect((await search('撤回商行')).items).toMatchObject([{ id, withdrawn: false }]);
    await database.db
      .update(publications)
      .set({ status: 'withdrawn', withdrawKind: 'changed', withdrawnOn: '2026-11-27' })
      .where(eq(publications.id, id));
    advance(PUBLIC_CACHE_TTL_MS);
    expect((await search('撤回商行')).items).toMatchObject([{ id, withdrawn: true, outcomeLabel: '已撤回' }]);
  });

  it('shows an entry its brigade publishes within the bound', async () => {
    const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '待公示酒店' });
    const id = await plantPublication(
      database.db,
      { orgId: tree.brigadeA.id, unitId, status: 'pending' },
      resultContent({ unitName: '待公示酒店', uscc: usccFor(6161), inspectedOn: '2026-11-21' }),
    );
    expect((await search('待公示酒店')).items).toEqual([]);
    expect((await get(`/api/public/results/${id}`)).statusCode).toBe(404);
    const published = await call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [id] });
    expect(published.statusCode, published.body).toBe(200);
    advance(PUBLIC_CACHE_TTL_MS);
    expect((await search('待公示酒店')).items.map((i) => i.id)).toEqual([id]);
    // The 404 was not kept: the page is there as soon as it is asked after the change.
    expect((await get(`/api/public/results/${id}`)).statusCode).toBe(200);
  });

  it('answers 304 without a body to a browser that holds the current answer, and the new answer once it changes', async () => {
    const first = await get('/api/public/home');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');

    const again = await get('/api/public/home', { 'if-none-match': `"x", ${etag}` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const before = first.json<PortalHomeView>().totals.units;
    await createUnitFixture(database.db, { brigadeId: tree.brigadeB.id, name: '新登记单位' });
    advance(PUBLIC_CACHE_TTL_MS);
    const changed = await get('/api/public/home', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json<PortalHomeView>().totals.units).toBe(before + 1);
  });

  it('sends a browser a larger answer gzipped, under the tag of the plain one', async () => {
    const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '压缩商场' });
    for (let i = 0; i < 6; i++) {
      await plantPublication(
        database.db,
        { orgId: tree.brigadeA.id, unitId },
        resultContent({ unitName: '压缩商场', uscc: usccFor(7171), inspectedOn: `2026-11-0${i + 1}` }),
      );
    }
    const url = `/api/public/results?q=${encodeURIComponent('压缩商场')}`;
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(plain.json());
  });

  it('keeps each search its own answer', async () => {
    const a = await search('缓存商场');
    const b = await search('待公示酒店');
    expect(a.items.map((i) => i.unitName)).not.toEqual(b.items.map((i) => i.unitName));
    const paged = await get(`/api/public/results?q=${encodeURIComponent('待公示酒店')}&page=2`);
    expect(paged.json<PublicResultsView>()).toMatchObject({ page: 2, items: [] });
  });
});
