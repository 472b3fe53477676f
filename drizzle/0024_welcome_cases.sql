CREATE TABLE "incoming_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"institution_id" uuid,
	"nationality" text,
	"date_of_birth" date,
	"passport_number" text,
	"passport_expiry" date,
	"stay_start" date,
	"stay_end" date,
	"arrival_date" date,
	"arrival_time" text,
	"flight_number" text,
	"arrival_airport" text,
	"housing" text DEFAULT 'unknown' NOT NULL,
	"family" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_step_done" (
	"user_id" text NOT NULL,
	"step_code" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timeline_step_done_user_id_step_code_pk" PRIMARY KEY("user_id","step_code")
);
--> statement-breakpoint
CREATE TABLE "case_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_event_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" text,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welcome_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"service_id" uuid,
	"service" jsonb NOT NULL,
	"applicant_id" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decline_reason" text,
	"assignee_id" text,
	"due_on" date NOT NULL,
	"submission_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD CONSTRAINT "incoming_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_profile" ADD CONSTRAINT "incoming_profile_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_step_done" ADD CONSTRAINT "timeline_step_done_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_case_id_welcome_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."welcome_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_uploaded_by_id_user_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_welcome_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."welcome_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_case" ADD CONSTRAINT "welcome_case_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_case" ADD CONSTRAINT "welcome_case_service_id_welcome_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."welcome_service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_case" ADD CONSTRAINT "welcome_case_applicant_id_user_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_case" ADD CONSTRAINT "welcome_case_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_document_case_idx" ON "case_document" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_event_case_idx" ON "case_event" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "welcome_case_number_uq" ON "welcome_case" USING btree ("institution_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "welcome_case_submission_uq" ON "welcome_case" USING btree ("applicant_id","submission_key");--> statement-breakpoint
CREATE INDEX "welcome_case_queue_idx" ON "welcome_case" USING btree ("institution_id","status","due_on");--> statement-breakpoint
CREATE INDEX "welcome_case_open_due_idx" ON "welcome_case" USING btree ("institution_id","due_on") WHERE status in ('submitted', 'in_progress', 'waiting');--> statement-breakpoint
CREATE INDEX "welcome_case_applicant_idx" ON "welcome_case" USING btree ("applicant_id","submitted_at");