import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SESSION_SECRET, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database under ./data on 127.0.0.1:3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.database).toMatchObject({ kind: 'pglite' });
    expect(c.database.kind === 'pglite' && c.database.dataDir.endsWith('data/pglite')).toBe(true);
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', seedDemo: true, isProduction: false, sessionSecretIsDefault: true });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db', readUrl: null });
    // The draw's warm-up and the ready import worker on PostgreSQL unless turned off, on PGlite only when asked for.
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).drawWarmUp).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', DRAW_WARM_UP: 'false' }).drawWarmUp).toBe(false);
    expect(loadConfig({}).drawWarmUp).toBe(false);
    expect(loadConfig({ DRAW_WARM_UP: 'true' }).drawWarmUp).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).importWorkerReady).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', IMPORT_WORKER_READY: 'false' }).importWorkerReady).toBe(false);
    expect(loadConfig({}).importWorkerReady).toBe(false);
    expect(loadConfig({ IMPORT_WORKER_READY: 'true' }).importWorkerReady).toBe(true);
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('takes a read-only replica beside PostgreSQL, and refuses one without a primary', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', READ_DATABASE_URL: 'postgres://u@r/db' }).database).toMatchObject({ readUrl: 'postgres://u@r/db' });
    expect(() => loadConfig({ READ_DATABASE_URL: 'postgres://u@r/db' })).toThrow(/READ_DATABASE_URL.*DATABASE_URL/);
  });

  it('turns demo data off and secure cookies on in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(c).toMatchObject({ seedDemo: false, cookieSecure: true, sessionSecretIsDefault: false });
  });

  it('fails fast naming the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET 至少 32 个字符/);
    expect(loadConfig({ SESSION_SECRET: DEFAULT_SESSION_SECRET }).sessionSecretIsDefault).toBe(true);
  });
});
