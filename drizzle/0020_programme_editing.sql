ALTER TABLE "programme" ADD COLUMN "latest_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "programme" ADD COLUMN "live_revision" integer;