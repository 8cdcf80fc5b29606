ALTER TABLE "evaluation_versions" ADD COLUMN "findings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "evaluation_versions" v SET "findings" = f.list
FROM (
  SELECT evaluation_id, version, jsonb_agg(jsonb_build_object('check', "check", 'category', category, 'severity', severity, 'message', message,
    'path', path, 'stated', stated, 'expected', expected, 'line', line, 'excerpt', excerpt) ORDER BY seq) AS list
  FROM "findings" GROUP BY evaluation_id, version
) f
WHERE f.evaluation_id = v.evaluation_id AND f.version = v.number;--> statement-breakpoint
DROP TABLE "findings" CASCADE;
