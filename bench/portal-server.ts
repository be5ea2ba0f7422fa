import { loadConfig } from '../src/config.ts';
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_OUTCOME_LABELS,
  PublicResultsQuery,
  type PublicResultItem,
} from '../src/contracts/publication.ts';
import { analyzeDatabase, migrateDatabase, openDatabase } from '../src/db/client.ts';
import { PORTAL_COUNT_CAP, searchPortal } from '../src/db/publication-queries.ts';
import { localDate } from '../src/domain/local-date.ts';
import { buildApp } from '../src/server/app.ts';

/**
 * The server of the portal load bench (bench/portal-load.bench.ts): the application as `npm start` builds it, over
 * the database the bench seeded (no demo seeding, no scheduled jobs), serving the web build at BENCH_WEB_DIST_DIR
 * (default web/dist) for the static ceiling.
 *
 * While GET /api/public/results is not yet a route of the application, this process adds a stand-in that parses
 * the contract's query and calls searchPortal, with a plain presentation of each line. Once the real route exists
 * (src/server/routes/public), the stand-in is skipped and the bench measures the real one.
 */
const config = loadConfig();
const database = await openDatabase(config.database);
await migrateDatabase(database);
await analyzeDatabase(database);
const app = await buildApp({
  database,
  sessionSecret: config.sessionSecret,
  cookieSecure: false,
  webDistDir: process.env.BENCH_WEB_DIST_DIR ?? config.webDistDir,
});
if (!app.hasRoute({ method: 'GET', url: '/api/public/results' })) {
  console.error('portal-server: GET /api/public/results is not a route of the application; serving the bench stand-in');
  app.get('/api/public/results', async (request, reply) => {
    const parsed = PublicResultsQuery.safeParse(request.query);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION', message: parsed.error.issues[0]?.message ?? '查询条件不正确' } });
    const query = parsed.data;
    const { rows, total } = await searchPortal(database.db, { ...query, today: localDate(new Date()) });
    const items: PublicResultItem[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: PUBLICATION_KIND_LABELS[r.kind],
      withdrawn: r.status === 'withdrawn',
      unitId: r.unitId,
      unitName: r.content.unitName,
      uscc: r.content.uscc,
      brigadeName: r.content.brigadeName,
      eventDate: r.eventDate,
      outcome: r.outcome,
      outcomeLabel: PUBLICATION_OUTCOME_LABELS[r.outcome],
      summary:
        r.content.kind === 'result'
          ? r.content.hazards.length > 0
            ? `发现火灾隐患 ${r.content.hazards.length} 处`
            : PUBLICATION_OUTCOME_LABELS[r.outcome]
          : r.content.penaltyKind === 'fine'
            ? `罚款 ${(r.content.fineAmount ?? 0).toLocaleString('zh-CN')} 元`
            : '警告',
      drawCode: r.content.kind === 'result' ? r.content.drawCode : null,
    }));
    return {
      items,
      total: Math.min(total, PORTAL_COUNT_CAP),
      totalCapped: total > PORTAL_COUNT_CAP,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
const close = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', close);
process.once('SIGTERM', close);
await app.listen({ port: config.port, host: '127.0.0.1' });
