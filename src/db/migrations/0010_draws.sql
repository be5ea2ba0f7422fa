CREATE TABLE "draw_external_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"source" text NOT NULL,
	"ref" text NOT NULL,
	"value" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draw_observers" (
	"draw_id" uuid NOT NULL,
	"observer_id" text NOT NULL,
	"name" text NOT NULL,
	"capacity" text NOT NULL,
	"commitment" varchar(64),
	"committed_at" timestamp with time zone,
	"reveal" text,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "draw_observers_draw_id_observer_id_pk" PRIMARY KEY("draw_id","observer_id")
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"monthly_plan_id" uuid,
	"campaign_id" uuid,
	"status" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"manifest_hash" varchar(64) NOT NULL,
	"period_start" date NOT NULL,
	"due_date" date NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by" uuid NOT NULL,
	"seed" varchar(64),
	"result" jsonb,
	"result_hash" varchar(64),
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "draws_status_check" CHECK ("draws"."status" in ('frozen', 'executed', 'voided')),
	CONSTRAINT "draws_source_check" CHECK (("draws"."monthly_plan_id" is null) <> ("draws"."campaign_id" is null))
);
--> statement-breakpoint
CREATE TABLE "task_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"role" text,
	"from_id" text,
	"to_id" text,
	"reason" text NOT NULL,
	"evidence" text NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_changes_kind_check" CHECK ("task_changes"."kind" in ('inspector_replaced', 'unit_replaced', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stratum" text NOT NULL,
	"rank" integer NOT NULL,
	"lead_ids" uuid[] NOT NULL,
	"assistant_ids" uuid[] NOT NULL,
	"backups" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"replaces_task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('assigned', 'done', 'replaced', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "draw_external_entries" ADD CONSTRAINT "draw_external_entries_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_observers" ADD CONSTRAINT "draw_observers_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_monthly_plan_id_monthly_plans_id_fk" FOREIGN KEY ("monthly_plan_id") REFERENCES "public"."monthly_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_campaign_id_special_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."special_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_changes" ADD CONSTRAINT "task_changes_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_changes" ADD CONSTRAINT "task_changes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "draw_external_entries_once_key" ON "draw_external_entries" USING btree ("draw_id","source","ref","entered_by");--> statement-breakpoint
CREATE UNIQUE INDEX "draws_code_key" ON "draws" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "draws_live_monthly_key" ON "draws" USING btree ("monthly_plan_id") WHERE "draws"."status" <> 'voided' and "draws"."monthly_plan_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "draws_live_campaign_key" ON "draws" USING btree ("campaign_id") WHERE "draws"."status" <> 'voided' and "draws"."campaign_id" is not null;--> statement-breakpoint
CREATE INDEX "draws_org_idx" ON "draws" USING btree ("org_id","frozen_at");--> statement-breakpoint
CREATE INDEX "task_changes_draw_idx" ON "task_changes" USING btree ("draw_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_draw_unit_key" ON "tasks" USING btree ("draw_id","unit_id");--> statement-breakpoint
CREATE INDEX "tasks_org_idx" ON "tasks" USING btree ("org_id","due_date");--> statement-breakpoint
CREATE INDEX "tasks_unit_idx" ON "tasks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING gin ("lead_ids");--> statement-breakpoint
CREATE INDEX "tasks_assistant_idx" ON "tasks" USING gin ("assistant_ids");