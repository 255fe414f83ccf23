CREATE TABLE "lot_batches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lot_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"options" jsonb NOT NULL,
	"options_key" text NOT NULL,
	"row_count" integer NOT NULL,
	"error_count" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lot_batches_same_upload_key" UNIQUE("user_id","file_sha256","options_key")
);
--> statement-breakpoint
CREATE TABLE "lot_results" (
	"batch_id" bigint NOT NULL,
	"line" integer NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "lot_results_batch_id_line_pk" PRIMARY KEY("batch_id","line")
);
--> statement-breakpoint
ALTER TABLE "lot_batches" ADD CONSTRAINT "lot_batches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_results" ADD CONSTRAINT "lot_results_batch_id_lot_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."lot_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lot_batches_user_id_idx" ON "lot_batches" USING btree ("user_id","created_at");