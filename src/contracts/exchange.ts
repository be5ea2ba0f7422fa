import { z } from 'zod';
import type { CreditPolicy } from '../domain/exchange/credit-policy.ts';
import { isoDate, PageQuery, text, uuidParam } from './common.ts';

/**
 * 数据交换 (decision 0027; docs/exchange.md):
 *   GET  /api/exchange/batches?page=&pageSize=           → ExchangeBatchListView (the subtree's batches, newest first)
 *   POST /api/exchange/batches {kind, orgId, from, to}    → { ids } (201): one batch, or several parts
 *   GET  /api/exchange/batches/:id/download?format=json|xlsx → the stored file (JSON byte for byte as hashed)
 *   POST /api/exchange/batches/:id/resend                 → 204: queue a new delivery
 *   GET  /api/exchange/credit-feed?orgId=&from=&to=       → CreditFeedView
 *   GET  /api/exchange/credit-feed/download?…&format=     → JSON or .xlsx, made now
 *   GET  /api/exchange/blacklist?orgId=                   → BlacklistView (staff only; not public)
 *   GET  /api/exchange/settings?orgId=                    → ExchangeSettingsView
 *   PUT  /api/exchange/settings {orgId, endpointUrl, creditPolicy} → ExchangeSettingsView
 * Credit grades are imported through the registry import: POST /api/imports/credit-grades (src/contracts/imports.ts).
 */

export const ExchangeBatchListQuery = PageQuery;
export type ExchangeBatchListQuery = z.infer<typeof ExchangeBatchListQuery>;

const period = {
  orgId: uuidParam('机构'),
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
};
const periodOrder = (q: { from: string; to: string }) => q.from <= q.to;
const PERIOD_ORDER_ERROR = { message: '结束日期：不能早于开始日期', path: ['to'] };

export const CreateExchangeBatchRequest = z
  .object({ kind: z.enum(['publications', 'credit'], { error: '内容：只能是公示信息或信用推送' }), ...period })
  .refine(periodOrder, PERIOD_ORDER_ERROR);
export type CreateExchangeBatchRequest = z.input<typeof CreateExchangeBatchRequest>;

export const ExchangeDownloadQuery = z.object({ format: z.enum(['json', 'xlsx'], { error: '格式：只能是 json 或 xlsx' }) });

export const CreditFeedQuery = z.object(period).refine(periodOrder, PERIOD_ORDER_ERROR);
export type CreditFeedQuery = z.input<typeof CreditFeedQuery>;
export const CreditFeedDownloadQuery = z
  .object({ ...period, format: z.enum(['json', 'xlsx'], { error: '格式：只能是 json 或 xlsx' }) })
  .refine(periodOrder, PERIOD_ORDER_ERROR);

export const OrgQuery = z.object({ orgId: uuidParam('机构') });

const months = (label: string) => z.number({ error: `${label}：必须是数字` }).int(`${label}：必须是整数`);
export const ExchangeSettingsRequest = z.object({
  orgId: uuidParam('机构'),
  endpointUrl: text('接收地址', { max: 500 }).nullable(),
  creditPolicy: z
    .object({
      ordinaryMinMonths: months('一般失信最短公示期（月）'),
      ordinaryMaxMonths: months('一般失信最长公示期（月）'),
      seriousMinMonths: months('严重失信最短公示期（月）'),
      seriousMaxMonths: months('严重失信最长公示期（月）'),
      seriousFineMin: z.number({ error: '严重违法罚款起点（元）：必须是数字' }).int('严重违法罚款起点（元）：必须是整数').nullable(),
      sealingIsSerious: z.boolean({ error: '查封视为严重违法：只能是是或否' }),
    })
    .nullable(),
});
export type ExchangeSettingsRequest = z.input<typeof ExchangeSettingsRequest>;

export type ExchangeDeliveryState = 'none' | 'pending' | 'sent' | 'failed';

export type ExchangeBatchView = {
  id: string;
  kind: 'publications' | 'credit';
  kindLabel: string;
  orgName: string;
  periodFrom: string;
  periodTo: string;
  part: number;
  partCount: number;
  itemCount: number;
  jsonSha256: string;
  createdAt: string;
  delivery: { state: ExchangeDeliveryState; stateLabel: string; attempts: number; lastError: string | null; sentAt: string | null; nextAttemptAt: string | null };
  canManage: boolean;
};
export type ExchangeBatchListView = { items: ExchangeBatchView[]; total: number; page: number; pageSize: number };

export type CreditFeedItemView = {
  id: string;
  statusLabel: string;
  unitName: string;
  uscc: string;
  brigadeName: string;
  decisionNumber: string;
  decidedOn: string;
  penaltyLabel: string;
  serious: boolean;
  seriousLabel: string;
  seriousReasons: string[];
  periodFrom: string;
  repairableFrom: string;
  periodUntil: string;
  current: boolean;
};
export type CreditFeedView = { orgName: string; items: CreditFeedItemView[]; truncated: boolean };

export type BlacklistEntryView = {
  unitName: string;
  uscc: string;
  brigadeName: string;
  decisionNumber: string;
  decidedOn: string;
  penaltyLabel: string;
  seriousReasons: string[];
  periodFrom: string;
  periodUntil: string;
};
export type BlacklistView = { orgName: string; entries: BlacklistEntryView[]; truncated: boolean };

export type ExchangeSettingsView = {
  endpointUrl: string | null;
  endpointSetBy: string | null;
  creditPolicy: CreditPolicy;
  policySetBy: string | null;
  canManage: boolean;
};
