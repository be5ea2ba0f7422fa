import { describe, expect, it } from 'vitest';
import { formatLogLine } from './dev-logger.ts';

describe('the development log', () => {
  const at = Date.parse('2026-12-05T09:45:02Z');

  it('prints one short line per API request, in China time, and nothing for the web app’s files', () => {
    const pending = new Map();
    expect(
      formatLogLine(
        { level: 30, time: at, msg: 'incoming request', reqId: 'r1', req: { method: 'GET', url: '/api/units?page=2' } },
        pending,
      ),
    ).toBeNull();
    expect(
      formatLogLine(
        { level: 30, time: at, msg: 'request completed', reqId: 'r1', res: { statusCode: 200 }, responseTime: 12.4 },
        pending,
      ),
    ).toBe('17:45:02 GET /api/units?page=2 200 12 ms');
    formatLogLine(
      { level: 30, time: at, msg: 'incoming request', reqId: 'r2', req: { method: 'GET', url: '/assets/index-abc.js' } },
      pending,
    );
    expect(
      formatLogLine(
        { level: 30, time: at, msg: 'request completed', reqId: 'r2', res: { statusCode: 200 }, responseTime: 1 },
        pending,
      ),
    ).toBeNull();
    expect(pending.size).toBe(0);
  });

  it('keeps a failing file request, and warnings and errors with their message', () => {
    const pending = new Map();
    formatLogLine(
      { level: 30, time: at, msg: 'incoming request', reqId: 'r3', req: { method: 'GET', url: '/favicon.ico' } },
      pending,
    );
    expect(
      formatLogLine(
        { level: 30, time: at, msg: 'request completed', reqId: 'r3', res: { statusCode: 404 }, responseTime: 2 },
        pending,
      ),
    ).toBe('17:45:02 GET /favicon.ico 404 2 ms');
    expect(formatLogLine({ level: 40, time: at, msg: '计划任务失败', err: { message: '数据库忙' } }, pending)).toBe(
      '17:45:02 [警告] 计划任务失败 数据库忙',
    );
  });
});
