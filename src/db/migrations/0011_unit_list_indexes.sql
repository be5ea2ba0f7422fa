-- Unit list indexes (issue 3, decision 0005), replacing rather than adding so a bulk import stays as fast:
-- * units_brigade_idx (brigade_id) duplicated the leading column of every other (brigade_id, …) index.
-- * units_brigade_name_idx (brigade_id, name) served a brigade's name-sorted list, which the name index
--   walks just as well (a third of the rows match a brigade); (category, name, id) instead lets a
--   category-filtered name-sorted list walk only that category's rows.
-- * A partial index of the units without a usable address (the list's and quality page's "missing
--   address" filter, a few percent of units) in the default sort order, so neither the page nor its capped
--   count scans the table. Its predicate is the filter's SQL (unit-queries.ts, qualityCondition) verbatim.
-- * The tags GIN index keeps a short pending list: with the default 4 MB, 100,000 imported units (mostly
--   without tags) stay in an unsorted list that every tag query reads in full, and nothing cleans it where
--   autovacuum is off (PGlite, some servers).
DROP INDEX IF EXISTS "units_brigade_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "units_brigade_name_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_category_name_idx" ON "units" USING btree ("category","name","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_missing_address_idx" ON "units" USING btree ("updated_at","id") WHERE ("units"."address" is null or btrim("units"."address") = '');--> statement-breakpoint
ALTER INDEX "units_tags_idx" SET (gin_pending_list_limit = 64);
