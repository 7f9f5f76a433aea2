CREATE TYPE "public"."credit_policy" AS ENUM('none', 'warn', 'block');--> statement-breakpoint
CREATE TYPE "public"."deposit_batch_status" AS ENUM('open', 'posted');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('cheque', 'transfer', 'card', 'cash', 'other');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('pending', 'posted', 'reversed');--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'payment';--> statement-breakpoint
CREATE TABLE "credit_hold_overrides" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"billed_client_number" integer NOT NULL,
	"call_number" bigint NOT NULL,
	"reason" text NOT NULL,
	"hold_reasons" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_hold_overrides_reason" CHECK (length(trim("credit_hold_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "deposit_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deposit_date" date NOT NULL,
	"announced_cents" bigint NOT NULL,
	"reference" text,
	"status" "deposit_batch_status" DEFAULT 'open' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_by" integer,
	"posted_at" timestamp with time zone,
	CONSTRAINT "deposit_batches_announced" CHECK ("deposit_batches"."announced_cents" > 0 and "deposit_batches"."announced_cents" <= 99999999999),
	CONSTRAINT "deposit_batches_posted" CHECK (("deposit_batches"."status" = 'posted') = ("deposit_batches"."posted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"payment_id" bigint NOT NULL,
	"invoice_id" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"applied_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_on" date,
	"released_by" integer,
	"released_at" timestamp with time zone,
	CONSTRAINT "payment_allocations_amount_positive" CHECK ("payment_allocations"."amount_cents" > 0),
	CONSTRAINT "payment_allocations_release" CHECK ("payment_allocations"."released_on" is null or "payment_allocations"."released_on" >= "payment_allocations"."applied_on")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"number" bigint NOT NULL,
	"billed_client_number" integer NOT NULL,
	"received_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"method" "payment_method" NOT NULL,
	"reference" text,
	"note" text,
	"status" "payment_status" DEFAULT 'posted' NOT NULL,
	"deposit_batch_id" bigint,
	"applied_cents" bigint DEFAULT 0 NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_on" date,
	"reversal_reason" text,
	"reversed_by" integer,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "payments_number_unique" UNIQUE("number"),
	CONSTRAINT "payments_number_positive" CHECK ("payments"."number" > 0),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_cents" > 0 and "payments"."amount_cents" <= 99999999999),
	CONSTRAINT "payments_applied_within_amount" CHECK ("payments"."applied_cents" >= 0 and "payments"."applied_cents" <= "payments"."amount_cents"),
	CONSTRAINT "payments_reversal" CHECK (("payments"."status" = 'reversed') = ("payments"."reversed_on" is not null and "payments"."reversal_reason" is not null and length(trim("payments"."reversal_reason")) > 0)),
	CONSTRAINT "payments_reversed_unapplied" CHECK ("payments"."status" <> 'reversed' or "payments"."applied_cents" = 0),
	CONSTRAINT "payments_reversed_after_received" CHECK ("payments"."reversed_on" is null or "payments"."reversed_on" >= "payments"."received_on"),
	CONSTRAINT "payments_pending_in_batch" CHECK ("payments"."status" <> 'pending' or ("payments"."deposit_batch_id" is not null and "payments"."applied_cents" = 0))
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "credit_limit_cents" bigint;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "hold_after_days_past_due" integer;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "credit_policy" "credit_policy" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credited_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_hold_overrides" ADD CONSTRAINT "credit_hold_overrides_billed_client_number_clients_number_fk" FOREIGN KEY ("billed_client_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_hold_overrides" ADD CONSTRAINT "credit_hold_overrides_call_number_calls_number_fk" FOREIGN KEY ("call_number") REFERENCES "public"."calls"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_hold_overrides" ADD CONSTRAINT "credit_hold_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_batches" ADD CONSTRAINT "deposit_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_batches" ADD CONSTRAINT "deposit_batches_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_billed_client_number_clients_number_fk" FOREIGN KEY ("billed_client_number") REFERENCES "public"."clients"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_deposit_batch_id_deposit_batches_id_fk" FOREIGN KEY ("deposit_batch_id") REFERENCES "public"."deposit_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_hold_overrides_client" ON "credit_hold_overrides" USING btree ("billed_client_number","created_at");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_billed_client" ON "payments" USING btree ("billed_client_number","received_on");--> statement-breakpoint
CREATE INDEX "payments_received_on" ON "payments" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "payments_deposit_batch" ON "payments" USING btree ("deposit_batch_id");--> statement-breakpoint
CREATE INDEX "invoices_open_by_client" ON "invoices" USING btree ("billed_client_number","due_date") WHERE "invoices"."status" = 'issued' and "invoices"."credited_cents" + "invoices"."paid_cents" < "invoices"."total_cents";--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_credit_limit" CHECK ("clients"."credit_limit_cents" is null or "clients"."credit_limit_cents" between 0 and 99999999999);--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_hold_after_days" CHECK ("clients"."hold_after_days_past_due" is null or "clients"."hold_after_days_past_due" between 0 and 3650);--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_suspension_reason" CHECK ("clients"."suspension_reason" is null or length(trim("clients"."suspension_reason")) > 0);--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_settled_within_total" CHECK ("invoices"."credited_cents" >= 0 and "invoices"."paid_cents" >= 0 and "invoices"."credited_cents" + "invoices"."paid_cents" <= "invoices"."total_cents");--> statement-breakpoint
-- Receivables (docs/business-rules.md, Receivables). The balance due of an invoice is
-- total − credited − paid; the two counters are kept here, by triggers, from the credit notes
-- and the payment allocations, and the check invoices_settled_within_total holds them within
-- the total. Each allocation updates its payment's and its invoice's row, so two clerks applying
-- the same payment, or paying the same invoice, at once take turns on that row lock and the
-- second one meets the check.
UPDATE invoices i SET credited_cents = c.total
  FROM (SELECT invoice_id, sum(total_cents) AS total FROM credit_notes GROUP BY invoice_id) c
 WHERE c.invoice_id = i.id;
--> statement-breakpoint
-- An issued invoice never changes, except its delivery marks, its voiding and its settlement
-- counters; a void invoice stays void; an invoice with a payment applied cannot be voided.
CREATE OR REPLACE FUNCTION invoices_guard_issued() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'void' AND NEW.status <> 'void' THEN
    RAISE EXCEPTION 'la facture % est annulée : elle le reste', OLD.number USING ERRCODE = 'RB001';
  END IF;
  IF OLD.status <> 'void' AND NEW.status = 'void' AND NEW.paid_cents > 0 THEN
    RAISE EXCEPTION 'la facture % a un paiement affecté : elle ne peut pas être annulée', OLD.number
      USING ERRCODE = 'RR002', DETAIL = OLD.number::text;
  END IF;
  IF (OLD.printed_at IS NOT NULL AND NEW.printed_at IS DISTINCT FROM OLD.printed_at)
     OR (OLD.emailed_at IS NOT NULL AND NEW.emailed_at IS DISTINCT FROM OLD.emailed_at) THEN
    RAISE EXCEPTION 'la facture % a été livrée : cette marque reste', OLD.number USING ERRCODE = 'RB002';
  END IF;
  IF (to_jsonb(NEW) - 'status' - 'voided_at' - 'voided_by' - 'printed_at' - 'printed_by' - 'emailed_at' - 'credited_cents' - 'paid_cents')
     IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'voided_at' - 'voided_by' - 'printed_at' - 'printed_by' - 'emailed_at' - 'credited_cents' - 'paid_cents') THEN
    RAISE EXCEPTION 'la facture % est émise : elle ne change plus (corrigez par une note de crédit)', OLD.number USING ERRCODE = 'RB002';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- A credit note settles its own invoice: its total is added to the invoice's credited amount
-- (refused by the check when payments already settle that part of the invoice).
CREATE OR REPLACE FUNCTION credit_notes_settle_invoice() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE invoices SET credited_cents = credited_cents + NEW.total_cents WHERE id = NEW.invoice_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER credit_notes_settle_invoice AFTER INSERT ON credit_notes FOR EACH ROW EXECUTE FUNCTION credit_notes_settle_invoice();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION credit_notes_never_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'une note de crédit émise ne change plus' USING ERRCODE = 'RB002';
END $$;
--> statement-breakpoint
CREATE TRIGGER credit_notes_never_change BEFORE UPDATE OR DELETE ON credit_notes FOR EACH ROW EXECUTE FUNCTION credit_notes_never_change();
--> statement-breakpoint
/*
 * An allocation applies part of a posted payment to an issued invoice of the same billed
 * client. Its payment's applied amount and its invoice's paid amount grow by it, in that order
 * (lock order: the payment, then its invoices by id); the checks on both rows refuse more than
 * the payment or more than the invoice's balance. Errors: RR001 (not this client's invoice, a
 * void invoice, a payment not posted).
 */
CREATE OR REPLACE FUNCTION payment_allocations_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  payer integer;
  payment_state payment_status;
  found_invoice bigint;
BEGIN
  UPDATE payments SET applied_cents = applied_cents + NEW.amount_cents WHERE id = NEW.payment_id
    RETURNING billed_client_number, status INTO payer, payment_state;
  IF payment_state IS DISTINCT FROM 'posted' THEN
    RAISE EXCEPTION 'le paiement n''est pas encaissé : il ne peut pas être affecté' USING ERRCODE = 'RR001';
  END IF;
  UPDATE invoices SET paid_cents = paid_cents + NEW.amount_cents
   WHERE id = NEW.invoice_id AND status = 'issued' AND billed_client_number = payer
   RETURNING number INTO found_invoice;
  IF found_invoice IS NULL THEN
    RAISE EXCEPTION 'la facture n''est pas une facture émise du client %', payer USING ERRCODE = 'RR001';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_apply AFTER INSERT ON payment_allocations FOR EACH ROW EXECUTE FUNCTION payment_allocations_apply();
--> statement-breakpoint
-- An allocation is never erased nor changed, except that it is released once (with its date):
-- its amount then returns to its payment and leaves its invoice.
CREATE OR REPLACE FUNCTION payment_allocations_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'une affectation de paiement ne s''efface pas' USING ERRCODE = 'RB002';
  END IF;
  IF OLD.released_on IS NOT NULL
     OR (to_jsonb(NEW) - 'released_on' - 'released_by' - 'released_at') IS DISTINCT FROM (to_jsonb(OLD) - 'released_on' - 'released_by' - 'released_at') THEN
    RAISE EXCEPTION 'une affectation de paiement ne change plus' USING ERRCODE = 'RB002';
  END IF;
  IF NEW.released_on IS NOT NULL THEN
    UPDATE payments SET applied_cents = applied_cents - OLD.amount_cents WHERE id = OLD.payment_id;
    UPDATE invoices SET paid_cents = paid_cents - OLD.amount_cents WHERE id = OLD.invoice_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_guard BEFORE UPDATE OR DELETE ON payment_allocations FOR EACH ROW EXECUTE FUNCTION payment_allocations_guard();
--> statement-breakpoint
-- A payment's amount, client and date never change once recorded (a mistake is reversed and
-- entered again); a reversed payment stays reversed.
CREATE OR REPLACE FUNCTION payments_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'pending' THEN
      RAISE EXCEPTION 'un paiement encaissé ne s''efface pas : il se renverse' USING ERRCODE = 'RB002';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'reversed' AND NEW.status <> 'reversed' THEN
    RAISE EXCEPTION 'le paiement % est renversé : il le reste', OLD.number USING ERRCODE = 'RB001';
  END IF;
  IF OLD.status <> 'pending' AND NEW.status = 'pending' THEN
    RAISE EXCEPTION 'le paiement % est encaissé', OLD.number USING ERRCODE = 'RB002';
  END IF;
  IF OLD.status <> 'pending' AND (NEW.amount_cents, NEW.billed_client_number, NEW.received_on) IS DISTINCT FROM (OLD.amount_cents, OLD.billed_client_number, OLD.received_on) THEN
    RAISE EXCEPTION 'le paiement % est encaissé : il ne change plus (renversez-le)', OLD.number USING ERRCODE = 'RB002';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_guard BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_guard();
--> statement-breakpoint
DROP TRIGGER clients_audit ON clients;
--> statement-breakpoint
CREATE TRIGGER clients_audit AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION audit_row_changes('client', 'number',
    'grouped_client_number', 'name', 'contact_name', 'phone', 'address_line1', 'address_line2', 'city', 'province',
    'postal_code', 'invoice_emails', 'language', 'delivery_method', 'payment_terms_days', 'billing_cycle',
    'gst_exempt', 'gst_exemption_number', 'qst_exempt', 'qst_exemption_number', 'tariff_id', 'discount_percent',
    'is_active', 'notes', 'credit_limit_cents', 'hold_after_days_past_due', 'credit_policy', 'suspension_reason');
