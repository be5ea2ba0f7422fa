CREATE TABLE "exchange_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"part" integer DEFAULT 1 NOT NULL,
	"part_count" integer DEFAULT 1 NOT NULL,
	"item_count" integer NOT NULL,
	"json_text" text NOT NULL,
	"json_sha256" varchar(64) NOT NULL,
	"xlsx_base64" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_batches_kind_check" CHECK ("exchange_batches"."kind" in ('publications', 'credit'))
);
--> statement-breakpoint
CREATE TABLE "exchange_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "exchange_deliveries_state_check" CHECK ("exchange_deliveries"."state" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "exchange_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"endpoint_url" text,
	"credit_policy" jsonb,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "credit_rated_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "credit_source" text;--> statement-breakpoint
ALTER TABLE "exchange_batches" ADD CONSTRAINT "exchange_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_deliveries" ADD CONSTRAINT "exchange_deliveries_batch_id_exchange_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."exchange_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_deliveries" ADD CONSTRAINT "exchange_deliveries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_settings" ADD CONSTRAINT "exchange_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_batches_org_idx" ON "exchange_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_deliveries_due_idx" ON "exchange_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "exchange_deliveries_batch_idx" ON "exchange_deliveries" USING btree ("batch_id","created_at");