import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createKeyedTtlCache } from '../../../lib/ttl-cache.ts';

/**
 * How old a public answer may be (decision 0032): each instance of the server keeps what a public GET answered for this
 * long and serves it to everyone who asks the same thing. A change (an entry published, withdrawn or suppressed, a draw
 * frozen or executed) shows on the portal of every instance within this bound.
 */
export const PUBLIC_CACHE_TTL_MS = 5_000;
/** The bytes of answers one group of routes keeps at most per instance. */
const PUBLIC_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
const GZIP_FROM_BYTES = 1024;
const gzipAsync = promisify(gzip);

/** An answer as it goes on the wire: the JSON's bytes, their gzip when worth it, and the tag of the JSON. */
type Answer = { json: Buffer; gzip: Buffer | null; etag: string };

/** How an answer becomes its JSON bytes. */
export type Serialize = (value: unknown) => Buffer;

const plainJson: Serialize = (value) => Buffer.from(JSON.stringify(value));

async function answerOf(value: unknown, serialize: Serialize): Promise<Answer> {
  const json = serialize(value);
  return {
    json,
    gzip: json.length >= GZIP_FROM_BYTES ? await gzipAsync(json) : null,
    // The hash of the JSON: the same answer has the same tag on every instance. Weak, so one tag serves both encodings.
    etag: `W/"${createHash('sha1').update(json).digest('base64url')}"`,
  };
}

/** Whether an If-None-Match header names this tag (a list, weak or strong — compared weakly, as for a GET — or *). */
function isNotModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');

export type PublicAnswer = <T>(request: FastifyRequest, reply: FastifyReply, key: string, load: () => Promise<T>) => Promise<FastifyReply>;

/**
 * The public answers of one instance, kept `ttlMs` (0: none kept, as in tests). `key` names the answer (the route and
 * its validated parameters); `load` presents it — every public answer still comes out of a presenter, once per key and
 * ttl instead of once per visitor, serialised and compressed once. The answer carries its tag: a browser that sends it
 * back gets 304 without a body. `Cache-Control: no-cache` keeps browsers and proxies asking, so the bound stays this
 * one. An error (404, a bad query) is never kept.
 */
export function createPublicAnswer(ttlMs: number, maxBytes = PUBLIC_CACHE_MAX_BYTES, serialize: Serialize = plainJson): PublicAnswer {
  const cache = createKeyedTtlCache<Answer>(ttlMs, {
    maxWeight: maxBytes,
    weigh: (a) => a.json.length + (a.gzip?.length ?? 0),
  });
  return async (request, reply, key, load) => {
    const answer = await cache.get(key, async () => answerOf(await load(), serialize));
    void reply.header('etag', answer.etag).header('cache-control', 'public, no-cache').header('vary', 'accept-encoding');
    if (isNotModified(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
    void reply.type('application/json; charset=utf-8');
    if (answer.gzip && acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(answer.gzip);
    return reply.send(answer.json);
  };
}
