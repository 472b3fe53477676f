DROP INDEX "cost_item_city_category_uq";--> statement-breakpoint
ALTER TABLE "cost_item" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "cost_item" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "cost_item" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cost_item" ADD CONSTRAINT "cost_item_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_item_institution_category_uq" ON "cost_item" USING btree ("institution_id","category") WHERE institution_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_item_city_category_uq" ON "cost_item" USING btree ("country_code","city","category") WHERE institution_id is null;