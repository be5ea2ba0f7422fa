import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PublicResultIdParams,
  type PublicDistrictOption,
  PublicResultsQuery,
  PublicUnitIdParams,
  type PublicResultsView,
  type PublicResultView,
  type PublicUnitView,
} from '../../../contracts/publication.ts';
import { getPublicFeed, FEED_SIZE, type FeedTopic } from '../../../usecases/public/get-public-feeds.ts';
import { listPublicResultDistricts } from '../../../usecases/public/list-public-result-districts.ts';
import { getPublicResult } from '../../../usecases/public/get-public-result.ts';
import { getPublicUnit } from '../../../usecases/public/get-public-unit.ts';
import { searchPublicResults } from '../../../usecases/public/search-public-results.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentDrawSummary } from '../../presenters/draw-presenter.ts';
import { drawsFeed, plansFeed, renderAtom, renderJsonFeed, resultsFeed, type Feed } from '../../presenters/feed-presenter.ts';
import {
  presentPublicDistricts,
  presentPublicResult,
  presentPublicResultItem,
  presentPublicResults,
  presentPublicUnit,
} from '../../presenters/public-result-presenter.ts';
import { presentPublicPlanList } from '../../presenters/public-plan-presenter.ts';
import { createPublicAnswer } from './public-cache.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const JSON_FEED = 'application/feed+json; charset=utf-8';
const TOPICS: readonly FeedTopic[] = ['results', 'plans', 'draws'];

/**
 * 一公开 on the portal, without login: the search of results and penalties, one entry, a unit's page, and the feeds
 * of results, plans and draws. Every publication passes presentPublicResult*; nothing else reads an entry's content.
 */
export function registerPublicResultRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Each answer is shared for a few seconds per instance (decision 0032), keyed by its validated query or id.
  const answer = createPublicAnswer(deps.publicCacheTtlMs);

  // Keyed by the address as sent: the same address parses to the same search, so a shared answer skips the parse too
  // (an address that fails it is never kept).
  app.get('/api/public/results', (request, reply) =>
    answer(request, reply, request.url, async (): Promise<PublicResultsView> => {
      const query = parse(PublicResultsQuery, request.query);
      return presentPublicResults(await searchPublicResults(deps.read, query, deps.now()));
    }),
  );

  app.get('/api/public/results/districts', (request, reply) =>
    answer(request, reply, 'districts', async (): Promise<PublicDistrictOption[]> =>
      presentPublicDistricts(await listPublicResultDistricts(deps.read, deps.now())),
    ),
  );

  app.get('/api/public/results/:id', (request, reply) => {
    const { id } = parse(PublicResultIdParams, request.params);
    return answer(request, reply, `result/${id}`, async (): Promise<PublicResultView> =>
      presentPublicResult(await getPublicResult(deps.read, id, deps.now())),
    );
  });

  app.get('/api/public/units/:id', (request, reply) => {
    const { id } = parse(PublicUnitIdParams, request.params);
    return answer(request, reply, `unit/${id}`, async (): Promise<PublicUnitView> =>
      presentPublicUnit(await getPublicUnit(deps.read, id, deps.now())),
    );
  });

  // A feed's links must work away from the site: PUBLIC_BASE_URL, else the address this request came to.
  const baseUrlOf = (request: FastifyRequest) =>
    deps.outbox.publicBaseUrl.replace(/\/+$/, '') || `${request.protocol}://${request.host}`;

  const feedOf = async (topic: FeedTopic): Promise<Feed> => {
    const found = await getPublicFeed(deps.read, topic, deps.now());
    switch (found.topic) {
      case 'results':
        return resultsFeed(
          found.rows.map((r) => ({ item: presentPublicResultItem(r), publishedOn: r.publishedOn, withdrawnOn: r.withdrawnOn })),
        );
      case 'plans':
        return plansFeed(presentPublicPlanList(found.plans), FEED_SIZE);
      case 'draws':
        return drawsFeed(found.draws.map((d) => presentDrawSummary(d.row, d.sourceLabel)));
    }
  };

  for (const topic of TOPICS) {
    app.get(`/api/public/feeds/${topic}.atom`, async (request, reply) => {
      const body = renderAtom(await feedOf(topic), baseUrlOf(request));
      return reply.type(ATOM).send(body);
    });
    app.get(`/api/public/feeds/${topic}.json`, async (request, reply) => {
      const body = renderJsonFeed(await feedOf(topic), baseUrlOf(request));
      return reply.type(JSON_FEED).send(body);
    });
  }
}
