CREATE TABLE "issued_letter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"facts" jsonb NOT NULL,
	"text_sha256" text NOT NULL,
	"document_id" uuid,
	"issued_by_id" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "letter_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"signatory_name" text DEFAULT '' NOT NULL,
	"signatory_title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_case_id_welcome_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."welcome_case"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_letter" ADD CONSTRAINT "issued_letter_issued_by_id_user_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_template" ADD CONSTRAINT "letter_template_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_letter_code_uq" ON "issued_letter" USING btree ("code");--> statement-breakpoint
CREATE INDEX "issued_letter_case_idx" ON "issued_letter" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_template_institution_kind_uq" ON "letter_template" USING btree ("institution_id","kind");