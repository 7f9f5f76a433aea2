ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_call_number_calls_number_fk";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_client_number_clients_number_fk";
--> statement-breakpoint
-- A call that was ever invoiced (even on a void invoice) cannot be deleted: its invoice lines
-- name it. The shared billing lock as in 0006.
CREATE OR REPLACE FUNCTION calls_guard_invoiced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice_number bigint;
BEGIN
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
--> statement-breakpoint
-- A client named by an invoice line cannot be deleted either (rare: an administrator's action).
CREATE OR REPLACE FUNCTION clients_guard_invoiced() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoice_lines WHERE client_number = OLD.number) THEN
    RAISE EXCEPTION 'le client % figure sur des factures : il ne peut pas être supprimé', OLD.number
      USING ERRCODE = '23503', CONSTRAINT = 'invoice_lines_client_number';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER clients_guard_invoiced BEFORE DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_guard_invoiced();
