-- Contested calls (docs/business-rules.md, Contested calls), held by the database as the server
-- holds them: a refusal has its answer (a null one passed the check of 0036); a cancelled call is
-- not contested; an answer is given once; an accepted contest of an invoiced call names a credit
-- note, which credits the call itself (a line of it on the call's line, not void) or an amount of
-- its invoice as a whole, not another call of the same invoice.
ALTER TABLE "call_contests" DROP CONSTRAINT "call_contests_refusal_has_reason";--> statement-breakpoint
ALTER TABLE "call_contests" ADD CONSTRAINT "call_contests_refusal_has_reason" CHECK ("call_contests"."status" <> 'refused' or ("call_contests"."answer" is not null and length(trim("call_contests"."answer")) between 1 and 1000));
--> statement-breakpoint
DROP TRIGGER call_contests_guard_credit_note ON call_contests;
--> statement-breakpoint
DROP FUNCTION call_contests_guard_credit_note();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION call_contests_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND (SELECT status FROM calls WHERE number = NEW.call_number) = 'cancelled' THEN
    RAISE EXCEPTION 'l''appel % est annulé : il n''y a rien à contester', NEW.call_number
      USING ERRCODE = 'RV007', DETAIL = NEW.call_number::text;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'open'
     AND (NEW.status, NEW.answer, NEW.credit_note_id, NEW.answered_by, NEW.answered_at)
         IS DISTINCT FROM (OLD.status, OLD.answer, OLD.credit_note_id, OLD.answered_by, OLD.answered_at) THEN
    RAISE EXCEPTION 'la contestation de l''appel % a déjà reçu une réponse', NEW.call_number
      USING ERRCODE = 'RV006', DETAIL = NEW.call_number::text;
  END IF;
  IF NEW.status = 'accepted' AND NEW.credit_note_id IS NULL
     AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.call_number = NEW.call_number AND NOT l.is_void) THEN
    RAISE EXCEPTION 'l''appel % est facturé : une contestation acceptée nomme sa note de crédit', NEW.call_number
      USING ERRCODE = 'RV008', DETAIL = NEW.call_number::text;
  END IF;
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
--> statement-breakpoint
CREATE TRIGGER call_contests_guard BEFORE INSERT OR UPDATE ON call_contests
  FOR EACH ROW EXECUTE FUNCTION call_contests_guard();
