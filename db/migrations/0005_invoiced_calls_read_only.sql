-- A call on a non-void invoice is read-only, whatever path tries to change it (SQLSTATE RC001).
-- Correcting it is done with a credit note; reversing its billing run makes it editable again.
CREATE OR REPLACE FUNCTION calls_guard_invoiced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice_number bigint;
BEGIN
  SELECT i.number INTO invoice_number
    FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
   WHERE l.call_number = OLD.number AND NOT l.is_void
   LIMIT 1;
  IF invoice_number IS NOT NULL THEN
    RAISE EXCEPTION 'l''appel % est sur la facture % : il ne peut plus être modifié', OLD.number, invoice_number
      USING ERRCODE = 'RC001', DETAIL = invoice_number::text;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint

CREATE TRIGGER calls_guard_invoiced BEFORE UPDATE OR DELETE ON calls
  FOR EACH ROW EXECUTE FUNCTION calls_guard_invoiced();
