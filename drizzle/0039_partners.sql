CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"hei_id" text NOT NULL,
	"erasmus_code" text,
	"name" jsonb NOT NULL,
	"country_code" text NOT NULL,
	"city" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"website" text,
	"platform_institution_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"ounit_id" text NOT NULL,
	"code" text,
	"name" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_platform_institution_id_institution_id_fk" FOREIGN KEY ("platform_institution_id") REFERENCES "public"."institution"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact" ADD CONSTRAINT "partner_contact_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact" ADD CONSTRAINT "partner_contact_unit_id_partner_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit" ADD CONSTRAINT "partner_unit_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_institution_hei_uq" ON "partner" USING btree ("institution_id","hei_id");--> statement-breakpoint
CREATE INDEX "partner_institution_country_idx" ON "partner" USING btree ("institution_id","country_code");--> statement-breakpoint
CREATE INDEX "partner_contact_partner_idx" ON "partner_contact" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_unit_ounit_uq" ON "partner_unit" USING btree ("partner_id","ounit_id");