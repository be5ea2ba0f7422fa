-- A unit's search bigrams leave the credit code out (decision 0036). A search that looks like a credit code reads the
-- code's unique index (LIKE 'x%'); every other search confirms its rows with LIKE on the name, the address and the
-- registered address only, so the code's bigrams — some 17 of a unit's ~42 — never found a unit, yet every write of
-- the GIN index paid for them (an import of 100,000 units writes its units 1.6–1.8 s faster without them).
-- Rows written before keep their extra bigrams: a superset of what a search asks the index for, so every search finds
-- the same units; they go when the unit's name or address next changes. The update trigger no longer fires on the code.
DROP TRIGGER units_search_grams_update ON units;--> statement-breakpoint
CREATE TRIGGER units_search_grams_update BEFORE UPDATE OF name, address, registered_address ON units
  FOR EACH ROW EXECUTE FUNCTION units_search_grams();--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_search_grams() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  grams text[] := '{}';
  i int;
BEGIN
  IF TG_OP = 'INSERT' AND cardinality(NEW.search_grams) > 0 THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.search_grams IS DISTINCT FROM OLD.search_grams THEN
    RETURN NEW;
  END IF;
  t := lower(regexp_replace(
    coalesce(NEW.name, '') || chr(31) || coalesce(NEW.address, '') || chr(31) || coalesce(NEW.registered_address, ''),
    '\s+', '', 'g'));
  FOR i IN 1 .. char_length(t) - 1 LOOP
    grams := grams || substr(t, i, 2);
  END LOOP;
  NEW.search_grams := ARRAY(SELECT DISTINCT g FROM unnest(grams) AS g WHERE strpos(g, chr(31)) = 0);
  RETURN NEW;
END;
$$;
