import type { Page } from '@contracts/common.ts';
import type {
  DocumentListQuery,
  DocumentSummary,
  DocumentView,
  HazardListQuery,
  HazardView,
  IssueNoticeRequest,
  NumberFormatsView,
  PublicDocumentView,
  RecordServiceRequest,
  ReplaceDocumentRequest,
  UpdateNumberFormatRequest,
} from '@contracts/documents.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, postForBlob, withQuery } from './client.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

/** 执法文书, 隐患闭环 and the brigade's number formats (decision 0023). */
export const documentKeys = {
  all: ['documents'] as const,
  list: (query: DocumentListQuery) => ['documents', 'list', query] as const,
  one: (id: string) => ['documents', 'one', id] as const,
  hazards: (query: HazardListQuery) => ['documents', 'hazards', query] as const,
  formats: (orgId: string | undefined) => ['documents', 'formats', orgId ?? ''] as const,
};

export const documentListQuery = (query: DocumentListQuery) =>
  queryOptions({
    queryKey: documentKeys.list(query),
    queryFn: () => api.get<Page<DocumentSummary>>(withQuery('/api/documents', query)),
    placeholderData: keepPreviousData,
  });

export const documentQuery = (id: string) =>
  queryOptions({ queryKey: documentKeys.one(id), queryFn: () => api.get<DocumentView>(at('/api/documents', id)) });

export const hazardListQuery = (query: HazardListQuery) =>
  queryOptions({
    queryKey: documentKeys.hazards(query),
    queryFn: () => api.get<Page<HazardView>>(withQuery('/api/hazards', query)),
    placeholderData: keepPreviousData,
  });

export const numberFormatsQuery = (orgId: string | undefined) =>
  queryOptions({
    queryKey: documentKeys.formats(orgId),
    queryFn: () => api.get<NumberFormatsView>(withQuery('/api/document-formats', { orgId })),
  });

export const publicDocumentQuery = (code: string) =>
  queryOptions({
    queryKey: ['public', 'documents', code] as const,
    queryFn: () => api.get<PublicDocumentView>(at('/api/public/documents', code)),
    retry: false,
  });

export type IssueNoticeInput = Omit<IssueNoticeRequest, 'periods'> & { periods: { hazardId: string; workingDays?: number; date?: string }[] };

/** 消防监督检查记录 as a numbered document (once per record version). */
export const issueRecordDocument = (recordId: string) => api.post<DocumentView>(`${at('/api/records', recordId)}/record-document`, {});
export const issueNotice = (recordId: string, input: IssueNoticeInput) => api.post<DocumentView>(`${at('/api/records', recordId)}/notices`, input);
export const voidDocument = (id: string, reason: string) => api.post<DocumentView>(`${at('/api/documents', id)}/void`, { reason });
export const replaceDocument = (id: string, input: Partial<ReplaceDocumentRequest> & { reason: string }) =>
  api.post<DocumentView>(`${at('/api/documents', id)}/replace`, input);
export const recordService = (id: string, input: Partial<RecordServiceRequest> & Pick<RecordServiceRequest, 'method'>) =>
  api.post<DocumentView>(`${at('/api/documents', id)}/services`, input);
export const updateNumberFormat = (input: UpdateNumberFormatRequest) => api.put<NumberFormatsView>('/api/document-formats', input);

export const pdfUrl = (id: string) => `${at('/api/documents', id)}/pdf`;
export const docxUrl = (id: string) => `${at('/api/documents', id)}/docx`;

/** Many documents as one PDF, downloaded by the browser. */
export async function printDocuments(ids: readonly string[]): Promise<void> {
  const blob = await postForBlob('/api/documents/print', { ids });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `执法文书_${ids.length}份.pdf`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
