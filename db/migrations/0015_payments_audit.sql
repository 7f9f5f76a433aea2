ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_entity";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_entity" CHECK ("audit_log"."entity" in ('client','tariff','user','settings','payment'));--> statement-breakpoint
-- Payments in the audit log (docs/business-rules.md, Payments and allocations), under the
-- billed client: a payment recorded (its amount), its status changing (reversed, with the
-- reason and the date), each allocation applied and released ("invoice:cents"). The actor is
-- the user the rows themselves name (created_by, reversed_by, released_by).
CREATE OR REPLACE FUNCTION payments_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (NEW.created_by, 'payment', NEW.number::text, NEW.billed_client_number, 'amount_cents', NULL, NEW.amount_cents::text);
    RETURN NULL;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (coalesce(NEW.reversed_by, NEW.created_by), 'payment', NEW.number::text, NEW.billed_client_number, 'status', OLD.status::text, NEW.status::text);
  END IF;
  IF NEW.reversal_reason IS DISTINCT FROM OLD.reversal_reason THEN
    INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
      VALUES (NEW.reversed_by, 'payment', NEW.number::text, NEW.billed_client_number, 'reversal_reason', OLD.reversal_reason,
              NEW.reversal_reason || ' (' || NEW.reversed_on::text || ')');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION payments_audit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_allocations_audit_applied() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
  SELECT n.created_by, 'payment', p.number::text, p.billed_client_number, 'allocation', NULL, i.number || ':' || n.amount_cents
    FROM new_rows n JOIN payments p ON p.id = n.payment_id JOIN invoices i ON i.id = n.invoice_id
   ORDER BY n.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_audit_applied AFTER INSERT ON payment_allocations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_allocations_audit_applied();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_allocations_audit_released() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (user_id, entity, entity_key, client_number, field, old_value, new_value)
  SELECT n.released_by, 'payment', p.number::text, p.billed_client_number, 'allocation_released', i.number || ':' || n.amount_cents,
         n.released_on::text
    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.released_on IS NULL
    JOIN payments p ON p.id = n.payment_id JOIN invoices i ON i.id = n.invoice_id
   WHERE n.released_on IS NOT NULL
   ORDER BY n.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_audit_released AFTER UPDATE ON payment_allocations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_allocations_audit_released();
