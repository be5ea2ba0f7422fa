CREATE TABLE "stored_files" (
	"sha256" varchar(64) PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_changes" ADD COLUMN "evidence_files" jsonb DEFAULT '[]'::jsonb NOT NULL;