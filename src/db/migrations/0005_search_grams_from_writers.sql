-- Bulk writers (registry import) may compute the bigrams themselves (src/domain/registry/search-grams.ts,
-- unitSearchGrams) and pass them in: the trigger then keeps them. It computes them when a row arrives
-- without any, or when an update changes a searched column without supplying new bigrams. A database test
-- holds the two implementations to the same result.
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
    coalesce(NEW.name, '') || chr(31) || coalesce(NEW.address, '') || chr(31) || coalesce(NEW.registered_address, '') || chr(31) || NEW.uscc,
    '\s+', '', 'g'));
  FOR i IN 1 .. char_length(t) - 1 LOOP
    grams := grams || substr(t, i, 2);
  END LOOP;
  NEW.search_grams := ARRAY(SELECT DISTINCT g FROM unnest(grams) AS g WHERE strpos(g, chr(31)) = 0);
  RETURN NEW;
END;
$$;
