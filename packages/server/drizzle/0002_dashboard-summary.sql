-- Summary columns of each version for the finance bureau's dashboard, computed by PostgreSQL from what
-- the version stores (so every write path keeps them right): the execution rate (全年执行数 / 全年预算数,
-- in percent), the unit's own total score as a number, and whether the 预算执行率 score is claimed in full.
-- Written by hand (generated columns over jsonb); not in the drizzle schema, so backups neither read
-- nor write them and a restore recomputes them.
CREATE OR REPLACE FUNCTION jixiao_amount(value jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT CASE
    WHEN jsonb_typeof(value) = 'number' AND abs(value::numeric) < 1e15 THEN value::numeric
    WHEN jsonb_typeof(value) = 'string' AND replace(btrim(value #>> '{}', E' \t\u3000'), ',', '') ~ '^-?[0-9]{1,15}(\.[0-9]{1,8})?$'
      THEN replace(btrim(value #>> '{}', E' \t\u3000'), ',', '')::numeric
  END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION jixiao_funds(document jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT CASE document ->> 'kind' WHEN 'project' THEN document #> '{funds,total}' ELSE document #> '{selfEvaluation,funds}' END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION jixiao_execution_rate(document jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT CASE WHEN b IS NULL OR b <= 0 OR a IS NULL OR a < 0 THEN NULL ELSE round(a * 100 / b, 2) END
  FROM (SELECT jixiao_amount(jixiao_funds(document) -> 'actual') AS a, jixiao_amount(jixiao_funds(document) -> 'budget') AS b) AS x
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION jixiao_funds_score_full(document jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT s IS NOT NULL AND p IS NOT NULL AND p > 0 AND s >= p
  FROM (SELECT jixiao_amount(jixiao_funds(document) -> 'score') AS s, jixiao_amount(jixiao_funds(document) -> 'points') AS p) AS x
$$;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD COLUMN "execution_rate" numeric GENERATED ALWAYS AS (jixiao_execution_rate("document")) STORED;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD COLUMN "stated_score" numeric GENERATED ALWAYS AS (
  CASE WHEN "stated_total" ~ '^-?[0-9]{1,9}(\.[0-9]{1,6})?$' THEN "stated_total"::numeric END) STORED;--> statement-breakpoint
ALTER TABLE "evaluation_versions" ADD COLUMN "funds_score_full" boolean GENERATED ALWAYS AS (coalesce(jixiao_funds_score_full("document"), false)) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "evaluations_year_idx" ON "evaluations" USING btree ("year");
