CREATE TABLE "content_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"institution_id" uuid,
	"number" integer NOT NULL,
	"data" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"author_user_id" text,
	"author_name" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_item" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "news_item" ADD COLUMN "latest_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "news_item" ADD COLUMN "live_revision" integer;--> statement-breakpoint
ALTER TABLE "search_document" ADD COLUMN "visible_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_revision" ADD CONSTRAINT "content_revision_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_revision_number_uq" ON "content_revision" USING btree ("entity_type","entity_id","number");--> statement-breakpoint
CREATE INDEX "content_revision_institution_idx" ON "content_revision" USING btree ("institution_id","entity_type","state");