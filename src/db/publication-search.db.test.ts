import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrawFixture } from '../../test/harness/documents.ts';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, createUnitFixture, usccFor } from '../../test/harness/factories.ts';
import { publicationSearchGrams } from '../domain/publication/compose-publication.ts';
import type { PublicationContent, PublicationOutcome, PublicationStatus } from '../domain/publication/publication-types.ts';
import { PORTAL_COUNT_CAP, portalGramPlan, searchPortal, type PortalSearch } from './publication-queries.ts';
import { cases, publications, tasks } from './schema.ts';

let database: TestDatabase;
const TODAY = '2026-12-06';
const ids = new Map<string, string>();

type Entry = {
  key: string;
  kind: 'result' | 'penalty';
  unit: 'wuda' | 'hengsheng' | 'ktv';
  eventDate: string;
  status: PublicationStatus;
  outcome: PublicationOutcome;
  displayUntil?: string;
  person?: boolean;
};

const UNITS = {
  wuda: { name: '婺城鑫达五金有限公司', uscc: usccFor(702_001), district: '330702' },
  hengsheng: { name: '金东恒盛餐饮店', uscc: usccFor(703_002), district: '330703' },
  ktv: { name: '兰溪星光KTV娱乐有限公司', uscc: usccFor(781_003), district: '330781' },
} as const;

/** On the portal: A, B, C, D, H (published or withdrawn, within the display period). */
const ENTRIES: Entry[] = [
  { key: 'A', kind: 'result', unit: 'wuda', eventDate: '2026-03-01', status: 'published', outcome: 'hazards' },
  { key: 'B', kind: 'result', unit: 'hengsheng', eventDate: '2026-06-10', status: 'published', outcome: 'no_hazard' },
  {
    key: 'C',
    kind: 'penalty',
    unit: 'wuda',
    eventDate: '2026-07-01',
    status: 'published',
    outcome: 'fine',
    displayUntil: '2029-07-06',
  },
  {
    key: 'D',
    kind: 'penalty',
    unit: 'hengsheng',
    eventDate: '2026-05-01',
    status: 'withdrawn',
    outcome: 'warning',
    displayUntil: TODAY,
    person: true,
  },
  { key: 'E', kind: 'result', unit: 'wuda', eventDate: '2026-08-01', status: 'pending', outcome: 'no_hazard' },
  { key: 'F', kind: 'result', unit: 'ktv', eventDate: '2026-08-02', status: 'suppressed', outcome: 'no_hazard' },
  {
    key: 'G',
    kind: 'penalty',
    unit: 'ktv',
    eventDate: '2025-09-01',
    status: 'published',
    outcome: 'warning',
    displayUntil: '2025-12-06',
  },
  { key: 'H', kind: 'result', unit: 'ktv', eventDate: '2026-06-10', status: 'published', outcome: 'unable' },
  { key: 'I', kind: 'result', unit: 'hengsheng', eventDate: '2026-09-09', status: 'withdrawal_pending', outcome: 'no_hazard' },
];

let orgId: string;
let accountId: string;
const unitIds = new Map<string, string>();

beforeAll(async () => {
  database = await openTestDatabase();
  const tree = await createOrgTree(database.db);
  orgId = tree.brigadeA.id;
  accountId = (await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA })).id;
  for (const [key, u] of Object.entries(UNITS)) {
    unitIds.set(
      key,
      await createUnitFixture(database.db, { brigadeId: orgId, name: u.name, uscc: u.uscc, districtCode: u.district }),
    );
  }
  let rank = 0;
  for (const e of ENTRIES) {
    const u = UNITS[e.unit];
    const unitId = unitIds.get(e.unit)!;
    let taskId: string | null = null;
    let caseId: string | null = null;
    if (e.kind === 'result') {
      // One draw a task (a draw has one task per unit).
      const drawId = await createDrawFixture(database.db, orgId, accountId);
      const [task] = await database.db
        .insert(tasks)
        .values({
          drawId,
          orgId,
          unitId,
          stratum: 'general',
          rank: ++rank,
          leadIds: [],
          assistantIds: [],
          backups: { lead: [], assistant: [] },
          dueDate: '2026-12-31',
          status: 'done',
          visitDate: e.eventDate,
        })
        .returning({ id: tasks.id });
      taskId = task!.id;
    } else {
      const [row] = await database.db
        .insert(cases)
        .values({
          orgId,
          unitId,
          number: `案${e.key}`,
          openedOn: e.eventDate,
          openedBy: accountId,
          reason: '逾期未改正',
          partyKind: e.person ? 'person' : 'organisation',
          partyName: e.person ? '张三' : u.name,
          procedure: 'ordinary',
        })
        .returning({ id: cases.id });
      caseId = row!.id;
    }
    const content: PublicationContent =
      e.kind === 'result'
        ? {
            kind: 'result',
            brigadeName: '测试大队',
            unitName: u.name,
            uscc: u.uscc,
            address: '',
            districtCode: u.district,
            drawCode: null,
            inspectedOn: e.eventDate,
            outcome: e.outcome as 'no_hazard',
            unableReason: null,
            items: [],
            hazards: [],
            recordVersion: 1,
          }
        : {
            kind: 'penalty',
            brigadeName: '测试大队',
            unitName: u.name,
            uscc: e.person ? null : u.uscc,
            partyKind: e.person ? 'person' : 'organisation',
            partyName: e.person ? '张三' : u.name,
            decisionNumber: `第${e.key}号`,
            decidedOn: e.eventDate,
            citation: '',
            penaltyKind: e.outcome as 'fine',
            fineAmount: e.outcome === 'fine' ? 5000 : null,
            facts: [],
          };
    const [row] = await database.db
      .insert(publications)
      .values({
        kind: e.kind,
        orgId,
        unitId,
        taskId,
        caseId,
        eventDate: e.eventDate,
        status: e.status,
        content,
        unitName: u.name,
        uscc: content.uscc,
        districtCode: u.district,
        outcome: e.outcome,
        searchGrams: publicationSearchGrams(content),
        displayUntil: e.displayUntil ?? null,
        createdOn: e.eventDate,
      })
      .returning({ id: publications.id });
    ids.set(e.key, row!.id);
  }
});
afterAll(async () => database.dispose());

/** The keys of the entries found, in the order given, and the count. */
async function search(s: Partial<PortalSearch>): Promise<{ keys: string[]; total: number }> {
  const byId = new Map([...ids].map(([k, id]) => [id, k]));
  const { rows, total } = await searchPortal(database.db, { today: TODAY, page: 1, pageSize: 20, ...s });
  return { keys: rows.map((r) => byId.get(r.id) ?? '?'), total };
}

/** Same-day entries come newest id first: the expected order of B and H depends on their ids. */
const sameDay = () => (ids.get('B')! > ids.get('H')! ? ['B', 'H'] : ['H', 'B']);

describe('the portal search', () => {
  it('shows only published and withdrawn entries within their display period, newest event first', async () => {
    expect(await search({})).toEqual({ keys: ['C', ...sameDay(), 'D', 'A'], total: 5 });
  });

  it('pages through the same order, counting every match', async () => {
    expect(await search({ pageSize: 2, page: 2 })).toEqual({ keys: [sameDay()[1], 'D'], total: 5 });
    expect(await search({ pageSize: 2, page: 4 })).toEqual({ keys: [], total: 5 });
  });

  it('finds a name by any part of two characters or more (bigrams), and by one character', async () => {
    expect(await search({ q: '五金' })).toEqual({ keys: ['C', 'A'], total: 2 });
    expect(await search({ q: '鑫达五金有限' })).toEqual({ keys: ['C', 'A'], total: 2 });
    expect(await search({ q: '餐 饮' })).toEqual({ keys: [], total: 0 });
    expect(await search({ q: '恒盛' })).toEqual({ keys: ['B', 'D'], total: 2 });
    expect(await search({ q: '店' })).toEqual({ keys: ['B', 'D'], total: 2 });
    expect(await search({ q: '有限公司' })).toEqual({ keys: ['C', 'H', 'A'], total: 3 });
    expect(await search({ q: '达五金店' })).toEqual({ keys: [], total: 0 });
  });

  it('matches letters in any case', async () => {
    expect(await search({ q: 'ktv' })).toEqual({ keys: ['H'], total: 1 });
    expect(await search({ q: '星光Ktv' })).toEqual({ keys: ['H'], total: 1 });
  });

  it('finds a credit code exactly (in either case), and a part of one as text', async () => {
    expect(await search({ q: UNITS.wuda.uscc.toLowerCase() })).toEqual({ keys: ['C', 'A'], total: 2 });
    // The person's penalty carries no credit code: only the unit's result has it.
    expect(await search({ q: UNITS.hengsheng.uscc })).toEqual({ keys: ['B'], total: 1 });
    expect(await search({ q: UNITS.ktv.uscc.slice(10, 17) })).toEqual({ keys: ['H'], total: 1 });
  });

  it('filters by district (a prefix: trailing zeros of a city or province code ignored)', async () => {
    expect(await search({ district: '330703' })).toEqual({ keys: ['B', 'D'], total: 2 });
    expect(await search({ district: '330700' })).toMatchObject({ total: 5 });
    expect(await search({ district: '3307' })).toMatchObject({ total: 5 });
    expect(await search({ district: '330781' })).toEqual({ keys: ['H'], total: 1 });
    expect(await search({ district: '110101' })).toEqual({ keys: [], total: 0 });
  });

  it('filters by event date, both ends included', async () => {
    expect(await search({ from: '2026-05-01', to: '2026-06-10' })).toEqual({ keys: [...sameDay(), 'D'], total: 3 });
    expect(await search({ from: '2026-06-11' })).toEqual({ keys: ['C'], total: 1 });
    expect(await search({ to: '2026-04-30' })).toEqual({ keys: ['A'], total: 1 });
  });

  it('filters by outcome and by kind', async () => {
    expect(await search({ outcome: 'fine' })).toEqual({ keys: ['C'], total: 1 });
    expect(await search({ outcome: 'warning' })).toEqual({ keys: ['D'], total: 1 });
    expect(await search({ outcome: 'unable' })).toEqual({ keys: ['H'], total: 1 });
    expect(await search({ kind: 'penalty' })).toEqual({ keys: ['C', 'D'], total: 2 });
    expect(await search({ kind: 'result' })).toEqual({ keys: [...sameDay(), 'A'], total: 3 });
  });

  it('filters by unit', async () => {
    expect(await search({ unitId: unitIds.get('hengsheng')! })).toEqual({ keys: ['B', 'D'], total: 2 });
  });

  it('combines the filters', async () => {
    expect(await search({ q: '有限公司', district: '330702', kind: 'result' })).toEqual({ keys: ['A'], total: 1 });
    expect(await search({ q: '有限公司', outcome: 'fine', from: '2026-01-01', to: '2026-12-31' })).toEqual({
      keys: ['C'],
      total: 1,
    });
    expect(await search({ q: '恒盛', kind: 'penalty', district: '330703' })).toEqual({ keys: ['D'], total: 1 });
  });

  it(`counts at most ${PORTAL_COUNT_CAP + 1} matches, however many there are`, async () => {
    // PORTAL_COUNT_CAP + 5 more results of one unit, made in one statement: tasks (复查 tasks, which need no draw, so
    // that one unit can have thousands), then their entries.
    const unitId = unitIds.get('ktv')!;
    const n = PORTAL_COUNT_CAP + 5;
    await database.db.execute(sql`
      with t as (
        insert into tasks (kind, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status)
        select 'reinspection', ${orgId}, ${unitId}, 'general', 1000 + g, '{}', '{}', '{"lead":[],"assistant":[]}', '2026-12-31', 'done'
        from generate_series(1, ${n}) g
        returning id)
      insert into publications (kind, org_id, unit_id, task_id, event_date, status, content, unit_name, uscc, district_code, outcome, search_grams, created_on)
      select 'result', ${orgId}, ${unitId}, t.id, '2026-01-02', 'published', p.content, p.unit_name, p.uscc, p.district_code, p.outcome, p.search_grams, '2026-01-02'
      from t, (select * from publications where id = ${ids.get('H')!}) p`);
    expect(await search({ q: '星光' })).toMatchObject({ total: PORTAL_COUNT_CAP + 1 });
    expect((await search({ district: '330781', page: 2 })).keys).toHaveLength(20);
    expect(await search({ q: '五金' })).toEqual({ keys: ['C', 'A'], total: 2 });
  });

  it('gives the same answers when the statistics make a word broad (walking the index) as when it is rare (bigram index)', async () => {
    await database.db.execute(sql`analyze publications`);
    const plan = (q: string, more: Partial<PortalSearch> = {}) =>
      portalGramPlan(database.db, { today: TODAY, page: 1, pageSize: 20, q, ...more });
    expect(await plan('星光')).toEqual({ page: false, count: false });
    expect(await plan('五金')).toEqual({ page: true, count: true });
    expect(await plan(UNITS.wuda.uscc)).toEqual({ page: false, count: false });
    expect(await search({ q: '星光' })).toMatchObject({ total: PORTAL_COUNT_CAP + 1 });
    expect((await search({ q: '星光KTV', pageSize: 1 })).keys).toEqual(['H']);
    expect(await search({ q: 'ktv', from: '2026-06-01' })).toEqual({ keys: ['H'], total: 1 });
    expect(await search({ q: '星光', kind: 'penalty' })).toEqual({ keys: [], total: 0 });
    expect(await search({ q: '五金' })).toEqual({ keys: ['C', 'A'], total: 2 });
    expect(await search({ q: '有限公司', district: '330702' })).toEqual({ keys: ['C', 'A'], total: 2 });
  });
});
