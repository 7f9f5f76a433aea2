-- An issued invoice never changes (docs/business-rules.md, Snapshots): only its delivery marks
-- and its voiding may be written; a void invoice stays void; voiding it voids its lines in the
-- same statement.
CREATE OR REPLACE FUNCTION invoices_guard_issued() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'void' AND NEW.status <> 'void' THEN
    RAISE EXCEPTION 'la facture % est annulée : elle le reste', OLD.number USING ERRCODE = 'RB001';
  END IF;
  IF (OLD.printed_at IS NOT NULL AND NEW.printed_at IS DISTINCT FROM OLD.printed_at)
     OR (OLD.emailed_at IS NOT NULL AND NEW.emailed_at IS DISTINCT FROM OLD.emailed_at) THEN
    RAISE EXCEPTION 'la facture % a été livrée : cette marque reste', OLD.number USING ERRCODE = 'RB002';
  END IF;
  IF (to_jsonb(NEW) - 'status' - 'voided_at' - 'voided_by' - 'printed_at' - 'printed_by' - 'emailed_at')
     IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'voided_at' - 'voided_by' - 'printed_at' - 'printed_by' - 'emailed_at') THEN
    RAISE EXCEPTION 'la facture % est émise : elle ne change plus (corrigez par une note de crédit)', OLD.number USING ERRCODE = 'RB002';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_guard_issued BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_guard_issued();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invoices_void_lines() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE invoice_lines SET is_void = true WHERE invoice_id = NEW.id AND NOT is_void;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_void_lines AFTER UPDATE OF status ON invoices
  FOR EACH ROW WHEN (NEW.status = 'void' AND OLD.status <> 'void') EXECUTE FUNCTION invoices_void_lines();
--> statement-breakpoint
-- An invoice line never changes, except that it becomes void (never back).
CREATE OR REPLACE FUNCTION invoice_lines_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.is_void AND NOT NEW.is_void THEN
    RAISE EXCEPTION 'une ligne de facture annulée le reste' USING ERRCODE = 'RB001';
  END IF;
  IF (to_jsonb(NEW) - 'is_void') IS DISTINCT FROM (to_jsonb(OLD) - 'is_void') THEN
    RAISE EXCEPTION 'une ligne de facture émise ne change plus' USING ERRCODE = 'RB002';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_guard BEFORE UPDATE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION invoice_lines_guard();
--> statement-breakpoint
-- A credit note is for an issued invoice, and all of an invoice's credit notes together never
-- exceed its subtotal. The invoice row is locked, so two credit notes at once take turns.
CREATE OR REPLACE FUNCTION credit_notes_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  invoice_status invoice_status;
  invoice_subtotal bigint;
  credited bigint;
BEGIN
  SELECT status, subtotal_cents INTO invoice_status, invoice_subtotal FROM invoices WHERE id = NEW.invoice_id FOR UPDATE;
  IF invoice_status <> 'issued' THEN
    RAISE EXCEPTION 'une facture annulée ne peut pas être créditée' USING ERRCODE = 'RB003';
  END IF;
  SELECT coalesce(sum(subtotal_cents), 0) INTO credited FROM credit_notes WHERE invoice_id = NEW.invoice_id;
  IF credited + NEW.subtotal_cents > invoice_subtotal THEN
    RAISE EXCEPTION 'les notes de crédit dépasseraient la facture' USING ERRCODE = 'RB004';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER credit_notes_guard BEFORE INSERT ON credit_notes FOR EACH ROW EXECUTE FUNCTION credit_notes_guard();
