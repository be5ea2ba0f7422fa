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

/**
 * Text no field may take (decision 0015): what PostgreSQL cannot store (NUL), what is no character at all (a lone
 * surrogate), an invisible control character; and dates outside the range a date field accepts.
 */
export const HOSTILE_TEXT: readonly string[] = ['a\u0000b', '\u0000', '\ud800x', 'x\udc00', 'a\u0007b', 'a\u001bb'];
export const HOSTILE_DATES: readonly string[] = ['0000-01-01', '1899-12-31', '2100-01-01', '9999-12-31'];
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;
/** What a name must not hold (decision 0015): bidi controls, zero-width characters, line breaks and tabs. */
export const SPOOFING = [
  '\u202e',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
export const LINE_BREAKS = ['\n', '\r', '\u2028', '\u2029', '\t'];

/**
 * Puts each {@link HOSTILE_TEXT} in every text field of `sample` (and each {@link HOSTILE_DATES} in every date field)
 * and returns, as 「path = value: what went wrong」, every case that was accepted or refused without an issue at
 * that very path whose message names the field in Chinese. An empty list means the contract follows the text rule.
 */
export function hostileTextNotRefused(schema: z.ZodType, sample: unknown): string[] {
  const wrong: string[] = [];
  for (const path of pathsOf(sample).filter((p) => p.length > 0)) {
    const current = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], sample);
    if (typeof current !== 'string') continue;
    for (const bad of DATE_LIKE.test(current) ? [...HOSTILE_TEXT, ...HOSTILE_DATES] : HOSTILE_TEXT) {
      const where = `${path.join('.')} = ${JSON.stringify(bad)}`;
      const issues = schema.safeParse(replaced(sample, path, bad)).error?.issues ?? [];
      // At that field, or inside it (a comma-separated query value is split into a list first).
      const here = issues.filter((issue) => path.every((key, i) => String(issue.path[i]) === String(key)));
      if (issues.length === 0) wrong.push(`${where}: accepted`);
      else if (here.length === 0) wrong.push(`${where}: refused elsewhere (${issues.map((i) => i.path.join('.')).join(', ')})`);
      else if (!here.every((issue) => NAMES_THE_FIELD.test(issue.message))) wrong.push(`${where}: ${here[0]!.message}`);
    }
  }
  return wrong;
}

/** A contract test's samples: a name, the schema, a request it must accept. */
export type ContractSamples = readonly (readonly [string, z.ZodType, unknown])[];

/**
 * The three tests every contract file runs over its samples: each sample is accepted, every bad value put in any of
 * its fields is answered in Chinese, naming the field ({@link messagesNotInChinese}), and hostile text in any text
 * field is refused at that field ({@link hostileTextNotRefused}).
 */
export function sweepContracts(samples: ContractSamples): void {
  it.each(samples)('%s accepts a valid request', (_, schema, sample) => {
    expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });
  it.each(samples)('%s answers every bad value in Chinese, naming the field', (_, schema, sample) => {
    expect(messagesNotInChinese(schema, sample)).toEqual([]);
  });
  it.each(samples)(
    '%s refuses NUL, lone surrogates, control characters and out-of-range dates in every text field',
    (_, schema, sample) => {
      expect(hostileTextNotRefused(schema, sample)).toEqual([]);
    },
  );
}

/* ---- Walking a schema (zod 4 keeps each schema's definition in `_zod.def`) ---- */

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The schemas a wrapper stands for: the inner schema of optional/nullable/default…, both ends of a pipe. */
function innerSchemas(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
    case 'readonly':
      return [def.innerType!];
    case 'pipe':
      return [def.in!, def.out!];
    case 'lazy':
      return [def.getter!()];
    case 'union':
      return def.options!;
    case 'intersection':
      return [def.left!, def.right!];
    default:
      return [];
  }
}

/** The keys of the object a request schema reads (through optional, pipes, preprocess and transforms); [] if none. */
export function topLevelKeys(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape!);
  return [...new Set(innerSchemas(schema).flatMap(topLevelKeys))];
}

/**
 * Every string schema inside `schema` with where it sits ("observers.[].name", "mapping.{key}"): object fields,
 * list items, record keys and values, union options, both ends of pipes. A contract's text rule is checked on these.
 */
export function stringLeaves(schema: z.ZodType, at = ''): { at: string; schema: z.ZodType }[] {
  const def = defOf(schema);
  const join = (part: string) => (at ? `${at}.${part}` : part);
  switch (def.type) {
    case 'string':
      return [{ at, schema }];
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, value]) => stringLeaves(value, join(key)));
    case 'array':
      return stringLeaves(def.element!, join('[]'));
    case 'tuple':
      return def.items!.flatMap((item, i) => stringLeaves(item, join(String(i))));
    case 'record':
      return [...stringLeaves(def.keyType!, join('{key}')), ...stringLeaves(def.valueType!, join('{value}'))];
    default:
      return innerSchemas(schema).flatMap((inner) => stringLeaves(inner, at));
  }
}
