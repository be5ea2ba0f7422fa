CREATE TABLE "conduct_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"inspector_id" uuid,
	"text" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"session_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"task_id" uuid,
	"draw_id" uuid,
	"case_id" uuid,
	"event_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"suppress_reason" text,
	"content" jsonb NOT NULL,
	"content_version" integer DEFAULT 1 NOT NULL,
	"unit_name" text NOT NULL,
	"uscc" varchar(18),
	"district_code" varchar(6),
	"outcome" text NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_on" date,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"display_until" date,
	"withdraw_kind" text,
	"withdraw_reason" text,
	"withdraw_requested_on" date,
	"withdrawn_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"created_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_kind_check" CHECK ("publications"."kind" in ('result', 'penalty')),
	CONSTRAINT "publications_status_check" CHECK ("publications"."status" in ('pending', 'published', 'withdrawal_pending', 'withdrawn', 'suppressed')),
	CONSTRAINT "publications_kind_link_check" CHECK (("publications"."kind" = 'result' and "publications"."task_id" is not null) or ("publications"."kind" = 'penalty' and "publications"."case_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "rectification_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"file_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"session_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_access_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_access_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_access_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"session_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_ratings_score_check" CHECK ("visit_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_status_check";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_minor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "revoked_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "revoke_kind" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
ALTER TABLE "conduct_complaints" ADD CONSTRAINT "conduct_complaints_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_complaints" ADD CONSTRAINT "conduct_complaints_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_complaints" ADD CONSTRAINT "conduct_complaints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_complaints" ADD CONSTRAINT "conduct_complaints_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_settings" ADD CONSTRAINT "publication_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_evidence" ADD CONSTRAINT "rectification_evidence_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_evidence" ADD CONSTRAINT "rectification_evidence_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_access_sessions" ADD CONSTRAINT "unit_access_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_access_sessions" ADD CONSTRAINT "unit_access_sessions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_complaints_org_idx" ON "conduct_complaints" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_task_key" ON "publications" USING btree ("task_id") WHERE "publications"."kind" = 'result';--> statement-breakpoint
CREATE UNIQUE INDEX "publications_case_key" ON "publications" USING btree ("case_id") WHERE "publications"."kind" = 'penalty';--> statement-breakpoint
CREATE INDEX "publications_queue_idx" ON "publications" USING btree ("org_id","status","event_date");--> statement-breakpoint
CREATE INDEX "publications_unit_idx" ON "publications" USING btree ("unit_id","event_date");--> statement-breakpoint
CREATE INDEX "publications_portal_idx" ON "publications" USING btree ("event_date","id","display_until","kind","outcome","district_code","unit_name","uscc") WHERE "publications"."status" in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "publications_portal_outcome_idx" ON "publications" USING btree ("outcome","event_date","id","display_until","kind","district_code","unit_name","uscc") WHERE "publications"."status" in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "publications_portal_district_idx" ON "publications" USING btree ("district_code","event_date","id","display_until","kind","outcome","unit_name","uscc") WHERE "publications"."status" in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "publications_portal_penalty_idx" ON "publications" USING btree ("event_date","id","display_until","outcome","district_code","unit_name","uscc") WHERE "publications"."status" in ('published', 'withdrawn') and "publications"."kind" = 'penalty';--> statement-breakpoint
CREATE INDEX "publications_grams_idx" ON "publications" USING gin ("search_grams") WHERE "publications"."status" in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "publications_uscc_idx" ON "publications" USING btree ("uscc") WHERE "publications"."status" in ('published', 'withdrawn');--> statement-breakpoint
CREATE INDEX "publications_draw_idx" ON "publications" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "rectification_evidence_document_idx" ON "rectification_evidence" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "unit_access_attempts_code_at_idx" ON "unit_access_attempts" USING btree ("code","at");--> statement-breakpoint
CREATE INDEX "unit_access_attempts_ip_at_idx" ON "unit_access_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_access_sessions_token_key" ON "unit_access_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "unit_access_sessions_unit_idx" ON "unit_access_sessions" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_ratings_task_key" ON "visit_ratings" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "visit_ratings_org_idx" ON "visit_ratings" USING btree ("org_id","submitted_at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'decided', 'closed', 'revoked'));