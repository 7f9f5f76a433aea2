-- Quebec taxes of an invoice subtotal, as in lib/money/taxes.ts (tested to agree with it):
-- GST 5 % and QST 9.975 %, each rounded half-up to the cent (round() on numeric rounds halves
-- away from zero, which is half-up for the non-negative amounts billed here); 0 when exempt.
CREATE OR REPLACE FUNCTION invoice_gst_cents(subtotal_cents bigint, is_exempt boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN is_exempt THEN 0 ELSE round(subtotal_cents * 5 / 100.0)::bigint END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION invoice_qst_cents(subtotal_cents bigint, is_exempt boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN is_exempt THEN 0 ELSE round(subtotal_cents * 9975 / 100000.0)::bigint END
$$;
--> statement-breakpoint

/*
 * An invoiced call is read-only (0005). A billing run holds the billing lock exclusively while
 * it reads the billable calls and writes their invoice lines; every change of a call takes it
 * shared first, so a call cannot be re-priced or re-opened between the moment a run reads it and
 * the moment its invoice line exists.
 */
CREATE OR REPLACE FUNCTION calls_guard_invoiced() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice_number bigint;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(72420002);
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
