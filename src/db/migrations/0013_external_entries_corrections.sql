DROP INDEX "draw_external_entries_once_key";--> statement-breakpoint
CREATE INDEX "draw_external_entries_draw_idx" ON "draw_external_entries" USING btree ("draw_id","source","ref");