-- A credit note's taxes, held by the database as its subtotal already is (migration 0010): all the
-- credit notes of an invoice never take more GST or QST than the invoice charged, and the note
-- that completes the invoice's subtotal takes exactly the taxes left, so that an invoice credited
-- in full owes exactly zero (docs/business-rules.md, Reversal and credit notes).
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
         coalesce(sum(gst_cents), 0) + NEW.gst_cents AS gst,
         coalesce(sum(qst_cents), 0) + NEW.qst_cents AS qst
    INTO credited FROM credit_notes WHERE invoice_id = NEW.invoice_id;
  IF credited.subtotal > invoice.subtotal_cents OR credited.gst > invoice.gst_cents OR credited.qst > invoice.qst_cents THEN
    RAISE EXCEPTION 'les notes de crédit dépasseraient la facture' USING ERRCODE = 'RB004';
  END IF;
  IF credited.subtotal = invoice.subtotal_cents AND (credited.gst <> invoice.gst_cents OR credited.qst <> invoice.qst_cents) THEN
    RAISE EXCEPTION 'la note de crédit qui complète la facture prend exactement les taxes qui restent' USING ERRCODE = 'RB004';
  END IF;
  RETURN NEW;
END $$;
