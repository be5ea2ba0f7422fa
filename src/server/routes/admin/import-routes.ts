import type { FastifyInstance, FastifyReply } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import {
  CommitImportRequest,
  UpdateImportMappingRequest,
  UploadInspectorsQuery,
  UploadSnapshotQuery,
  UploadUnitsQuery,
  type ImportResultView,
} from '../../../contracts/imports.ts';
import { InspectorListQuery } from '../../../contracts/inspectors.ts';
import { UnitListQuery } from '../../../contracts/units.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../../domain/import/import-table.ts';
import { buildImportReport } from '../../../usecases/imports/build-import-report.ts';
import { commitImport } from '../../../usecases/imports/commit-import.ts';
import { commitReconciliation } from '../../../usecases/imports/commit-reconciliation.ts';
import { exportInspectors } from '../../../usecases/imports/export-inspectors.ts';
import { exportUnits } from '../../../usecases/imports/export-units.ts';
import { getImportPreview } from '../../../usecases/imports/get-import-preview.ts';
import { updateImportMapping } from '../../../usecases/imports/update-import-mapping.ts';
import { uploadInspectorImport } from '../../../usecases/imports/upload-inspector-import.ts';
import { uploadCreditGradeImport } from '../../../usecases/imports/upload-credit-grade-import.ts';
import { uploadMarketSnapshot } from '../../../usecases/imports/upload-market-snapshot.ts';
import { uploadUnitImport } from '../../../usecases/imports/upload-unit-import.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { registerUploadRoutes, sendDownload, uploadedBytes } from '../../uploads.ts';
import { parse } from '../../parse.ts';
import {
  presentImportPreview,
  presentImportResult,
  presentReconciliationPreview,
  presentReconciliationResult,
} from '../../presenters/import-presenter.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer | NodeJS.ReadableStream) {
  return sendDownload(reply, XLSX_TYPE, fileName, body, 'download.xlsx');
}

/**
 * 名录导入、市场监管比对与导出 (see the endpoint list in src/contracts/imports.ts). The uploads take the file's
 * raw bytes; the octet-stream parser and the 30 MB body limit exist only inside the upload plugin, so every
 * other route keeps the JSON-only, 1 MB rule. CSRF and the 纪检 read-only rule apply as everywhere.
 */
export function registerImportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerUploadRoutes(app, MAX_IMPORT_FILE_BYTES, (uploads, upload) => {
    uploads.post('/api/imports/units', upload, async (request, reply) => {
      const query = parse(UploadUnitsQuery, request.query);
      const batch = await uploadUnitImport(contextOf(request, deps), { ...query, bytes: uploadedBytes(request) });
      return reply.status(201).send(presentImportPreview(batch));
    });

    uploads.post('/api/imports/inspectors', upload, async (request, reply) => {
      const query = parse(UploadInspectorsQuery, request.query);
      const batch = await uploadInspectorImport(contextOf(request, deps), { ...query, bytes: uploadedBytes(request) });
      return reply.status(201).send(presentImportPreview(batch));
    });

    uploads.post('/api/imports/credit-grades', upload, async (request, reply) => {
      const query = parse(UploadInspectorsQuery, request.query);
      const batch = await uploadCreditGradeImport(contextOf(request, deps), { ...query, bytes: uploadedBytes(request) });
      return reply.status(201).send(presentImportPreview(batch));
    });

    uploads.post('/api/reconciliations', upload, async (request, reply) => {
      const query = parse(UploadSnapshotQuery, request.query);
      const batch = await uploadMarketSnapshot(contextOf(request, deps), { ...query, bytes: uploadedBytes(request) });
      return reply.status(201).send(presentReconciliationPreview(batch));
    });
  });

  app.get('/api/imports/:id', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentImportPreview(await getImportPreview(contextOf(request, deps), id));
  });

  app.put('/api/imports/:id/mapping', async (request) => {
    const { id } = parse(IdParams, request.params);
    const { mapping } = parse(UpdateImportMappingRequest, request.body);
    return presentImportPreview(await updateImportMapping(contextOf(request, deps), id, mapping));
  });

  app.post('/api/imports/:id/commit', async (request): Promise<ImportResultView> => {
    const { id } = parse(IdParams, request.params);
    const { mode } = parse(CommitImportRequest, request.body);
    const batch = await commitImport(contextOf(request, deps), id, mode);
    if (batch.summary.type !== 'rows' || !batch.summary.result) throw new Error(`import ${id} has no result after its commit`);
    return presentImportResult(batch.summary.result);
  });

  app.get('/api/imports/:id/report', async (request, reply) => {
    const { id } = parse(IdParams, request.params);
    const report = await buildImportReport(contextOf(request, deps), id);
    return sendXlsx(reply, report.fileName, report.bytes);
  });

  app.post('/api/reconciliations/:id/commit', async (request) => {
    const { id } = parse(IdParams, request.params);
    return presentReconciliationResult(await commitReconciliation(contextOf(request, deps), id));
  });

  app.get('/api/units/export', async (request, reply) => {
    const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...filter } = parse(UnitListQuery, request.query);
    const result = await exportUnits(contextOf(request, deps), filter);
    return sendXlsx(reply.header('x-row-count', String(result.rowCount)), result.fileName, result.stream);
  });

  app.get('/api/inspectors/export', async (request, reply) => {
    const { page: _page, pageSize: _pageSize, ...filter } = parse(InspectorListQuery, request.query);
    const result = await exportInspectors(contextOf(request, deps), filter);
    return sendXlsx(reply.header('x-row-count', String(result.rowCount)), result.fileName, result.bytes);
  });
}
