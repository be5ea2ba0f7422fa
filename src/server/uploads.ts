import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import { handleError, sendError } from './errors.ts';

const MIB = 1024 * 1024;

/**
 * Routes that take a file's raw bytes (`application/octet-stream`), up to `maxBytes`, in a plugin of their own: the
 * octet-stream parser and the larger body limit exist only there, so every other route keeps the JSON-only, 1 MB
 * rule. A file over the limit or sent another way is answered in Chinese. CSRF and the 纪检 read-only rule apply as
 * everywhere.
 */
export function registerUploadRoutes(
  app: FastifyInstance,
  maxBytes: number,
  register: (uploads: FastifyInstance, options: { bodyLimit: number }) => void,
): void {
  void app.register(async (uploads) => {
    uploads.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    uploads.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return sendError(reply, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `文件过大：最大 ${maxBytes / MIB} MB` } });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return sendError(reply, 415, {
          error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '上传方式不正确：请以 application/octet-stream 提交文件内容' },
        });
      }
      return handleError(error, request, reply);
    });
    register(uploads, { bodyLimit: maxBytes });
  });
}

/** The raw upload: a Buffer from the octet-stream parser; an empty body reads as an empty file. */
export function uploadedBytes(request: FastifyRequest): Buffer {
  if (Buffer.isBuffer(request.body)) return request.body;
  if (request.body === undefined || request.body === null) return Buffer.alloc(0);
  throw new DomainError('UNSUPPORTED_FILE', '上传方式不正确：请以 application/octet-stream 提交文件内容');
}

/**
 * `attachment` (or `inline`) with the file name twice: an ASCII fallback for old clients and the real (Chinese) name
 * RFC 5987-encoded, which every current browser uses.
 */
export function contentDisposition(fileName: string, fallbackName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fallback =
    fileName
      .replace(/[^\x20-\x7e]+/g, '')
      .replace(/["\\;]/g, '')
      .replace(/^[\s_.-]+/, '') || fallbackName;
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends bytes or a stream as a download that no browser or proxy keeps. */
export function sendDownload(
  reply: FastifyReply,
  type: string,
  fileName: string,
  body: Buffer | NodeJS.ReadableStream,
  fallbackName: string,
) {
  return reply
    .type(type)
    .header('content-disposition', contentDisposition(fileName, fallbackName))
    .header('cache-control', 'no-store')
    .send(body);
}
