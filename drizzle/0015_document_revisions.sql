-- Existing documents get an address from their id before the column becomes required.
ALTER TABLE "library_document" ADD COLUMN "slug" text;--> statement-breakpoint
UPDATE "library_document" SET "slug" = 'document-' || left("id"::text, 8) WHERE "slug" IS NULL;--> statement-breakpoint
ALTER TABLE "library_document" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "library_document" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "library_document" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "library_document" ADD COLUMN "latest_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "library_document" ADD COLUMN "live_revision" integer;--> statement-breakpoint
ALTER TABLE "library_document" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "library_document_institution_slug_uq" ON "library_document" USING btree ("institution_id","slug");