import type { BlacklistView, CreditFeedView, ExchangeBatchListView, ExchangeDeliveryState } from '../../contracts/exchange.ts';
import type { listExchangeBatchesInScope } from '../../usecases/exchange/list-exchange-batches.ts';
import type { getCreditFeed, listBlacklist } from '../../usecases/exchange/credit-feed.ts';

const KIND_LABELS = { publications: '公示信息', credit: '信用推送' } as const;
const STATE_LABELS: Record<ExchangeDeliveryState, string> = { none: '仅供下载', pending: '待发送', sent: '已发送', failed: '发送失败' };

/** 导出批次 as the page lists them: the batch's facts and its latest delivery (never the JSON itself, nor who made it). */
export function presentExchangeBatches(found: Awaited<ReturnType<typeof listExchangeBatchesInScope>>): ExchangeBatchListView {
  return {
    items: found.rows.map(({ batch, delivery, canManage }) => {
      const state: ExchangeDeliveryState = delivery?.state ?? 'none';
      return {
        id: batch.id,
        kind: batch.kind,
        kindLabel: KIND_LABELS[batch.kind],
        orgName: batch.orgName,
        periodFrom: batch.periodFrom,
        periodTo: batch.periodTo,
        part: batch.part,
        partCount: batch.partCount,
        itemCount: batch.itemCount,
        jsonSha256: batch.jsonSha256,
        createdAt: batch.createdAt.toISOString(),
        delivery: {
          state,
          stateLabel: state === 'pending' && (delivery?.attempts ?? 0) > 0 ? `待重试（已尝试 ${delivery!.attempts} 次）` : STATE_LABELS[state],
          attempts: delivery?.attempts ?? 0,
          lastError: delivery?.lastError ?? null,
          sentAt: delivery?.sentAt?.toISOString() ?? null,
          nextAttemptAt: delivery && delivery.state === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
        },
        canManage,
      };
    }),
    total: found.total,
    page: found.page,
    pageSize: found.pageSize,
  };
}

export function presentCreditFeed(feed: Awaited<ReturnType<typeof getCreditFeed>>): CreditFeedView {
  return {
    orgName: feed.orgName,
    truncated: feed.truncated,
    items: feed.items.map((i) => ({
      id: i.id,
      statusLabel: i.statusLabel,
      unitName: i.unitName,
      uscc: i.uscc,
      brigadeName: i.brigadeName,
      decisionNumber: i.decisionNumber,
      decidedOn: i.decidedOn,
      penaltyLabel: i.penaltyLabel,
      serious: i.serious,
      seriousLabel: i.seriousLabel,
      seriousReasons: i.seriousReasons,
      periodFrom: i.periodFrom,
      repairableFrom: i.repairableFrom,
      periodUntil: i.periodUntil,
      current: i.current,
    })),
  };
}

export function presentBlacklist(list: Awaited<ReturnType<typeof listBlacklist>>): BlacklistView {
  return {
    orgName: list.orgName,
    truncated: list.truncated,
    entries: list.entries.map((e) => ({
      unitName: e.unitName,
      uscc: e.uscc,
      brigadeName: e.brigadeName,
      decisionNumber: e.decisionNumber,
      decidedOn: e.decidedOn,
      penaltyLabel: e.penaltyLabel,
      seriousReasons: e.seriousReasons,
      periodFrom: e.periodFrom,
      periodUntil: e.periodUntil,
    })),
  };
}
