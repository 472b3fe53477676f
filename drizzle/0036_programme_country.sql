ALTER TABLE "programme" ADD COLUMN "country_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "programme" SET "country_code" = "institution_directory"."country_code" FROM "institution_directory" WHERE "institution_directory"."id" = "programme"."institution_id";--> statement-breakpoint
-- The programme keeps its institution's country (read from the institutions' published view), whoever inserts it.
CREATE FUNCTION "programme_country"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT "country_code" INTO NEW."country_code" FROM "institution_directory" WHERE "id" = NEW."institution_id";
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "programme_country" BEFORE INSERT OR UPDATE OF "institution_id" ON "programme" FOR EACH ROW EXECUTE FUNCTION "programme_country"();--> statement-breakpoint
CREATE INDEX "programme_country_level_idx" ON "programme" USING btree ("status","country_code","level","tuition_eur");
