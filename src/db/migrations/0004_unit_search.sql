ALTER TABLE "units" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "units_sort_updated_idx" ON "units" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "units_sort_created_idx" ON "units" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "units_sort_name_idx" ON "units" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "units_search_grams_idx" ON "units" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "units_tags_idx" ON "units" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "units_uscc_prefix_idx" ON "units" USING btree ("uscc" varchar_pattern_ops);--> statement-breakpoint
-- Character bigrams for Chinese text search (no word boundaries, so no tokenizer): every pair of adjacent
-- characters of the lower-cased name, addresses and credit code, without whitespace. A query's bigrams
-- must all be present (GIN @>), then ILIKE confirms the exact substring.
CREATE OR REPLACE FUNCTION units_search_grams() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  grams text[] := '{}';
  i int;
BEGIN
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
--> statement-breakpoint
CREATE TRIGGER units_search_grams_insert BEFORE INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION units_search_grams();
--> statement-breakpoint
CREATE TRIGGER units_search_grams_update BEFORE UPDATE OF name, address, registered_address, uscc ON units
  FOR EACH ROW EXECUTE FUNCTION units_search_grams();
--> statement-breakpoint
UPDATE units SET uscc = uscc;
