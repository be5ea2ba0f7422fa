import { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';
import { localTimeText } from '../domain/local-date.ts';

type LogLine = {
  level: number;
  time: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
};

const LEVELS: Record<number, string> = { 10: '跟踪', 20: '调试', 30: '信息', 40: '警告', 50: '错误', 60: '致命' };
const clock = (ms: number) => localTimeText(new Date(ms));

/**
 * Turns the server's JSON log lines into short human-readable ones for development: one line per API request when it
 * completes (`17:45:02 GET /api/units 200 12 ms`), none for the web app's files unless they fail, and warnings and
 * errors with their message (and stack for errors). Production keeps pino's JSON lines for log collectors.
 */
export function formatLogLine(line: LogLine, pending: Map<string, { method: string; url: string }>): string | null {
  if (line.msg === 'incoming request' && line.reqId && line.req) {
    pending.set(line.reqId, { method: line.req.method ?? '', url: line.req.url ?? '' });
    return null;
  }
  if (line.msg === 'request completed' && line.reqId) {
    const req = pending.get(line.reqId);
    pending.delete(line.reqId);
    const status = line.res?.statusCode ?? 0;
    if (!req || (!req.url.startsWith('/api/') && status < 400)) return null;
    return `${clock(line.time)} ${req.method} ${req.url} ${status} ${Math.round(line.responseTime ?? 0)} ms`;
  }
  const level = LEVELS[line.level] ?? String(line.level);
  const detail = line.err ? ` ${line.level >= 50 ? (line.err.stack ?? line.err.message) : line.err.message}` : '';
  return `${clock(line.time)} [${level}] ${line.msg ?? ''}${detail}`;
}

export function developmentLogger(level: string): NonNullable<FastifyServerOptions['logger']> {
  const pending = new Map<string, { method: string; url: string }>();
  let rest = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) {
        if (!text) continue;
        try {
          const formatted = formatLogLine(JSON.parse(text) as LogLine, pending);
          if (formatted !== null) process.stdout.write(`${formatted}\n`);
        } catch {
          process.stdout.write(`${text}\n`);
        }
      }
      done();
    },
  });
  return { level, stream } as NonNullable<FastifyServerOptions['logger']>;
}
