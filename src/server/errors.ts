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
    return sendError(reply, STATUS_BY_CODE[error.code], {
      error: { code: error.code, message: error.message, ...(field ? { field } : {}), ...(path ? { path } : {}) },
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
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试或联系管理员' } });
}
