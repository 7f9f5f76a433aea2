CREATE TABLE "statements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"billed_client_number" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"kind" "billing_kind" NOT NULL,
	"language" "locale" NOT NULL,
	"closing_cents" bigint NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"printed_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "statements_period" CHECK ("statements"."period_from" <= "statements"."period_to")
);
--> statement-breakpoint
ALTER TABLE "deliveries" ALTER COLUMN "invoice_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "statement_id" bigint;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_billed_client_number_clients_number_fk" FOREIGN KEY ("billed_client_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statements_client_period" ON "statements" USING btree ("billed_client_number","period_from","period_to");--> statement-breakpoint
CREATE INDEX "statements_period_to" ON "statements" USING btree ("period_to");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_statement" ON "deliveries" USING btree ("statement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_one_pending_statement_email" ON "deliveries" USING btree ("statement_id") WHERE "deliveries"."channel" = 'email' and "deliveries"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_one_document" CHECK (("deliveries"."invoice_id" is null) <> ("deliveries"."statement_id" is null));