CREATE TABLE "arrival_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"code" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"anchor" text DEFAULT 'arrival' NOT NULL,
	"offset" integer NOT NULL,
	"unit" text NOT NULL,
	"responsible" text DEFAULT 'self' NOT NULL,
	"min_stay_days" integer,
	"max_stay_days" integer,
	"visa_routes" text[],
	"housing" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_day" (
	"country_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "country_guide" (
	"country_code" text PRIMARY KEY NOT NULL,
	"depth" text DEFAULT 'brief' NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"credit_system" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"grade_scale" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"academic_calendar" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"insurance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"official_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visa_route" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"min_stay_days" integer,
	"max_stay_days" integer,
	"nationalities" text[],
	"excluded_nationalities" text[] DEFAULT '{}' NOT NULL,
	"visa_free" boolean DEFAULT false NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fee_amount" numeric,
	"fee_currency" text,
	"processing_days_min" integer,
	"processing_days_max" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "arrival_rule" ADD CONSTRAINT "arrival_rule_country_code_country_guide_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country_guide"("country_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_country_code_country_guide_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country_guide"("country_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_route" ADD CONSTRAINT "visa_route_country_code_country_guide_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country_guide"("country_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrival_rule_country_code_uq" ON "arrival_rule" USING btree ("country_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_day_country_date_uq" ON "calendar_day" USING btree ("country_code","date");--> statement-breakpoint
CREATE INDEX "calendar_day_date_idx" ON "calendar_day" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "visa_route_country_code_uq" ON "visa_route" USING btree ("country_code","code");