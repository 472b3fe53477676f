ALTER TABLE "scholarship" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "scholarship" ADD COLUMN "latest_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scholarship" ADD COLUMN "live_revision" integer;