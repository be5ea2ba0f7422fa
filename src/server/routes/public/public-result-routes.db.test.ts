import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, createUnitFixture, usccFor } from '../../../../test/harness/factories.ts';
import { buildTestApp, call } from '../../../../test/harness/http.ts';
import { penaltyContent, plantPublication, resultContent, setPolicy } from '../../../../test/harness/publications.ts';
import { eq, sql } from 'drizzle-orm';
import { publications } from '../../../db/schema.ts';
import type { PublicResultsView, PublicResultView, PublicUnitView } from '../../../contracts/publication.ts';

let database: TestDatabase;
let app: FastifyInstance;
const NOW = new Date('2026-11-27T02:00:00Z');
const ids: Record<string, string> = {};
const unitIds: Record<string, string> = {};
const USCC_A = usccFor(424242);

const get = (url: string) => call(app, null, 'GET', url);
const search = async (query: string): Promise<PublicResultsView> => {
  const res = await get(`/api/public/results${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  const db = database.db;
  const tree = await createOrgTree(db);
  const admin = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  const a = tree.brigadeA.id;
  const b = tree.brigadeB.id;
  unitIds.mall = await createUnitFixture(db, { brigadeId: a, name: '城东商场', uscc: USCC_A });
  unitIds.hotel = await createUnitFixture(db, { brigadeId: a, name: '江滨宾馆' });
  unitIds.hidden = await createUnitFixture(db, { brigadeId: a, name: '未公示工厂' });
  unitIds.shop = await createUnitFixture(db, { brigadeId: b, name: '北门小超市' });
  const common = (orgId: string, unitId: string) => ({ orgId, unitId });

  ids.mallResult = await plantPublication(
    db,
    common(a, unitIds.mall),
    resultContent({ unitName: '城东商场', uscc: USCC_A, districtCode: '330102', inspectedOn: '2026-11-20', drawCode: '2026320' }),
  );
  ids.hotelResult = await plantPublication(
    db,
    common(a, unitIds.hotel),
    resultContent({
      unitName: '江滨宾馆',
      uscc: usccFor(11),
      districtCode: '330782',
      inspectedOn: '2026-10-05',
      outcome: 'no_hazard',
      hazards: [],
    }),
  );
  ids.hotelUnable = await plantPublication(
    db,
    common(a, unitIds.hotel),
    resultContent({
      unitName: '江滨宾馆',
      uscc: usccFor(11),
      districtCode: '330782',
      inspectedOn: '2026-09-01',
      outcome: 'unable',
      unableReason: 'refused',
      hazards: [],
      items: [],
    }),
  );
  ids.pending = await plantPublication(
    db,
    { ...common(a, unitIds.hidden), status: 'pending' },
    resultContent({ unitName: '未公示工厂', inspectedOn: '2026-11-21' }),
  );
  ids.suppressed = await plantPublication(
    db,
    { ...common(a, unitIds.hidden), status: 'suppressed' },
    penaltyContent({ unitName: '未公示工厂', decidedOn: '2026-11-22' }),
  );
  ids.mallFine = await plantPublication(
    db,
    { ...common(a, unitIds.mall), displayUntil: '2027-02-25' },
    penaltyContent({ unitName: '城东商场', uscc: null, partyKind: 'person', partyName: '李建国', decidedOn: '2026-11-25' }),
  );
  ids.expired = await plantPublication(
    db,
    { ...common(a, unitIds.mall), publishedOn: '2026-06-01', displayUntil: '2026-09-01' },
    penaltyContent({
      unitName: '城东商场',
      decidedOn: '2026-05-28',
      penaltyKind: 'warning',
      fineAmount: null,
      decisionNumber: '测消行罚决字〔2026〕第0099号',
    }),
  );
  ids.withdrawn = await plantPublication(
    db,
    {
      ...common(a, unitIds.mall),
      status: 'withdrawn',
      withdrawKind: 'revoked',
      withdrawnOn: '2026-11-26',
      displayUntil: '2027-02-20',
    },
    penaltyContent({
      unitName: '城东商场',
      uscc: USCC_A,
      decidedOn: '2026-11-18',
      decisionNumber: '测消行罚决字〔2026〕第0077号',
      fineAmount: 8000,
    }),
  );
  await setPolicy(db, b, admin.id, { publishPersonName: true });
  ids.shopFine = await plantPublication(
    db,
    { ...common(b, unitIds.shop), displayUntil: '2027-02-25' },
    penaltyContent({
      unitName: '北门小超市',
      uscc: null,
      partyKind: 'person',
      partyName: '王小明',
      decidedOn: '2026-11-24',
      penaltyKind: 'warning',
      fineAmount: null,
    }),
  );
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('the portal search of results and penalties', () => {
  it('lists only entries on the portal today, newest first: never a pending or suppressed one, nor a penalty past its display period', async () => {
    const view = await search('');
    expect(view.items.map((i) => i.id)).toEqual([
      ids.mallFine,
      ids.shopFine,
      ids.mallResult,
      ids.withdrawn,
      ids.hotelResult,
      ids.hotelUnable,
    ]);
    expect(view.total).toBe(6);
    expect(view.totalCapped).toBe(false);
    const body = JSON.stringify(view);
    for (const hidden of [ids.pending, ids.suppressed, ids.expired, '未公示工厂', '第0099号']) expect(body).not.toContain(hidden);
  });

  it('finds a unit by part of its name or by its full credit code', async () => {
    expect((await search(`?q=${encodeURIComponent('商场')}`)).items.map((i) => i.unitName)).toEqual([
      '城东商场',
      '城东商场',
      '城东商场',
    ]);
    expect((await search(`?q=${USCC_A.toLowerCase()}`)).items.map((i) => i.id)).toEqual([ids.mallResult, ids.withdrawn]);
    expect((await search(`?q=${encodeURIComponent('不存在的单位')}`)).total).toBe(0);
  });

  it('filters by district prefix, date range, outcome and kind', async () => {
    expect((await search('?district=3301')).items.map((i) => i.id)).toEqual([ids.mallResult]);
    expect((await search('?district=330782')).items.map((i) => i.id)).toEqual([ids.hotelResult, ids.hotelUnable]);
    expect((await search('?from=2026-10-01&to=2026-11-19')).items.map((i) => i.id)).toEqual([ids.withdrawn, ids.hotelResult]);
    expect((await search('?outcome=warning')).items.map((i) => i.id)).toEqual([ids.shopFine]);
    expect((await search('?kind=penalty')).total).toBe(3);
    expect((await search('?kind=result&outcome=unable')).items[0]!.summary).toBe('未能检查：拒绝检查');
  });

  it('pages the list', async () => {
    const second = await search('?page=2&pageSize=4');
    expect(second.items.map((i) => i.id)).toEqual([ids.hotelResult, ids.hotelUnable]);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
  });

  it('answers bad input with a Chinese 400 naming the field', async () => {
    for (const [query, field] of [
      ['?district=abc', 'district'],
      ['?outcome=bad', 'outcome'],
      ['?from=2026-13-01', 'from'],
      ['?from=2026-11-20&to=2026-11-01', 'to'],
      ['?page=0', 'page'],
      ['?pageSize=500', 'pageSize'],
    ] as const) {
      const res = await get(`/api/public/results${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the district filter', () => {
  it('offers the prefectures and counties of the entries on the portal only', async () => {
    const options = (await get('/api/public/results/districts')).json();
    expect(options.map((o: { code: string }) => o.code)).toEqual(['3301', '330102', '3307', '330782']);
    expect(options[1].name).toBe('杭州市上城区');
  });
});

describe('one entry on the portal', () => {
  it('shows a result with its items, hazards in the checklist wording, district and draw', async () => {
    const res = await get(`/api/public/results/${ids.mallResult}`);
    expect(res.statusCode).toBe(200);
    const view: PublicResultView = res.json();
    expect(view).toMatchObject({
      kindLabel: '抽查结果',
      outcomeLabel: '发现火灾隐患',
      summary: '发现火灾隐患 1 处',
      drawCode: '2026320',
      uscc: USCC_A,
      corrected: false,
      penalty: null,
      withdrawal: null,
    });
    expect(view.hazards).toEqual([{ seq: 1, item: '消防安全管理', text: '未按规定开展防火巡查', fixedOnSpot: false }]);
    expect(view.districtName).toContain('上城区');
  });

  it('masks a punished person’s name and shows no credit code for a person', async () => {
    const view: PublicResultView = (await get(`/api/public/results/${ids.mallFine}`)).json();
    expect(view.penalty).toMatchObject({ partyName: '李**', penaltyLabel: '罚款 5,000 元' });
    expect(view.uscc).toBeNull();
    expect(JSON.stringify(view)).not.toContain('李建国');
  });

  it('publishes the name in full where the brigade’s policy says so', async () => {
    const view: PublicResultView = (await get(`/api/public/results/${ids.shopFine}`)).json();
    expect(view.penalty?.partyName).toBe('王小明');
  });

  it('shows a withdrawn penalty as its withdrawal only, never the decision', async () => {
    const res = await get(`/api/public/results/${ids.withdrawn}`);
    const view: PublicResultView = res.json();
    expect(view).toMatchObject({
      withdrawn: true,
      summary: '已撤回：处罚决定已撤销',
      penalty: null,
      withdrawal: { on: '2026-11-26', reason: '处罚决定已撤销' },
    });
    for (const detail of ['第0077号', '8,000', '8000', '第六十条', '复议决定撤销']) expect(res.body).not.toContain(detail);
  });

  it('does not find a pending, suppressed or expired entry, nor a made-up id', async () => {
    for (const id of [ids.pending, ids.suppressed, ids.expired, '00000000-0000-4000-8000-000000000000']) {
      const res = await get(`/api/public/results/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('公示信息不存在或已不在公示期内');
    }
    expect((await get('/api/public/results/not-an-id')).statusCode).toBe(400);
  });
});

describe('a unit’s public page', () => {
  it('lists the unit’s results, its penalties within their display period and nothing else', async () => {
    const view: PublicUnitView = (await get(`/api/public/units/${unitIds.mall}`)).json();
    expect(view.name).toBe('城东商场');
    expect(view.results.map((r) => r.id)).toEqual([ids.mallResult]);
    expect(view.penalties.map((r) => r.id)).toEqual([ids.mallFine, ids.withdrawn]);
  });

  it('is not found for a unit with nothing on the portal, exactly as for no unit at all', async () => {
    const hidden = await get(`/api/public/units/${unitIds.hidden}`);
    const none = await get('/api/public/units/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(none.body);
  });
});

describe('the feeds', () => {
  /** Tags open and close in order (a small well-formedness check; no XML parser among the dependencies). */
  function checkWellFormed(xml: string): string[] {
    const stack: string[] = [];
    const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
    for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g)) {
      const [, close, name, , selfClosing] = m;
      if (selfClosing) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    return [...body.matchAll(/<entry>/g)].map((m) => m[0]);
  }

  it('serves results, plans and draws in Atom 1.0 with absolute links', async () => {
    for (const topic of ['results', 'plans', 'draws']) {
      const res = await get(`/api/public/feeds/${topic}.atom`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      const entries = checkWellFormed(res.body);
      if (topic === 'results') {
        expect(entries).toHaveLength(6);
        expect(res.body).toContain(
          `<link rel="alternate" type="text/html" href="http://localhost:80/portal/results/${ids.mallResult}"/>`,
        );
        expect(res.body).not.toContain('李建国');
      }
    }
  });

  it('serves the same in JSON Feed 1.1', async () => {
    for (const topic of ['results', 'plans', 'draws']) {
      const res = await get(`/api/public/feeds/${topic}.json`);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = JSON.parse(res.body);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`http://localhost:80/api/public/feeds/${topic}.json`);
      if (topic === 'results') {
        expect(feed.items).toHaveLength(6);
        expect(feed.items[0]).toMatchObject({
          url: `http://localhost:80/portal/results/${ids.mallFine}`,
          title: '城东商场：行政处罚，罚款',
        });
      }
    }
  });
});

describe('the count of a large search', () => {
  it('stops counting past 10,000 and says so', async () => {
    const [found] = await database.db
      .select({ orgId: publications.orgId, unitId: publications.unitId, content: publications.content })
      .from(publications)
      .where(eq(publications.id, ids.hotelResult!));
    const { orgId, unitId, content } = found!;
    // 10,001 results in district 110101, each on its own 复查 task (an entry needs a task), in two statements.
    await database.db.execute(sql`
      insert into tasks (id, kind, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status)
      select md5('cap' || g)::uuid, 'reinspection', ${orgId}, ${unitId}, 'R', g, '{}', '{}', '{"lead":[],"assistant":[]}', '2026-08-01', 'done'
      from generate_series(1, 10001) g`);
    await database.db.execute(sql`
      insert into publications (kind, org_id, unit_id, task_id, event_date, status, content, unit_name, uscc, district_code, outcome, published_on, created_on)
      select 'result', ${orgId}, ${unitId}, md5('cap' || g)::uuid, '2026-08-01', 'published', ${JSON.stringify(content)}::jsonb, '批量单位', null, '110101', 'no_hazard', '2026-08-02', '2026-08-01'
      from generate_series(1, 10001) g`);
    const view = await search('?district=1101&pageSize=5');
    expect(view).toMatchObject({ total: 10_000, totalCapped: true });
    expect(view.items).toHaveLength(5);
  }, 60_000);
});
