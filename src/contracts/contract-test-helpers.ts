import { expect, it } from 'vitest';
import type { z } from 'zod';

/*
 * Test helpers for the request contracts (used by src/contracts/*.test.ts only): every message a contract gives
 * reaches the user (server/errors.ts), so a sweep replaces each field of a valid sample by wrong values and
 * checks that every issue is answered in Chinese, naming the field.
 */

/** Wrong values a client may send for any field: wrong types, blank text, an impossible date, huge text, odd objects. */
export const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  -1,
  1.5,
  100_000_000,
  'abc',
  '',
  ' ',
  '2026-02-30',
  'x'.repeat(6000),
  {},
  [],
  [12345],
  { '': 1 },
  { ['k'.repeat(41)]: 1 },
];

/** A Chinese message that starts with the field's label: 「年度：必须是整数」. */
export const NAMES_THE_FIELD = /^[^\s：]*[\u4e00-\u9fff][^：]*：\S/;

/** Every path of a JSON value, the root included. */
export function pathsOf(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const out = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

/** A copy of `value` with the value at `path` replaced by `by`. */
export function replaced(value: unknown, path: PropertyKey[], by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  node[path.at(-1)!] = by;
  return copy;
}

/**
 * Replaces every field of `sample` (nested ones too, not the root: the server answers a body that is not an object
 * itself) by each of {@link BAD_VALUES} — and a list by one 6000 items long — and returns every issue message that
 * does not match `expected`, as 「path = value: message」. An empty list means the schema always answers in Chinese.
 */
export function messagesNotInChinese(schema: z.ZodType, sample: unknown, expected: RegExp = NAMES_THE_FIELD): string[] {
  const wrong: string[] = [];
  for (const path of pathsOf(sample).filter((p) => p.length > 0)) {
    const current = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], sample);
    const oversized = Array.isArray(current) ? [Array.from({ length: 6000 }, () => current[0] ?? 'x')] : [];
    for (const bad of [...BAD_VALUES, ...oversized]) {
      const result = schema.safeParse(replaced(sample, path, bad));
      for (const issue of result.error?.issues ?? []) {
        if (!expected.test(issue.message))
          wrong.push(`${path.join('.')} = ${JSON.stringify(bad)?.slice(0, 40)}: ${issue.message}`);
      }
    }
  }
  return wrong;
}

/** The messages of every issue when `schema` parses `input` (empty when it succeeds). */
export function issueMessages(schema: z.ZodType, input: unknown): string[] {
  return schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
}

/** A contract test's samples: a name, the schema, a request it must accept. */
export type ContractSamples = readonly (readonly [string, z.ZodType, unknown])[];

/**
 * The two tests every contract file runs over its samples: each sample is accepted, and every bad value put in
 * any of its fields is answered in Chinese, naming the field ({@link messagesNotInChinese}).
 */
export function sweepContracts(samples: ContractSamples): void {
  it.each(samples)('%s accepts a valid request', (_, schema, sample) => {
    expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });
  it.each(samples)('%s answers every bad value in Chinese, naming the field', (_, schema, sample) => {
    expect(messagesNotInChinese(schema, sample)).toEqual([]);
  });
}
