import type { AttachedFileView } from '@contracts/files.ts';
import { api, withQuery } from './client.ts';

/** Uploads an evidence file (a photo or a PDF); the answer names it by its SHA-256 for the record that uses it. */
export const uploadEvidenceFile = (file: File) =>
  api.upload<Omit<AttachedFileView, 'url'>>(withQuery('/api/files', { fileName: file.name }), file);
