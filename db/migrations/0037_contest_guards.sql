-- Contested calls (docs/business-rules.md, Contested calls): a refusal without an answer is
-- refused by the database too (a null answer passed the check of 0036), and an accepted contest's
-- credit note credits the call itself (a line of it on the call's line, not void) or an amount of
-- its invoice as a whole, not another call of the same invoice.
ALTER TABLE "call_contests" DROP CONSTRAINT "call_contests_refusal_has_reason";--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_refusal_has_reason" CHECK ("call_contests"."status" <> 'refused' or ("call_contests"."answer" is not null and length(trim("call_contests"."answer")) between 1 and 1000));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_contests_guard_credit_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credit_note_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM credit_notes n
         JOIN invoice_lines l ON l.invoice_id = n.invoice_id AND l.call_number = NEW.call_number AND NOT l.is_void
         JOIN credit_note_lines cl ON cl.credit_note_id = n.id AND (cl.invoice_line_id = l.id OR cl.invoice_line_id IS NULL)
        WHERE n.id = NEW.credit_note_id) THEN
    RAISE EXCEPTION 'la note de crédit ne crédite ni l''appel % ni un montant de sa facture', NEW.call_number
      USING ERRCODE = 'RV005', DETAIL = NEW.call_number::text;
  END IF;
  RETURN NEW;
END $$;
