CREATE INDEX "invitation_accepted_by_idx" ON "invitation" USING btree ("accepted_by");--> statement-breakpoint
CREATE INDEX "invitation_invited_by_idx" ON "invitation" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "event_institution_id_idx" ON "event" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "news_item_institution_id_idx" ON "news_item" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "incoming_profile_institution_id_idx" ON "incoming_profile" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "case_document_reviewed_by_id_idx" ON "case_document" USING btree ("reviewed_by_id");--> statement-breakpoint
CREATE INDEX "case_document_uploaded_by_id_idx" ON "case_document" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "case_event_author_id_idx" ON "case_event" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "welcome_case_assignee_id_idx" ON "welcome_case" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "welcome_case_service_id_idx" ON "welcome_case" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "issued_letter_institution_id_idx" ON "issued_letter" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "issued_letter_issued_by_id_idx" ON "issued_letter" USING btree ("issued_by_id");--> statement-breakpoint
CREATE INDEX "buddy_match_matched_by_id_idx" ON "buddy_match" USING btree ("matched_by_id");--> statement-breakpoint
CREATE INDEX "buddy_match_user_id_idx" ON "buddy_match" USING btree ("user_id");