import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { FIELD_LABELS, type ErrorResponse } from '../contracts/common.ts';

/** The one code → HTTP status map. Exhaustive: adding a code to DomainErrorCode fails the type check here. */
export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  PASSWORD_POLICY: 400,
  UNSUPPORTED_FILE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  // An account still on its initial (or reset) password may only change it, read its own session and log out.
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // The server lacks data the request needs (a year's 放假调休 arrangement); an administrator must enter it.
  CALENDAR_YEAR_MISSING: 409,
  PAYLOAD_TOO_LARGE: 413,
  LOGIN_THROTTLED: 429,
  AUDIT_CHAIN_BROKEN: 500,
  // The shared file directory is not mounted here, or a file in it was altered: the instance, not the request.
  FILE_STORE_UNAVAILABLE: 503,
};

/** Turns the first zod issue into a DomainError whose Chinese message names the field. */
export function validationError(error: ZodError): DomainError {
  const issue = error.issues[0]!;
  // A body that is not a JSON object fails at the root, where no contract has a field to name.
  if (issue.path.length === 0 && issue.code === 'invalid_type' && !issue.message.includes('：')) {
    return new DomainError('VALIDATION_FAILED', '请求内容：应为 JSON 对象');
  }
  // The top-level key names the form field (an array item's error belongs to the array's field).
  const key = issue.path.length > 0 ? String(issue.path[0]) : '';
  const field = key;
  const label = FIELD_LABELS[key] ?? (field || '请求');
  // Messages written in the contracts already start with their label ("用户名：…").
  const message = issue.message.includes('：') ? issue.message : `${label}：${issue.message}`;
  // The full path too ("checklist.2.code"), so a form can mark the very row and cell at fault.
  const path = issue.path.length > 1 ? issue.path.map(String).join('.') : undefined;
  return new DomainError('VALIDATION_FAILED', message, field ? { field, ...(path ? { path } : {}) } : undefined);
}

export function sendError(reply: FastifyReply, status: number, body: ErrorResponse): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
    // `path` only where it says more than `field` (a value inside a list or object).
    const path =
      field && typeof error.details?.path === 'string' && error.details.path !== field ? error.details.path : undefined;
    if (error.code === 'LOGIN_THROTTLED' && typeof error.details?.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    const strings = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined);
    const problems = strings(error.details?.problems);
    const missing = strings(error.details?.missing);
    return sendError(reply, STATUS_BY_CODE[error.code], {
      error: {
        code: error.code,
        message: error.message,
        ...(field ? { field } : {}),
        ...(path ? { path } : {}),
        ...(problems ? { problems } : {}),
        ...(missing ? { missing } : {}),
      },
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyError.statusCode === 415) {
    return sendError(reply, 415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求格式不受支持：请以 JSON 提交' } });
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' } });
  }
  if (fastifyError.statusCode === 400 || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return sendError(reply, 400, { error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' } });
  }
  // Any other refusal Fastify raises (a client error by its status) is answered as one, never in its English words.
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendError(reply, fastifyError.statusCode, { error: { code: 'BAD_REQUEST', message: '请求无法处理：格式或内容不正确' } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系管理员' } });
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook runs — a path whose %-escapes do not decode
 * (FST_ERR_BAD_URL), a path parameter longer than `maxParamLength` (FST_ERR_MAX_PARAM_LENGTH, 414).
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendError(reply, 400, { error: { code: 'BAD_URL', message: '请求地址：编码不正确（含有无效的 % 转义或字符）' } });
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendError(reply, 414, { error: { code: 'URI_TOO_LONG', message: '请求地址：过长' } });
  }
  return handleError(error, request, reply);
}

/**
 * Node's `clientError`: a request that cannot even be parsed (unknown method, malformed request line, headers or URL
 * beyond the 16 KB limit). Answered on the socket itself, in the same Chinese {error} shape, then the socket closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, string, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', '请求地址或请求头过长']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', '请求超时，请重试']
        : [400, 'BAD_REQUEST', '请求格式不正确，无法解析'];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorResponse);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
