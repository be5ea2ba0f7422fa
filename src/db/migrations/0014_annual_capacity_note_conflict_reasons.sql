ALTER TABLE "annual_plans" ADD COLUMN "capacity_note" text;--> statement-breakpoint
ALTER TABLE "draws" ADD COLUMN "conflict_reasons" jsonb;