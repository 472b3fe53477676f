ALTER TABLE "programme" ADD CONSTRAINT "programme_status_check" CHECK ("programme"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "scholarship" ADD CONSTRAINT "scholarship_status_check" CHECK ("scholarship"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_status_check" CHECK ("event"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "faq_item" ADD CONSTRAINT "faq_item_status_check" CHECK ("faq_item"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "library_document" ADD CONSTRAINT "library_document_status_check" CHECK ("library_document"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "news_item" ADD CONSTRAINT "news_item_status_check" CHECK ("news_item"."status" in ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "content_revision" ADD CONSTRAINT "content_revision_state_check" CHECK ("content_revision"."state" in ('draft', 'in_review', 'published'));--> statement-breakpoint
ALTER TABLE "content_revision" ADD CONSTRAINT "content_revision_entity_type_check" CHECK ("content_revision"."entity_type" in ('news', 'event', 'faq', 'document', 'scholarship', 'programme'));