CREATE TABLE "buddy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 2 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_match" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"buddy_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"matched_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "languages" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD COLUMN "interests" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "buddy" ADD CONSTRAINT "buddy_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_buddy_id_buddy_id_fk" FOREIGN KEY ("buddy_id") REFERENCES "public"."buddy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_matched_by_id_user_id_fk" FOREIGN KEY ("matched_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_institution_email_uq" ON "buddy" USING btree ("institution_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_match_person_uq" ON "buddy_match" USING btree ("institution_id","user_id");--> statement-breakpoint
CREATE INDEX "buddy_match_buddy_idx" ON "buddy_match" USING btree ("buddy_id");