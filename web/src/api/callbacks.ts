import type { AnomalyView, CallbackPreviewView, CallbackRecordRequest, CallbackRoundView } from '@contracts/callbacks.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** 纪检回访 and 异常线索 (decision 0026). */
export const callbackKeys = {
  all: ['callbacks'] as const,
  preview: (quarter: string | undefined) => ['callbacks', 'preview', quarter ?? ''] as const,
  round: (id: string) => ['callbacks', 'round', id] as const,
  anomalies: (days: number) => ['anomalies', days] as const,
};

const roundPath = (id: string) => `/api/callbacks/rounds/${encodeURIComponent(id)}`;

export const callbackPreviewQuery = (quarter: string | undefined) =>
  queryOptions({ queryKey: callbackKeys.preview(quarter), queryFn: () => api.get<CallbackPreviewView>(withQuery('/api/callbacks', { quarter })) });

export const callbackRoundQuery = (id: string) => queryOptions({ queryKey: callbackKeys.round(id), queryFn: () => api.get<CallbackRoundView>(roundPath(id)) });

export const anomaliesQuery = (days: number) => queryOptions({ queryKey: callbackKeys.anomalies(days), queryFn: () => api.get<AnomalyView>(withQuery('/api/anomalies', { days })) });

export const freezeCallbackRound = (body: { quarter: string; external: { source: string; ref: string }[] }) => api.post<{ id: string }>('/api/callbacks/rounds', body);
export const enterCallbackExternal = (id: string, body: { source: string; ref: string; value: string }) => api.post<{ confirmed: boolean }>(`${roundPath(id)}/external`, body);
export const executeCallbackRound = (id: string) => api.post<{ ok: true }>(`${roundPath(id)}/execute`);
export const voidCallbackRound = (id: string, reason: string) => api.post<{ ok: true }>(`${roundPath(id)}/void`, { reason });
export const recordCallback = (unitId: string, body: CallbackRecordRequest) => api.post<{ ok: true }>(`/api/callbacks/units/${encodeURIComponent(unitId)}/record`, body);
export const replaceCallbackUnit = (unitId: string, reason: string) => api.post<{ unitId: string }>(`/api/callbacks/units/${encodeURIComponent(unitId)}/replace`, { reason });

/** Plain links: the browser downloads them. */
export const callbackBundleUrl = (id: string) => `${roundPath(id)}/bundle`;
export const callbackReportUrl = (id: string) => `${roundPath(id)}/report.xlsx`;
