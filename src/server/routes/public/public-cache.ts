import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createKeyedTtlCache } from '../../ttl-cache.ts';

/**
 * How old a public answer may be (decision 0032): each instance of the server keeps what a public GET answered for this
 * long and serves it to everyone who asks the same thing. A change (an entry published, withdrawn or suppressed, a draw
 * frozen or executed) shows on the portal of every instance within this bound.
 */
export const PUBLIC_CACHE_TTL_MS = 5_000;
/** The bytes of answers one group of routes keeps at most per instance (a draw's page with all its tasks is the largest). */
const PUBLIC_CACHE_MAX_BYTES = 32 * 1024 * 1024;

type Answer = { body: string; etag: string };

function answerOf(value: unknown): Answer {
  const body = JSON.stringify(value);
  // The hash of the bytes: the same answer has the same tag on every instance.
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** Whether an If-None-Match header names this tag (a list, weak or strong, or *). */
function isNotModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export type PublicAnswer = <T>(request: FastifyRequest, reply: FastifyReply, key: string, load: () => Promise<T>) => Promise<FastifyReply>;

/**
 * The public answers of one instance, kept `ttlMs` (0: none kept, as in tests). `key` names the answer (the route and
 * its validated parameters); `load` presents it — every public answer still comes out of a presenter, once per key and
 * ttl instead of once per visitor, already serialised. The answer carries its tag: a browser that sends it back gets
 * 304 without a body. `Cache-Control: no-cache` keeps browsers and proxies asking, so the bound stays this one.
 * An error (404, a bad query) is never kept.
 */
export function createPublicAnswer(ttlMs: number): PublicAnswer {
  const cache = createKeyedTtlCache<Answer>(ttlMs, { maxWeight: PUBLIC_CACHE_MAX_BYTES, weigh: (a) => a.body.length * 2 });
  return async (request, reply, key, load) => {
    const { body, etag } = await cache.get(key, async () => answerOf(await load()));
    void reply.header('etag', etag).header('cache-control', 'public, no-cache');
    if (isNotModified(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
