ALTER TABLE "incoming_profile" ADD COLUMN "agreement_id" uuid;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "agreement_mobility" text;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD CONSTRAINT "incoming_profile_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incoming_profile_agreement_idx" ON "incoming_profile" USING btree ("agreement_id");