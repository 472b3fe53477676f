DROP VIEW "public"."institution_directory";--> statement-breakpoint
ALTER TABLE "institution" ADD COLUMN "hei_id" text;--> statement-breakpoint
ALTER TABLE "institution" ADD COLUMN "erasmus_code" text;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_heiId_unique" UNIQUE("hei_id");--> statement-breakpoint
CREATE VIEW "public"."institution_directory" AS (select id, slug, short_name, short_names, name, country_code, city, default_locale, locales, hei_id, erasmus_code, website, updated_at from institution);