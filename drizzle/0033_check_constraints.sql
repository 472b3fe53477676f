ALTER TABLE "user" ADD CONSTRAINT "user_locale_check" CHECK ("user"."locale" in ('en', 'ru', 'kk', 'zh'));--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_platform_role_check" CHECK ("user"."platform_role" is null or "user"."platform_role" in ('platform_admin', 'consortium_member', 'country_editor'));--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_default_locale_check" CHECK ("institution"."default_locale" in ('en', 'ru', 'kk', 'zh'));--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_locales_check" CHECK ("institution"."locales" <@ array['en', 'ru', 'kk', 'zh']::text[]);--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_role_check" CHECK ("invitation"."role" in ('institution_admin', 'staff', 'editor', 'translator'));--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_locale_check" CHECK ("invitation"."locale" in ('en', 'ru', 'kk', 'zh'));--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_role_check" CHECK ("membership"."role" in ('institution_admin', 'staff', 'editor', 'translator'));--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_review_check" CHECK ("case_document"."review" in ('pending', 'accepted', 'rejected'));--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_kind_check" CHECK ("case_event"."kind" in ('submitted', 'message', 'note', 'status', 'assigned', 'document'));--> statement-breakpoint
ALTER TABLE "welcome_case" ADD CONSTRAINT "welcome_case_status_check" CHECK ("welcome_case"."status" in ('submitted', 'in_progress', 'waiting', 'done', 'declined'));