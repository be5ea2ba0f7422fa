/**
 * Character bigrams of a search text, computed exactly as the database trigger `units_search_grams`
 * (migration 0004) computes them for stored units: lower-cased, whitespace removed, every pair of adjacent
 * characters, distinct. A unit can match a query only if it has all of the query's bigrams; a
 * one-character query has none and falls back to scanning.
 */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  addSearchGrams(text, grams);
  return [...grams];
}

/** Adds the bigrams of `text` to `grams`, walking its characters (code points) without an array of them. */
function addSearchGrams(text: string, grams: Set<string>): void {
  let previous: string | null = null;
  for (const char of text.toLowerCase().replace(/\s+/gu, '')) {
    if (previous !== null) grams.add(previous + char);
    previous = char;
  }
}

/**
 * The bigrams stored for a unit: those of each field a text search confirms with LIKE — the name, the address and the
 * registered address (a pair never spans two fields). Not the credit code: a search that looks like one reads the
 * code's own index, and any other search confirms its rows on the three text fields only, so the code's ~17 bigrams
 * (two fifths of a unit's) would find nothing and cost every write of the index (decision 0036). Writers may pass this
 * as `search_grams` to spare the trigger the work; it must equal what the trigger would compute.
 */
export function unitSearchGrams(unit: SearchedUnitFields): string[] {
  return [...unitSearchGramSet(unit)].sort();
}

type SearchedUnitFields = { name: string; address: string | null; registeredAddress: string | null };

/**
 * unitSearchGrams in no particular order, for bulk writers: the database keeps them as a set (a GIN index), and
 * sorting the ~40 bigrams of each of 100,000 imported units costs a second of the import (decision 0031).
 */
export function unitSearchGramSet(unit: SearchedUnitFields): Set<string> {
  const grams = new Set<string>();
  for (const field of [unit.name, unit.address, unit.registeredAddress]) if (field) addSearchGrams(field, grams);
  return grams;
}
