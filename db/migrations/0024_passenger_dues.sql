CREATE TYPE "public"."billing_type" AS ENUM('taxi', 'odometer', 'fixed_regular', 'fixed_contract', 'hourly', 'adapted', 'collective', 'app');--> statement-breakpoint
CREATE TYPE "public"."dues_exemption" AS ENUM('municipal_contract', 'transit_contract', 'act');--> statement-breakpoint
CREATE TABLE "dues_rates" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"rate_cents" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_rates_rate" CHECK ("dues_rates"."rate_cents" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"merged_into_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_name_folded_unique" UNIQUE("name_folded"),
	CONSTRAINT "municipalities_name_present" CHECK (length(trim("municipalities"."name")) between 1 and 100),
	CONSTRAINT "municipalities_not_merged_into_itself" CHECK ("municipalities"."merged_into_id" is distinct from "municipalities"."id")
);
--> statement-breakpoint
ALTER TABLE "billing_runs" DROP CONSTRAINT "billing_runs_amounts";--> statement-breakpoint
ALTER TABLE "credit_notes" DROP CONSTRAINT "credit_notes_amounts";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_amounts";--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "dues_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "billing_hours_tenths" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "origin_municipality_id" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "destination_municipality_id" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "sev_number" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "dues_exemption" "dues_exemption";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "dues_exemption_detail" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "dues_exempt_from" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "dues_exempt_to" date;--> statement-breakpoint
ALTER TABLE "credit_note_lines" ADD COLUMN "dues_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD COLUMN "dues_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "is_passenger" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "dues_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "billing_hours_tenths" integer;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "sev_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "dues_trips" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "dues_exemption" "dues_exemption";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "dues_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "is_passenger" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "is_dues_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "default_billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_origin_municipality_id_municipalities_id_fk" FOREIGN KEY ("origin_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_destination_municipality_id_municipalities_id_fk" FOREIGN KEY ("destination_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_amounts" CHECK ("billing_runs"."subtotal_cents" >= 0 and "billing_runs"."dues_cents" >= 0 and "billing_runs"."gst_cents" >= 0 and "billing_runs"."qst_cents" >= 0 and "billing_runs"."total_cents" = "billing_runs"."subtotal_cents" + "billing_runs"."dues_cents" + "billing_runs"."gst_cents" + "billing_runs"."qst_cents");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_billing_hours" CHECK (("calls"."billing_hours_tenths" is null or "calls"."billing_hours_tenths" between 1 and 9999) and ("calls"."billing_hours_tenths" is null or "calls"."billing_type" = 'hourly'));--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_sev_number" CHECK ("calls"."sev_number" is null or "calls"."sev_number" ~ '^[A-Za-z0-9._:/-]{1,40}$');--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_dues_exemption_dates" CHECK (("clients"."dues_exemption" is null) = ("clients"."dues_exempt_from" is null));--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_dues_exemption_period" CHECK ("clients"."dues_exempt_to" is null or "clients"."dues_exempt_to" >= "clients"."dues_exempt_from");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_dues_exemption_named" CHECK ("clients"."dues_exemption" is distinct from 'act' or length(trim(coalesce("clients"."dues_exemption_detail", ''))) > 0);--> statement-breakpoint
ALTER TABLE "credit_note_lines" ADD CONSTRAINT "credit_note_lines_dues" CHECK ("credit_note_lines"."dues_cents" >= 0 and ("credit_note_lines"."dues_cents" = 0 or "credit_note_lines"."invoice_line_id" is not null));--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_amounts" CHECK ("credit_notes"."subtotal_cents" > 0 and "credit_notes"."dues_cents" >= 0 and "credit_notes"."gst_cents" >= 0 and "credit_notes"."qst_cents" >= 0 and "credit_notes"."total_cents" = "credit_notes"."subtotal_cents" + "credit_notes"."dues_cents" + "credit_notes"."gst_cents" + "credit_notes"."qst_cents");--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_dues" CHECK ("invoice_lines"."dues_cents" >= 0 and ("invoice_lines"."is_passenger" or "invoice_lines"."dues_cents" = 0));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_amounts" CHECK ("invoices"."subtotal_cents" >= 0 and "invoices"."dues_cents" >= 0 and "invoices"."dues_trips" >= 0 and "invoices"."gst_cents" >= 0 and "invoices"."qst_cents" >= 0 and "invoices"."total_cents" = "invoices"."subtotal_cents" + "invoices"."dues_cents" + "invoices"."gst_cents" + "invoices"."qst_cents");--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_dues_exempt_passenger" CHECK (not "tariffs"."is_dues_exempt" or "tariffs"."is_passenger");--> statement-breakpoint
-- The dues on a passenger trip since 2021-01-01 (Act respecting remunerated passenger
-- transportation by automobile, s. 287): 0,90 $, a setting an administrator changes by adding a
-- rate from a date (docs/business-rules.md, Dues).
INSERT INTO dues_rates (effective_from, rate_cents) VALUES ('2021-01-01', 90) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A credit note's dues, held as its subtotal and taxes are (migrations 0010, 0022): the credit
-- notes of an invoice never take more dues than it charged, and the note that completes both its
-- fares and its dues takes exactly the taxes left, so that an invoice credited in full owes zero.
-- A credit of an amount takes no dues (Revenu Québec: dues are not refunded on a partial credit).
CREATE OR REPLACE FUNCTION credit_notes_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice invoices%ROWTYPE;
  credited record;
BEGIN
  SELECT * INTO invoice FROM invoices WHERE id = NEW.invoice_id FOR UPDATE;
  IF invoice.status <> 'issued' THEN
    RAISE EXCEPTION 'une facture annulée ne peut pas être créditée' USING ERRCODE = 'RB003';
  END IF;
  SELECT coalesce(sum(subtotal_cents), 0) + NEW.subtotal_cents AS subtotal,
         coalesce(sum(dues_cents), 0) + NEW.dues_cents AS dues,
         coalesce(sum(gst_cents), 0) + NEW.gst_cents AS gst,
         coalesce(sum(qst_cents), 0) + NEW.qst_cents AS qst
    INTO credited FROM credit_notes WHERE invoice_id = NEW.invoice_id;
  IF credited.subtotal > invoice.subtotal_cents OR credited.dues > invoice.dues_cents
     OR credited.gst > invoice.gst_cents OR credited.qst > invoice.qst_cents THEN
    RAISE EXCEPTION 'les notes de crédit dépasseraient la facture' USING ERRCODE = 'RB004';
  END IF;
  IF credited.subtotal = invoice.subtotal_cents AND credited.dues = invoice.dues_cents
     AND (credited.gst <> invoice.gst_cents OR credited.qst <> invoice.qst_cents) THEN
    RAISE EXCEPTION 'la note de crédit qui complète la facture prend exactement les taxes qui restent' USING ERRCODE = 'RB004';
  END IF;
  RETURN NEW;
END $$;
