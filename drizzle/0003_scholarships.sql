CREATE TABLE "scholarship" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"country_code" text NOT NULL,
	"institution_id" uuid,
	"provider" jsonb NOT NULL,
	"name" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"levels" text[] NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"eligible_nationalities" text[],
	"excluded_nationalities" text[] DEFAULT '{}' NOT NULL,
	"covers" text[] NOT NULL,
	"stipends" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stipend_currency" text,
	"application_deadline" date,
	"url" text,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scholarship_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "scholarship" ADD CONSTRAINT "scholarship_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scholarship_country_idx" ON "scholarship" USING btree ("country_code","status");--> statement-breakpoint
CREATE INDEX "scholarship_institution_idx" ON "scholarship" USING btree ("institution_id");