CREATE TABLE "listing_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listing_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"listing_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_events_kind_check" CHECK ("listing_events"."kind" in ('created', 'edited', 'price_changed', 'status_changed'))
);
--> statement-breakpoint
CREATE TABLE "listing_photos" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listing_photos_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"listing_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer,
	"height" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_photos_listing_id_position_key" UNIQUE("listing_id","position")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "listings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seller_id" bigint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"location" text NOT NULL,
	"title" text NOT NULL,
	"frame_number" text,
	"chassis_code" text,
	"serial" text,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"generation_label" text,
	"drive" text,
	"engine_code" text,
	"displacement_cc" integer,
	"build_month" text,
	"age_evidence" text DEFAULT 'none' NOT NULL,
	"year" integer,
	"mileage_km" integer,
	"transmission" text,
	"bed_type" text DEFAULT 'standard' NOT NULL,
	"high_low_range" boolean DEFAULT false NOT NULL,
	"diff_lock" boolean DEFAULT false NOT NULL,
	"condition" text,
	"auction_grade" text,
	"description" text DEFAULT '' NOT NULL,
	"price_usd_cents" bigint,
	"price_jpy" bigint,
	"us_state" char(2),
	"zip" text,
	"title_status" text,
	"jp_port" text,
	"eligible_from" date,
	"landed_usd_cents" bigint,
	"fair_price_cents" bigint,
	"deal_rating" text,
	"comparables" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"search_text" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(make, '') || ' ' || coalesce(model, '') || ' ' || coalesce(chassis_code, '') || ' ' || coalesce(description, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sold_at" timestamp with time zone,
	CONSTRAINT "listings_price_matches_location" CHECK (("listings"."location" = 'us' and "listings"."price_usd_cents" is not null and "listings"."price_jpy" is null) or ("listings"."location" = 'jp' and "listings"."price_jpy" is not null and "listings"."price_usd_cents" is null)),
	CONSTRAINT "listings_price_usd_positive" CHECK ("listings"."price_usd_cents" > 0),
	CONSTRAINT "listings_price_jpy_positive" CHECK ("listings"."price_jpy" > 0),
	CONSTRAINT "listings_mileage_nonnegative" CHECK ("listings"."mileage_km" >= 0),
	CONSTRAINT "listings_status_check" CHECK ("listings"."status" in ('active', 'sold', 'withdrawn')),
	CONSTRAINT "listings_location_check" CHECK ("listings"."location" in ('us', 'jp')),
	CONSTRAINT "listings_drive_check" CHECK ("listings"."drive" in ('2WD', '4WD', 'both')),
	CONSTRAINT "listings_age_evidence_check" CHECK ("listings"."age_evidence" in ('build_date', 'build_month', 'first_registration', 'none')),
	CONSTRAINT "listings_transmission_check" CHECK ("listings"."transmission" in ('manual', 'automatic', 'other')),
	CONSTRAINT "listings_bed_type_check" CHECK ("listings"."bed_type" in ('standard', 'dump', 'scissor_dump', 'panel', 'other')),
	CONSTRAINT "listings_condition_check" CHECK ("listings"."condition" in ('excellent', 'good', 'fair', 'project')),
	CONSTRAINT "listings_title_status_check" CHECK ("listings"."title_status" in ('clean', 'salvage', 'rebuilt', 'export_certificate', 'none'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text DEFAULT 'buyer' NOT NULL,
	"seller_kind" text,
	"dealer_name" text,
	"home_state" char(2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('buyer', 'seller', 'admin')),
	CONSTRAINT "users_seller_kind_check" CHECK ("users"."seller_kind" in ('private', 'dealer'))
);
--> statement-breakpoint
ALTER TABLE "listing_events" ADD CONSTRAINT "listing_events_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_seller_id_users_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_events_listing_id_at_idx" ON "listing_events" USING btree ("listing_id","at");--> statement-breakpoint
CREATE INDEX "listings_search_text_idx" ON "listings" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "listings_model_trgm_idx" ON "listings" USING gin (lower("model") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "listings_chassis_code_trgm_idx" ON "listings" USING gin (lower("chassis_code") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "listings_status_created_at_idx" ON "listings" USING btree ("status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "listings_make_model_idx" ON "listings" USING btree ("make","model");--> statement-breakpoint
CREATE INDEX "listings_landed_usd_cents_idx" ON "listings" USING btree ("landed_usd_cents");--> statement-breakpoint
CREATE INDEX "listings_year_idx" ON "listings" USING btree ("year");--> statement-breakpoint
CREATE INDEX "listings_mileage_km_idx" ON "listings" USING btree ("mileage_km");--> statement-breakpoint
CREATE INDEX "listings_eligible_from_idx" ON "listings" USING btree ("eligible_from");--> statement-breakpoint
CREATE INDEX "listings_seller_id_idx" ON "listings" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));