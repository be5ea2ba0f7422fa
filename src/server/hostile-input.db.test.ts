import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AccountListQuery, CreateAccountRequest, ResetPasswordRequest, SetAccountStatusRequest, UpdateAccountRequest } from '../contracts/accounts.ts';
import { AuditListQuery } from '../contracts/audit.ts';
import { ChangePasswordRequest, LoginRequest } from '../contracts/auth.ts';
import { UnitAccessRequest } from '../contracts/publication.ts';
import { PutCalendarYearRequest } from '../contracts/calendar.ts';
import {
  CreateCheckItemRequest,
  PublishCheckItemRequest,
  SaveCheckItemDraftRequest,
  WithdrawCheckItemRequest,
} from '../contracts/check-items.ts';
import { NAMES_THE_FIELD, topLevelKeys } from '../contracts/contract-test-helpers.ts';
import {
  CommitmentRequest,
  ExternalValueRequest,
  FreezeDrawRequest,
  PublicDrawTasksQuery,
  PublicUnitSearchQuery,
  ReplaceInspectorRequest,
  ReplaceUnitRequest,
  RevealRequest,
  TaskListQuery,
} from '../contracts/draws.ts';
import {
  CommitImportRequest,
  UpdateImportMappingRequest,
  UploadInspectorsQuery,
  UploadSnapshotQuery,
  UploadUnitsQuery,
} from '../contracts/imports.ts';
import {
  CreateAvailabilityRequest,
  CreateInspectorRequest,
  CreateRecusalRequest,
  ExternalPersonListQuery,
  InspectorListQuery,
  LiftAvailabilityRequest,
  RecusalListQuery,
  RevokeRecusalRequest,
  SaveExternalPersonRequest,
  UpdateInspectorRequest,
} from '../contracts/inspectors.ts';
import { CreateOrgRequest, SaveCollaborationZoneRequest, UpdateOrgRequest } from '../contracts/orgs.ts';
import { PublicResultsQuery } from '../contracts/publication.ts';
import {
  ConfirmRecordRequest,
  FieldTaskQuery,
  MissingFilesRequest,
  OutboxListQuery,
  RecordListQuery,
  ScheduleVisitRequest,
  SubmitRecordRequest,
} from '../contracts/field.ts';
import {
  AdjustMonthlyPlanRequest,
  AnnualPlanListQuery,
  CampaignRequest,
  CreateAnnualPlanRequest,
  MonthlyPlanListQuery,
  MonthlyPlanUnitsQuery,
  ReasonRequest,
  TriggerEventListQuery,
  TriggerEventRequest,
  UpdateAnnualPlanRequest,
} from '../contracts/plans.ts';
import {
  BulkUnitStatusRequest,
  ChangeUnitStatusRequest,
  CreateDictionaryEntryRequest,
  CreateUnitRequest,
  DivisionListQuery,
  FlagUnitRequest,
  TransferUnitRequest,
  UnitListQuery,
  UnitQualityQuery,
  UpdateDictionaryEntryRequest,
  UpdateUnitRequest,
} from '../contracts/units.ts';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
  type AccountFixture,
} from '../../test/harness/factories.ts';
import { buildTestApp, logInAs, type Session } from '../../test/harness/http.ts';

/*
 * The hostile-input sweep (decision 0015). Every route the app registers — found by an onRoute hook, so a route added
 * later is swept without editing this file — gets hostile values in each path parameter, in its query parameters and
 * in each top-level key of its body. The server must never answer 5xx, must answer every 4xx in Chinese, and must
 * refuse what the database cannot store (NUL, lone surrogates) naming the field it was in.
 */

type Route = { method: string; url: string };

/** What each route reads, where a contract says so; a route missing here is still swept with the common keys. */
const BODY: Record<string, z.ZodType> = {
  'POST /api/auth/login': LoginRequest,
  'POST /api/auth/password': ChangePasswordRequest,
  'POST /api/public/unit-access': UnitAccessRequest,
  'POST /api/accounts': CreateAccountRequest,
  'PATCH /api/accounts/:id': UpdateAccountRequest,
  'POST /api/accounts/:id/status': SetAccountStatusRequest,
  'POST /api/accounts/:id/password': ResetPasswordRequest,
  'POST /api/orgs': CreateOrgRequest,
  'PATCH /api/orgs/:id': UpdateOrgRequest,
  'POST /api/collaboration-zones': SaveCollaborationZoneRequest,
  'PUT /api/collaboration-zones/:id': SaveCollaborationZoneRequest,
  'POST /api/units': CreateUnitRequest,
  'PATCH /api/units/:id': UpdateUnitRequest,
  'POST /api/units/:id/status': ChangeUnitStatusRequest,
  'POST /api/units/bulk-status': BulkUnitStatusRequest,
  'POST /api/units/:id/transfer': TransferUnitRequest,
  'POST /api/units/:id/flag': FlagUnitRequest,
  'POST /api/dictionaries': CreateDictionaryEntryRequest,
  'PATCH /api/dictionaries/:id': UpdateDictionaryEntryRequest,
  'POST /api/inspectors': CreateInspectorRequest,
  'PATCH /api/inspectors/:id': UpdateInspectorRequest,
  'POST /api/inspectors/:id/availability': CreateAvailabilityRequest,
  'POST /api/inspector-availability/:id/lift': LiftAvailabilityRequest,
  'POST /api/recusals': CreateRecusalRequest,
  'POST /api/recusals/:id/revoke': RevokeRecusalRequest,
  'POST /api/external-people': SaveExternalPersonRequest,
  'PUT /api/external-people/:id': SaveExternalPersonRequest,
  'PUT /api/imports/:id/mapping': UpdateImportMappingRequest,
  'POST /api/imports/:id/commit': CommitImportRequest,
  'PUT /api/calendar/:year': PutCalendarYearRequest,
  'POST /api/annual-plans': CreateAnnualPlanRequest,
  'PUT /api/annual-plans/:id': UpdateAnnualPlanRequest,
  'PUT /api/monthly-plans/:id': AdjustMonthlyPlanRequest,
  'POST /api/monthly-plans/:id/reopen': ReasonRequest,
  'POST /api/campaigns': CampaignRequest,
  'PUT /api/campaigns/:id': CampaignRequest,
  'POST /api/trigger-events': TriggerEventRequest,
  'POST /api/trigger-events/:id/close': ReasonRequest,
  'POST /api/draws': FreezeDrawRequest,
  'POST /api/draws/:id/observers/:observerId/commitment': CommitmentRequest,
  'POST /api/draws/:id/observers/:observerId/reveal': RevealRequest,
  'POST /api/draws/:id/external': ExternalValueRequest,
  'POST /api/draws/:id/void': ReasonRequest,
  'POST /api/tasks/:id/replace-inspector': ReplaceInspectorRequest,
  'POST /api/tasks/:id/replace-unit': ReplaceUnitRequest,
  'POST /api/check-items': CreateCheckItemRequest,
  'PUT /api/check-items/:id/draft': SaveCheckItemDraftRequest,
  'POST /api/check-items/:id/publish': PublishCheckItemRequest,
  'POST /api/check-items/:id/withdraw': WithdrawCheckItemRequest,
  'POST /api/field/tasks/:id/visit': ScheduleVisitRequest,
  'POST /api/field/files/missing': MissingFilesRequest,
  'POST /api/field/records': SubmitRecordRequest,
  'POST /api/field/records/:id/confirm': ConfirmRecordRequest,
};
const QUERY: Record<string, z.ZodType> = {
  'GET /api/accounts': AccountListQuery,
  'GET /api/audit': AuditListQuery,
  'GET /api/units': UnitListQuery,
  'GET /api/units/export': UnitListQuery,
  'GET /api/units/quality': UnitQualityQuery,
  'GET /api/divisions': DivisionListQuery,
  'GET /api/inspectors': InspectorListQuery,
  'GET /api/inspectors/export': InspectorListQuery,
  'GET /api/recusals': RecusalListQuery,
  'GET /api/external-people': ExternalPersonListQuery,
  'GET /api/annual-plans': AnnualPlanListQuery,
  'GET /api/monthly-plans': MonthlyPlanListQuery,
  'GET /api/monthly-plans/:id/units': MonthlyPlanUnitsQuery,
  'GET /api/trigger-events': TriggerEventListQuery,
  'GET /api/tasks': TaskListQuery,
  'GET /api/public/draws/:code/tasks': PublicDrawTasksQuery,
  'GET /api/public/draws/:code/units': PublicUnitSearchQuery,
  'GET /api/public/results': PublicResultsQuery,
  'POST /api/imports/units': UploadUnitsQuery,
  'POST /api/imports/inspectors': UploadInspectorsQuery,
  'POST /api/reconciliations': UploadSnapshotQuery,
  'GET /api/field/tasks': FieldTaskQuery,
  'GET /api/records': RecordListQuery,
  'GET /api/outbox': OutboxListQuery,
};
/** Routes that take a file's raw bytes instead of JSON. */
const UPLOADS = new Set(['POST /api/imports/units', 'POST /api/imports/inspectors', 'POST /api/reconciliations']);
/** Query and body keys tried on every route, whether it reads them or not. */
const COMMON_QUERY_KEYS = ['q', 'riskLevel', 'page', 'from'];
const COMMON_BODY_KEYS = ['name', 'reason', 'description'];

type Hostile = {
  name: string;
  /** As a JSON value in a body. */
  body: unknown;
  /** As written in a URL (already percent-encoded), or null when a URL cannot carry it. */
  url: string | null;
  /** The server must refuse it wherever it is (400 naming the field): the database cannot store it. */
  refusedInBody: boolean;
  refusedInUrl: boolean;
};

const enc = encodeURIComponent;
const CORPUS: Hostile[] = [
  { name: 'NUL', body: 'a\u0000b', url: 'a%00b', refusedInBody: true, refusedInUrl: true },
  // A lone surrogate cannot be UTF-8; in a URL it arrives as the bytes a careless encoder writes (WTF-8).
  { name: 'lone high surrogate', body: '\ud800x', url: '%ED%A0%80x', refusedInBody: true, refusedInUrl: false },
  { name: 'lone low surrogate', body: 'x\udc00', url: 'x%ED%B0%80', refusedInBody: true, refusedInUrl: false },
  { name: 'NUL inside a list', body: ['ok', '\u0000'], url: null, refusedInBody: true, refusedInUrl: false },
  { name: 'right-to-left override', body: '\u5F20\u202E\u4E09', url: enc('\u5F20\u202E\u4E09'), refusedInBody: false, refusedInUrl: false },
  { name: 'zero-width space', body: '\u5F20\u200B\u4E09', url: enc('\u5F20\u200B\u4E09'), refusedInBody: false, refusedInUrl: false },
  { name: 'bell', body: 'a\u0007b', url: 'a%07b', refusedInBody: false, refusedInUrl: false },
  { name: 'year 0', body: '0000-01-01', url: '0000-01-01', refusedInBody: false, refusedInUrl: false },
  { name: 'year 9999', body: '9999-12-31', url: '9999-12-31', refusedInBody: false, refusedInUrl: false },
  { name: 'huge number', body: 1e308, url: '1e308', refusedInBody: false, refusedInUrl: false },
  { name: 'beyond safe integers', body: 1e20, url: '100000000000000000000', refusedInBody: false, refusedInUrl: false },
  { name: 'negative', body: -1, url: '-1', refusedInBody: false, refusedInUrl: false },
  { name: 'list for text', body: ['x', 'y'], url: null, refusedInBody: false, refusedInUrl: false },
  { name: 'object for text', body: { a: 'b' }, url: enc('{"a":"b"}'), refusedInBody: false, refusedInUrl: false },
  { name: 'null', body: null, url: '', refusedInBody: false, refusedInUrl: false },
  { name: '10k characters', body: '\u5B57'.repeat(10_000), url: 'x'.repeat(10_000), refusedInBody: false, refusedInUrl: false },
  { name: 'SQL', body: "' OR 1=1; DROP TABLE units; --", url: enc("' OR 1=1; DROP TABLE units; --"), refusedInBody: false, refusedInUrl: false },
  { name: 'HTML', body: '<img src=x onerror=alert(1)>', url: enc('<img src=x onerror=alert(1)>'), refusedInBody: false, refusedInUrl: false },
  { name: 'bad percent-encoding', body: '%zz', url: '%zz', refusedInBody: false, refusedInUrl: false },
  { name: 'LIKE wildcards and escape', body: '100%_\\', url: enc('100%_\\'), refusedInBody: false, refusedInUrl: false },
  { name: 'path traversal', body: '../../etc/passwd', url: '..%2F..%2Fetc%2Fpasswd', refusedInBody: false, refusedInUrl: false },
];
/** Whole bodies that are not an object, or objects hostile in their keys. */
const ROOT_BODIES: { name: string; payload: string }[] = [
  { name: 'a list', payload: '["x"]' },
  { name: 'a string', payload: '"\\u0000"' },
  { name: 'a number', payload: '1e308' },
  { name: 'null', payload: 'null' },
  { name: 'a NUL key', payload: '{"a\\u0000":1}' },
  { name: 'a lone surrogate key', payload: '{"\\ud800":1}' },
  { name: 'a NUL deep inside', payload: '{"a":{"b":[{"c":"\\u0000"}]}}' },
  { name: 'a prototype key', payload: '{"__proto__":{"admin":true}}' },
  { name: 'broken JSON', payload: '{"a":' },
  { name: 'a list nested 50,000 deep', payload: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
];

const CJK = /[\u4e00-\u9fff]/;

let database: TestDatabase;
let app: FastifyInstance;
let admin: AccountFixture;
let session: Session;
const routes: Route[] = [];
/** Real ids, so a route reached with one hostile field otherwise has something to act on. */
const ids: Record<string, string> = {};
let loginIp = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, {
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    },
  });
  const tree = await createOrgTree(database.db);
  admin = await createAccountFixture(database.db, { role: 'system_admin', org: tree.corps });
  const other = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  ids['/api/accounts/'] = other.id;
  ids['/api/orgs/'] = tree.brigadeB.id;
  ids['/api/units/'] = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id });
  ids['/api/inspectors/'] = await createInspectorFixture(database.db, { orgId: tree.brigadeA.id });
  session = await logInAs(app, admin.username, admin.password, nextIp());
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

function nextIp(): string {
  loginIp += 1;
  return `10.99.${Math.floor(loginIp / 250)}.${(loginIp % 250) + 1}`;
}

/** A value each path parameter accepts, so that only the one under test is hostile. */
function plausibleParam(url: string, name: string): string {
  if (name === 'month') return '6';
  if (name === 'year') return '2026';
  if (name === 'observerId') return 'OBS-1';
  if (name === 'code') {
    if (url.includes('/notices/')) return 'ABCDEFGH23';
    return url.includes('/draws/') ? 'D-2026-06-330702-001' : url.includes('/divisions/') ? '330702' : 'XF-001';
  }
  const owner = Object.keys(ids).find((prefix) => url.startsWith(prefix));
  return owner ? ids[owner]! : randomUUID();
}

const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => m[1]!);
const fillPath = (url: string, values: Record<string, string>) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name]!);
const keyOf = (route: Route) => `${route.method} ${route.url}`;

/** Runs the sweep's routes in an order that keeps the session: logging out last. */
function sweptRoutes(): Route[] {
  return [...routes].sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
}

async function send(route: Route, url: string, body?: { json?: unknown; raw?: string }): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const options: InjectOptions = { method: route.method as InjectOptions['method'], url, headers };
  if (UPLOADS.has(keyOf(route))) {
    headers['content-type'] = 'application/octet-stream';
    options.payload = Buffer.from('名称,统一社会信用代码\n');
  } else if (body?.raw !== undefined) {
    headers['content-type'] = 'application/json';
    options.payload = body.raw;
  } else if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    options.payload = JSON.stringify(body.json);
  } else if (route.method !== 'GET') {
    headers['content-type'] = 'application/json';
    options.payload = '{}';
  }
  return app.inject(options);
}

/** After each route: log in again if the route (a logout, a password change) ended the session. */
async function keepSession(): Promise<void> {
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
  if (me.statusCode !== 200) session = await logInAs(app, admin.username, admin.password, nextIp());
}

/** The problems with one answer: a 5xx, a 4xx not in Chinese, a refusal that does not name the field. */
function problemsOf(res: LightMyRequestResponse, where: string, mustRefuse: string | null): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${where} → ${res.statusCode} ${res.body.slice(0, 160)}: ${what}`);
  if (res.statusCode >= 500) say('5xx');
  if (res.statusCode >= 400) {
    let error: { code?: unknown; message?: unknown; field?: unknown } | undefined;
    try {
      error = (res.json() as { error?: typeof error }).error;
    } catch {
      error = undefined;
    }
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') say('not {error:{code,message}}');
    else if (!CJK.test(error.message)) say('message not in Chinese');
    else if (typeof error.field === 'string' && !NAMES_THE_FIELD.test(error.message)) say(`names ${error.field} without its label`);
    else if (mustRefuse !== null && (res.statusCode !== 400 || error.field !== mustRefuse)) say(`should refuse, naming ${mustRefuse}`);
  } else if (mustRefuse !== null) say(`accepted; should refuse, naming ${mustRefuse}`);
  return problems;
}

/*
 * Sampling: every field gets NUL, and a body field a lone surrogate too (what the database cannot store: the point of
 * the sweep); the rest of the corpus rotates from field to field, so each entry lands on many fields of many routes
 * without sending the whole corpus to each (that would take minutes on a shared 2-core machine).
 */
let rotation = 0;
/** `count` entries of `pool`, continuing where the previous field stopped. */
function rotate<T>(pool: readonly T[], count: number): T[] {
  const picked = Array.from({ length: count }, (_, i) => pool[(rotation + i) % pool.length]!);
  rotation += count;
  return picked;
}
const entry = (name: string) => CORPUS.find((h) => h.name === name)!;
const SURROGATES = [entry('lone high surrogate'), entry('lone low surrogate')];
const IN_URL = CORPUS.filter((h) => h.url !== null && h.url !== '');
/** What a path parameter always gets: NUL, an escape that does not decode, a segment beyond maxParamLength. */
const PATH_ALWAYS = [entry('NUL'), entry('bad percent-encoding'), entry('10k characters')];
const PATH_ROTATING = IN_URL.filter((h) => !PATH_ALWAYS.includes(h));
const QUERY_ROTATING = CORPUS.filter((h) => h.url !== null && h.name !== 'NUL');
const BODY_ALWAYS = [entry('NUL'), entry('NUL inside a list')];
const BODY_ROTATING = CORPUS.filter((h) => !BODY_ALWAYS.includes(h) && !SURROGATES.includes(h));

const counts = { path: 0, query: 0, body: 0 };
/** Each part takes seconds alone; beside the rest of the db suite on two shared cores, several times that. */
const SWEEP_TIMEOUT_MS = 240_000;

describe('the hostile-input sweep over every route', () => {
  it('finds every route the app registers', () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(routes).toContainEqual({ method: 'POST', url: '/api/auth/login' });
    expect(routes).toContainEqual({ method: 'GET', url: '/api/public/draws/:code/units' });
  });

  it('answers hostile path parameters without a 5xx, in Chinese, naming the parameter', async () => {
    const problems: string[] = [];
    for (const route of sweptRoutes()) {
      const params = paramsOf(route.url);
      for (const param of params) {
        const values = Object.fromEntries(params.map((p) => [p, plausibleParam(route.url, p)]));
        for (const hostile of [...PATH_ALWAYS, ...rotate(PATH_ROTATING, 4)]) {
          const url = fillPath(route.url, { ...values, [param]: hostile.url! });
          const res = await send(route, url);
          counts.path += 1;
          problems.push(...problemsOf(res, `${keyOf(route)} :${param} = ${hostile.name}`, hostile.refusedInUrl ? param : null));
        }
      }
      await keepSession();
    }
    expect(problems).toEqual([]);
  }, SWEEP_TIMEOUT_MS);

  it('answers hostile query parameters without a 5xx, in Chinese, naming the parameter', async () => {
    const problems: string[] = [];
    for (const route of sweptRoutes()) {
      const path = fillPath(route.url, Object.fromEntries(paramsOf(route.url).map((p) => [p, plausibleParam(route.url, p)])));
      const schema = QUERY[keyOf(route)];
      const declared = schema ? topLevelKeys(schema) : [];
      for (const key of [...new Set([...declared, ...COMMON_QUERY_KEYS])]) {
        // A key the route reads gets more of the corpus, and a repeated value; one it ignores only tests the guard.
        const entries = [entry('NUL'), ...rotate(QUERY_ROTATING, declared.includes(key) ? 3 : 1)];
        const urls = entries.map((h) => ({ name: h.name, url: `${path}?${key}=${h.url}`, refused: h.refusedInUrl }));
        if (declared.includes(key)) urls.push({ name: 'repeated', url: `${path}?${key}=a&${key}=b`, refused: false });
        for (const { name, url, refused } of urls) {
          const res = await send(route, url);
          counts.query += 1;
          problems.push(...problemsOf(res, `${keyOf(route)} ?${key} = ${name}`, refused ? key : null));
        }
      }
      await keepSession();
    }
    expect(problems).toEqual([]);
  }, SWEEP_TIMEOUT_MS);

  it('answers hostile bodies without a 5xx, in Chinese, naming the field', async () => {
    const problems: string[] = [];
    for (const route of sweptRoutes().filter((r) => r.method !== 'GET' && !UPLOADS.has(keyOf(r)))) {
      const path = fillPath(route.url, Object.fromEntries(paramsOf(route.url).map((p) => [p, plausibleParam(route.url, p)])));
      const schema = BODY[keyOf(route)];
      const keys = [...new Set([...(schema ? topLevelKeys(schema) : []), ...COMMON_BODY_KEYS])];
      for (const key of keys) {
        for (const hostile of [...BODY_ALWAYS, ...rotate(SURROGATES, 1), ...rotate(BODY_ROTATING, 2)]) {
          const res = await send(route, path, { json: { [key]: hostile.body } });
          counts.body += 1;
          problems.push(...problemsOf(res, `${keyOf(route)} {${key}: ${hostile.name}}`, hostile.refusedInBody ? key : null));
        }
      }
      for (const root of ROOT_BODIES) {
        const res = await send(route, path, { raw: root.payload });
        counts.body += 1;
        problems.push(...problemsOf(res, `${keyOf(route)} body = ${root.name}`, null));
      }
      await keepSession();
    }
    expect(problems).toEqual([]);
  }, SWEEP_TIMEOUT_MS);

  it('leaves the audit chain whole after the sweep', async () => {
    const res = await send({ method: 'GET', url: '/api/audit/verify' }, '/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true });
    // The sweep's size, so that it cannot quietly shrink: about 4,000 requests over every route.
    expect(counts.path + counts.query + counts.body).toBeGreaterThan(3000);
  });
});
