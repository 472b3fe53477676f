CREATE TABLE "cost_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"city" text NOT NULL,
	"category" text NOT NULL,
	"period" text NOT NULL,
	"low" numeric NOT NULL,
	"typical" numeric NOT NULL,
	"high" numeric NOT NULL,
	"currency" text NOT NULL,
	"note" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds_requirement" (
	"country_code" text PRIMARY KEY NOT NULL,
	"monthly_amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"note" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_url" text,
	"verified_on" date,
	"unverified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cost_item_city_category_uq" ON "cost_item" USING btree ("country_code","city","category");