-- A deposit batch is posted only when its payments add up to its announced total, and an
-- open batch alone takes pending payments (docs/business-rules.md, Payments and allocations):
-- held here too, not only by the application. Errors: RR003.
CREATE OR REPLACE FUNCTION deposit_batches_guard_posting() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  entered bigint;
BEGIN
  IF OLD.status = 'posted' AND NEW.status <> 'posted' THEN
    RAISE EXCEPTION 'le bordereau % est reporté : il le reste', OLD.id USING ERRCODE = 'RR003';
  END IF;
  IF OLD.status = 'open' AND NEW.status = 'posted' THEN
    SELECT coalesce(sum(amount_cents), 0) INTO entered FROM payments WHERE deposit_batch_id = NEW.id;
    IF entered <> NEW.announced_cents THEN
      RAISE EXCEPTION 'le bordereau % ne balance pas : % saisis pour % annoncés', NEW.id, entered, NEW.announced_cents
        USING ERRCODE = 'RR003';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER deposit_batches_guard_posting BEFORE UPDATE ON deposit_batches FOR EACH ROW EXECUTE FUNCTION deposit_batches_guard_posting();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payments_pending_in_open_batch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'pending' AND NOT EXISTS (SELECT 1 FROM deposit_batches WHERE id = NEW.deposit_batch_id AND status = 'open' FOR SHARE) THEN
    RAISE EXCEPTION 'un paiement en attente va dans un bordereau ouvert' USING ERRCODE = 'RR003';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_pending_in_open_batch BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION payments_pending_in_open_batch();
