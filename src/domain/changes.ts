import { canonicalJson, type JsonValue } from './canonical-json.ts';

/**
 * The fields whose value differs between a record before and after an edit, as `[before, after]`
 * pairs — the shape every audit entry and change history of this system records. Values are compared
 * as JSON (arrays and dates by content); `undefined` counts as null.
 */
export function changedFields<K extends string>(
  before: Partial<Record<K, unknown>>,
  after: Partial<Record<K, unknown>>,
  keys: readonly K[],
): Record<string, JsonValue> {
  const changes: Record<string, JsonValue> = {};
  for (const key of keys) {
    const a = toJson(before[key]);
    const b = toJson(after[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value as JsonValue;
}

/**
 * changedFields over every key of `after`, comparing values by canonical JSON: for records read back from
 * jsonb, which does not keep object key order, so only a change of content counts.
 */
export function changedContent(before: object, after: object): Record<string, JsonValue> {
  const canonical = (v: object) => JSON.parse(canonicalJson(v)) as Record<string, unknown>;
  const a = canonical(after);
  return changedFields(canonical(before), a, Object.keys(a));
}
