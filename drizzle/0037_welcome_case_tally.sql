CREATE TABLE "welcome_case_tally" (
	"institution_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "welcome_case_tally_institution_id_status_pk" PRIMARY KEY("institution_id","status")
);
--> statement-breakpoint
ALTER TABLE "welcome_case_tally" ADD CONSTRAINT "welcome_case_tally_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "welcome_case_due_idx" ON "welcome_case" USING btree ("institution_id","due_on","number");--> statement-breakpoint
CREATE INDEX "welcome_case_submitted_idx" ON "welcome_case" USING btree ("institution_id","submitted_at","number");--> statement-breakpoint
INSERT INTO "welcome_case_tally" ("institution_id", "status", "n") SELECT "institution_id", "status", count(*) FROM "welcome_case" GROUP BY "institution_id", "status";--> statement-breakpoint
-- Keeps welcome_case_tally in step with welcome_case, once per statement (a bulk insert of
-- 100,000 cases is one upsert of its sums). Rows are upserted in key order, so two transactions
-- moving cases in opposite directions take the tally rows' locks in the same order.
CREATE FUNCTION "welcome_case_tally_step"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "welcome_case_tally" ("institution_id", "status", "n")
			SELECT "institution_id", "status", count(*) FROM "new_cases" GROUP BY "institution_id", "status" ORDER BY "institution_id", "status"
			ON CONFLICT ("institution_id", "status") DO UPDATE SET "n" = "welcome_case_tally"."n" + excluded."n";
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO "welcome_case_tally" ("institution_id", "status", "n")
			SELECT "institution_id", "status", sum("d") FROM (
				SELECT "institution_id", "status", 1 AS "d" FROM "new_cases"
				UNION ALL SELECT "institution_id", "status", -1 FROM "old_cases"
			) AS "moves" GROUP BY "institution_id", "status" HAVING sum("d") <> 0 ORDER BY "institution_id", "status"
			ON CONFLICT ("institution_id", "status") DO UPDATE SET "n" = "welcome_case_tally"."n" + excluded."n";
	ELSE
		-- Deleted with their institution, the tally rows may be gone already: nothing to insert.
		UPDATE "welcome_case_tally" AS "t" SET "n" = "t"."n" - "gone"."n"
			FROM (SELECT "institution_id", "status", count(*) AS "n" FROM "old_cases" GROUP BY "institution_id", "status") AS "gone"
			WHERE "t"."institution_id" = "gone"."institution_id" AND "t"."status" = "gone"."status";
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "welcome_case_tally_insert" AFTER INSERT ON "welcome_case" REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "welcome_case_tally_step"();--> statement-breakpoint
CREATE TRIGGER "welcome_case_tally_update" AFTER UPDATE ON "welcome_case" REFERENCING OLD TABLE AS "old_cases" NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "welcome_case_tally_step"();--> statement-breakpoint
CREATE TRIGGER "welcome_case_tally_delete" AFTER DELETE ON "welcome_case" REFERENCING OLD TABLE AS "old_cases" FOR EACH STATEMENT EXECUTE FUNCTION "welcome_case_tally_step"();
