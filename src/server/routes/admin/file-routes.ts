import type { FastifyInstance } from 'fastify';
import { StoredFileParams, UploadFileQuery } from '../../../contracts/files.ts';
import { MAX_EVIDENCE_FILE_BYTES } from '../../../domain/files/file-kind.ts';
import { getEvidenceFile } from '../../../usecases/files/get-evidence-file.ts';
import { storeEvidenceFile } from '../../../usecases/files/store-evidence-file.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { contentDisposition, registerUploadRoutes, uploadedBytes } from '../../uploads.ts';

/** Evidence files: uploaded once (their SHA-256 is their name), then named by the records that use them. */
export function registerFileRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerUploadRoutes(app, MAX_EVIDENCE_FILE_BYTES, (uploads, upload) => {
    uploads.post('/api/files', upload, async (request, reply) => {
      const { fileName } = parse(UploadFileQuery, request.query);
      return reply
        .status(201)
        .send(await storeEvidenceFile(contextOf(request, deps), { fileName, bytes: uploadedBytes(request) }));
    });
  });

  app.get('/api/files/:sha256', async (request, reply) => {
    const { sha256 } = parse(StoredFileParams, request.params);
    const file = await getEvidenceFile(contextOf(request, deps), sha256);
    // Shown inline (a photo, a PDF) but never sniffed as something else: its type was read from its bytes.
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName, `${file.sha256.slice(0, 12)}`, 'inline'))
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(file.bytes));
  });
}
