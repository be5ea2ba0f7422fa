/**
 * Character bigrams of a search text, computed exactly as the database trigger `units_search_grams`
 * (migration 0004) computes them for stored units: lower-cased, whitespace removed, every pair of adjacent
 * characters, distinct. A unit can match a query only if it has all of the query's bigrams; a
 * one-character query has none and falls back to scanning.
 */
export function searchGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase().replace(/\s+/gu, ''));
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}
