import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IdParams, type Page } from '../../../contracts/common.ts';
import {
  DocumentFormatsQuery,
  DocumentListQuery,
  HazardListQuery,
  IssueNoticeRequest,
  PrintDocumentsRequest,
  RecordServiceRequest,
  ReplaceDocumentRequest,
  UpdateNumberFormatRequest,
  VoidDocumentRequest,
  type DocumentSummary,
  type DocumentView,
  type HazardView,
  type NumberFormatsView,
} from '../../../contracts/documents.ts';
import { renderDocumentDocx } from '../../../render/document-docx.ts';
import { renderDocumentsPdf } from '../../../render/document-pdf.ts';
import { getDocument } from '../../../usecases/documents/get-document.ts';
import { issueRecordDocument } from '../../../usecases/documents/issue-record-document.ts';
import { issueNotice } from '../../../usecases/documents/issue-notice.ts';
import { listDocuments } from '../../../usecases/documents/list-documents.ts';
import { listHazards } from '../../../usecases/documents/list-hazards.ts';
import { getNumberFormats } from '../../../usecases/documents/number-formats.ts';
import { printableDocuments } from '../../../usecases/documents/printable-documents.ts';
import { recordService } from '../../../usecases/documents/record-service.ts';
import { replaceDocument } from '../../../usecases/documents/replace-document.ts';
import { updateNumberFormat } from '../../../usecases/documents/update-number-format.ts';
import { voidDocument } from '../../../usecases/documents/void-document.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentDocument, presentDocumentSummary, presentHazard } from '../../presenters/document-presenter.ts';
import { sendDownload } from '../../uploads.ts';

/** A file name for a document: 「责令限期改正通知书_婺消限字〔2026〕第0001号」. */
const fileNameOf = (typeLabel: string, number: string) => `${typeLabel}_${number}`.replace(/[\\/:*?"<>|]/g, '_');

/** 执法文书 (decision 0023): lists, one document, printing, issuing notices, service, voiding, correction; 隐患闭环. */
export function registerDocumentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // The QR code needs an absolute link: PUBLIC_BASE_URL, else the address this request came to.
  const renderFor = (request: FastifyRequest) => ({ publicBaseUrl: deps.outbox.publicBaseUrl || `${request.protocol}://${request.host}` });
  const view = async (request: Parameters<typeof contextOf>[0], id: string): Promise<DocumentView> => presentDocument(await getDocument(contextOf(request, deps), id));

  app.get('/api/documents', async (request): Promise<Page<DocumentSummary>> => {
    const query = parse(DocumentListQuery, request.query);
    const page = await listDocuments(contextOf(request, deps), query);
    return { items: page.rows.map(presentDocumentSummary), total: page.total, page: page.page, pageSize: page.pageSize };
  });

  app.get('/api/documents/:id', async (request): Promise<DocumentView> => {
    const { id } = parse(IdParams, request.params);
    return view(request, id);
  });

  app.get('/api/documents/:id/pdf', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const [doc] = await printableDocuments(contextOf(request, deps), [id]);
    const bytes = await renderDocumentsPdf([doc!], renderFor(request));
    return sendDownload(reply, 'application/pdf', `${fileNameOf(doc!.typeLabel, doc!.number)}.pdf`, Buffer.from(bytes), 'document.pdf');
  });

  app.get('/api/documents/:id/docx', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const [doc] = await printableDocuments(contextOf(request, deps), [id]);
    const bytes = await renderDocumentDocx(doc!, renderFor(request));
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return sendDownload(reply, type, `${fileNameOf(doc!.typeLabel, doc!.number)}.docx`, Buffer.from(bytes), 'document.docx');
  });

  app.post('/api/documents/print', async (request, reply) => {
    const { ids } = parse(PrintDocumentsRequest, request.body);
    const docs = await printableDocuments(contextOf(request, deps), ids);
    const bytes = await renderDocumentsPdf(docs, renderFor(request));
    return sendDownload(reply, 'application/pdf', `执法文书_${docs.length}份.pdf`, Buffer.from(bytes), 'documents.pdf');
  });

  app.post('/api/records/:id/notices', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(IssueNoticeRequest, request.body);
    const ctx = contextOf(request, deps);
    const { document } = await issueNotice(ctx, id, input);
    return reply.status(201).send(await view(request, document.id));
  });

  app.post('/api/records/:id/record-document', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const document = await issueRecordDocument(contextOf(request, deps), id);
    return reply.status(201).send(await view(request, document.id));
  });

  app.post('/api/documents/:id/void', async (request): Promise<DocumentView> => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(VoidDocumentRequest, request.body);
    await voidDocument(contextOf(request, deps), id, reason);
    return view(request, id);
  });

  app.post('/api/documents/:id/replace', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(ReplaceDocumentRequest, request.body);
    const document = await replaceDocument(contextOf(request, deps), id, input);
    return reply.status(201).send(await view(request, document.id));
  });

  app.post('/api/documents/:id/services', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const input = parse(RecordServiceRequest, request.body);
    await recordService(contextOf(request, deps), id, input);
    return reply.status(201).send(await view(request, id));
  });

  app.get('/api/hazards', async (request): Promise<Page<HazardView>> => {
    const query = parse(HazardListQuery, request.query);
    const page = await listHazards(contextOf(request, deps), query);
    return { items: page.rows.map(presentHazard), total: page.total, page: page.page, pageSize: page.pageSize };
  });

  app.get('/api/document-formats', async (request): Promise<NumberFormatsView> => {
    const { orgId } = parse(DocumentFormatsQuery, request.query);
    return getNumberFormats(contextOf(request, deps), orgId);
  });

  app.put('/api/document-formats', async (request): Promise<NumberFormatsView> => {
    const input = parse(UpdateNumberFormatRequest, request.body);
    const ctx = contextOf(request, deps);
    await updateNumberFormat(ctx, input);
    return getNumberFormats(ctx, input.orgId);
  });
}
