CREATE TABLE "institution_factsheet" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"founded_year" integer,
	"students" integer,
	"international_students" integer,
	"instruction_languages" text[] DEFAULT '{}' NOT NULL,
	"international_office" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"welcome_centre" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"services" text[] DEFAULT '{}' NOT NULL,
	"nomination_deadline_autumn" text,
	"nomination_deadline_spring" text,
	"application_deadline_autumn" text,
	"application_deadline_spring" text,
	"application_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"additional_requirements" text[] DEFAULT '{}' NOT NULL,
	"requirements_details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision_weeks_limit" integer,
	"transcript_weeks_limit" integer,
	"accessibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"housing_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visa_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"insurance_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"accommodation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"additional_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "institution_factsheet" ADD CONSTRAINT "institution_factsheet_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;