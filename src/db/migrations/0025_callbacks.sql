CREATE TABLE "callback_external_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"source" text NOT NULL,
	"ref" text NOT NULL,
	"value" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_unit_id" uuid NOT NULL,
	"reached" boolean NOT NULL,
	"attempts" integer NOT NULL,
	"satisfaction" integer,
	"conduct_reported" boolean DEFAULT false NOT NULL,
	"conduct_text" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "callback_records_attempts_check" CHECK ("callback_records"."attempts" between 1 and 20),
	CONSTRAINT "callback_records_satisfaction_check" CHECK (("callback_records"."reached" and "callback_records"."satisfaction" between 1 and 5) or (not "callback_records"."reached" and "callback_records"."satisfaction" is null))
);
--> statement-breakpoint
CREATE TABLE "callback_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"status" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"manifest_hash" varchar(64) NOT NULL,
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
	CONSTRAINT "callback_rounds_status_check" CHECK ("callback_rounds"."status" in ('frozen', 'executed', 'voided'))
);
--> statement-breakpoint
CREATE TABLE "callback_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"brigade_id" uuid NOT NULL,
	"stratum" text NOT NULL,
	"rank" integer NOT NULL,
	"caller_id" uuid NOT NULL,
	"recorder_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"replaces_id" uuid,
	"replace_reason" text,
	"replaced_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_units_status_check" CHECK ("callback_units"."status" in ('open', 'recorded', 'replaced', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "callback_external_entries" ADD CONSTRAINT "callback_external_entries_round_id_callback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."callback_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_records" ADD CONSTRAINT "callback_records_callback_unit_id_callback_units_id_fk" FOREIGN KEY ("callback_unit_id") REFERENCES "public"."callback_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_rounds" ADD CONSTRAINT "callback_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_round_id_callback_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."callback_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_brigade_id_orgs_id_fk" FOREIGN KEY ("brigade_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_caller_id_accounts_id_fk" FOREIGN KEY ("caller_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_recorder_id_accounts_id_fk" FOREIGN KEY ("recorder_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_units" ADD CONSTRAINT "callback_units_replaces_id_callback_units_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."callback_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_external_entries_round_idx" ON "callback_external_entries" USING btree ("round_id","source","ref");--> statement-breakpoint
CREATE INDEX "callback_records_unit_idx" ON "callback_records" USING btree ("callback_unit_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_rounds_code_key" ON "callback_rounds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_rounds_live_key" ON "callback_rounds" USING btree ("org_id","quarter") WHERE "callback_rounds"."status" <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "callback_units_round_unit_key" ON "callback_units" USING btree ("round_id","unit_id");--> statement-breakpoint
-- A callback round obeys the same rules as a draw (0012_draws_append_only.sql): never deleted, the manifest fixed at
-- freeze, the result fixed once set, status only frozen → executed, frozen → voided, executed → voided.
CREATE TRIGGER callback_rounds_guard BEFORE UPDATE OR DELETE ON callback_rounds FOR EACH ROW EXECUTE FUNCTION draws_guard();
--> statement-breakpoint
CREATE TRIGGER callback_external_entries_append_only BEFORE UPDATE OR DELETE ON callback_external_entries FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER callback_records_append_only BEFORE UPDATE OR DELETE ON callback_records FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER callback_units_never_deleted BEFORE DELETE ON callback_units FOR EACH ROW EXECUTE FUNCTION refuse_change();
