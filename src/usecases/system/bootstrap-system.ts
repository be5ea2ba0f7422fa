import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { checkPasswordPolicy } from '../../domain/password-policy.ts';
import type { Db } from '../../db/client.ts';
import { insertAccount } from '../../db/account-queries.ts';
import { countOrgs, insertOrg } from '../../db/org-queries.ts';
import { recordSystemAudit } from '../lib/audit.ts';
import { hashPassword } from '../lib/passwords.ts';

export type BootstrapInput = {
  corpsName: string;
  corpsShortName: string;
  divisionCode: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
};

/**
 * First start in production: creates the 总队 and its first 系统管理员 in an empty database. Everything
 * else (支队, 大队, accounts) is then created in the web UI by that administrator.
 */
export async function bootstrapSystem(db: Db, input: BootstrapInput, now: Date) {
  if ((await countOrgs(db)) > 0) throw new DomainError('CONFLICT', '系统已初始化：数据库中已有机构');
  if (!/^[1-9][0-9]{5}$/.test(input.divisionCode)) {
    throw new DomainError('VALIDATION_FAILED', '行政区划代码：应为 6 位数字（GB/T 2260）', { field: 'divisionCode' });
  }
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(input.adminUsername)) {
    throw new DomainError('VALIDATION_FAILED', '用户名：3–32 位，以字母开头，只含字母、数字、下划线、点或连字符', { field: 'username' });
  }
  const problem = checkPasswordPolicy(input.adminPassword, input.adminUsername);
  if (problem) throw new DomainError('PASSWORD_POLICY', `密码：${problem}`, { field: 'password' });
  const passwordHash = await hashPassword(input.adminPassword);
  const corpsId = randomUUID();
  await db.transaction(async (tx) => {
    await insertOrg(tx, {
      id: corpsId,
      kind: 'corps',
      name: input.corpsName,
      shortName: input.corpsShortName,
      divisionCode: input.divisionCode,
      path: `/${corpsId}/`,
    });
    const adminId = await insertAccount(tx, { username: input.adminUsername, displayName: input.adminDisplayName, role: 'system_admin', orgId: corpsId, passwordHash });
    await recordSystemAudit(tx, { db, ip: null, now, actorName: '命令行' }, {
      action: 'system.bootstrap',
      targetType: 'org',
      targetId: corpsId,
      orgId: corpsId,
      summary: { corpsName: input.corpsName, divisionCode: input.divisionCode, adminUsername: input.adminUsername, adminId },
    });
  });
  return { corpsId };
}
