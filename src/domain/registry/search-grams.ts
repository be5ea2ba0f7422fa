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

/**
 * The bigrams stored for a unit: those of each searched field (a pair never spans two fields). Writers may
 * pass this as `search_grams` to spare the trigger the work; it must equal what the trigger would compute.
 */
export function unitSearchGrams(unit: { name: string; address: string | null; registeredAddress: string | null; uscc: string }): string[] {
  const grams = new Set<string>();
  for (const field of [unit.name, unit.address, unit.registeredAddress, unit.uscc]) {
    if (field) for (const g of searchGrams(field)) grams.add(g);
  }
  return [...grams].sort();
}
