CREATE TABLE "inspection_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"corrects_id" uuid,
	"correction_reason" text,
	"outcome" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_hash" varchar(64) NOT NULL,
	"signatures" jsonb NOT NULL,
	"submission_hash" varchar(64) NOT NULL,
	"snapshot" jsonb NOT NULL,
	"visit_date" date NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_inspector" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspection_records_outcome_check" CHECK ("inspection_records"."outcome" in ('inspected', 'unable')),
	CONSTRAINT "inspection_records_version_check" CHECK ("inspection_records"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"task_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"short_code" varchar(16) NOT NULL,
	"visit_date" date,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_channel_check" CHECK ("outbox_messages"."channel" in ('log', 'sms')),
	CONSTRAINT "outbox_messages_state_check" CHECK ("outbox_messages"."state" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "record_confirmations" (
	"record_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"body_hash" varchar(64) NOT NULL,
	"signature" jsonb NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_confirmations_record_id_inspector_id_pk" PRIMARY KEY("record_id","inspector_id")
);
--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_status_check";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "visit_date" date;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "notice_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "notice_late_reason" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_records" ADD CONSTRAINT "inspection_records_corrects_id_inspection_records_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_confirmations" ADD CONSTRAINT "record_confirmations_record_id_inspection_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."inspection_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_confirmations" ADD CONSTRAINT "record_confirmations_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_records_task_version_key" ON "inspection_records" USING btree ("task_id","version");--> statement-breakpoint
CREATE INDEX "inspection_records_submitted_idx" ON "inspection_records" USING btree ("submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_short_code_key" ON "outbox_messages" USING btree ("short_code");--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_org_idx" ON "outbox_messages" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_task_idx" ON "outbox_messages" USING btree ("task_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" in ('assigned', 'notified', 'in_progress', 'done', 'unable', 'closed', 'replaced', 'cancelled'));