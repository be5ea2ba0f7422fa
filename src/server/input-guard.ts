import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FIELD_LABELS, unstorableTextProblem } from '../contracts/common.ts';
import { DomainError } from '../domain/errors.ts';

/*
 * Defence in depth for the text rule (decision 0015). The contracts refuse NUL and lone surrogates in every field
 * they read; this hook refuses them anywhere in a request — path parameters, query, JSON body, keys included — before
 * any route runs, so that a route that forgets its contract (or reads a field the contract does not declare) still
 * cannot hand the database a value it fails on. It runs before the session check: the login and the public portal
 * are covered, and a hostile request never costs a database query.
 */

/** Where in a request part an unstorable string was found: the keys from the top, and whether a key itself is at fault. */
export type UnstorableText = { path: (string | number)[]; problem: string; inKey: boolean };

type Node = { value: unknown; key: string | number | null; parent: Node | null };

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first string (value or key) in a parsed JSON value, query or parameter object that the database cannot store,
 * or null. Walks with its own stack, so a body nested a hundred thousand levels deep is no stack overflow.
 */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      const problem = unstorableTextProblem(current);
      if (problem) return { path: pathOf(node), problem, inKey: false };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], key: i, parent: node });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        const problem = unstorableTextProblem(key);
        if (problem) return { path: pathOf(node), problem, inKey: true };
      }
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return null;
}

/** The field in words: its label where one is known, else its key (「字段 description」). */
const labelOf = (key: string) => FIELD_LABELS[key] ?? `字段 ${key}`;

/** The 400 for a finding in one request part, naming the field (the key at the top) and the place inside it. */
export function unstorableTextError(part: '请求地址' | '查询参数' | '请求内容', found: UnstorableText): DomainError {
  const [top, ...rest] = found.path;
  if (top === undefined) {
    // A top-level key, or the whole body being a string: no field to name.
    return new DomainError('VALIDATION_FAILED', `${part}：${found.inKey ? `字段名${found.problem}` : found.problem}`);
  }
  // Keys are checked before the values under them, so the top-level key here is itself clean.
  const field = String(top);
  const message = `${labelOf(field)}：${found.inKey ? `其中的字段名${found.problem}` : found.problem}`;
  return new DomainError('VALIDATION_FAILED', message, {
    field,
    ...(rest.length > 0 ? { path: found.path.map(String).join('.') } : {}),
  });
}

/** Refuses a request holding NUL or a lone surrogate anywhere in its parameters, query or JSON body. */
export function refuseUnstorableText(request: FastifyRequest): void {
  const parts: ['请求地址' | '查询参数' | '请求内容', unknown][] = [
    ['请求地址', request.params],
    ['查询参数', request.query],
    ['请求内容', request.body],
  ];
  for (const [part, value] of parts) {
    const found = findUnstorableText(value);
    if (found) throw unstorableTextError(part, found);
  }
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => refuseUnstorableText(request));
}
