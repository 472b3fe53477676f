CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"iia_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"hash" text NOT NULL,
	"partner_country" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"mobility_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"terminated" boolean DEFAULT false NOT NULL,
	"our_approval_hash" text,
	"our_approval_version" integer,
	"our_approval_at" timestamp with time zone,
	"our_approval_by" text,
	"partner_approval_hash" text,
	"partner_approval_version" integer,
	"partner_approval_at" timestamp with time zone,
	"partner_approval_by" text,
	"partner_approval_note" text,
	"partner_copy" jsonb,
	"partner_copy_xml" text,
	"partner_copy_hash" text,
	"partner_copy_valid_for_approval" boolean,
	"partner_copy_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_kind_check" CHECK ("agreement"."kind" in ('erasmus', 'bilateral', 'mou'))
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"hash" text NOT NULL,
	"author_id" text,
	"author_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_iia_id_uq" ON "agreement" USING btree ("institution_id","iia_id");--> statement-breakpoint
CREATE INDEX "agreement_institution_last_year_idx" ON "agreement" USING btree ("institution_id","last_year");--> statement-breakpoint
CREATE INDEX "agreement_partner_idx" ON "agreement" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_version_number_uq" ON "agreement_version" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "partner_platform_institution_idx" ON "partner" USING btree ("platform_institution_id");--> statement-breakpoint
CREATE INDEX "partner_contact_unit_idx" ON "partner_contact" USING btree ("unit_id");