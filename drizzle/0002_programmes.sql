CREATE TABLE "exchange_rate" (
	"currency" text NOT NULL,
	"eur_per_unit" numeric NOT NULL,
	"as_of" date NOT NULL,
	"source_url" text
);
--> statement-breakpoint
CREATE TABLE "programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"level" text NOT NULL,
	"isced_code" text NOT NULL,
	"languages" text[] NOT NULL,
	"duration_months" integer NOT NULL,
	"credits" integer,
	"tuition_amount" numeric,
	"tuition_currency" text,
	"tuition_eur" numeric,
	"start_terms" text[] DEFAULT '{autumn}'::text[] NOT NULL,
	"application_opens" date,
	"application_deadline" date,
	"status" text DEFAULT 'published' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rate_currency_date_uq" ON "exchange_rate" USING btree ("currency","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_institution_slug_uq" ON "programme" USING btree ("institution_id","slug");--> statement-breakpoint
CREATE INDEX "programme_finder_idx" ON "programme" USING btree ("status","level","isced_code");--> statement-breakpoint
CREATE INDEX "programme_institution_idx" ON "programme" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "programme_deadline_idx" ON "programme" USING btree ("application_deadline");--> statement-breakpoint
CREATE INDEX "programme_tuition_idx" ON "programme" USING btree ("tuition_eur");--> statement-breakpoint
CREATE INDEX "programme_languages_idx" ON "programme" USING gin ("languages");