ALTER TABLE "mail_message" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_message" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_message_queued_idx" ON "mail_message" USING btree ("next_attempt_at") WHERE status = 'queued';--> statement-breakpoint
ALTER TABLE "mail_message" ADD CONSTRAINT "mail_message_status_check" CHECK ("mail_message"."status" in ('outbox', 'queued', 'sent', 'failed'));