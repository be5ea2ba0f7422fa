CREATE TABLE "dictionary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"color" text,
	"weight" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization" text NOT NULL,
	"title" text,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificate_no" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"file_bytes" "bytea" NOT NULL,
	"encoding" text,
	"mapping" jsonb NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"summary" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspector_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "inspector_zone_memberships" (
	"inspector_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	CONSTRAINT "inspector_zone_memberships_inspector_id_zone_id_pk" PRIMARY KEY("inspector_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "unit_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"kind" text NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspectors" ADD COLUMN "duty" text;--> statement-breakpoint
ALTER TABLE "inspectors" ADD COLUMN "specialties" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inspectors" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "community" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "building_scale" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "credit_level" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "status_effective_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "flag_reason" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "duplicate_key" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "external_people" ADD CONSTRAINT "external_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_availability" ADD CONSTRAINT "inspector_availability_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_zone_memberships" ADD CONSTRAINT "inspector_zone_memberships_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_zone_memberships" ADD CONSTRAINT "inspector_zone_memberships_zone_id_collaboration_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."collaboration_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_history" ADD CONSTRAINT "unit_history_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dictionary_entries_kind_code_key" ON "dictionary_entries" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "external_people_org_idx" ON "external_people" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "import_batches_org_idx" ON "import_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "inspector_availability_inspector_idx" ON "inspector_availability" USING btree ("inspector_id");--> statement-breakpoint
CREATE INDEX "recusals_inspector_idx" ON "recusals" USING btree ("inspector_id");--> statement-breakpoint
CREATE INDEX "recusals_unit_idx" ON "recusals" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_history_unit_idx" ON "unit_history" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "units_brigade_category_idx" ON "units" USING btree ("brigade_id","category","status");--> statement-breakpoint
CREATE INDEX "units_brigade_name_idx" ON "units" USING btree ("brigade_id","name");--> statement-breakpoint
CREATE INDEX "units_duplicate_key_idx" ON "units" USING btree ("duplicate_key");--> statement-breakpoint
CREATE INDEX "units_updated_at_idx" ON "units" USING btree ("brigade_id","updated_at");