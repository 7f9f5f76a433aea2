CREATE TYPE "public"."accounting_document_kind" AS ENUM('invoice', 'invoice_void', 'credit_note', 'payment', 'payment_reversal');--> statement-breakpoint
CREATE TABLE "accounting_exported_documents" (
	"export_id" bigint NOT NULL,
	"kind" "accounting_document_kind" NOT NULL,
	"document_id" bigint NOT NULL,
	CONSTRAINT "accounting_exported_documents_export_id_kind_document_id_pk" PRIMARY KEY("export_id","kind","document_id")
);
--> statement-breakpoint
CREATE TABLE "accounting_exports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"is_reexport" boolean DEFAULT false NOT NULL,
	"document_count" integer NOT NULL,
	"accounts" jsonb NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_exports_period" CHECK ("accounting_exports"."period_from" <= "accounting_exports"."period_to"),
	CONSTRAINT "accounting_exports_balanced" CHECK ("accounting_exports"."debit_cents" = "accounting_exports"."credit_cents")
);
--> statement-breakpoint
CREATE TABLE "accounting_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"receivables_account" text DEFAULT '1200' NOT NULL,
	"sales_account" text DEFAULT '4020' NOT NULL,
	"gst_account" text DEFAULT '2310' NOT NULL,
	"qst_account" text DEFAULT '2330' NOT NULL,
	"bank_account" text DEFAULT '1060' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounting_settings_single_row" CHECK ("accounting_settings"."id" = 1),
	CONSTRAINT "accounting_settings_accounts" CHECK (("accounting_settings"."receivables_account" = trim("accounting_settings"."receivables_account") and length("accounting_settings"."receivables_account") between 1 and 100 and "accounting_settings"."receivables_account" !~ '[[:cntrl:]"]') and ("accounting_settings"."sales_account" = trim("accounting_settings"."sales_account") and length("accounting_settings"."sales_account") between 1 and 100 and "accounting_settings"."sales_account" !~ '[[:cntrl:]"]') and ("accounting_settings"."gst_account" = trim("accounting_settings"."gst_account") and length("accounting_settings"."gst_account") between 1 and 100 and "accounting_settings"."gst_account" !~ '[[:cntrl:]"]') and ("accounting_settings"."qst_account" = trim("accounting_settings"."qst_account") and length("accounting_settings"."qst_account") between 1 and 100 and "accounting_settings"."qst_account" !~ '[[:cntrl:]"]') and ("accounting_settings"."bank_account" = trim("accounting_settings"."bank_account") and length("accounting_settings"."bank_account") between 1 and 100 and "accounting_settings"."bank_account" !~ '[[:cntrl:]"]'))
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "legacy_invoice_number" text;--> statement-breakpoint
ALTER TABLE "accounting_exported_documents" ADD CONSTRAINT "accounting_exported_documents_export_id_accounting_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."accounting_exports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_exports" ADD CONSTRAINT "accounting_exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounting_settings" ADD CONSTRAINT "accounting_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounting_exported_documents_document" ON "accounting_exported_documents" USING btree ("kind","document_id");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_legacy_invoice_present" CHECK ("calls"."legacy_invoice_number" is null or length(trim("calls"."legacy_invoice_number")) between 1 and 50);--> statement-breakpoint
INSERT INTO accounting_settings (id) VALUES (1);
--> statement-breakpoint
-- The account mapping's changes in the audit log, as the administrator who made them.
CREATE TRIGGER accounting_settings_audit AFTER INSERT OR UPDATE OR DELETE ON accounting_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('settings', 'id',
    'receivables_account', 'sales_account', 'gst_account', 'qst_account', 'bank_account');
--> statement-breakpoint
-- An exported document is recorded once per export, and an export never changes once written.
CREATE OR REPLACE FUNCTION accounting_exports_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'une exportation comptable ne change plus une fois écrite' USING ERRCODE = 'RA001';
END $$;
--> statement-breakpoint
CREATE TRIGGER accounting_exports_frozen BEFORE UPDATE OR DELETE ON accounting_exports
  FOR EACH ROW EXECUTE FUNCTION accounting_exports_frozen();
--> statement-breakpoint
CREATE TRIGGER accounting_exported_documents_frozen BEFORE UPDATE OR DELETE ON accounting_exported_documents
  FOR EACH ROW EXECUTE FUNCTION accounting_exports_frozen();
--> statement-breakpoint
-- A call imported from the former system with the invoice it was billed on there is as
-- read-only as a call invoiced here (docs/business-rules.md, Import). Otherwise as in 0008: a call
-- that was ever invoiced (even on a void invoice) cannot be deleted; the shared billing lock.
CREATE OR REPLACE FUNCTION calls_guard_invoiced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice_number bigint;
BEGIN
  IF OLD.legacy_invoice_number IS NOT NULL THEN
    RAISE EXCEPTION 'l''appel % est sur la facture % de l''ancien système : il ne peut plus être modifié', OLD.number, OLD.legacy_invoice_number
      USING ERRCODE = 'RC001', DETAIL = OLD.legacy_invoice_number;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(72420002);
  SELECT i.number INTO invoice_number
    FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
   WHERE l.call_number = OLD.number AND (NOT l.is_void OR TG_OP = 'DELETE')
   ORDER BY l.is_void
   LIMIT 1;
  IF invoice_number IS NOT NULL THEN
    RAISE EXCEPTION 'l''appel % est sur la facture % : il ne peut plus être modifié', OLD.number, invoice_number
      USING ERRCODE = 'RC001', DETAIL = invoice_number::text;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
