-- 批量审核: a batch of report files uploaded by a finance bureau, and one row per file that is also the
-- work queue. Workers (in the server process, or `jixiao worker` processes on any machine) claim the next
-- item with UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1): the same statement on PGlite
-- and PostgreSQL. A claimed item holds a lease (locked_until); an item whose worker died is claimed again
-- once its lease has passed. The file's bytes are in "blobs" (key blob_key), so every worker can read them.
-- Written by hand (no snapshot), like 0002.
CREATE TABLE IF NOT EXISTS "batches" (
	"id" text PRIMARY KEY NOT NULL,
	"region_id" text REFERENCES "regions"("id"),
	"year" integer,
	"note" text,
	"created_by" text NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "batches_region_created_idx" ON "batches" USING btree ("region_id", "created_at");--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "batch_items" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL REFERENCES "batches"("id") ON DELETE CASCADE,
	"seq" integer NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"blob_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"kind" text,
	"unit_name" text,
	"error_count" integer,
	"warning_count" integer,
	"info_count" integer,
	"findings" jsonb,
	CONSTRAINT "batch_items_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed'))
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "batch_items_batch_seq_key" ON "batch_items" USING btree ("batch_id", "seq");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "batch_items_pending_idx" ON "batch_items" USING btree ("queued_at", "seq") WHERE "status" IN ('queued', 'running');
