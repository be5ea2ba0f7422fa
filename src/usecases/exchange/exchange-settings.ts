import { canManageInScope, hasPermission, type Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { creditPolicyProblems, DEFAULT_CREDIT_POLICY, type CreditPolicy } from '../../domain/exchange/credit-policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { exchangeSettingsAbove, saveExchangeSettings } from '../../db/exchange-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';

export type EffectiveExchangeSettings = {
  /** Where batches of this org are delivered; null: kept for download only. */
  endpointUrl: string | null;
  endpointSetBy: string | null;
  creditPolicy: CreditPolicy;
  policySetBy: string | null;
};

/** The settings that apply at the org at `orgPath`: for each, the nearest org at or above it that set one, else the default. */
export async function effectiveExchangeSettings(db: DbOrTx, orgPath: string): Promise<EffectiveExchangeSettings> {
  const above = await exchangeSettingsAbove(db, orgPath);
  const endpoint = above.find((s) => s.endpointUrl !== null);
  const policy = above.find((s) => s.creditPolicy !== null);
  return {
    endpointUrl: endpoint?.endpointUrl ?? null,
    endpointSetBy: endpoint?.orgName ?? null,
    creditPolicy: policy?.creditPolicy ? { ...DEFAULT_CREDIT_POLICY, ...policy.creditPolicy } : DEFAULT_CREDIT_POLICY,
    policySetBy: policy?.orgName ?? null,
  };
}

/** 数据交换 is read by administrators and 纪检 (registry.export) in their subtree; inspectors have no access. */
export function requireExchangeRead(actor: Actor): void {
  if (!hasPermission(actor, 'registry.export')) throw new DomainError('FORBIDDEN', '您没有查看数据交换的权限');
}

/** Batches are made, resent and settings changed by administrators of the org's subtree (纪检 reads only). */
export function requireExchangeManage(actor: Actor, orgPath: string): void {
  if (!canManageInScope(actor, 'registry.manage', orgPath)) throw new DomainError('FORBIDDEN', '只有管理员可以操作数据交换');
}

export async function getExchangeSettings(ctx: UseCaseContext, orgId: string): Promise<EffectiveExchangeSettings & { canManage: boolean }> {
  requireExchangeRead(ctx.actor);
  const org = await requireOrgInScope(ctx, ctx.db, orgId, { name: 'orgId', label: '机构' });
  return { ...(await effectiveExchangeSettings(ctx.db, org.path)), canManage: canManageInScope(ctx.actor, 'registry.manage', org.path) };
}

/** An endpoint is an http(s) URL without credentials in it (a token belongs in the receiver's configuration, not here). */
export function endpointProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '接收地址：不是有效的网址';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '接收地址：只支持 http 或 https';
  if (parsed.username || parsed.password) return '接收地址：不能包含用户名或密码';
  return null;
}

/** PUT /api/exchange/settings: the endpoint (null: download only) and the credit policy (null: inherit) set at an org. */
export async function setExchangeSettings(
  ctx: UseCaseContext,
  orgId: string,
  values: { endpointUrl: string | null; creditPolicy: CreditPolicy | null },
): Promise<EffectiveExchangeSettings> {
  const org = await requireOrgInScope(ctx, ctx.db, orgId, { name: 'orgId', label: '机构' });
  requireExchangeManage(ctx.actor, org.path);
  if (values.endpointUrl !== null) {
    const problem = endpointProblem(values.endpointUrl);
    if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: 'endpointUrl' });
  }
  if (values.creditPolicy !== null) {
    const problems = creditPolicyProblems(values.creditPolicy);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems[0]!.message, { field: 'creditPolicy', path: `creditPolicy.${problems[0]!.field}` });
  }
  await ctx.db.transaction(async (tx) => {
    await saveExchangeSettings(tx, org.id, values, ctx.actor.accountId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'exchange.settings',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: { org: org.name, endpointUrl: values.endpointUrl, creditPolicy: values.creditPolicy },
    });
  });
  return effectiveExchangeSettings(ctx.db, org.path);
}
