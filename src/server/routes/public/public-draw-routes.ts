import type { FastifyInstance } from 'fastify';
import type { Page } from '../../../contracts/common.ts';
import {
  DrawCodeParams,
  PublicDrawTasksQuery,
  PublicUnitSearchQuery,
  type DrawSummary,
  type PublicDrawTaskView,
  type PublicDrawView,
  type PublicUnitRankView,
} from '../../../contracts/draws.ts';
import type { DrawBundle } from '../../../domain/draw/draw-types.ts';
import type { Db } from '../../../db/client.ts';
import { listDraws } from '../../../db/draw-queries.ts';
import { getPublicDraw, getPublicDrawTasks } from '../../../usecases/public/get-public-draw.ts';
import { getPublicDrawBundle } from '../../../usecases/public/get-public-draw-bundle.ts';
import { searchPublicDrawUnit } from '../../../usecases/public/search-public-draw-unit.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentDrawSummary, presentPublicDraw, presentPublicDrawTask, presentUnitRank } from '../../presenters/draw-presenter.ts';
import { drawSourceLabel } from '../../../usecases/draws/draw-source-label.ts';
import { writeJcs } from '../../../domain/draw/jcs-hash.ts';
import { createPublicAnswer } from './public-cache.ts';

/** How long an instance keeps a draw's bundle, and the bytes of bundles it keeps (one province-sized one, JSON and gzip). */
const BUNDLE_CACHE_TTL_MS = 60_000;
const BUNDLE_CACHE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A bundle is sent as its JCS text (decision 0030): the same JSON for any reader, and its manifest and result are then
 * the very bytes their published hashes are taken of, which the portal's verifier hashes as received.
 */
function jcsBytes(value: unknown): Buffer {
  const chunks: Buffer[] = [];
  writeJcs(value, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks);
}

async function publicDrawList(db: Db): Promise<DrawSummary[]> {
  const rows = await listDraws(db, { scopePath: null });
  return rows.map((r) => presentDrawSummary(r, drawSourceLabel(r)));
}

/** Every draw is public from its freeze: hash, timeline, result (its tasks a page at a time), changes, the bundle and a unit's rank. */
export function registerPublicDrawRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // The list, a draw's page, its tasks' pages and a unit's rank are shared for a few seconds per instance (decision 0032).
  const answer = createPublicAnswer(deps.publicCacheTtlMs);
  // A bundle never changes once its draw is executed, and a province's is ~100 MB of JSON: read, serialised and
  // compressed once for everyone who downloads it within a minute (not once per download, which a crowd would turn into
  // gigabytes), and sent gzipped to a client that takes it.
  const bundleAnswer = createPublicAnswer(deps.publicCacheTtlMs === 0 ? 0 : BUNDLE_CACHE_TTL_MS, BUNDLE_CACHE_MAX_BYTES, jcsBytes);

  app.get('/api/public/draws', (request, reply) =>
    answer(request, reply, 'draws', async (): Promise<DrawSummary[]> => publicDrawList(deps.read)),
  );

  app.get('/api/public/draws/:code', (request, reply) => {
    const { code } = parse(DrawCodeParams, request.params);
    return answer(request, reply, `draw/${code}`, async (): Promise<PublicDrawView> =>
      presentPublicDraw(await getPublicDraw(deps.read, code)),
    );
  });

  // The draw's tasks a page at a time (decision 0035): a province's draw has thousands.
  app.get('/api/public/draws/:code/tasks', (request, reply) => {
    const { code } = parse(DrawCodeParams, request.params);
    const q = parse(PublicDrawTasksQuery, request.query);
    return answer(request, reply, `draw/${code}/tasks?${JSON.stringify([q.page, q.pageSize, q.stratum ?? null])}`, async (): Promise<Page<PublicDrawTaskView>> => {
      const { items, total } = await getPublicDrawTasks(deps.read, code, q, deps.now());
      return { items: items.map(presentPublicDrawTask), total, page: q.page, pageSize: q.pageSize };
    });
  });

  app.get('/api/public/draws/:code/bundle', (request, reply) => {
    const { code } = parse(DrawCodeParams, request.params);
    void reply.header('content-disposition', `attachment; filename="${code}.bundle.json"`);
    return bundleAnswer(request, reply, `bundle/${code}`, async (): Promise<DrawBundle> => getPublicDrawBundle(deps.read, code));
  });

  app.get('/api/public/draws/:code/units', (request, reply) => {
    const { code } = parse(DrawCodeParams, request.params);
    const { q } = parse(PublicUnitSearchQuery, request.query);
    return answer(request, reply, `draw/${code}/units?${JSON.stringify(q)}`, async (): Promise<PublicUnitRankView[]> =>
      (await searchPublicDrawUnit(deps.read, code, q)).map(presentUnitRank),
    );
  });
}
