import { DEFAULT_THROTTLE_POLICY, evaluateLoginThrottle } from '../../domain/login-throttle.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAccountByUsername, type AccountWithOrg } from '../../db/account-queries.ts';
import type { Db } from '../../db/client.ts';
import { deleteExpiredSessions, insertLoginAttempt, insertSession, recentAttemptsForUsername, recentFailuresFromIp } from '../../db/session-queries.ts';
import { recordSystemAudit } from '../lib/audit.ts';
import { verifyPassword } from '../lib/passwords.ts';
import { newToken, sessionIdOf } from '../lib/tokens.ts';
import { SESSION_ABSOLUTE_MS } from './session-policy.ts';

export type LogInInput = { username: string; password: string };
export type LogInResult = { token: string; csrfToken: string; account: AccountWithOrg; expiresAt: Date };

/**
 * Checks the throttle first (a locked account is refused even with the right password), then the
 * password, and records the attempt and the outcome in the audit chain in one transaction.
 */
export async function logIn(
  deps: { db: Db; sessionSecret: string; ip: string; userAgent: string | null; now: Date },
  input: LogInInput,
): Promise<LogInResult> {
  const { db, now, ip } = deps;
  const username = input.username.trim().toLowerCase();
  const policy = DEFAULT_THROTTLE_POLICY;
  const attempts = await recentAttemptsForUsername(db, username, policy.maxConsecutiveFailures);
  const addressFailures = await recentFailuresFromIp(
    db,
    ip,
    new Date(now.getTime() - policy.addressWindowMinutes * 60_000),
    policy.maxFailuresPerAddress,
  );
  const throttle = evaluateLoginThrottle(attempts, addressFailures, now, policy);
  if (!throttle.allowed) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    throw new DomainError(
      'LOGIN_THROTTLED',
      throttle.scope === 'account'
        ? `该账号连续登录失败次数过多，请 ${minutes} 分钟后再试`
        : `该地址登录失败次数过多，请 ${minutes} 分钟后再试`,
      { retryAfterSeconds: throttle.retryAfterSeconds },
    );
  }

  const found = await findAccountByUsername(db, username);
  const passwordOk = await verifyPassword(found?.account.passwordHash ?? null, input.password);
  const disabled = Boolean(found?.account.disabledAt);
  const succeeded = Boolean(found) && passwordOk && !disabled;

  const token = newToken();
  const csrfToken = newToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.transaction(async (tx) => {
    await insertLoginAttempt(tx, { username, ip, succeeded, at: now });
    if (succeeded && found) {
      await deleteExpiredSessions(tx, now);
      await insertSession(tx, {
        id: sessionIdOf(token, deps.sessionSecret),
        accountId: found.account.id,
        csrfToken,
        ip,
        userAgent: deps.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      });
    }
    await recordSystemAudit(tx, { db, ip, now, actorName: found?.account.displayName ?? username.slice(0, 64) }, {
      action: succeeded ? 'auth.login' : 'auth.login_failed',
      actorId: found?.account.id ?? null,
      actorRole: found?.account.role ?? null,
      targetType: 'account',
      targetId: found?.account.id ?? null,
      orgId: found?.org.id ?? null,
      summary: succeeded
        ? { username }
        : { username: username.slice(0, 64), reason: !found ? 'UNKNOWN_USER' : disabled && passwordOk ? 'DISABLED' : 'WRONG_PASSWORD' },
    });
  });

  if (!found || !passwordOk) throw new DomainError('INVALID_CREDENTIALS', '用户名或密码错误');
  if (disabled) throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系管理员');
  return { token, csrfToken, account: found, expiresAt };
}
