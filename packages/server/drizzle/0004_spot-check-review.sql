-- 抽查复核: each drawn evaluation can be assigned to a reviewer of the region, and the reviewer records a
-- 复核得分 (the total as the reviewer finds it, 0–100 with at most two decimals) beside the result and opinion.
ALTER TABLE "spot_check_items" ADD COLUMN "assigned_to" text;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD COLUMN "reviewed_score" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "spot_check_items_assigned_to_idx" ON "spot_check_items" USING btree ("assigned_to");
