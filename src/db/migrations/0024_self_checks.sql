CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"report_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_check_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"check_date" date NOT NULL,
	"kind" text NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"findings" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"brigades" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_check_reports_kind_check" CHECK ("self_check_reports"."kind" in ('brigade', 'detachment'))
);
--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_report_id_self_check_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."self_check_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_check_reports" ADD CONSTRAINT "self_check_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_items_account_idx" ON "inbox_items" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_items_report_account_key" ON "inbox_items" USING btree ("report_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_check_reports_org_date_key" ON "self_check_reports" USING btree ("org_id","check_date","manual");--> statement-breakpoint
CREATE INDEX "self_check_reports_date_idx" ON "self_check_reports" USING btree ("check_date");