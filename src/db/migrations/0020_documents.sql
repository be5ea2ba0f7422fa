CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"number" text NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"procedure" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"provision_code" text,
	"penalty_kind" text,
	"fine_amount" integer,
	"decided_on" date,
	"decision_document_id" uuid,
	"payment_status" text DEFAULT 'not_applicable' NOT NULL,
	"paid_on" date,
	"payment_note" text,
	"closed_on" date,
	"close_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'decided', 'closed')),
	CONSTRAINT "cases_fine_check" CHECK ("cases"."fine_amount" is null or "cases"."fine_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"org_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "document_counters_org_id_doc_type_year_pk" PRIMARY KEY("org_id","doc_type","year"),
	CONSTRAINT "document_counters_seq_check" CHECK ("document_counters"."last_seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "document_number_formats" (
	"org_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"pattern" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_number_formats_org_id_doc_type_pk" PRIMARY KEY("org_id","doc_type")
);
--> statement-breakpoint
CREATE TABLE "document_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"method" text NOT NULL,
	"served_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"recipient_name" text DEFAULT '' NOT NULL,
	"recipient_relation" text DEFAULT '' NOT NULL,
	"refusal_reason" text,
	"witness" text,
	"postal_tracking" text,
	"electronic_address" text,
	"consent_file" varchar(64),
	"evidence_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_services_method_check" CHECK ("document_services"."method" in ('direct', 'left', 'post', 'electronic'))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"issue_date" date NOT NULL,
	"task_id" uuid,
	"record_id" uuid,
	"case_id" uuid,
	"replaces_id" uuid,
	"content" jsonb NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"check_code" varchar(16) NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('issued', 'voided')),
	CONSTRAINT "documents_seq_check" CHECK ("documents"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"line_code" text NOT NULL,
	"seq" integer NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"legal_basis" text NOT NULL,
	"fixed_on_spot" boolean NOT NULL,
	"found_on" date NOT NULL,
	"stage" text NOT NULL,
	"notice_id" uuid,
	"correction_due" date,
	"reinspection_task_id" uuid,
	"case_id" uuid,
	"closed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazards_stage_check" CHECK ("hazards"."stage" in ('found', 'ordered', 'reinspection', 'corrected', 'case', 'closed', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"case_id" uuid,
	"hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"department" text NOT NULL,
	"department_name" text NOT NULL,
	"reason" text NOT NULL,
	"letter_document_id" uuid,
	"sent_on" date NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"reply_on" date,
	"reply_text" text,
	"reply_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('sent', 'replied'))
);
--> statement-breakpoint
CREATE TABLE "reinspection_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sealings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"places" text NOT NULL,
	"reason" text NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"deciders" text NOT NULL,
	"sealed_on" date NOT NULL,
	"sealed_until" date NOT NULL,
	"decision_document_id" uuid,
	"status" text DEFAULT 'sealed' NOT NULL,
	"lifted_on" date,
	"lift_document_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sealings_status_check" CHECK ("sealings"."status" in ('sealed', 'lifted'))
);
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "draw_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "doc_prefix" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "kind" text DEFAULT 'draw' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "follows_document_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_decision_document_id_documents_id_fk" FOREIGN KEY ("decision_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_number_formats" ADD CONSTRAINT "document_number_formats_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_services" ADD CONSTRAINT "document_services_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_record_id_inspection_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaces_id_documents_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_record_id_inspection_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_notice_id_documents_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_reinspection_task_id_tasks_id_fk" FOREIGN KEY ("reinspection_task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_letter_document_id_documents_id_fk" FOREIGN KEY ("letter_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reinspection_requests" ADD CONSTRAINT "reinspection_requests_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealings" ADD CONSTRAINT "sealings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealings" ADD CONSTRAINT "sealings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealings" ADD CONSTRAINT "sealings_decision_document_id_documents_id_fk" FOREIGN KEY ("decision_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealings" ADD CONSTRAINT "sealings_lift_document_id_documents_id_fk" FOREIGN KEY ("lift_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_key" ON "cases" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "cases_org_idx" ON "cases" USING btree ("org_id","opened_on");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "document_services_document_idx" ON "document_services" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_seq_key" ON "documents" USING btree ("org_id","doc_type","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_key" ON "documents" USING btree ("org_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_check_code_key" ON "documents" USING btree ("check_code");--> statement-breakpoint
CREATE INDEX "documents_org_idx" ON "documents" USING btree ("org_id","issued_at");--> statement-breakpoint
CREATE INDEX "documents_unit_idx" ON "documents" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "documents_task_idx" ON "documents" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_record_seq_key" ON "hazards" USING btree ("record_id","seq");--> statement-breakpoint
CREATE INDEX "hazards_org_stage_idx" ON "hazards" USING btree ("org_id","stage");--> statement-breakpoint
CREATE INDEX "hazards_unit_idx" ON "hazards" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "hazards_task_idx" ON "hazards" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "hazards_notice_idx" ON "hazards" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "referrals_org_idx" ON "referrals" USING btree ("org_id","sent_on");--> statement-breakpoint
CREATE INDEX "reinspection_requests_document_idx" ON "reinspection_requests" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "sealings_org_idx" ON "sealings" USING btree ("org_id","sealed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_follows_document_key" ON "tasks" USING btree ("follows_document_id") WHERE "tasks"."follows_document_id" is not null and "tasks"."status" <> 'cancelled';--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_check" CHECK ("tasks"."kind" in ('draw', 'reinspection'));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_kind_draw_check" CHECK (("tasks"."kind" = 'draw') = ("tasks"."draw_id" is not null));