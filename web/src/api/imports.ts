import type {
  CommitImportRequest,
  ImportPreviewView,
  ImportResultView,
  ReconciliationPreviewView,
  ReconciliationResultView,
  UpdateImportMappingRequest,
} from '@contracts/imports.ts';
import { api, withQuery } from './client.ts';

export type ImportKind = ImportPreviewView['kind'];

const importPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

/** Uploads a units (`ownerId` = 大队) or inspectors (`ownerId` = 机构) file and returns the dry-run preview. */
export const uploadImport = (kind: ImportKind, ownerId: string, file: File) =>
  api.upload<ImportPreviewView>(
    withQuery(`/api/imports/${kind === 'credit_grades' ? 'credit-grades' : kind}`, {
      [kind === 'units' ? 'brigadeId' : 'orgId']: ownerId,
      fileName: file.name,
    }),
    file,
  );

export const getImport = (id: string) => api.get<ImportPreviewView>(importPath(id));

export const updateImportMapping = (id: string, body: UpdateImportMappingRequest) =>
  api.put<ImportPreviewView>(`${importPath(id)}/mapping`, body);

export const commitImport = (id: string, body: CommitImportRequest) =>
  api.post<ImportResultView>(`${importPath(id)}/commit`, body);

/** The .xlsx report: every row not imported and why. */
export const importReportUrl = (id: string) => `${importPath(id)}/report`;

/** Uploads a market-regulation snapshot (full or incremental) and returns the units it would flag. */
export const uploadReconciliation = (brigadeId: string, full: boolean, file: File) =>
  api.upload<ReconciliationPreviewView>(withQuery('/api/reconciliations', { brigadeId, full, fileName: file.name }), file);

export const commitReconciliation = (id: string) =>
  api.post<ReconciliationResultView>(`/api/reconciliations/${encodeURIComponent(id)}/commit`, {});
