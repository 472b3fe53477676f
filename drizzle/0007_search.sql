CREATE TABLE "search_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"titles" text NOT NULL,
	"body" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_document_path_uq" ON "search_document" USING btree ("path");--> statement-breakpoint
CREATE INDEX "search_document_tsv_idx" ON "search_document" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_document_body_trgm_idx" ON "search_document" USING gin ("body" gin_trgm_ops);