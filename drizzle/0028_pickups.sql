CREATE TABLE "pickup_booking" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pickup_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"date" date NOT NULL,
	"from_time" text NOT NULL,
	"to_time" text NOT NULL,
	"airport" text NOT NULL,
	"capacity" integer NOT NULL,
	"driver" text NOT NULL,
	"driver_email" text,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pickup_booking" ADD CONSTRAINT "pickup_booking_case_id_welcome_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."welcome_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_booking" ADD CONSTRAINT "pickup_booking_slot_id_pickup_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."pickup_slot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_slot" ADD CONSTRAINT "pickup_slot_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pickup_booking_slot_idx" ON "pickup_booking" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "pickup_slot_institution_date_idx" ON "pickup_slot" USING btree ("institution_id","date");