CREATE VIEW "public"."person" AS (select id, name, email, locale, person_kind from "user");--> statement-breakpoint
CREATE VIEW "public"."institution_directory" AS (select id, slug, short_name, short_names, name, country_code, city, default_locale, locales from institution);--> statement-breakpoint
CREATE VIEW "public"."country_time_zone" AS (select country_code, time_zone from country_guide);