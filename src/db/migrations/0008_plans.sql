CREATE TABLE "annual_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "annual_plans_status_check" CHECK ("annual_plans"."status" in ('draft', 'published')),
	CONSTRAINT "annual_plans_year_check" CHECK ("annual_plans"."year" between 2000 and 2999)
);
--> statement-breakpoint
CREATE TABLE "check_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"sub_item" text,
	"legal_basis" text NOT NULL,
	"content" text NOT NULL,
	"inspecting_body" text NOT NULL,
	"object_type" text NOT NULL,
	"method" text NOT NULL,
	"ratio" text,
	"frequency" text,
	"inspector_requirements" text,
	"notes" text,
	"checklist" jsonb NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "check_item_versions_status_check" CHECK ("check_item_versions"."status" in ('draft', 'published')),
	CONSTRAINT "check_item_versions_method_check" CHECK ("check_item_versions"."method" in ('on_site', 'sampling', 'documentary'))
);
--> statement-breakpoint
CREATE TABLE "check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"owner_org_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"task_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_history_kind_check" CHECK ("inspection_history"."kind" in ('routine', 'special', 'triggered', 'reinspection', 'complaint', 'case_handling', 'other'))
);
--> statement-breakpoint
CREATE TABLE "monthly_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"annual_plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"annual_revision" integer NOT NULL,
	"quotas" jsonb NOT NULL,
	"capacity" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"notes" text,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "monthly_plans_status_check" CHECK ("monthly_plans"."status" in ('draft', 'published')),
	CONSTRAINT "monthly_plans_month_check" CHECK ("monthly_plans"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "special_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"settings" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "special_campaigns_status_check" CHECK ("special_campaigns"."status" in ('draft', 'published')),
	CONSTRAINT "special_campaigns_period_check" CHECK ("special_campaigns"."starts_on" <= "special_campaigns"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "trigger_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"summary" text NOT NULL,
	"reference" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_reason" text,
	CONSTRAINT "trigger_events_kind_check" CHECK ("trigger_events"."kind" in ('complaint', 'report', 'bad_credit', 'incident'))
);
--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_item_versions" ADD CONSTRAINT "check_item_versions_item_id_check_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."check_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_items" ADD CONSTRAINT "check_items_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_history" ADD CONSTRAINT "inspection_history_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_plans" ADD CONSTRAINT "monthly_plans_annual_plan_id_annual_plans_id_fk" FOREIGN KEY ("annual_plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_plans" ADD CONSTRAINT "monthly_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_campaigns" ADD CONSTRAINT "special_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_events" ADD CONSTRAINT "trigger_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_events" ADD CONSTRAINT "trigger_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_org_year_key" ON "annual_plans" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "check_item_versions_item_version_key" ON "check_item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "check_item_versions_one_draft_key" ON "check_item_versions" USING btree ("item_id") WHERE "check_item_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "check_items_code_key" ON "check_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "inspection_history_unit_idx" ON "inspection_history" USING btree ("unit_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspection_history_date_idx" ON "inspection_history" USING btree ("inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_plans_annual_month_key" ON "monthly_plans" USING btree ("annual_plan_id","month");--> statement-breakpoint
CREATE INDEX "monthly_plans_org_idx" ON "monthly_plans" USING btree ("org_id","year","month");--> statement-breakpoint
CREATE INDEX "special_campaigns_org_idx" ON "special_campaigns" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "trigger_events_unit_idx" ON "trigger_events" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "trigger_events_org_idx" ON "trigger_events" USING btree ("org_id","received_on");--> statement-breakpoint
-- A published 抽查事项 version never changes: refuse UPDATE and DELETE of published rows (editing makes a new draft).
CREATE OR REPLACE FUNCTION check_item_versions_refuse_published_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'check_item_versions: a published version is immutable (% refused)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER check_item_versions_published_immutable
  BEFORE UPDATE OR DELETE ON check_item_versions
  FOR EACH ROW EXECUTE FUNCTION check_item_versions_refuse_published_change();
