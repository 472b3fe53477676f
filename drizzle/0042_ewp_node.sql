CREATE TABLE "ewp_host" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"admin_email" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ewp_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "ewp_key_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
CREATE TABLE "ewp_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"institution_id" uuid,
	"direction" text NOT NULL,
	"api" text NOT NULL,
	"party" text,
	"status" integer NOT NULL,
	"message" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "ewp_nonce" (
	"key_id" text NOT NULL,
	"request_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ewp_nonce_key_id_request_id_pk" PRIMARY KEY("key_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "ewp_registry" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"source_url" text NOT NULL,
	"catalogue" text,
	"etag" text,
	"fetched_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "ewp_host" ADD CONSTRAINT "ewp_host_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ewp_key" ADD CONSTRAINT "ewp_key_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ewp_log" ADD CONSTRAINT "ewp_log_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ewp_key_institution_idx" ON "ewp_key" USING btree ("institution_id","purpose");--> statement-breakpoint
CREATE INDEX "ewp_log_institution_idx" ON "ewp_log" USING btree ("institution_id","at");--> statement-breakpoint
CREATE INDEX "ewp_nonce_seen_idx" ON "ewp_nonce" USING btree ("seen_at");