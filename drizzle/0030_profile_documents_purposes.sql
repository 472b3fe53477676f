ALTER TABLE "institution" ADD COLUMN "short_names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "arrival_rule" ADD COLUMN "purposes" text[];--> statement-breakpoint
ALTER TABLE "visa_route" ADD COLUMN "purposes" text[];--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "passport_name" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "place_of_birth" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "home_address" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "passport_issued_on" date;--> statement-breakpoint
ALTER TABLE "case_document" ADD COLUMN "review" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_document" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "case_document" ADD COLUMN "reviewed_by_id" text;--> statement-breakpoint
ALTER TABLE "case_document" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issued_letter" ADD COLUMN "authority_reference" text;--> statement-breakpoint
ALTER TABLE "issued_letter" ADD COLUMN "authority_reference_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_reviewed_by_id_user_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;